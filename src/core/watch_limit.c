/* How far a trainee may move through the interview video: the furthest point watched. */
#include "core/watch_limit.h"

void watch_limit_init(struct watch_limit *w, bool skip_ahead)
{
	*w = (struct watch_limit){ .skip_ahead = skip_ahead, .last_shown_ms = -1 };
}

void watch_limit_observe(struct watch_limit *w, int64_t shown_ms, int64_t clock_ms)
{
	/* The first picture of a run that starts at the beginning counts from zero. */
	int64_t from = w->last_shown_ms >= 0 ? w->last_shown_ms : 0;
	int64_t elapsed = w->last_shown_ms >= 0 ? clock_ms - w->last_clock_ms : 0;
	if (elapsed < 0)
		elapsed = 0;
	bool continuous = from <= w->furthest_ms + WATCH_LIMIT_SLACK_MS &&
			  shown_ms >= from && shown_ms - from <= elapsed + WATCH_LIMIT_SLACK_MS;
	if (continuous && shown_ms > w->furthest_ms)
		w->furthest_ms = shown_ms;
	w->last_shown_ms = shown_ms;
	w->last_clock_ms = clock_ms;
}

void watch_limit_finish(struct watch_limit *w, int64_t length_ms)
{
	if (length_ms > w->furthest_ms)
		w->furthest_ms = length_ms;
}

bool watch_limit_allows(const struct watch_limit *w, int64_t target_ms)
{
	return w->skip_ahead || target_ms <= w->furthest_ms;
}

int64_t watch_limit_clamp(const struct watch_limit *w, int64_t target_ms)
{
	if (target_ms < 0)
		return 0;
	return watch_limit_allows(w, target_ms) ? target_ms : w->furthest_ms;
}
