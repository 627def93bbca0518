/* Grapheme cluster boundaries: what a reader sees as one character (a base with its combining
 * marks, an emoji with its modifiers or ZWJ partners, a flag, CR LF, a Hangul syllable). */
#ifndef RJK_CORE_GRAPHEME_H
#define RJK_CORE_GRAPHEME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The rules are those of UAX #29 extended grapheme clusters except Indic conjunct joining (a
 * virama ends a cluster) and with SpacingMark treated as Extend. Every function accepts any
 * bytes: a malformed UTF-8 byte counts as a character of its own. Offsets are bytes into
 * s[0..len); offsets past len are treated as len. */

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
