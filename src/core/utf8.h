/* UTF-8 helpers shared by the scenario loader, the store and the text editor. */
#ifndef RJK_CORE_UTF8_H
#define RJK_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, surrogates or values past
 * U+10FFFF). When it is not and bad_offset is not NULL, it receives the first bad byte's
 * offset. */
bool utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Decodes the code point at s[0..len) into *cp and returns its length in bytes (1 to 4).
 * Returns 0 when len is 0 or the sequence is malformed. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp into out (at least 4 bytes) and returns the length, or 0 for an invalid cp. */
size_t utf8_encode(uint32_t cp, char *out);

/* Number of code points in valid UTF-8 s[0..len). */
size_t utf8_count(const char *s, size_t len);

/* Offset of the start of the code point after / before offset in valid UTF-8 s[0..len).
 * next returns len at the end; prev returns 0 at the start. */
size_t utf8_next(const char *s, size_t len, size_t offset);
size_t utf8_prev(const char *s, size_t offset);

#endif
