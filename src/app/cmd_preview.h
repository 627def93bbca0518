/* `rjkiosk preview PATH`: a scenario in a window for its author, loaded again whenever the file
 * changes, with answers kept in a throwaway data folder. */
#ifndef RJK_APP_CMD_PREVIEW_H
#define RJK_APP_CMD_PREVIEW_H

#include "app/loop.h"
#include "app/options.h"

struct preview_options {
	const char *path;           /* the scenario folder or its scenario.yaml */
	const char *step;           /* the step to open at, NULL for the start screen */
	struct options kiosk;       /* the window's size, text size and contrast */
};

/* Parses argv (argv[0] is "preview") with getopt_long, with extra's options too (NULL for
 * none). Strings are borrowed from argv. On a usage error prints the problem and the usage to
 * standard error; on --help prints the usage to standard output. */
enum options_result preview_options_parse(struct preview_options *options, int argc, char **argv,
					  const struct options_extra *extra);

/* Runs the preview until its window is closed: a private temporary data folder (removed at the
 * end), the window titled with the file, the file watched. feed (NULL for none) is borrowed.
 * Returns the exit status: 2 when --step names no step of the scenario, 1 when the preview
 * cannot start. */
int cmd_preview_run(const struct preview_options *options, const struct loop_feed *feed);

#endif
