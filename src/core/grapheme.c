/* Grapheme cluster boundaries (see grapheme.h), decided from the two code points around an
 * offset plus, for ZWJ emoji sequences and flags, a look further back. */
#include "core/grapheme.h"

#include "core/unicode.h"
#include "core/utf8.h"

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

static bool is_break_class(enum unicode_gcb g)
{
	return g == UNICODE_GCB_CR || g == UNICODE_GCB_LF || g == UNICODE_GCB_CONTROL;
}

/* GB11: ZWJ joins a pictograph to an earlier pictograph (with any Extend between). */
static bool pictograph_before_zwj(const char *s, size_t zwj)
{
	size_t p = zwj;
	while (p > 0) {
		uint32_t cp;
		p = decode_before(s, p, &cp);
		if (unicode_gcb(cp) != UNICODE_GCB_EXTEND)
			return unicode_is_pictographic(cp);
	}
	return false;
}

/* Regional indicators looked back over to pair them up: pairing needs the start of the run,
 * and an unbounded look back would make pasted walls of indicators cost quadratic time. Past
 * this many (64 flags in a row) every indicator stands alone. */
#define REGIONAL_LOOKBACK 128

/* GB12/13: regional indicators pair up from the start of their run. */
static size_t regional_run_before(const char *s, size_t offset)
{
	size_t n = 0, p = offset;
	while (p > 0 && n < REGIONAL_LOOKBACK) {
		uint32_t cp;
		p = decode_before(s, p, &cp);
		if (unicode_gcb(cp) != UNICODE_GCB_REGIONAL)
			break;
		n++;
	}
	return n;
}

bool grapheme_is_boundary(const char *s, size_t len, size_t offset)
{
	if (offset == 0 || offset >= len)
		return true;
	/* Between two ASCII characters only CR LF holds together. */
	if ((unsigned char)s[offset - 1] < 0x80 && (unsigned char)s[offset] < 0x80)
		return s[offset - 1] != '\r' || s[offset] != '\n';
	if (inside_sequence(s, len, offset))
		return false;
	uint32_t a, b;
	size_t a_start = decode_before(s, offset, &a);
	grapheme_decode(s, len, offset, &b);
	enum unicode_gcb ga = unicode_gcb(a), gb = unicode_gcb(b);

	if (ga == UNICODE_GCB_CR && gb == UNICODE_GCB_LF)
		return false;
	if (is_break_class(ga) || is_break_class(gb))
		return true;
	if (ga == UNICODE_GCB_L && (gb == UNICODE_GCB_L || gb == UNICODE_GCB_V ||
				    gb == UNICODE_GCB_LV || gb == UNICODE_GCB_LVT))
		return false;
	if ((ga == UNICODE_GCB_LV || ga == UNICODE_GCB_V) &&
	    (gb == UNICODE_GCB_V || gb == UNICODE_GCB_T))
		return false;
	if ((ga == UNICODE_GCB_LVT || ga == UNICODE_GCB_T) && gb == UNICODE_GCB_T)
		return false;
	if (gb == UNICODE_GCB_EXTEND || gb == UNICODE_GCB_ZWJ || ga == UNICODE_GCB_PREPEND)
		return false;
	if (ga == UNICODE_GCB_ZWJ && unicode_is_pictographic(b))
		return !pictograph_before_zwj(s, a_start);
	if (ga == UNICODE_GCB_REGIONAL && gb == UNICODE_GCB_REGIONAL)
		return regional_run_before(s, offset) % 2 == 0;
	return true;
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
