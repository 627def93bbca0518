/* FNV-1a hashes of bytes (see hash.h). */
#include "core/hash.h"

uint64_t hash_bytes(const void *s, size_t len, uint64_t h)
{
	const unsigned char *p = s;

	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}
