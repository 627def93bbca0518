/* libFuzzer target for the scenario loader and its text warnings (scenario_lint): any bytes
 * must give a scenario or messages, never a crash, a leak or a hang. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/scenario.h"
#include "core/scenario_lint.h"

static char dir[] = "/tmp/rjk-fuzz-scenario-XXXXXX";
static const char *const files[] = {"video.mp4", "captions.vtt", "media/clip one.webm",
				     "media/Clip.SRT", "media/video.mp4"};

/* Removes the media folder when the fuzzer exits, so runs leave nothing in /tmp. */
static void remove_media_dir(void)
{
	char path[256];

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		remove(path);
	}
	snprintf(path, sizeof path, "%s/media", dir);
	remove(path);
	remove(dir);
}

/* A scenario folder with the media names the seed corpus uses, so that inputs get past the
 * media checks and reach the cue and step rules. Made once, removed at exit. */
static const char *media_dir(void)
{
	static int made;
	if (!made) {
		if (!mkdtemp(dir))
			abort();
		char path[256];
		snprintf(path, sizeof path, "%s/media", dir);
		mkdir(path, 0700);
		for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
			snprintf(path, sizeof path, "%s/%s", dir, files[i]);
			FILE *f = fopen(path, "w");
			if (f)
				fclose(f);
		}
		atexit(remove_media_dir);
		made = 1;
	}
	return dir;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rjk_diags diags = {0};
	struct scenario *s = scenario_load_buffer("scenario.yaml", media_dir(), (const char *)data,
						  size, &diags);
	/* a scenario comes with no message, a refusal with at least one */
	if ((s != NULL) == (diags.count != 0))
		abort();
	if (s) {
		struct rjk_diags warnings = {0};

		scenario_lint(s, (const char *)data, size, NULL, &warnings);
		rjk_diags_release(&warnings);
	}
	scenario_free(s);
	rjk_diags_release(&diags);
	return 0;
}
