/* UUIDs for xAPI: from random bytes for new statements and classes, and name-based ones that the
 * same name always gives (class registrations, and the ids earlier releases derived). */
#ifndef RJK_CORE_UUID_H
#define RJK_CORE_UUID_H

#include <stdbool.h>

#define UUID_TEXT_SIZE 37

/* A version-4 UUID made of 16 random bytes the caller drew (the store's random source). */
void uuid_from_bytes(const unsigned char bytes[16], char out[UUID_TEXT_SIZE]);

/* A UUID (version 4 layout) derived from name with BLAKE2b: the same name, the same UUID. */
void uuid_from_name(const char *name, char out[UUID_TEXT_SIZE]);

/* True when s is a UUID in its 36-character text form (any case). */
bool uuid_valid(const char *s);

#endif
