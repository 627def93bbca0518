/* Growing arrays: room for one more element, doubling the capacity when it runs out. */
#ifndef RJK_CORE_GROW_H
#define RJK_CORE_GROW_H

#include <stdbool.h>
#include <stddef.h>

/* Makes room for element number count in the growing array *list_ptr (a pointer to the
 * array's pointer, NULL when empty) of elements of size bytes and capacity *cap; false when
 * memory runs out (the array is then unchanged). */
bool array_grow(void *list_ptr, size_t *cap, size_t count, size_t size);

#endif
