/* Parsing the kiosk's command line. */
#include "app/options.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/keyboard.h"

const char options_synopsis[] =
	"Usage: rjkiosk [--scenario PATH] [--data DIR] [--windowed] [--size WxH] [--kiosk]\n"
	"               [--text-size PERCENT] [--high-contrast]\n"
	"               [--scenarios DIR] [--idle-timeout SECONDS]\n"
	"               [--silent] [--volume PERCENT] [--no-video]\n"
	"               [--touch-keyboard auto|always|never] [--keyboard-layout NAME]\n";

const char options_help[] =
	"  --scenario PATH      scenario folder or scenario.yaml\n"
	"  --data DIR           where answers are kept (default: ~/.local/share/rjkiosk)\n"
	"  --windowed           a window instead of the full screen\n"
	"  --size WxH           window size, for example 1920x1080 (implies --windowed)\n"
	"  --scenarios DIR      folder of scenarios the facilitator's menu offers\n"
	"                       (default: the installed scenarios)\n"
	"  --kiosk              lock the kiosk: nothing a trainee presses leaves it; the\n"
	"                       facilitator opens the menu with Ctrl+Alt+F and the PIN\n"
	"  --idle-timeout SECONDS  quiet time before the \"still there?\" warning, 0 for\n"
	"                       never (default: the saved setting, 5 minutes at first)\n"
	"  --text-size PERCENT  starting text size, 100 to 200 (trainees can change it)\n"
	"  --high-contrast      start in the high-contrast colours\n"
	"  --silent             play the video without sound\n"
	"  --volume PERCENT     starting video volume, 0 to 100 (default: the saved setting)\n"
	"  --no-video           skip the video; its cue questions join the other steps\n"
	"  --touch-keyboard auto|always|never  the on-screen keyboard: with a text field after\n"
	"                       a touch, with every text field, or never (default: the\n"
	"                       saved setting, auto at first)\n"
	"  --keyboard-layout NAME  its layout from xkb-data: gb, us, fr, de... (default: the\n"
	"                       saved setting, gb at first)\n"
	"  -h, --help           show this help\n";

void options_usage(FILE *to, const struct options_extra *extra)
{
	fprintf(to, "%s%s\nStarts the kiosk on a scenario (the bundled sample when --scenario is not "
		"given).\n%s%s", options_synopsis, extra ? extra->synopsis : "", options_help,
		extra ? extra->help : "");
}

static bool parse_size(const char *s, int *w, int *h)
{
	char *end;
	long a = strtol(s, &end, 10), b;

	if (end == s || (*end != 'x' && *end != 'X'))
		return false;
	s = end + 1;
	b = strtol(s, &end, 10);
	if (end == s || *end || a < 320 || b < 240 || a > 16384 || b > 16384)
		return false;
	*w = (int)a;
	*h = (int)b;
	return true;
}

/* The value of option, a whole number from min to max (percent: a trailing "%" is allowed),
 * into *out; otherwise prints that option wants `what` in that range, and false. */
static bool parse_number(const char *option, const char *what, const char *s, long min,
			 long max, bool percent, int *out)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (end == s || (*end && !(percent && !strcmp(end, "%"))) || n < min || n > max) {
		fprintf(stderr, "rjkiosk: %s wants %s from %ld to %ld (got '%s')\n", option, what, min,
			max, s);
		return false;
	}
	*out = (int)n;
	return true;
}

static const struct option kiosk_options[] = {
	{"scenario", required_argument, NULL, OPTION_SCENARIO},
	{"data", required_argument, NULL, OPTION_DATA},
	{"windowed", no_argument, NULL, OPTION_WINDOWED},
	{"size", required_argument, NULL, OPTION_SIZE},
	{"kiosk", no_argument, NULL, OPTION_KIOSK},
	{"text-size", required_argument, NULL, OPTION_TEXT_SIZE},
	{"high-contrast", no_argument, NULL, OPTION_HIGH_CONTRAST},
	{"scenarios", required_argument, NULL, OPTION_SCENARIOS},
	{"idle-timeout", required_argument, NULL, OPTION_IDLE_TIMEOUT},
	{"silent", no_argument, NULL, OPTION_SILENT},
	{"volume", required_argument, NULL, OPTION_VOLUME},
	{"no-video", no_argument, NULL, OPTION_NO_VIDEO},
	{"touch-keyboard", required_argument, NULL, OPTION_TOUCH_KEYBOARD},
	{"keyboard-layout", required_argument, NULL, OPTION_KEYBOARD_LAYOUT},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
};

#define KIOSK_OPTION_COUNT (sizeof kiosk_options / sizeof kiosk_options[0])

const struct option *options_long(int c)
{
	for (size_t i = 0; i < KIOSK_OPTION_COUNT; i++)
		if (kiosk_options[i].val == c)
			return &kiosk_options[i];
	assert(!"no such kiosk option");
	return NULL;
}
#define EXTRA_MAX 8

/* The kiosk's options followed by extra's, ended by an all-zero entry. */
static void all_options(struct option *all, const struct options_extra *extra)
{
	size_t n = KIOSK_OPTION_COUNT;

	memcpy(all, kiosk_options, sizeof kiosk_options);
	for (size_t i = 0; extra && extra->longopts[i].name; i++) {
		assert(i < EXTRA_MAX && extra->longopts[i].val >= OPTIONS_EXTRA_FIRST);
		all[n++] = extra->longopts[i];
	}
	all[n] = (struct option){0};
}

static enum options_result usage_error(const struct options_extra *extra)
{
	options_usage(stderr, extra);
	return OPTIONS_USAGE;
}

const char *options_unknown(char **argv)
{
	static char letter[3];

	/* A short option (perhaps inside a cluster such as "-xh") is known by its letter only. */
	if (optopt > 0 && optopt < 256) {
		snprintf(letter, sizeof letter, "-%c", optopt);
		return letter;
	}
	return argv[optind - 1];
}

bool options_take(struct options *o, int c, const char *value)
{
	switch (c) {
	case OPTION_SCENARIO:
		o->scenario = value;
		return true;
	case OPTION_DATA:
		o->data = value;
		return true;
	case OPTION_SIZE:
		if (!parse_size(value, &o->width, &o->height)) {
			fprintf(stderr, "rjkiosk: --size wants WIDTHxHEIGHT, such as 1920x1080 (got "
				"'%s')\n", value);
			return false;
		}
		o->windowed = true;
		return true;
	case OPTION_TEXT_SIZE:
		return parse_number("--text-size", "a percentage", value, 100, 200, true,
				    &o->text_percent);
	case OPTION_SCENARIOS:
		o->scenarios = value;
		return true;
	case OPTION_IDLE_TIMEOUT:
		return parse_number("--idle-timeout", "seconds", value, 0, 7200, false,
				    &o->idle_s);
	case OPTION_VOLUME:
		return parse_number("--volume", "a percentage", value, 0, 100, true, &o->volume);
	case OPTION_SILENT:
		o->silent = true;
		return true;
	case OPTION_TOUCH_KEYBOARD: {
		enum keyboard_mode mode;

		if (!keyboard_mode_parse(value, &mode)) {
			fprintf(stderr, "rjkiosk: --touch-keyboard wants auto, always or never (got "
				"'%s')\n", value);
			return false;
		}
		o->touch_keyboard = (int)mode;
		return true;
	}
	case OPTION_KEYBOARD_LAYOUT: {
		struct keymap *map;
		struct rjk_error err = {{0}};

		/* Read now, so that a misspelt layout is a usage error rather than a surprise in
		 * the classroom. */
		if (!(map = keymap_new(value, &err))) {
			fprintf(stderr, "rjkiosk: --keyboard-layout: %s\n", err.message);
			return false;
		}
		keymap_free(map);
		o->keyboard_layout = value;
		return true;
	}
	case OPTION_NO_VIDEO:
		o->no_video = true;
		return true;
	case OPTION_WINDOWED:
		o->windowed = true;
		return true;
	case OPTION_KIOSK:
		o->kiosk = true;
		return true;
	case OPTION_HIGH_CONTRAST:
		o->high_contrast = true;
		return true;
	}
	assert(!"an option in kiosk_options is not taken");
	return false;
}

enum options_result options_parse(struct options *o, int argc, char **argv,
				  const struct options_extra *extra)
{
	struct option all[KIOSK_OPTION_COUNT + EXTRA_MAX + 1];
	int c;

	memset(o, 0, sizeof *o);
	o->text_percent = 100;
	o->idle_s = -1;
	o->volume = -1;
	o->present_s = -1;
	o->touch_keyboard = -1;
	all_options(all, extra);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":hV", all, NULL)) != -1) {
		switch (c) {
		case 'h':
			return OPTIONS_HELP;
		case 'V':
			return OPTIONS_VERSION;
		case ':':
			fprintf(stderr, "rjkiosk: %s needs a value\n", argv[optind - 1]);
			return usage_error(extra);
		case '?':
			fprintf(stderr, "rjkiosk: unknown option '%s'\n", options_unknown(argv));
			return usage_error(extra);
		default:
			if (c >= OPTIONS_EXTRA_FIRST ? !extra->take(extra->data, c, optarg) :
			    !options_take(o, c, optarg))
				return OPTIONS_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "rjkiosk: unknown option '%s'\n", argv[optind]);
		return usage_error(extra);
	}
	return OPTIONS_RUN;
}
