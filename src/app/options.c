/* Parsing the kiosk's command line. */
#include "app/options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char options_synopsis[] =
	"Usage: rjkiosk [--scenario PATH] [--data DIR] [--windowed] [--size WxH] [--kiosk]\n"
	"               [--text-size PERCENT] [--high-contrast]\n"
	"               [--scenarios DIR] [--idle-timeout SECONDS]\n"
	"               [--silent] [--volume PERCENT] [--no-video]\n"
	"               [--script FILE] [--screenshot-dir DIR]\n";

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
	"  --script FILE        play scripted input (for tests): key, text, click, wait,\n"
	"                       screenshot, expect-screen, quit; see docs/using-the-kiosk.md\n"
	"  --screenshot-dir DIR folder for the script's screenshots\n"
	"  -h, --help           show this help\n";

static void print_usage(FILE *to)
{
	fprintf(to, "%s\nStarts the kiosk on a scenario (the bundled sample when --scenario is not "
		"given).\n%s", options_synopsis, options_help);
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

/* A whole number from min to max; percent allows a trailing "%" (for --text-size and
 * --volume). */
static bool parse_number(const char *s, long min, long max, bool percent, int *out)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (end == s || (*end && !(percent && !strcmp(end, "%"))) || n < min || n > max)
		return false;
	*out = (int)n;
	return true;
}

enum options_result options_parse(struct options *o, int argc, char **argv)
{
	memset(o, 0, sizeof *o);
	o->text_percent = 100;
	o->idle_s = -1;
	o->volume = -1;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *value = i + 1 < argc ? argv[i + 1] : NULL;
		bool takes = !strcmp(arg, "--scenario") || !strcmp(arg, "--data") ||
			     !strcmp(arg, "--size") || !strcmp(arg, "--script") ||
			     !strcmp(arg, "--screenshot-dir") || !strcmp(arg, "--text-size") ||
			     !strcmp(arg, "--scenarios") || !strcmp(arg, "--idle-timeout") ||
			     !strcmp(arg, "--volume");

		if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
			print_usage(stdout);
			return OPTIONS_EXIT;
		}
		if (takes && !value) {
			fprintf(stderr, "rjkiosk: %s needs a value\n", arg);
			print_usage(stderr);
			return OPTIONS_USAGE;
		}
		if (!strcmp(arg, "--scenario")) {
			o->scenario = value;
		} else if (!strcmp(arg, "--data")) {
			o->data = value;
		} else if (!strcmp(arg, "--script")) {
			o->script = value;
		} else if (!strcmp(arg, "--screenshot-dir")) {
			o->screenshot_dir = value;
		} else if (!strcmp(arg, "--size")) {
			if (!parse_size(value, &o->width, &o->height)) {
				fprintf(stderr, "rjkiosk: --size wants WIDTHxHEIGHT, such as "
					"1920x1080 (got '%s')\n", value);
				return OPTIONS_USAGE;
			}
			o->windowed = true;
		} else if (!strcmp(arg, "--text-size")) {
			if (!parse_number(value, 100, 200, true, &o->text_percent)) {
				fprintf(stderr, "rjkiosk: --text-size wants a percentage from 100 to "
					"200 (got '%s')\n", value);
				return OPTIONS_USAGE;
			}
		} else if (!strcmp(arg, "--scenarios")) {
			o->scenarios = value;
		} else if (!strcmp(arg, "--idle-timeout")) {
			if (!parse_number(value, 0, 7200, false, &o->idle_s)) {
				fprintf(stderr, "rjkiosk: --idle-timeout wants seconds from 0 to 7200 "
					"(got '%s')\n", value);
				return OPTIONS_USAGE;
			}
		} else if (!strcmp(arg, "--volume")) {
			if (!parse_number(value, 0, 100, true, &o->volume)) {
				fprintf(stderr, "rjkiosk: --volume wants a percentage from 0 to 100 "
					"(got '%s')\n", value);
				return OPTIONS_USAGE;
			}
		} else if (!strcmp(arg, "--silent")) {
			o->silent = true;
		} else if (!strcmp(arg, "--no-video")) {
			o->no_video = true;
		} else if (!strcmp(arg, "--windowed")) {
			o->windowed = true;
		} else if (!strcmp(arg, "--kiosk")) {
			o->kiosk = true;
		} else if (!strcmp(arg, "--high-contrast")) {
			o->high_contrast = true;
		} else {
			fprintf(stderr, "rjkiosk: unknown option '%s'\n", arg);
			print_usage(stderr);
			return OPTIONS_USAGE;
		}
		if (takes)
			i++;
	}
	return OPTIONS_RUN;
}
