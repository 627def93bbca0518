/* `rjkiosk check`'s look at a scenario's media (see check_media.h). */
#include "app/check_media.h"

#include <string.h>

#include "core/report.h"
#include "core/scenario_media.h"
#include "media/media_probe.h"

int64_t check_media(const struct scenario *scenario, struct rjk_diags *errors,
		    struct rjk_diags *warnings)
{
	const struct scenario_video *v = scenario->video;
	struct media_probe probe;
	struct rjk_error err = {{0}};
	char file[REPORT_EXCERPT_SIZE];
	enum media_probe_result result;
	const char *why;

	if (!v)
		return -1;
	report_excerpt(file, sizeof file, v->file);
	result = media_probe(v->path, &probe, &err);
	if (result != MEDIA_PROBE_OK) {
		/* The probe names the file by its full path; the author wrote it shorter. */
		why = err.message;
		if (!strncmp(why, v->path, strlen(v->path)) && !strncmp(why + strlen(v->path), ": ", 2))
			why += strlen(v->path) + 2;
		rjk_diags_add(errors, "%s:%d:%d: video file '%s' %s%s", scenario->file, v->file_line,
			      v->file_col, file, result == MEDIA_PROBE_BAD_FILE ? "cannot be played: "
			      : "", why);
	} else if (probe.length_ms < 0) {
		rjk_diags_add(warnings, "%s:%d:%d: warning: video file '%s' does not say how long "
			      "it is, so the cues were not checked against its end", scenario->file,
			      v->file_line, v->file_col, file);
	}
	scenario_media_check(scenario, probe.length_ms, errors, warnings);
	return probe.length_ms;
}
