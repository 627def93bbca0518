/* Grapheme cluster boundaries (see grapheme.h), decided by libunistring's u32_grapheme_breaks
 * over the code points around an offset: the two on either side, or, where UAX #29 looks
 * further back (emoji ZWJ sequences, pairs of regional indicators), a run back to a boundary
 * that no earlier text can move. */
#include "core/grapheme.h"

#include <unictype.h>
#include <unigbrk.h>

#include "core/utf8.h"

/* Code points looked back over for the rules that look back: enough for any real emoji ZWJ
 * sequence or a run of 64 flags, and a bound that keeps pasted walls of regional indicators
 * or of marks from costing quadratic time. Even, so that flags still pair up past it (each
 * regional indicator then stands alone). */
#define LOOKBACK 128

size_t grapheme_decode(const char *s, size_t len, size_t offset, uint32_t *cp)
{
	if (offset < len && (unsigned char)s[offset] < 0x80) {
		*cp = (unsigned char)s[offset]; /* ASCII, the common case: no decoding */
		return 1;
	}
	size_t n = utf8_decode(s + offset, len - offset, cp);
	if (n == 0) {
		*cp = 0xFFFD;
		n = 1;
	}
	return n;
}

/* Start of the code point ending at offset (> 0), consistent with grapheme_decode stepping
 * forward: a well-formed sequence ending exactly there, else the single byte before. */
static size_t decode_before(const char *s, size_t offset, uint32_t *cp)
{
	for (size_t k = 1; k <= 4 && k <= offset; k++)
		if (utf8_decode(s + offset - k, k, cp) == k)
			return offset - k;
	*cp = 0xFFFD;
	return offset - 1;
}

/* True when offset lies inside a well-formed multi-byte sequence. */
static bool inside_sequence(const char *s, size_t len, size_t offset)
{
	if (((unsigned char)s[offset] & 0xC0) != 0x80)
		return false;
	for (size_t k = 1; k <= 3 && k <= offset; k++) {
		uint32_t cp;
		if (utf8_decode(s + offset - k, len - (offset - k), &cp) > k)
			return true;
	}
	return false;
}

/* True when UAX #29 may need more than a and b to decide whether a boundary lies between
 * them: GB11 (a ZWJ before a pictograph joins only after a pictograph) and GB12/13 (regional
 * indicators pair up from the start of their run). Every other rule looks at two code
 * points. */
static bool needs_context(uint32_t a, uint32_t b)
{
	int pa = uc_graphemeclusterbreak_property(a);
	if (pa == GBP_RI)
		return uc_graphemeclusterbreak_property(b) == GBP_RI;
	return pa == GBP_ZWJ && uc_is_property_extended_pictographic(b);
}

/* libunistring's answer for the last code point of cps[0..n): a cluster starts there when
 * the text starts at cps[0]. */
static bool breaks_before_last(const uint32_t *cps, size_t n)
{
	char p[LOOKBACK + 2];
	u32_grapheme_breaks(cps, n, p);
	return p[n - 1] != 0;
}

static bool pair_breaks(uint32_t a, uint32_t b)
{
	return breaks_before_last((const uint32_t[]){a, b}, 2);
}

/* Whether a boundary lies between a (starting at a_start) and b, when needs_context(a, b): the
 * code points back to one where no earlier text matters (a boundary the two code points
 * around it decide alone, the text's start, or LOOKBACK code points back) go to libunistring
 * in text order. */
static bool boundary_in_context(const char *s, size_t a_start, uint32_t a, uint32_t b)
{
	uint32_t back[LOOKBACK + 2]; /* in reverse text order */
	back[0] = b;
	back[1] = a;
	size_t n = 2, at = a_start;
	while (at > 0 && n < LOOKBACK + 1) {
		uint32_t before;
		size_t start = decode_before(s, at, &before);
		if (!needs_context(before, back[n - 1]) && pair_breaks(before, back[n - 1]))
			break;
		back[n++] = before;
		at = start;
	}
	uint32_t cps[LOOKBACK + 2];
	for (size_t i = 0; i < n; i++)
		cps[i] = back[n - 1 - i];
	return breaks_before_last(cps, n);
}

bool grapheme_is_boundary(const char *s, size_t len, size_t offset)
{
	if (offset == 0 || offset >= len)
		return true;
	/* Between two ASCII characters only CR LF holds together (GB3 to GB5, GB999). */
	if ((unsigned char)s[offset - 1] < 0x80 && (unsigned char)s[offset] < 0x80)
		return s[offset - 1] != '\r' || s[offset] != '\n';
	if (inside_sequence(s, len, offset))
		return false;
	uint32_t a, b;
	size_t a_start = decode_before(s, offset, &a);
	grapheme_decode(s, len, offset, &b);
	if (needs_context(a, b))
		return boundary_in_context(s, a_start, a, b);
	return pair_breaks(a, b);
}

size_t grapheme_next(const char *s, size_t len, size_t offset)
{
	if (offset >= len)
		return len;
	/* Between two ASCII characters only CR LF holds together (as in grapheme_is_boundary):
	 * the common case needs no decoding. */
	if ((unsigned char)s[offset] < 0x80 &&
	    (offset + 1 == len || ((unsigned char)s[offset + 1] < 0x80 &&
				   (s[offset] != '\r' || s[offset + 1] != '\n'))))
		return offset + 1;
	do {
		uint32_t cp;
		offset += grapheme_decode(s, len, offset, &cp);
	} while (offset < len && !grapheme_is_boundary(s, len, offset));
	return offset;
}

size_t grapheme_prev(const char *s, size_t len, size_t offset)
{
	if (offset > len)
		offset = len;
	if (offset >= 2 && (unsigned char)s[offset - 1] < 0x80 &&
	    (unsigned char)s[offset - 2] < 0x80 && (s[offset - 2] != '\r' || s[offset - 1] != '\n'))
		return offset - 1; /* between two ASCII characters, as in grapheme_next */
	while (offset > 0) {
		uint32_t cp;
		offset = decode_before(s, offset, &cp);
		if (grapheme_is_boundary(s, len, offset))
			break;
	}
	return offset;
}

size_t grapheme_floor(const char *s, size_t len, size_t offset)
{
	if (offset >= len)
		return len;
	if (grapheme_is_boundary(s, len, offset))
		return offset;
	return grapheme_prev(s, len, offset);
}
