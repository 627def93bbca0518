/* Checks of a scenario against its media's length and caption file (see scenario_media.h). */
#include "core/scenario_media.h"

#include <stdio.h>
#include <string.h>

#include "core/captions.h"
#include "core/report.h"
#include "core/timecode.h"

char *scenario_media_time(int64_t ms, char *out, size_t outsz)
{
	size_t n;

	timecode_format(ms, out, outsz);
	n = strlen(out);
	if (ms > 0 && ms % 1000 && n + 5 <= outsz) {
		snprintf(out + n, outsz - n, ".%03d", (int)(ms % 1000));
		n += 4;
		while (out[n - 1] == '0')
			out[--n] = '\0';
	}
	return out;
}

static void check_cues(const struct scenario *s, int64_t length_ms, struct rjk_diags *errors,
		       struct rjk_diags *warnings)
{
	struct report bad = {.file = s->file, .diags = errors};
	struct report doubtful = {.file = s->file, .diags = warnings};
	char at[16], end[16];

	scenario_media_time(length_ms, end, sizeof end);
	for (size_t i = 0; i < s->video->cue_count; i++) {
		const struct video_cue *cue = &s->video->cues[i];
		const char *step = s->steps[cue->step].id;

		scenario_media_time(cue->at_ms, at, sizeof at);
		if (cue->at_ms >= length_ms)
			report_at(&bad, cue->line, cue->col, "cue at %s (step '%s') is not before "
				  "the end of the video, which is %s long: the video would end and "
				  "the question never be asked; move the cue earlier", at, step, end);
		else if (cue->at_ms >= length_ms - SCENARIO_MEDIA_END_MARGIN_MS)
			report_at(&doubtful, cue->line, cue->col, "warning: cue at %s (step '%s') "
				  "is in the last second of the video, which is %s long: the video "
				  "may end before it pauses there; move the cue a second or more "
				  "earlier", at, step, end);
	}
	report_finish(&bad);
	report_finish(&doubtful);
}

static void check_captions(const struct scenario *s, int64_t length_ms,
			   struct rjk_diags *errors, struct rjk_diags *warnings)
{
	/* The caption file named as the scenario file is: from the same folder. */
	const char *slash = strrchr(s->file, '/');
	int folder = slash ? (int)(slash - s->file + 1) : 0;
	char name[4096], start[16], end[16];
	struct rjk_error err = {{0}};
	struct captions *captions;

	snprintf(name, sizeof name, "%.*s%s", folder, s->file, s->video->captions);
	captions = captions_check_file(s->video->captions_path, name, errors, warnings, &err);
	if (!captions) {
		rjk_diags_add(errors, "%s", err.message);
		return;
	}
	scenario_media_time(length_ms, end, sizeof end);
	for (size_t i = 0; length_ms >= 0 && i < captions->count; i++) {
		const struct caption_cue *cue = &captions->cues[i];

		if (cue->start_ms < length_ms)
			continue;
		rjk_diags_add(warnings, "%s:%d:1: warning: this caption starts at %s, not before "
			      "the end of the video, which is %s long: it is never shown", name, cue->line,
			      scenario_media_time(cue->start_ms, start, sizeof start), end);
	}
	captions_free(captions);
}

void scenario_media_check(const struct scenario *scenario, int64_t length_ms,
			  struct rjk_diags *errors, struct rjk_diags *warnings)
{
	if (!scenario->video)
		return;
	if (length_ms >= 0)
		check_cues(scenario, length_ms, errors, warnings);
	if (scenario->video->captions_path)
		check_captions(scenario, length_ms, errors, warnings);
}
