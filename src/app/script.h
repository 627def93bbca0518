/* Scripted input for tests and screenshots: a file of lines such as "key ctrl+Return",
 * "text Hello", "click-button Next", "wait 500", "screenshot start.png",
 * "expect-screen review", fed to the kiosk as if a trainee did them. */
#ifndef RJK_APP_SCRIPT_H
#define RJK_APP_SCRIPT_H

#include <stdbool.h>
#include <stdint.h>

#include "app/kiosk.h"
#include "core/error.h"

struct script;

/* Reads a script. shot_dir is where relative screenshot paths go (NULL: the current folder). */
struct script *script_open(const char *path, const char *shot_dir, struct rjk_error *err);
void script_free(struct script *script);

/* Runs the script's next commands until one needs the loop (events to handle or time to
 * pass). Sets kiosk->quit at the end or on "quit", and kiosk->status to 1 when an
 * expectation fails. */
void script_step(struct script *script, struct kiosk *kiosk);

/* When the script next wants to run (SDL ticks), or 0 for at once. */
int64_t script_due(const struct script *script);

/* True while the script waits for a condition (a screen, a video time): it wants to run again
 * after every turn of the loop, as only events and timers change what it waits for. */
bool script_polling(const struct script *script);

#endif
