/* Unicode character properties the text editor needs: grapheme-break classes and word classes. */
#ifndef RJK_CORE_UNICODE_H
#define RJK_CORE_UNICODE_H

#include <stdbool.h>
#include <stdint.h>

/* Grapheme_Cluster_Break values of UAX #29 (SpacingMark is folded into EXTEND: both attach to
 * the character before them). */
enum unicode_gcb {
	UNICODE_GCB_OTHER,
	UNICODE_GCB_CR,
	UNICODE_GCB_LF,
	UNICODE_GCB_CONTROL,
	UNICODE_GCB_EXTEND,
	UNICODE_GCB_ZWJ,
	UNICODE_GCB_REGIONAL,   /* regional indicator: two make a flag */
	UNICODE_GCB_PREPEND,
	UNICODE_GCB_L,          /* Hangul jamo: leading, vowel, trailing, LV and LVT syllables */
	UNICODE_GCB_V,
	UNICODE_GCB_T,
	UNICODE_GCB_LV,
	UNICODE_GCB_LVT,
};

enum unicode_gcb unicode_gcb(uint32_t cp);

/* Extended_Pictographic: emoji and pictographs that ZWJ sequences join. */
bool unicode_is_pictographic(uint32_t cp);

/* How word moves see a character: letters and digits of any script are words, spaces (and
 * line breaks and invisible format characters) separate, punctuation and symbols (emoji
 * included) form runs of their own. */
enum unicode_word {
	UNICODE_WORD_SPACE,
	UNICODE_WORD_LETTER,
	UNICODE_WORD_PUNCT,
};

enum unicode_word unicode_word_class(uint32_t cp);

/* A space a line may break after (no-break spaces are not). */
bool unicode_is_break_space(uint32_t cp);

/* Ideographic scripts (Han, kana, Yi) written without spaces: a line may break between any two
 * of their characters. */
bool unicode_is_ideographic(uint32_t cp);

#endif
