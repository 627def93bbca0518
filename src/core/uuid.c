/* UUIDs for xAPI: from random bytes for new statements and classes, and name-based ones that the
 * same name always gives (class registrations, and the ids earlier releases derived). */
#include "core/uuid.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static void format(unsigned char h[16], char out[UUID_TEXT_SIZE])
{
	h[6] = (unsigned char)((h[6] & 0x0f) | 0x40);
	h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);
	snprintf(out, UUID_TEXT_SIZE,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", h[0], h[1],
		 h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13], h[14],
		 h[15]);
}

void uuid_from_bytes(const unsigned char bytes[16], char out[UUID_TEXT_SIZE])
{
	unsigned char h[16];
	memcpy(h, bytes, sizeof h);
	format(h, out);
}

void uuid_from_name(const char *name, char out[UUID_TEXT_SIZE])
{
	unsigned char h[16];
	crypto_generichash(h, sizeof h, (const unsigned char *)name, strlen(name), NULL, 0);
	format(h, out);
}

bool uuid_valid(const char *s)
{
	for (size_t i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			return false;
	}
	return s[36] == '\0';
}
