/* Small helpers that make file-system changes durable (fsync of folders after a create or
 * rename), shared by the store and the exports. */
#ifndef RJK_CORE_DURABLE_H
#define RJK_CORE_DURABLE_H

#include <stdbool.h>

/* fsyncs a folder so that files created or renamed in it survive a power cut. */
bool durable_sync_dir(const char *dir);

/* fsyncs the folder that holds path ("." for a bare file name). */
bool durable_sync_parent(const char *path);

#endif
