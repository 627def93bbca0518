/* Checks a video file before libvlc sees it, for what libvlc would only fail on later and less
 * clearly: missing, not a regular file, empty, unreadable, or a still picture. */
#ifndef RJK_MEDIA_FILE_H
#define RJK_MEDIA_FILE_H

#include "core/error.h"

#include <stdbool.h>

/* True when path is a non-empty, readable regular file that is not a picture; false with a
 * message naming path in err otherwise. Never blocks on a named pipe. */
bool media_file_check(const char *path, struct rjk_error *err);

#endif
