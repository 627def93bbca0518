/* Stop requests from the system (SIGTERM, SIGINT, SIGHUP): turned into one SDL event the loop
 * acts on, so the kiosk saves and exits when systemd stops it, in every mode. */
#ifndef RJK_APP_SIGNALS_H
#define RJK_APP_SIGNALS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"

/* Catches SIGTERM, SIGINT and SIGHUP from now on. The handler only records the signal and
 * writes a byte to a pipe; a watcher thread reading that pipe pushes an event of the type
 * signals_event() returns, which wakes the loop wherever it sleeps. Call before SDL_Init,
 * with SDL_HINT_NO_SIGNAL_HANDLERS set so SDL does not turn the signals into SDL_QUIT (which a
 * locked kiosk cannot tell from a close request). False and err when the pipe or the thread
 * cannot be made. */
bool signals_start(struct rjk_error *err);

/* The SDL event type pushed on a stop request (0 before signals_start or when SDL's events
 * could not be registered: the loop then sees the request at its next wake-up). */
uint32_t signals_event(void);

/* The signal that asked the kiosk to stop, or 0. Safe to call at any time. */
int signals_caught(void);

/* Stops the watcher thread and puts the default handlers back. */
void signals_stop(void);

#endif
