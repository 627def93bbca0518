/* Small file-system helpers shared by the store, the exports and the PIN: durable changes (fsync of
 * folders after a create or rename), private folders, and temporary files that can be told from
 * left-overs. */
#ifndef RJK_CORE_DURABLE_H
#define RJK_CORE_DURABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

/* fsyncs a folder so that files created or renamed in it survive a power cut. */
bool durable_sync_dir(const char *dir);

/* fsyncs the folder that holds path ("." for a bare file name). */
bool durable_sync_parent(const char *path);

/* mkdir -p for a private folder: creates dir and every missing parent 0700 (a fresh account
 * has no ~/.local/share yet) and checks that dir is a folder. */
bool durable_make_dirs(const char *dir, struct rjk_error *err);

/* Creates a private (0600) temporary file from templ (mkstemp's "...XXXXXX", filled in) and
 * holds an flock() on it for as long as the descriptor stays open, so that
 * durable_remove_stale() never takes a file that a live writer is still filling. Returns the
 * descriptor (close-on-exec), or -1 with errno set. Rename the file into place before closing
 * it: once closed it counts as left over. */
int durable_temp(char *templ);

/* Removes the temporary files that writers killed part-way left in dir: every entry whose name
 * is_temp() accepts, that is a regular file (links are never followed), belongs to this user
 * and is not locked by a live writer (see durable_temp). Anything else is left alone. Returns
 * how many were removed. */
size_t durable_remove_stale(const char *dir, bool (*is_temp)(const char *name));

/* True when name ends with a mkstemp suffix: '.' then 6 letters or digits. */
bool durable_has_temp_suffix(const char *name);

/* True when name is base followed by a mkstemp suffix ("settings.a1B2c3" for "settings"): a
 * temporary file of durable_replace() for base. */
bool durable_is_temp_of(const char *name, const char *base);

/* When root makes a file in a folder that belongs to another user (IT running a command on the
 * kiosk's data folder), gives the open file fd to the folder's owner, who could not read it
 * otherwise. Does nothing for other users, for a root-owned folder or for a file that is not
 * root's; a failure is left for the owner's own open to report, naming the file. */
void durable_give_to_dir_owner(int fd, const char *dir);

/* Writes all of data[0..len) to fd, again after interruptions. False with errno set. */
bool durable_write_all(int fd, const void *data, size_t len);

/* Replaces the file at path, in folder dir, with data[0..len) atomically: a private temporary
 * beside it (durable_temp, named path.XXXXXX, given to the folder's owner when root writes it),
 * written and synced, renamed over path while it is still locked, then the folder synced, so a
 * power cut leaves either the old file or the new one and no left-over that
 * durable_remove_stale() would miss. False with errno set; nothing
 * is left behind then. */
bool durable_replace(const char *dir, const char *path, const void *data, size_t len);

#endif
