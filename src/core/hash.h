/* FNV-1a hashes of bytes, for cache keys and telling repeated lines apart (not for security). */
#ifndef RJK_CORE_HASH_H
#define RJK_CORE_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The starting value of a hash (FNV-1a's offset basis); mix a key into it with ^ to keep
 * hashes of different keys apart. */
#define HASH_START 0xcbf29ce484222325ULL

/* Hash of s[0..len) continued from h (HASH_START for a new one). */
uint64_t hash_bytes(const void *s, size_t len, uint64_t h);

#endif
