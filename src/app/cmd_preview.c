/* `rjkiosk preview PATH`: the kiosk in a window on one scenario for its author, with no lockdown,
 * a throwaway data folder and the file watched for changes. */
#define _XOPEN_SOURCE 700
#include "app/cmd_preview.h"

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/commands.h"
#include "app/kiosk.h"
#include "app/preview.h"
#include "app/signals.h"
#include "core/suggest.h"

static const char preview_synopsis[] =
	"Usage: rjkiosk preview [--step ID] [--size WxH] [--text-size PERCENT] [--high-contrast]\n"
	"                       [--no-video] PATH\n";

static const char preview_help[] =
	"  --step ID            open at this step (a cue step: its question without the video)\n"
	"  --size WxH           window size (default 1280x800)\n"
	"  --text-size PERCENT  text size, 100 to 200\n"
	"  --high-contrast      the high-contrast colours\n"
	"  --no-video           skip the video; its cue questions join the other steps\n"
	"  -h, --help           show this help\n";

static const char preview_about[] =
	"Shows the scenario at PATH (a folder or its scenario.yaml) in a window, as trainees see\n"
	"it, and shows it again each time the file or its caption file is saved, on the same\n"
	"step. While the file has errors, they are shown instead, as 'rjkiosk check' reports\n"
	"them. Answers typed go to a temporary folder that is removed when the window closes.\n";

/* Its own option after the kiosk's that it shares (OPTION_SIZE, ...: options.h). */
enum { OPT_STEP = OPTION_KIOSK_LAST + 1 };

/* The kiosk's options the preview takes too: named once, in options.c. */
static const int shared_options[] = {
	OPTION_SIZE, OPTION_TEXT_SIZE, OPTION_HIGH_CONTRAST, OPTION_NO_VIDEO,
};

#define SHARED_COUNT (sizeof shared_options / sizeof shared_options[0])
#define EXTRA_MAX 8

static void usage(FILE *to, const struct options_extra *extra)
{
	fprintf(to, "%s%s\n%s\n%s%s", preview_synopsis, extra ? extra->synopsis : "",
		preview_about, preview_help, extra ? extra->help : "");
}

static enum options_result usage_error(const struct options_extra *extra)
{
	usage(stderr, extra);
	return OPTIONS_USAGE;
}

static bool take(struct preview_options *p, int c, const char *value)
{
	if (c != OPT_STEP)
		return options_take(&p->kiosk, c, value);
	p->step = value;
	return true;
}

enum options_result preview_options_parse(struct preview_options *p, int argc, char **argv,
					  const struct options_extra *extra)
{
	struct option all[SHARED_COUNT + 2 + EXTRA_MAX + 1] = {
		{"step", required_argument, NULL, OPT_STEP},
		{"help", no_argument, NULL, 'h'},
	};
	size_t n = 2;
	int c;

	memset(p, 0, sizeof *p);
	p->kiosk.text_percent = 100;
	p->kiosk.volume = -1;
	p->kiosk.idle_s = 0;        /* an author reading a step is not an idle trainee */
	p->kiosk.windowed = true;
	for (size_t i = 0; i < SHARED_COUNT; i++)
		all[n++] = *options_long(shared_options[i]);
	for (size_t i = 0; extra && extra->longopts[i].name && i < EXTRA_MAX; i++)
		all[n++] = extra->longopts[i];
	all[n] = (struct option){0};
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":h", all, NULL)) != -1) {
		if (c == 'h') {
			usage(stdout, extra);
			return OPTIONS_HELP;
		} else if (c == ':') {
			fprintf(stderr, "rjkiosk preview: %s needs a value\n", argv[optind - 1]);
			return usage_error(extra);
		} else if (c == '?') {
			fprintf(stderr, "rjkiosk preview: unknown option '%s'\n",
				options_unknown(argv));
			return usage_error(extra);
		} else if (c >= OPTIONS_EXTRA_FIRST ? !extra->take(extra->data, c, optarg) :
			   !take(p, c, optarg)) {
			return OPTIONS_USAGE;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "rjkiosk preview: %s\n",
			optind < argc ? "one scenario at a time" : "which scenario? give its folder");
		return usage_error(extra);
	}
	p->path = argv[optind];
	return OPTIONS_RUN;
}

/* The scenario file at path: path itself, or its scenario.yaml when it is a folder. */
static bool scenario_file(const char *path, char *out, size_t size)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "rjkiosk preview: %s: %s\n", path, strerror(errno));
		return false;
	}
	snprintf(out, size, S_ISDIR(st.st_mode) ? "%s/scenario.yaml" : "%s", path);
	return true;
}

/* Checks that the scenario has a step step_id (when it loads now: a file with errors is
 * previewed with its errors shown); a cue step is shown without the video. False after
 * printing the steps there are. */
static bool check_step(const char *file, const char *step_id, struct options *o)
{
	struct rjk_diags diags = {0};
	struct scenario *sc = scenario_load(file, &diags);
	const struct step *step;
	const char **ids;
	bool ok = true;

	rjk_diags_release(&diags);
	if (!sc || !step_id)
		goto done;
	if ((step = scenario_find_step(sc, step_id, NULL))) {
		if (step->is_cue)
			o->no_video = true;
		goto done;
	}
	ok = false;
	ids = calloc(sc->step_count + 1, sizeof *ids);
	for (size_t i = 0; ids && i < sc->step_count; i++)
		ids[i] = sc->steps[i].id;
	const char *near = ids ? suggest_nearest(step_id, ids, sc->step_count) : NULL;
	fprintf(stderr, "rjkiosk preview: %s has no step '%s'", file, step_id);
	if (near)
		fprintf(stderr, "; did you mean '%s'?", near);
	fprintf(stderr, "\nIts steps are:");
	for (size_t i = 0; i < sc->step_count; i++)
		fprintf(stderr, "%s %s", i ? "," : "", sc->steps[i].id);
	fprintf(stderr, "\n");
	free(ids);
done:
	scenario_free(sc);
	return ok;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	if (remove(path) != 0)
		fprintf(stderr, "rjkiosk preview: cannot remove %s: %s\n", path, strerror(errno));
	return 0;
}

/* Opens the kiosk on options with the preview attached, runs it and closes it. */
static int run(const struct options *options, const char *file, const char *step,
	       const struct loop_feed *feed)
{
	struct kiosk kiosk;
	struct rjk_error err = {{0}};
	struct request_list first = {0};
	char title[PATH_MAX + 64];
	int status = 1;

	if (!signals_start(&err)) {
		fprintf(stderr, "rjkiosk preview: %s\n", err.message);
		return 1;
	}
	if (!kiosk_open(&kiosk, options, &err) ||
	    !(kiosk.preview = preview_new(file, step, &err))) {
		fprintf(stderr, "rjkiosk preview: %s\n", err.message);
		goto done;
	}
	snprintf(title, sizeof title, "Preview: %s \xE2\x80\x94 rjkiosk", file);
	SDL_SetWindowTitle(kiosk.window, title);
	preview_load(kiosk.preview, &first);
	kiosk_apply(&kiosk, &first);
	preview_follow(kiosk.preview, kiosk.scenario);
	status = loop_run(&kiosk, feed);
done:
	preview_free(kiosk.preview);
	kiosk.preview = NULL;
	/* What a preview stored goes with its folder: a failed last save changes nothing. */
	kiosk_close(&kiosk);
	signals_stop();
	return status;
}

int cmd_preview_run(const struct preview_options *p, const struct loop_feed *feed)
{
	struct options o = p->kiosk;
	char file[PATH_MAX], data[PATH_MAX];
	const char *tmp = getenv("TMPDIR");
	int status;

	if (!scenario_file(p->path, file, sizeof file))
		return 1;
	if (!check_step(file, p->step, &o))
		return 2;
	snprintf(data, sizeof data, "%s/rjkiosk-preview-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	/* mkdtemp makes the folder 0700: only the author can read what is typed in it. */
	if (!mkdtemp(data)) {
		fprintf(stderr, "rjkiosk preview: cannot make a temporary folder in %s: %s\n",
			tmp && *tmp ? tmp : "/tmp", strerror(errno));
		return 1;
	}
	o.data = data;
	o.scenario = file;
	o.scenarios = NULL;
	status = run(&o, file, p->step, feed);
	nftw(data, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	return status;
}

int cmd_preview(int argc, char **argv)
{
	struct preview_options p;

	switch (preview_options_parse(&p, argc, argv, NULL)) {
	case OPTIONS_HELP:
		return 0;
	case OPTIONS_RUN:
		return cmd_preview_run(&p, NULL);
	default:
		return 2;
	}
}
