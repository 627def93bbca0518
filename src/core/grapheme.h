/* Grapheme cluster boundaries: what a reader sees as one character (a base with its combining
 * marks, an emoji with its modifiers or ZWJ partners, a flag, CR LF, a Hangul syllable). */
#ifndef RJK_CORE_GRAPHEME_H
#define RJK_CORE_GRAPHEME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The rules are libunistring's UAX #29 extended grapheme clusters (Unicode 14.0 in Debian 12's
 * libunistring 1.0; tests/core/test_unicode_data.c checks every line of Unicode's
 * GraphemeBreakTest.txt), so Indic conjuncts (GB9c, Unicode 15.1) do not join yet: a virama
 * ends a cluster. Rules that look back (emoji ZWJ sequences, flags) look back at most 128 code
 * points: past 64 flags in a row each regional indicator stands alone. Every function accepts
 * any bytes: a malformed UTF-8 byte counts as a character of its own (U+FFFD). Offsets are
 * bytes into s[0..len); offsets past len are treated as len. */

/* True when a cluster boundary lies at offset: 0 and len always are, the middle of a UTF-8
 * sequence never is. */
bool grapheme_is_boundary(const char *s, size_t len, size_t offset);

/* The first boundary after offset (len at the end). */
size_t grapheme_next(const char *s, size_t len, size_t offset);

/* The last boundary before offset (0 at the start). */
size_t grapheme_prev(const char *s, size_t len, size_t offset);

/* The start of the cluster holding offset: offset itself when it is a boundary. */
size_t grapheme_floor(const char *s, size_t len, size_t offset);

/* Decodes the code point at offset (offset < len) into *cp and returns its length in bytes; a
 * malformed byte gives U+FFFD and length 1. */
size_t grapheme_decode(const char *s, size_t len, size_t offset, uint32_t *cp);

#endif
