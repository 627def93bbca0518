/* The debrief's charts and texts, drawn with cairo and laid out with pango, once for the screen
 * (an image surface the kiosk shows) and for print (the PDF report): a question's bars with
 * counts, shares and the median, the anonymous wall of text answers and the word view. */
#ifndef RJK_CHART_CHART_H
#define RJK_CHART_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cairo.h>

#include "core/debrief.h"

/* Colours (0xRRGGBB) and text size of one drawing: the kiosk's theme, or print. */
struct chart_style {
	uint32_t bg, panel, text, muted, bar, bar_edge, accent, button, button_text;
	double font_px;               /* body text height in the surface's units */
	double line;                  /* outline width */
};

/* Black on white for paper, body text at font_px points. */
struct chart_style chart_print_style(double font_px);

/* How a text question is shown. */
enum chart_text_view {
	CHART_WALL,                   /* the answers, a page of cards at a time */
	CHART_WORDS,                  /* the most frequent words sized by count */
};

/* Draws text wrapped into width w at (x, y) in colour rgb, size px (bold when bold); returns the
 * height used. max_lines > 0 cuts the text with an ellipsis after that many lines. */
double chart_text(cairo_t *cr, const char *text, double x, double y, double w, double px,
		  uint32_t rgb, bool bold, int max_lines);

/* The height chart_text would use. */
double chart_text_height(cairo_t *cr, const char *text, double w, double px, bool bold,
			 int max_lines);

/* The width of text on one line. */
double chart_text_width(cairo_t *cr, const char *text, double px, bool bold);

/* A rectangle filled with fill and outlined in the style's edge colour, line wide. */
void chart_box(cairo_t *cr, const struct chart_style *s, double x, double y, double w, double h,
	       uint32_t fill, double line);

/* Frees pango's default font map and the fonts it holds; call once drawing is over (at exit,
 * or when the debrief closes). Safe to call at any time. */
void chart_release_fonts(void);

/* Sets the source colour. */
void chart_color(cairo_t *cr, uint32_t rgb);

/* Draws a scale or choice question's bars in the box (x, y, w, h): a row per value or option,
 * in order, each with its label, a bar as long as its share of the largest count, and "count
 * (share%)"; the scale's median marked by a line and named in words. Returns the height used
 * (at most h; rows shrink to fit). */
double chart_bars(cairo_t *cr, const struct debrief_question *q, const struct chart_style *s,
		  double x, double y, double w, double h);

/* How many wall pages the shown answers of q fill at per_page cards a page. */
size_t chart_wall_pages(const struct debrief_question *q, size_t per_page);

/* Draws page `page` of the wall: per_page cards in two columns, each answer large and cut with
 * an ellipsis when too long for its card. */
void chart_wall(cairo_t *cr, const struct debrief_question *q, size_t page, size_t per_page,
		const struct chart_style *s, double x, double y, double w, double h);

/* What the word view and the report say when the shown answers have no word to count. */
extern const char chart_no_words[];

/* Draws the most frequent words of q's shown answers, sized by count with the count after
 * each word, centred lines in the box (or chart_no_words when there is none); returns the
 * height used. */
double chart_words(cairo_t *cr, const struct debrief_question *q, const struct chart_style *s,
		   double x, double y, double w, double h);

#endif
