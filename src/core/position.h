/* Where a trainee is in the journey, in the short text stored with them ("note", "video:MS",
 * "step:ID", "review", "edit:ID", "timed-out") so that a restarted kiosk can put them back there. */
#ifndef RJK_CORE_POSITION_H
#define RJK_CORE_POSITION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/scenario.h"

/* Room for any position this release writes ("step:" and the longest step id). */
#define POSITION_MAX (SCENARIO_ID_MAX + 16)

enum position_kind {
	POSITION_UNKNOWN,   /* nothing stored yet, or text no release wrote */
	POSITION_NOTE,      /* the content note */
	POSITION_VIDEO,     /* the video, at the furthest point watched */
	POSITION_STEP,      /* a step, by id */
	POSITION_REVIEW,    /* the review */
	POSITION_EDIT,      /* a step reopened from the review, by id: it goes back there */
	POSITION_TIMED_OUT, /* left the kiosk unfinished: never put back on screen */
};

struct position {
	enum position_kind kind;
	int64_t video_ms;    /* POSITION_VIDEO: furthest point watched, 0 or more */
	const char *step_id; /* POSITION_STEP and POSITION_EDIT: borrowed (from the scenario,
	                        or the parsed text) */
};

/* Writes the stored text of pos into out (size bytes, at least POSITION_MAX for every step id
 * a scenario may have); always terminated. POSITION_UNKNOWN writes "". */
void position_format(const struct position *pos, char *out, size_t size);

/* Reads a stored text. Any text gives a position: one no release wrote is POSITION_UNKNOWN.
 * "video" alone is the start of the video, and a negative time counts as 0. step_id points
 * into text, valid while text is. */
struct position position_parse(const char *text);

#endif
