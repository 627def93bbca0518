/* Bidirectional text: the Unicode Bidirectional Algorithm (UAX #9, by GNU FriBidi) over the
 * paragraphs of a UTF-8 text, the visual order of the lines they are broken into, and where
 * letters join cursively. */
#ifndef RJK_CORE_BIDI_H
#define RJK_CORE_BIDI_H

#include <stdbool.h>
#include <stddef.h>

struct bidi;

/* True when the letters on either side of byte offset at in s[0..len) (a character boundary)
 * join cursively across it, as Arabic letters do: the one before joins what follows and the
 * one after joins what precedes (marks between them are passed over; Unicode's joining types,
 * by FriBidi). A text cut there must be shaped with a joiner on each side to keep their joined
 * forms. */
bool bidi_joins_at(const char *s, size_t len, size_t at);

/* Bytes [start, end) of a text drawn in one direction: right to left when rtl (an odd
 * embedding level), in which case a shaper lays them out from the right. */
struct bidi_run {
	size_t start, end;
	bool rtl;
};

/* A line's runs, left to right as they are seen. Zero-initialise before first use. */
struct bidi_line {
	struct bidi_run *runs;
	size_t count, cap;
	void *scratch; /* levels and order of one line */
	size_t scratch_cap;
};

/* True when s[0..len) holds a character that makes the order of its characters differ from
 * their logical order (a right-to-left letter, an Arabic number, or a right-to-left embedding,
 * override or isolate). Text without one is laid out left to right as it is stored. */
bool bidi_needed(const char *s, size_t len);

/* An empty analysis; NULL when out of memory. bidi_free(NULL) is a no-op. */
struct bidi *bidi_new(void);
void bidi_free(struct bidi *b);

/* The direction of a paragraph: that of its first strong character (left to right when it has
 * none, rules P2 and P3), or one given. */
enum bidi_dir {
	BIDI_AUTO,
	BIDI_LTR,
	BIDI_RTL,
};

/* Analyses text[0..len) (not kept): its paragraphs are the blocks between '\n's, each with its
 * direction (dir) and the embedding level of each character. Any bytes are accepted (a malformed byte counts as
 * U+FFFD). Reuses b's memory; false only when memory runs out (b is then empty). */
bool bidi_analyze(struct bidi *b, const char *text, size_t len, enum bidi_dir dir);

/* True when the paragraph holding byte offset `offset` runs right to left (its lines align
 * to the right). Offsets past the text belong to the last paragraph. */
bool bidi_rtl(const struct bidi *b, size_t offset);

/* The length of the text last analysed. */
size_t bidi_text_len(const struct bidi *b);

/* True when the paragraph holding offset needs reordering: bidi_needed of the paragraph, or
 * a paragraph given the direction BIDI_RTL. */
bool bidi_mixed(const struct bidi *b, size_t offset);

/* The runs of the line text[start..end) (start and end at character boundaries), left to
 * right as drawn: the paragraph's levels with whitespace at the line's end set back to the
 * paragraph's level (rule L1) and reversed for display (rule L2). A run holds characters in
 * logical order; marks are not moved (L3) and mirroring (L4) is left to the shaper. An empty
 * line has no runs. A range across paragraphs gives each paragraph's runs in turn (its
 * '\n's in none). False only when memory runs out. */
bool bidi_line_runs(const struct bidi *b, size_t start, size_t end, struct bidi_line *out);

/* Frees a line's memory and leaves it empty and reusable. */
void bidi_line_release(struct bidi_line *line);

#endif
