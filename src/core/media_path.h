/* Media paths written in a scenario, resolved and confined to the scenario folder. */
#ifndef RJK_CORE_MEDIA_PATH_H
#define RJK_CORE_MEDIA_PATH_H

#include <stdbool.h>

#include "core/error.h"

/* Resolves rel (as written in scenario.yaml) against dir, the scenario folder's absolute
 * real path (as realpath gives it). rel must be relative, must not contain a ".." part, and
 * must name an existing regular file whose real path (symbolic links followed) lies inside
 * dir. On success *out receives a new absolute real path (caller frees). On failure err says
 * what is wrong, without the file name in front. */
bool media_path_resolve(const char *dir, const char *rel, char **out, struct rjk_error *err);

#endif
