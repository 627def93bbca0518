/* `rjkiosk settings`: shows the settings kept in the data folder, and sets the xAPI base
 * address (the force's own IRI) that the menu's xAPI exports and `rjkiosk export` use. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "app/commands.h"
#include "core/export.h"
#include "core/iri.h"
#include "core/keyboard.h"
#include "core/settings.h"
#include "core/store.h"

static const char usage[] =
	"Usage: rjkiosk settings [--data DIR] [--xapi-base IRI | --no-xapi-base]\n"
	"\n"
	"Shows the settings kept in the data folder (those the facilitator's menu changes), or\n"
	"changes one. A running kiosk uses a new xAPI base from its next export on.\n"
	"  --xapi-base IRI  the force's own address, the base of the ids in xAPI exports\n"
	"                   (an absolute https:// or http:// address, such as\n"
	"                   https://training.example.police.uk/rjkiosk/)\n"
	"  --no-xapi-base   go back to the default (" EXPORT_XAPI_DEFAULT_BASE ")\n"
	"  --data DIR       the data folder\n"
	"  -h, --help       show this help\n";

static int usage_error(const char *what, const char *arg)
{
	fprintf(stderr, "rjkiosk settings: %s%s\n%s", what, arg, usage);
	return 2;
}

int cmd_settings(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"data", required_argument, NULL, 'd'},
		{"xapi-base", required_argument, NULL, 'x'},
		{"no-xapi-base", no_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *data = NULL, *base = NULL;
	bool clear = false;
	char dir[PATH_MAX];
	struct settings s;
	struct rjk_error err = {{0}};
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'x': base = optarg; break;
		case 'n': clear = true; break;
		case 'h': return fputs(usage, stdout), 0;
		default: return usage_error("unknown or incomplete option ", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument ", argv[optind]);
	if (base && clear)
		return usage_error("--xapi-base and --no-xapi-base cannot be used together", "");
	if (base && !iri_check_base(base, &err))
		return usage_error(err.message, "");
	if (data)
		snprintf(dir, sizeof dir, "%s", data);
	else if (!store_default_dir(dir, sizeof dir, &err))
		return fprintf(stderr, "rjkiosk settings: %s\n", err.message), 1;
	if (!settings_load(dir, &s, &err))
		return fprintf(stderr, "rjkiosk settings: %s\n", err.message), 1;
	if (base || clear) {
		snprintf(s.xapi_base, sizeof s.xapi_base, "%s", base ? base : "");
		if (!settings_save(dir, &s, &err))
			return fprintf(stderr, "rjkiosk settings: %s\n", err.message), 1;
	}
	printf("text size: %d%%\nhigh contrast: %s\ncaptions by default: %s\nvolume: %d%%\n"
	       "inactivity timeout: %d s%s\nscenario: %s\nxAPI base: %s%s\n", s.text_percent,
	       s.high_contrast ? "on" : "off", s.captions ? "on" : "off", s.volume, s.idle_s,
	       s.idle_s ? "" : " (off)", s.scenario[0] ? s.scenario : "(the default)",
	       s.xapi_base[0] ? s.xapi_base : EXPORT_XAPI_DEFAULT_BASE,
	       s.xapi_base[0] ? "" : " (the default: set the force's own)");
	printf("on-screen keyboard: %s\nkeyboard layout: %s\n"
	       "menu stays unlocked after the PIN: %d s%s\n"
	       "debrief shows a question from: %d answer%s\n",
	       keyboard_mode_name(s.touch_keyboard), s.keyboard_layout, s.present_s,
	       s.present_s ? "" : " (off)", s.min_answers, s.min_answers == 1 ? "" : "s");
	return 0;
}
