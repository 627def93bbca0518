/* Growing arrays (see grow.h). */
#include "core/grow.h"

#include <stdlib.h>

bool array_grow(void *list_ptr, size_t *cap, size_t count, size_t size)
{
	void **list = list_ptr;

	if (count < *cap)
		return true;
	size_t grown_cap = *cap ? *cap * 2 : 16;
	void *grown = realloc(*list, grown_cap * size);
	if (!grown)
		return false;
	*list = grown;
	*cap = grown_cap;
	return true;
}
