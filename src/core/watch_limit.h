/* How far a trainee may move through the interview video: the furthest point watched. */
#ifndef RJK_CORE_WATCH_LIMIT_H
#define RJK_CORE_WATCH_LIMIT_H

#include <stdbool.h>
#include <stdint.h>

/* Timing jitter tolerated between what the clock says and the picture shown (ms). */
#define WATCH_LIMIT_SLACK_MS 1000

/* Embedded by the session screen; all times in ms. */
struct watch_limit {
	bool skip_ahead;       /* the scenario allows moving past the watched part */
	int64_t furthest_ms;   /* the watched part is [0, furthest_ms] */
	int64_t last_shown_ms; /* previous observation, -1 before the first */
	int64_t last_clock_ms;
};

/* Starts with nothing watched. skip_ahead comes from the scenario (false by default). */
void watch_limit_init(struct watch_limit *w, bool skip_ahead);

/* Records that the picture at shown_ms is on screen at clock_ms (a monotonic clock). Only
 * playback counts as watching: the watched part grows from its end, no faster than the clock
 * runs, so a jump forward (a seek, a glitch) never counts. */
void watch_limit_observe(struct watch_limit *w, int64_t shown_ms, int64_t clock_ms);

/* The video played to its end (length_ms): all of it counts as watched. */
void watch_limit_finish(struct watch_limit *w, int64_t length_ms);

/* Whether moving to target_ms is allowed: backwards always, forwards only within the watched
 * part unless skip_ahead. */
bool watch_limit_allows(const struct watch_limit *w, int64_t target_ms);

/* The allowed point nearest to target_ms. */
int64_t watch_limit_clamp(const struct watch_limit *w, int64_t target_ms);

#endif
