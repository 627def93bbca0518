/* Drawing text: measuring, wrapping (through core/textwrap) and a cache of rendered lines, so
 * an unchanged screen costs no font rendering to draw again. */
#ifndef RJK_UI_TEXT_H
#define RJK_UI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "core/textwrap.h"

struct text;

/* A text renderer drawing with ren (borrowed, must outlive it). NULL when out of memory. */
struct text *text_new(SDL_Renderer *ren);
void text_free(struct text *text);

/* Says which file at which pixel size font was opened from (with its hinting already set), and
 * whether it is a bold face, so that text in it can be measured from glyph metrics (path is
 * copied) and characters it lacks drawn in a fallback font (ui/fallback.h) at that size and
 * weight. The metrics are set up once the shaper has measured 16 KiB in that font, and a
 * fallback looked up when a character the font lacks is first met, so short screens of text
 * the font has cost nothing extra. Call again after reopening a font. Without it, or when the
 * font's shaper moves glyphs (kerning), every width comes from the shaper; without it,
 * characters the font lacks are drawn as its missing-glyph box. */
void text_font_file(struct text *text, TTF_Font *font, const char *path, int px, bool bold);

/* Width in pixels of s[0..len) in font, as text_draw draws it. Text the font draws glyph by
 * glyph (Latin, Greek, Cyrillic, CJK and common symbols) is measured from cached glyph
 * metrics in time linear in len; other text goes to the shaper, whose widths are cached.
 * Characters font lacks are measured in their fallback font, in stretches of one font each
 * (letters joining across a stretch's end keep their joined forms), side by side.
 * Text holding right-to-left characters is one line of its own paragraph (core/bidi.h): the
 * sum of its directional runs, each shaped in its direction and script. */
int text_width(struct text *text, TTF_Font *font, const char *s, size_t len);

/* The longest prefix of s[0..len), ending at a character (grapheme cluster) boundary, that is
 * at most max_w pixels wide; *width receives its width. Measures in proportion to the prefix
 * found, not to len, so a very long text costs no more than what fits. Returns 0 when not
 * even the first character fits. */
size_t text_fit(struct text *text, TTF_Font *font, const char *s, size_t len, int max_w,
		int *width);

/* What textwrap's measuring callback receives. */
/* A run of glyphs measured from a text's start: its bytes, the pen's end (1/64 pixel) and
 * its ink's extent (pixels). */
struct text_run {
	size_t len;
	long long pen, left, right;
};
#define TEXT_MEASURE_RUNS 8
/* What textwrap's measuring callback receives: text and font, for a wrapped text also its
 * wrap and the text laid out (base), then zeros. With wrap and base, a piece of a paragraph
 * that needs reordering is measured as that piece drawn as a line of it (text_draw_line);
 * without, as text_width measures it. The callback keeps the last prefixes it measured from
 * one start, so the text must not change while a ctx is in use. */
struct text_measure {
	struct text *text;
	TTF_Font *font;
	const struct textwrap *wrap;
	const char *base;
	const char *start;
	struct text_run runs[TEXT_MEASURE_RUNS];
	size_t next;           /* runs measured from start (the last TEXT_MEASURE_RUNS kept) */
};
int text_measure_fn(void *ctx, const char *s, size_t len);

/* Breaks s into lines no wider than max_w (into wrap, reused). False when out of memory. */
bool text_wrap(struct text *text, struct textwrap *wrap, TTF_Font *font, const char *s,
	       size_t len, int max_w);

/* Draws s[0..len) on one line with its top-left corner at x, y (a fallback font's stretches on
 * font's baseline). The rendered line is cached
 * by font, colour and bytes. Adds the drawn rectangle to the frame's record. Only what can be
 * seen is rendered: nothing for a line outside the clip rectangle (or the output), and a line
 * running past its right edge is rendered up to the first character crossing it. Text
 * holding right-to-left characters is drawn in visual order as one line of its own
 * paragraph (direction from its first strong character): each run rendered in its direction
 * and script, so that the shaper joins Arabic letters. */
void text_draw(struct text *text, TTF_Font *font, SDL_Color color, const char *s, size_t len,
	       int x, int y);

/* Draws line `line` of wrap (laid out over s by text_wrap) with its left at x, in visual order
 * within its paragraph (UAX #9). Left-aligned callers add textwrap_indent(wrap, line), which
 * aligns the lines of a right-to-left paragraph to the right of the box. */
void text_draw_line(struct text *text, TTF_Font *font, SDL_Color color,
		    const struct textwrap *wrap, const char *s, size_t line, int x, int y);

/* Starts a frame: clears the record of drawn rectangles. */
void text_frame_begin(struct text *text);

/* Ends a frame: forgets rendered lines not drawn in the last few frames. */
void text_frame_end(struct text *text);

/* Forgets every cached width and line and closes the fallback fonts (fonts were reopened:
 * their addresses may be reused). */
void text_forget(struct text *text);

/* Rectangles of text drawn since text_frame_begin, clipped to the clip rectangle in
 * force when drawn (what is really visible): for the rendering checks. */
const SDL_Rect *text_drawn(const struct text *text, size_t *count);

/* Lines rendered by the font engine since text_new (cache misses): for tests and benchmarks. */
unsigned long text_renders(const struct text *text);

#endif
