/* rjkiosk's entry point: picks the subcommand, or starts the kiosk. */
#include <stdio.h>
#include <string.h>

#include "app/commands.h"
#include "app/cmd_kiosk.h"
#include "app/options.h"

static const char commands_synopsis[] =
	"       rjkiosk check [--strict] [--no-media] PATH...\n"
	"       rjkiosk preview [--step ID] [--size WxH] [--text-size PERCENT]\n"
	"                       [--high-contrast] [--no-video] PATH\n"
	"       rjkiosk sessions [--data DIR]\n"
	"       rjkiosk export [--data DIR] [--session ID | --all] --format csv|json|xapi\n"
	"                      [--excel] [--out FILE] [--xapi-base IRI]\n"
	"       rjkiosk purge [--data DIR] (--session ID | --all | --older-than DAYS) [--yes]\n"
	"       rjkiosk report [--data DIR] (--session ID | --name NAME) --out FILE.pdf [--names]\n"
	"                      [--min-answers N]\n"
	"       rjkiosk set-pin [--data DIR] [--stdin]\n"
	"       rjkiosk settings [--data DIR] [--xapi-base IRI | --no-xapi-base]\n"
	"       rjkiosk lrs [--data DIR] (--endpoint URL --username U --password-stdin\n"
	"                   [--ca-file PEM] [--xapi-base IRI] | --off | --status)\n"
	"       rjkiosk push [--data DIR] [--retry-parked]\n"
	"       rjkiosk import [--data DIR] FILE\n"
	"       rjkiosk class [--data DIR] (--session ID | --code CODE --scenario ID)\n"
	"       rjkiosk (-h | --help | -V | --version)\n";

static const char description[] =
	"A classroom kiosk for restorative-justice training sessions.\n"
	"\n"
	"With no command, starts the kiosk on a scenario (the bundled sample when --scenario is\n"
	"not given). In the kiosk, Ctrl+Alt+F (or holding the top-left corner for 3 s) opens\n"
	"the facilitator's PIN pad and menu; rjkiosk(1) describes it all.\n";

static const char commands_help[] =
	"Commands (run 'rjkiosk COMMAND --help' for a command's options):\n"
	"  check      validate scenario files or folders (exit 0 valid, 1 invalid, 2 usage)\n"
	"  preview    show a scenario in a window as its author edits it: shown again on the\n"
	"             same step each time the file is saved, its errors shown until fixed;\n"
	"             closing the window ends it\n"
	"  sessions   list the sessions stored on this machine\n"
	"  export     write responses as CSV, JSON or xAPI statements\n"
	"  purge      delete stored responses for good\n"
	"  report     write a session's report (charts and anonymous answers) as a PDF\n"
	"  set-pin    set the facilitator PIN that unlocks the kiosk's menu\n"
	"  settings   show the kept settings; set the xAPI base address\n"
	"  lrs        set the learning record store answers are sent to, or show its status\n"
	"  push       send the queued answers to the learning record store now\n"
	"  import     merge another kiosk's export into this kiosk's classes\n"
	"  class      list a class's answers from every kiosk\n"
	"\n"
	"  -V, --version        show the version\n";

/* The whole help: the kiosk's options come from options.c, so both helps list the same. */
static void print_usage(FILE *to)
{
	fprintf(to, "%s%s\n%s\nKiosk options:\n%s\n%s", options_synopsis, commands_synopsis,
		description, options_help, commands_help);
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{"check", cmd_check},
	{"preview", cmd_preview},
	{"sessions", cmd_sessions},
	{"export", cmd_export},
	{"purge", cmd_purge},
	{"report", cmd_report},
	{"set-pin", cmd_set_pin},
	{"settings", cmd_settings},
	{"lrs", cmd_lrs},
	{"push", cmd_push},
	{"import", cmd_import},
	{"class", cmd_class},
};

int main(int argc, char **argv)
{
	struct options options;

	if (argc > 1 && argv[1][0] != '-') {
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (!strcmp(argv[1], commands[i].name))
				return commands[i].run(argc - 1, argv + 1);
		fprintf(stderr, "rjkiosk: unknown command '%s'\n", argv[1]);
		print_usage(stderr);
		return 2;
	}
	switch (options_parse(&options, argc, argv, NULL)) {
	case OPTIONS_HELP:
		print_usage(stdout);
		return 0;
	case OPTIONS_VERSION:
		printf("rjkiosk %s\n", RJK_VERSION);
		return 0;
	case OPTIONS_USAGE:
		return 2;
	case OPTIONS_RUN:
		break;
	}
	return cmd_kiosk_run(&options, NULL);
}
