/* The kiosk's command line and configuration. */
#ifndef RJK_APP_OPTIONS_H
#define RJK_APP_OPTIONS_H

#include <stdbool.h>

struct options {
	const char *scenario;       /* NULL: the bundled sample */
	const char *data;           /* NULL: the store's default folder */
	bool windowed;
	int width, height;          /* window size; 0 for the default */
	bool kiosk;                 /* nothing a trainee presses quits */
	const char *script;         /* scripted input file, NULL for none */
	const char *screenshot_dir; /* where script screenshots go ("." when NULL) */
	int text_percent;           /* starting text size, 100 to 200 */
	bool high_contrast;         /* start in the high-contrast theme */
	const char *scenarios;      /* the folder the facilitator's menu chooses scenarios from */
	int idle_s;                 /* inactivity timeout for this run (0 off); -1: the setting */
	bool no_video;              /* skip the video (its cue steps join the step list) */
	bool silent;                /* play the video without sound */
	int volume;                 /* starting video volume, 0 to 100; -1: the setting */
};

enum options_result {
	OPTIONS_RUN,   /* start the kiosk */
	OPTIONS_EXIT,  /* help was printed: exit 0 */
	OPTIONS_USAGE, /* a usage error was printed: exit 2 */
};

/* The kiosk's synopsis ("Usage: rjkiosk [--scenario PATH] ...", several lines) and its option
 * list, one option with what it does per line: rjkiosk --help shows both. */
extern const char options_synopsis[];
extern const char options_help[];

/* Parses argv (argv[0] is the program). Strings are borrowed from argv. */
enum options_result options_parse(struct options *options, int argc, char **argv);

#endif
