/* Checks of a valid scenario against what its media hold, for `rjkiosk check`: the cues against
 * the video's length, and the caption file read strictly and against that length. */
#ifndef RJK_CORE_SCENARIO_MEDIA_H
#define RJK_CORE_SCENARIO_MEDIA_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/scenario.h"

/* A cue this close to the end of the video may never be reached: the last picture comes a frame
 * before the end, and the pause lands on a picture. */
#define SCENARIO_MEDIA_END_MARGIN_MS 1000

/* Adds to errors and warnings what the media show about a scenario with a video (borrowed):
 * - a cue at or after the end of the video (length_ms) is an error and a cue in its last
 *   SCENARIO_MEDIA_END_MARGIN_MS a warning, as "FILE:LINE:COL: message" at the cue's 'at';
 * - the caption file, when the scenario names one, read as captions_check does, its messages
 *   naming it as the scenario does from the scenario file's folder ("FOLDER/NAME:LINE:COL: ..."),
 *   and a caption that starts at or after the end of the video is a warning.
 * length_ms < 0 means the length is not known: then nothing is measured against it. Warnings
 * are marked "warning: " after the place. */
void scenario_media_check(const struct scenario *scenario, int64_t length_ms,
			  struct rjk_diags *errors, struct rjk_diags *warnings);

/* Writes ms as the scenario format writes times: "m:ss" or "h:mm:ss", with the fraction of a
 * second when there is one ("2:48.6", "0:09.96"). Returns out (16 bytes suffice). */
char *scenario_media_time(int64_t ms, char *out, size_t outsz);

#endif
