/* The trainee's place in the journey as the short text stored with them: written and read in
 * one place, so that databases written by earlier releases resume. */
#include "core/position.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void position_format(const struct position *pos, char *out, size_t size)
{
	switch (pos->kind) {
	case POSITION_NOTE:
		snprintf(out, size, "note");
		break;
	case POSITION_VIDEO:
		snprintf(out, size, "video:%" PRId64, pos->video_ms);
		break;
	case POSITION_STEP:
		snprintf(out, size, "step:%s", pos->step_id);
		break;
	case POSITION_REVIEW:
		snprintf(out, size, "review");
		break;
	case POSITION_EDIT:
		snprintf(out, size, "edit:%s", pos->step_id);
		break;
	case POSITION_TIMED_OUT:
		snprintf(out, size, "timed-out");
		break;
	default:
		snprintf(out, size, "%s", "");
		break;
	}
}

struct position position_parse(const char *text)
{
	struct position pos = {POSITION_UNKNOWN, 0, NULL};

	if (!strcmp(text, "note")) {
		pos.kind = POSITION_NOTE;
	} else if (!strncmp(text, "video", 5) && (!text[5] || text[5] == ':')) {
		pos.kind = POSITION_VIDEO;
		pos.video_ms = text[5] ? strtoll(text + 6, NULL, 10) : 0;
		if (pos.video_ms < 0)
			pos.video_ms = 0;
	} else if (!strncmp(text, "step:", 5)) {
		pos.kind = POSITION_STEP;
		pos.step_id = text + 5;
	} else if (!strncmp(text, "edit:", 5)) {
		pos.kind = POSITION_EDIT;
		pos.step_id = text + 5;
	} else if (!strcmp(text, "review")) {
		pos.kind = POSITION_REVIEW;
	} else if (!strcmp(text, "timed-out")) {
		pos.kind = POSITION_TIMED_OUT;
	}
	return pos;
}
