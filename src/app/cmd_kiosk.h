/* The kiosk command: runs the kiosk with parsed options until it quits. */
#ifndef RJK_APP_CMD_KIOSK_H
#define RJK_APP_CMD_KIOSK_H

#include "app/loop.h"
#include "app/options.h"

/* Runs the kiosk with options until it quits: stop signals, kiosk_open, the event loop (with
 * feed, borrowed; NULL in rjkiosk, the scripted input in the test program), kiosk_close.
 * Returns the process exit status (1 when it could not start or could not run a session). */
int cmd_kiosk_run(const struct options *options, const struct loop_feed *feed);

#endif
