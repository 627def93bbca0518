/* rjkiosk-scripted's entry point: the kiosk with scripted input, for the tests and the
 * documentation's screenshots. Test-only: it is built beside rjkiosk and never installed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cmd_kiosk.h"
#include "app/cmd_preview.h"
#include "app/options.h"
#include "scripted/script.h"

enum { OPT_SCRIPT = OPTIONS_EXTRA_FIRST, OPT_SCREENSHOT_DIR, OPT_MEDIA_ROOT, OPT_PRESENT };

static const struct option scripted_options[] = {
	{"script", required_argument, NULL, OPT_SCRIPT},
	{"screenshot-dir", required_argument, NULL, OPT_SCREENSHOT_DIR},
	{"media-root", required_argument, NULL, OPT_MEDIA_ROOT},
	{"present", required_argument, NULL, OPT_PRESENT},
	{0},
};

struct scripted_args {
	const char *script;         /* scripted input file, NULL for none */
	const char *screenshot_dir; /* where the script's screenshots go (NULL: ".") */
	const char *media_root;     /* fake USB sticks (options.media_root), NULL for none */
	/* Seconds the facilitator stays present after the PIN: 0 unless --present is given, so
	 * that a script types the PIN each time it opens the menu, whatever was saved. */
	int present_s;
};

static bool take(void *data, int val, const char *arg)
{
	struct scripted_args *a = data;

	char *end;
	long n;

	if (val == OPT_SCRIPT) {
		a->script = arg;
	} else if (val == OPT_MEDIA_ROOT) {
		a->media_root = arg;
	} else if (val == OPT_SCREENSHOT_DIR) {
		a->screenshot_dir = arg;
	} else {
		n = strtol(arg, &end, 10);
		if (end == arg || *end || n < -1 || n > 7200) {
			fprintf(stderr, "rjkiosk: --present wants seconds from 0 to 7200, or -1 for "
				"the saved setting (got '%s')\n", arg);
			return false;
		}
		a->present_s = (int)n;
	}
	return true;
}

/* Runs the kiosk (or with preview, the author's preview) with options and args' script. */
static int run(const struct options *options, const struct preview_options *preview,
	       const struct scripted_args *args)
{
	struct script *script = NULL;
	struct loop_feed feed;
	struct rjk_error err = {{0}};
	int status;

	if (!args->script)
		return preview ? cmd_preview_run(preview, NULL) : cmd_kiosk_run(options, NULL);
	script = script_open(args->script, args->screenshot_dir, &err);
	if (!script) {
		fprintf(stderr, "rjkiosk: %s\n", err.message);
		return 1;
	}
	feed = script_feed(script);
	status = preview ? cmd_preview_run(preview, &feed) : cmd_kiosk_run(options, &feed);
	script_free(script);
	return status;
}

int main(int argc, char **argv)
{
	struct scripted_args args = {0};
	const struct options_extra extra = {
		.longopts = scripted_options,
		.synopsis = "               [--script FILE] [--screenshot-dir DIR] [--media-root DIR]\n"
			    "               [--present SECONDS]\n",
		.help = "  --script FILE        play scripted input: key, text, click, wait,\n"
			"                       screenshot, expect-screen, quit; see "
			"docs/using-the-kiosk.md\n"
			"  --screenshot-dir DIR folder for the script's screenshots\n"
			"  --media-root DIR     fake USB sticks for the export page: DIR/mountinfo\n"
			"                       (mounts below DIR) and DIR/by-label/\n"
			"  --present SECONDS    the facilitator stays present this long after the PIN\n"
			"                       (default 0: the PIN every time; -1: the saved setting)\n",
		.take = take,
		.data = &args,
	};
	struct options options;
	struct preview_options preview;

	/* "rjkiosk-scripted preview --script FILE PATH": the author's preview, scripted. */
	if (argc > 1 && !strcmp(argv[1], "preview")) {
		switch (preview_options_parse(&preview, argc - 1, argv + 1, &extra)) {
		case OPTIONS_RUN:
			return run(NULL, &preview, &args);
		case OPTIONS_HELP:
			return 0;
		default:
			return 2;
		}
	}
	switch (options_parse(&options, argc, argv, &extra)) {
	case OPTIONS_HELP:
		options_usage(stdout, &extra);
		return 0;
	case OPTIONS_VERSION:
		printf("rjkiosk-scripted %s\n", RJK_VERSION);
		return 0;
	case OPTIONS_USAGE:
		return 2;
	case OPTIONS_RUN:
		break;
	}
	options.media_root = args.media_root;
	options.present_s = args.present_s;
	return run(&options, NULL, &args);
}
