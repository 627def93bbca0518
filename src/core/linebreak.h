/* Line break opportunities: where a line of text may (or must) end, by libunistring's UAX #14
 * line breaking. Used by textwrap.c to choose where soft-wrapped lines break. */
#ifndef RJK_CORE_LINEBREAK_H
#define RJK_CORE_LINEBREAK_H

#include <stddef.h>

/* What may happen at a byte offset of a text. */
enum linebreak {
	LINEBREAK_NONE,      /* a line may not start here (offset 0, inside a character, ...) */
	LINEBREAK_ALLOWED,   /* a line may start here */
	LINEBREAK_MANDATORY, /* a line must start here: after LF, VT, FF, NEL, LS, PS or a lone
	                        CR (a CR LF pair breaks after the LF) */
};

/* Fills out[0..len) with the enum linebreak of each byte offset of s[0..len) (the end of the
 * text, offset len, always allows a break and is not written). The rules are libunistring's
 * (UAX #14 of Unicode 14.0 in Debian 12's libunistring 1.0), with its choices where it differs
 * from Unicode's LineBreakTest.txt (listed in tests/core/test_unicode_data.c): notably no
 * break after spaces at the start of the text or of a line, so leading spaces stay with the
 * word after them. Any bytes are accepted; a malformed byte never allows a break inside a
 * well-formed character. */
void linebreak_find(const char *s, size_t len, char *out);

#endif
