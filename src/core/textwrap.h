/* Soft wrapping of UTF-8 text into lines that fit a width, and mapping between byte offsets
 * and pixel positions on those lines (used by the answer editor and every wrapped label). */
#ifndef RJK_CORE_TEXTWRAP_H
#define RJK_CORE_TEXTWRAP_H

#include <stdbool.h>
#include <stddef.h>

/* Width in pixels of s[0..len) as it will be drawn (the UI passes a font measurer). */
typedef int (*textwrap_measure_fn)(void *ctx, const char *s, size_t len);

struct textwrap_line {
	size_t start;   /* byte offset of the line's first byte */
	size_t end;     /* byte offset after the last byte drawn (excludes the '\n' and the
	                   trailing break space) */
	size_t next;    /* byte offset where the next line starts */
	int width;      /* pixels of [start, end) */
};

struct bidi;

/* Lines in text order: lines[0].start is 0, each line's next is the following line's start,
 * and the last line's next is the text's length. Zero-initialise before first use. */
struct textwrap {
	struct textwrap_line *lines;
	size_t count;
	size_t cap;
	int max_width;      /* the width laid out for */
	struct bidi *bidi;  /* the text's paragraphs and levels (core/bidi.h) when some
	                       paragraph holds right-to-left text, else NULL */
	struct bidi *spare; /* bidi's memory, kept for the next layout */
};

/* Breaks text[0..len) into lines no wider than max_width: at break opportunities where
 * possible (Unicode line breaking, see linebreak.h: after spaces, between ideographs, after a
 * hyphen or a dash), inside a word only when the word alone is too wide (never inside a
 * grapheme cluster), and always at '\n'. Empty text gives one empty line; text ending in '\n'
 * ends with an empty line (where the caret goes). Returns false only when memory runs out.
 * Reuses wrap's memory. Details: other line-ending characters (vertical tab, form feed, U+2028,
 * U+2029) only allow a break. Spaces at a soft break hang past the edge and are not drawn;
 * spaces before a
 * '\n' or the end are drawn while they fit and hang past the edge after that. A single
 * grapheme cluster wider than max_width gets a line of its own. Any bytes are accepted (a
 * malformed byte counts as one character); text may be NULL when len is 0.
 * Bidirectional text: the text is analysed (wrap->bidi) before the first measure, so that a
 * measurer may measure each prefix as the line it would make is drawn, in visual order (see
 * textwrap_runs); lines still break in logical order (UAX #9: reordering comes after). */
bool textwrap_layout(struct textwrap *wrap, const char *text, size_t len, int max_width,
		     textwrap_measure_fn measure, void *ctx);

/* Frees the lines and leaves wrap empty and reusable. */
void textwrap_release(struct textwrap *wrap);

/* Index of the line holding byte offset `offset` (a caret at a soft break belongs to the
 * line after it). Offsets past the text belong to the last line; 0 when wrap is empty. */
size_t textwrap_line_of(const struct textwrap *wrap, size_t offset);

/* Byte offset on line `line` nearest to pixel x from the box's left, as textwrap_x_of places
 * carets (for clicks and Up/Down caret moves): a
 * cluster boundary from the line's start to its last caret position, which is the last
 * boundary before the next line's start (the '\n', the last hanging space, or the start of
 * the last cluster of a line broken inside a word, so that line_of gives `line` back), or the
 * text's end on the last line. `text` is the text last laid out; a line past the last is taken
 * as the last. */
size_t textwrap_offset_at_x(const struct textwrap *wrap, const char *text, size_t line, int x,
			    textwrap_measure_fn measure, void *ctx);

/* The widest prefix that fits, found by bisection over cluster boundaries: given boundaries
 * *lo < *hi of text[0..len) where the prefix text[start..*lo) is at most `limit` pixels wide
 * (*lo_w) and text[start..*hi) is wider (*hi_w), narrows them until no boundary lies between:
 * then *lo ends the widest prefix that fits and *hi the narrowest that does not. Measures
 * about log2(*hi - *lo) prefixes, however long the text. */
void textwrap_bisect(const char *text, size_t len, size_t start, int limit,
		     textwrap_measure_fn measure, void *ctx, size_t *lo, int *lo_w, size_t *hi,
		     int *hi_w);

/* Pixel x of the caret at byte offset `offset`, from the left of the box laid out (a line of a
 * right-to-left paragraph is indented, see textwrap_indent). On a line that needs reordering
 * the caret stands at the visual edge of the character at offset where that character is
 * read from (its right edge in right-to-left text), or after the line's last character at
 * its end. A caret among hanging spaces may lie outside the box: the UI clamps it. */
int textwrap_x_of(const struct textwrap *wrap, const char *text, size_t offset,
		  textwrap_measure_fn measure, void *ctx);

/* True when line `line` belongs to a right-to-left paragraph (it aligns to the right). */
bool textwrap_rtl(const struct textwrap *wrap, size_t line);

/* Pixels from the box's left to where line `line` starts: max_width less its width for a
 * line of a right-to-left paragraph (0 when wider), 0 for others. */
int textwrap_indent(const struct textwrap *wrap, size_t line);

struct bidi_line;

/* The runs of line `line` in visual order, left to right (see bidi_line_runs), into out;
 * whether or not the text holds right-to-left text (without, one left-to-right run, or none
 * for an empty line). False only when memory runs out. */
bool textwrap_runs(const struct textwrap *wrap, size_t line, struct bidi_line *out);

#endif
