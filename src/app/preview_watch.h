/* Changes to a scenario's files on disk, for the preview: a thread watches the scenario's folder
 * with inotify and posts one SDL event per burst of changes to the files it was told to watch. */
#ifndef RJK_APP_PREVIEW_WATCH_H
#define RJK_APP_PREVIEW_WATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"

/* Room for a watched file's name. */
#define PREVIEW_WATCH_NAME_MAX 256

struct preview_watch;

/* Starts watching folder (borrowed for the call) for files written, created, renamed into it
 * (as editors that save by rename do) or deleted; changes to the names given by
 * preview_watch_names post one SDL event of the type preview_watch_event, once the changes
 * have been quiet for a moment. Needs SDL's events started. NULL and err when the folder
 * cannot be watched. */
struct preview_watch *preview_watch_new(const char *folder, struct rjk_error *err);

/* Stops the thread and frees the watch. NULL is a no-op. */
void preview_watch_free(struct preview_watch *watch);

/* The SDL event type the watch posts. */
uint32_t preview_watch_event(const struct preview_watch *watch);

/* Which file names in the folder count (a and b; NULL or "" for none): the scenario file and
 * its caption file. Copied; may be called while the thread runs. */
void preview_watch_names(struct preview_watch *watch, const char *a, const char *b);

#endif
