/* The kiosk command: opens the kiosk and runs its event loop until it quits. */
#include "app/cmd_kiosk.h"

#include <stdio.h>

#include "app/kiosk.h"
#include "app/signals.h"

int cmd_kiosk_run(const struct options *options, const struct loop_feed *feed)
{
	struct kiosk kiosk;
	struct rjk_error err = {{0}};
	int status;

	if (!signals_start(&err)) {
		fprintf(stderr, "rjkiosk: %s\n", err.message);
		return 1;
	}
	if (!kiosk_open(&kiosk, options, &err)) {
		fprintf(stderr, "rjkiosk: %s\n", err.message);
		kiosk_close(&kiosk);
		signals_stop();
		return 1;
	}
	status = loop_run(&kiosk, feed);
	if (kiosk.problem[0] && !status && !signals_caught())
		status = 1;
	if (!kiosk_close(&kiosk) && !status)
		status = 1;
	signals_stop();
	return status;
}
