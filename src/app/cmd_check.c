/* `rjkiosk check PATH...`: validates scenario folders or files and reports every problem. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "app/check_media.h"
#include "app/commands.h"
#include "app/options.h"
#include "core/error.h"
#include "core/report.h"
#include "core/scenario.h"
#include "core/scenario_lint.h"
#include "core/scenario_media.h"
#include "core/timecode.h"

static const char check_usage[] =
	"Usage: rjkiosk check [--strict] [--no-media] PATH...\n"
	"\n"
	"Checks scenario folders (or their scenario.yaml files) and reports every problem as\n"
	"FILE:LINE:COLUMN: message. Prints one 'ok' line per valid scenario, after a\n"
	"FILE:LINE:COLUMN: warning: message for each likely mistake that still loads (a text no\n"
	"screen shows well, a key indented into the text above it); a valid scenario with\n"
	"warnings still runs.\n"
	"The video is read through libvlc (it must have a picture; cues after its end are errors,\n"
	"cues in its last second warnings) and the captions file as the kiosk reads it.\n"
	"Exit status: 0 when all are valid (with or without warnings, unless --strict), 1 when\n"
	"any is invalid or, with --strict, has a warning, 2 for a usage error.\n"
	"\n"
	"      --strict    fail (exit status 1) on warnings too\n"
	"      --no-media  do not read the video and captions files (their paths are still checked)\n"
	"  -h, --help      show this help\n";

/* Text from the scenario, shown escaped so that nothing in it acts on the terminal, and cut at
 * 80 characters so that one scenario stays one readable line. */
static const char *shown(char *out, size_t size, const char *text)
{
	report_escape(out, size, text, strlen(text), 80);
	return out;
}

/* length_ms: the video's length, -1 when not known; media: whether the media were read. */
static void print_ok(const char *path, const struct scenario *s, int64_t length_ms, bool media)
{
	char title[1024], file[1024], length[16];
	printf("%s: ok \xE2\x80\x94 \"%s\", %zu step%s", path, shown(title, sizeof title, s->title),
	       s->step_count, s->step_count == 1 ? "" : "s");
	if (s->video) {
		printf(", video %s", shown(file, sizeof file, s->video->file));
		if (length_ms >= 0)
			printf(" (%s)", scenario_media_time(length_ms, length, sizeof length));
		printf("%s%s", s->video->captions ? " with captions" : "",
		       media ? "" : " (media not checked)");
		size_t n = s->video->cue_count;
		if (n)
			printf(", %zu cue%s at", n, n == 1 ? "" : "s");
		for (size_t i = 0; i < n; i++) {
			char t[16];
			printf("%s %s", i ? "," : "", timecode_format(s->video->cues[i].at_ms, t, sizeof t));
		}
	}
	printf("\n");
}

int cmd_check(int argc, char **argv)
{
	enum { OPT_STRICT = 256, OPT_NO_MEDIA };
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"strict", no_argument, NULL, OPT_STRICT},
		{"no-media", no_argument, NULL, OPT_NO_MEDIA},
		{0},
	};
	bool strict = false, media = true;
	int c;
	opterr = 0;
	optind = 0;
	/* "+": options come before the paths; a path after them may start with '-'. */
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(check_usage, stdout);
			return 0;
		case OPT_STRICT:
			strict = true;
			break;
		case OPT_NO_MEDIA:
			media = false;
			break;
		default:
			fprintf(stderr, "rjkiosk check: unknown option '%s'\n%s",
				options_unknown(argv), check_usage);
			return 2;
		}
	}
	int first = optind;
	if (first >= argc) {
		fprintf(stderr, "rjkiosk check: no scenario given\n%s", check_usage);
		return 2;
	}
	int status = 0;
	for (int i = first; i < argc; i++) {
		struct rjk_diags diags = {0};
		struct scenario *s = scenario_load(argv[i], &diags);
		int64_t length_ms = -1;
		if (s) {
			struct rjk_diags warnings = {0};

			scenario_lint_files(s, &warnings);
			if (media)
				length_ms = check_media(s, &diags, &warnings);
			for (size_t k = 0; k < warnings.count; k++)
				fprintf(stderr, "%s\n", warnings.items[k]);
			if (!diags.count) {
				print_ok(argv[i], s, length_ms, media);
				if (strict && warnings.count) {
					fprintf(stderr, "%s: %zu warning%s, which --strict counts as "
						"problems\n", argv[i], warnings.count,
						warnings.count == 1 ? "" : "s");
					status = 1;
				}
			}
			rjk_diags_release(&warnings);
		}
		if (!s || diags.count) {
			for (size_t k = 0; k < diags.count; k++)
				fprintf(stderr, "%s\n", diags.items[k]);
			fprintf(stderr, "%s: not valid (%zu problem%s)\n", argv[i], diags.count,
				diags.count == 1 ? "" : "s");
			status = 1;
		}
		scenario_free(s);
		rjk_diags_release(&diags);
	}
	return status;
}
