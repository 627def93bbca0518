/* Small file-system helpers shared by the store, the exports and the PIN: durable changes (fsync of
 * folders after a create or rename) and private folders. */
#ifndef RJK_CORE_DURABLE_H
#define RJK_CORE_DURABLE_H

#include <stdbool.h>

#include "core/error.h"

/* fsyncs a folder so that files created or renamed in it survive a power cut. */
bool durable_sync_dir(const char *dir);

/* fsyncs the folder that holds path ("." for a bare file name). */
bool durable_sync_parent(const char *path);

/* mkdir -p for a private folder: creates dir and every missing parent 0700 (a fresh account
 * has no ~/.local/share yet) and checks that dir is a folder. */
bool durable_make_dirs(const char *dir, struct rjk_error *err);

#endif
