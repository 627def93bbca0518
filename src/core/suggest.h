/* "Did you mean ...?": the known word nearest to a misspelt one. */
#ifndef RJK_CORE_SUGGEST_H
#define RJK_CORE_SUGGEST_H

#include <stddef.h>

/* Returns the entry of known[0..count) closest to word (ignoring ASCII case, counting a swap
 * of two neighbouring letters as one edit), or NULL when none is close enough to be a likely
 * typo. The result is borrowed from known. */
const char *suggest_nearest(const char *word, const char *const *known, size_t count);

#endif
