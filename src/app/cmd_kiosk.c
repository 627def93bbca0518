/* The kiosk command: parses the options, opens the kiosk and runs its event loop until it
 * quits, with scripted input when --script names a file. */
#include <stdio.h>

#include "app/commands.h"
#include "app/kiosk.h"
#include "app/loop.h"
#include "app/options.h"
#include "app/script.h"
#include "app/signals.h"

static bool script_ready(void *script, int64_t now_ms)
{
	return script_polling(script) || script_due(script) <= now_ms;
}

static int64_t script_when(void *script)
{
	return script_due(script);
}

static void script_run(void *script, struct kiosk *kiosk)
{
	script_step(script, kiosk);
}

int cmd_kiosk(int argc, char **argv)
{
	struct options options;
	struct kiosk kiosk;
	struct script *script = NULL;
	struct loop_feed feed = {script_ready, script_when, script_run, NULL};
	struct rjk_error err = {{0}};
	int status;

	switch (options_parse(&options, argc, argv)) {
	case OPTIONS_EXIT:
		return 0;
	case OPTIONS_USAGE:
		return 2;
	case OPTIONS_RUN:
		break;
	}
	if (options.script &&
	    !(script = script_open(options.script, options.screenshot_dir, &err))) {
		fprintf(stderr, "rjkiosk: %s\n", err.message);
		return 1;
	}
	if (!signals_start(&err)) {
		fprintf(stderr, "rjkiosk: %s\n", err.message);
		script_free(script);
		return 1;
	}
	if (!kiosk_open(&kiosk, &options, &err)) {
		fprintf(stderr, "rjkiosk: %s\n", err.message);
		kiosk_close(&kiosk);
		signals_stop();
		script_free(script);
		return 1;
	}
	feed.data = script;
	status = loop_run(&kiosk, script ? &feed : NULL);
	if (kiosk.problem[0] && !status && !signals_caught())
		status = 1;
	kiosk_close(&kiosk);
	signals_stop();
	script_free(script);
	return status;
}
