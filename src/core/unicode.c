/* Unicode character properties (see unicode.h): range tables searched by bisection. */
#include "core/unicode.h"

#include <stddef.h>

struct cp_range {
	uint32_t lo, hi;
};

#include "core/unicode_tables.inc"

/* From emoji-data.txt (Extended_Pictographic), unassigned ranges included as the standard does
 * so that emoji added later still join. */
static const struct cp_range pictographic_ranges[] = {
	{0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C}, {0x2049, 0x2049},
	{0x2122, 0x2122}, {0x2139, 0x2139}, {0x2194, 0x2199}, {0x21A9, 0x21AA},
	{0x231A, 0x231B}, {0x2328, 0x2328}, {0x2388, 0x2388}, {0x23CF, 0x23CF},
	{0x23E9, 0x23F3}, {0x23F8, 0x23FA}, {0x24C2, 0x24C2}, {0x25AA, 0x25AB},
	{0x25B6, 0x25B6}, {0x25C0, 0x25C0}, {0x25FB, 0x25FE}, {0x2600, 0x2605},
	{0x2607, 0x2612}, {0x2614, 0x2685}, {0x2690, 0x2705}, {0x2708, 0x2712},
	{0x2714, 0x2714}, {0x2716, 0x2716}, {0x271D, 0x271D}, {0x2721, 0x2721},
	{0x2728, 0x2728}, {0x2733, 0x2734}, {0x2744, 0x2744}, {0x2747, 0x2747},
	{0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757},
	{0x2763, 0x2767}, {0x2795, 0x2797}, {0x27A1, 0x27A1}, {0x27B0, 0x27B0},
	{0x27BF, 0x27BF}, {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C},
	{0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x3030, 0x3030}, {0x303D, 0x303D},
	{0x3297, 0x3297}, {0x3299, 0x3299}, {0x1F000, 0x1F0FF}, {0x1F10D, 0x1F10F},
	{0x1F12F, 0x1F12F}, {0x1F16C, 0x1F171}, {0x1F17E, 0x1F17F}, {0x1F18E, 0x1F18E},
	{0x1F191, 0x1F19A}, {0x1F1AD, 0x1F1E5}, {0x1F201, 0x1F20F}, {0x1F21A, 0x1F21A},
	{0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A}, {0x1F23C, 0x1F23F}, {0x1F249, 0x1F3FA},
	{0x1F400, 0x1F53D}, {0x1F546, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F774, 0x1F77F},
	{0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F}, {0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F},
	{0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
	{0x1F947, 0x1FAFF}, {0x1FC00, 0x1FFFD},
};

/* Prepended concatenation marks (Arabic number signs and the like) attach to what follows. */
static const struct cp_range prepend_ranges[] = {
	{0x0600, 0x0605}, {0x06DD, 0x06DD}, {0x070F, 0x070F}, {0x0890, 0x0891},
	{0x08E2, 0x08E2}, {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
};

static const struct cp_range space_ranges[] = {
	{0x00A0, 0x00A0}, {0x1680, 0x1680}, {0x2000, 0x200A}, {0x2028, 0x2029},
	{0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000},
};

static const struct cp_range ideographic_ranges[] = {
	{0x2E80, 0x2FDF}, {0x3041, 0x3096}, {0x309D, 0x309F}, {0x30A1, 0x30FA},
	{0x30FD, 0x30FF}, {0x3105, 0x312F}, {0x3190, 0x31FF}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xF900, 0xFAFF}, {0xFF66, 0xFF9D},
	{0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool in_ranges(uint32_t cp, const struct cp_range *r, size_t n)
{
	if (n == 0 || cp < r[0].lo || cp > r[n - 1].hi)
		return false;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

#define IN(cp, table) in_ranges((cp), (table), COUNT(table))

enum unicode_gcb unicode_gcb(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return UNICODE_GCB_OTHER;
	if (cp == '\r')
		return UNICODE_GCB_CR;
	if (cp == '\n')
		return UNICODE_GCB_LF;
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return UNICODE_GCB_CONTROL;
	if (cp == 0x200D)
		return UNICODE_GCB_ZWJ;
	if (cp >= 0x1F1E6 && cp <= 0x1F1FF)
		return UNICODE_GCB_REGIONAL;
	if (cp >= 0xAC00 && cp <= 0xD7A3)
		return (cp - 0xAC00) % 28 == 0 ? UNICODE_GCB_LV : UNICODE_GCB_LVT;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0xA960 && cp <= 0xA97C))
		return UNICODE_GCB_L;
	if ((cp >= 0x1160 && cp <= 0x11A7) || (cp >= 0xD7B0 && cp <= 0xD7C6))
		return UNICODE_GCB_V;
	if ((cp >= 0x11A8 && cp <= 0x11FF) || (cp >= 0xD7CB && cp <= 0xD7FB))
		return UNICODE_GCB_T;
	if (IN(cp, extend_ranges))
		return UNICODE_GCB_EXTEND;
	if (IN(cp, control_ranges))
		return UNICODE_GCB_CONTROL;
	if (IN(cp, prepend_ranges))
		return UNICODE_GCB_PREPEND;
	return UNICODE_GCB_OTHER;
}

bool unicode_is_pictographic(uint32_t cp)
{
	return IN(cp, pictographic_ranges);
}

enum unicode_word unicode_word_class(uint32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
			return UNICODE_WORD_LETTER;
		if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
			return UNICODE_WORD_SPACE;
		return UNICODE_WORD_PUNCT;
	}
	if (IN(cp, space_ranges) || IN(cp, control_ranges))
		return UNICODE_WORD_SPACE;
	if (IN(cp, punct_ranges))
		return UNICODE_WORD_PUNCT;
	return UNICODE_WORD_LETTER;
}

bool unicode_is_break_space(uint32_t cp)
{
	if (cp == ' ' || cp == '\t')
		return true;
	if (cp < 0x1680)
		return false;
	return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B && cp != 0x2007) || cp == 0x205F ||
	       cp == 0x3000;
}

bool unicode_is_ideographic(uint32_t cp)
{
	return cp >= 0x2E80 && IN(cp, ideographic_ranges);
}
