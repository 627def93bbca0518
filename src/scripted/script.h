/* Scripted input for tests and screenshots: a file of lines such as "key ctrl+Return",
 * "text Hello", "click-button Next", "wait 500", "screenshot start.png",
 * "expect-screen review", fed to the kiosk as if a trainee did them. Test-only. */
#ifndef RJK_SCRIPTED_SCRIPT_H
#define RJK_SCRIPTED_SCRIPT_H

#include "app/kiosk.h"
#include "app/loop.h"
#include "core/error.h"

struct script;

/* Reads a script. shot_dir is where relative screenshot paths go (NULL: the current folder;
 * copied). NULL and err when the file cannot be read. */
struct script *script_open(const char *path, const char *shot_dir, struct rjk_error *err);

/* Frees the script. NULL is a no-op. */
void script_free(struct script *script);

/* The loop hook that plays the script into the kiosk (its data is script, borrowed): it runs
 * the script's commands until one needs the loop (events to handle or time to pass), sets
 * kiosk->quit at the end or on "quit", and kiosk->status to 1 when an expectation fails. */
struct loop_feed script_feed(struct script *script);

#endif
