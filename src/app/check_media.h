/* What `rjkiosk check` finds in a scenario's media: the video read through libvlc (readable,
 * with a picture, how long), and the captions and cues measured against it. */
#ifndef RJK_APP_CHECK_MEDIA_H
#define RJK_APP_CHECK_MEDIA_H

#include <stdint.h>

#include "core/error.h"
#include "core/scenario.h"

/* Adds to errors and warnings every problem the media of a valid scenario (borrowed) show, as
 * "FILE:LINE:COL: message" (a video libvlc cannot read or that has no picture at the video's
 * 'file', then those of scenario_media_check). Returns the video's length in ms, or -1 when
 * the scenario has no video or its length is not known. */
int64_t check_media(const struct scenario *scenario, struct rjk_diags *errors,
		    struct rjk_diags *warnings);

#endif
