/* The kiosk's command line and configuration. */
#ifndef RJK_APP_OPTIONS_H
#define RJK_APP_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

struct options {
	const char *scenario;       /* NULL: the bundled sample */
	const char *data;           /* NULL: the store's default folder */
	bool windowed;
	int width, height;          /* window size; 0 for the default */
	bool kiosk;                 /* nothing a trainee presses quits */
	int text_percent;           /* starting text size, 100 to 200 */
	bool high_contrast;         /* start in the high-contrast theme */
	const char *scenarios;      /* the folder the facilitator's menu chooses scenarios from */
	int idle_s;                 /* inactivity timeout for this run (0 off); -1: the setting */
	bool no_video;              /* skip the video (its cue steps join the step list) */
	bool silent;                /* play the video without sound */
	int volume;                 /* starting video volume, 0 to 100; -1: the setting */
	/* Where the export page looks for USB sticks: NULL for the system (/proc/self/mountinfo,
	 * /dev/disk/by-label, mounts below /media and /run/media); a test program's folder holding
	 * "mountinfo" and "by-label/", whose mounts below that folder count as sticks. */
	const char *media_root;
	int present_s;              /* how long the facilitator stays present after the PIN, for
				     * this run (0 off; set by the test program only); -1: the
				     * setting */
	int touch_keyboard;         /* enum keyboard_mode for this run; -1: the setting */
	const char *keyboard_layout; /* the on-screen keyboard's layout; NULL: the setting */
};

enum options_result {
	OPTIONS_RUN,     /* start the kiosk */
	OPTIONS_HELP,    /* -h or --help: the caller prints its help and exits 0 */
	OPTIONS_VERSION, /* -V or --version: the caller prints the version and exits 0 */
	OPTIONS_USAGE,   /* a usage error was printed: exit 2 */
};

/* The first getopt value an options_extra may use for its options. */
#define OPTIONS_EXTRA_FIRST 1000

/* More options for a program built on the kiosk (a test program's own options), each named once
 * in longopts and parsed with the kiosk's. */
struct options_extra {
	const struct option *longopts; /* ended by an all-zero entry; values from OPTIONS_EXTRA_FIRST */
	const char *synopsis;          /* lines shown after the kiosk's synopsis */
	const char *help;              /* lines shown after the kiosk's option list */
	/* Takes one of longopts (val) with its argument (NULL when it has none). False after
	 * printing why: a usage error. */
	bool (*take)(void *data, int val, const char *arg);
	void *data;
};

/* The kiosk's synopsis ("Usage: rjkiosk [--scenario PATH] ...", several lines) and its option
 * list, one option with what it does per line: rjkiosk --help shows both. */
extern const char options_synopsis[];
extern const char options_help[];

/* Parses argv (argv[0] is the program) with getopt_long; extra may be NULL. Strings are
 * borrowed from argv. On a usage error prints the problem and the kiosk's usage (with extra's
 * lines) to standard error. */
enum options_result options_parse(struct options *options, int argc, char **argv,
				  const struct options_extra *extra);

/* After getopt_long returned '?': the option it could not take, as it was written ("-x" for a
 * short one). Borrowed until the next call. */
const char *options_unknown(char **argv);

/* Prints the kiosk's usage (synopsis, one line on what it does, option list), with extra's
 * lines when extra is not NULL. */
void options_usage(FILE *to, const struct options_extra *extra);

/* The kiosk's options as getopt_long gives them (struct option's val), for a command that
 * takes some of them (the preview) with options_take. */
enum {
	OPTION_SCENARIO = 256, OPTION_DATA, OPTION_WINDOWED, OPTION_SIZE, OPTION_KIOSK, OPTION_TEXT_SIZE,
	OPTION_HIGH_CONTRAST, OPTION_SCENARIOS, OPTION_IDLE_TIMEOUT, OPTION_SILENT, OPTION_VOLUME, OPTION_NO_VIDEO,
	OPTION_TOUCH_KEYBOARD, OPTION_KEYBOARD_LAYOUT,
	OPTION_KIOSK_LAST = OPTION_KEYBOARD_LAYOUT,
};

/* The kiosk's getopt_long entry for its option c (one of the OPTION_ values), so that another
 * command taking some of them names each one once. Borrowed, static. */
const struct option *options_long(int c);

/* Takes the kiosk's option c (one of the OPTION_ values) with its value (NULL when it has none)
 * into options; false after printing why the value is wrong. */
bool options_take(struct options *options, int c, const char *value);

#endif
