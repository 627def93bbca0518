/* The debrief's charts: bars with counts, shares and the median, the wall of answers and the
 * word view, in cairo with pango's text layout, for the screen and for print alike. */
#include "chart/chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "chart/cairo_lazy.h"
#include "core/grapheme.h"
#include "core/wordfreq.h"

#define CHART_FONT "DejaVu Sans"
#define WORDS_MAX 30
#define WORD_LABEL_MAX 160

struct lazylib lazy_pangocairo = LAZYLIB_INIT(RJK_SONAME_PANGOCAIRO);

/* What wordfreq_count leaves out, so that answers of emoji alone do not read as no answers. */
const char chart_no_words[] = "These answers have no words to count: emoji, signs, single "
			      "letters or digits and common words such as "
			      "\xe2\x80\x9cthe\xe2\x80\x9d are not counted.";

struct chart_style chart_print_style(double font_px)
{
	return (struct chart_style){
		.bg = 0xffffff, .panel = 0xf2f2f2, .text = 0x000000, .muted = 0x404040,
		.bar = 0x1f4e99, .bar_edge = 0x000000, .accent = 0xb3261e, .button = 0xffffff,
		.button_text = 0x000000, .font_px = font_px, .line = font_px / 10,
	};
}

void chart_color(cairo_t *cr, uint32_t rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0,
			     (rgb & 255) / 255.0);
}

void chart_release_fonts(void)
{
	if (!lazylib_is_open(&lazy_pangocairo))
		return; /* nothing was drawn */
	/* The default font map is kept per thread, out of a leak checker's sight. cairo's own
	 * caches are not reset (cairo_debug_reset_static_data): they are reachable, so no leak,
	 * and that debugging call aborts the process when a font is still in use, which pango's
	 * font thread can make so just after the first drawing. */
	pango_cairo_font_map_set_default(NULL);
}

void chart_box(cairo_t *cr, const struct chart_style *s, double x, double y, double w, double h,
	       uint32_t fill, double line)
{
	cairo_rectangle(cr, x, y, w, h);
	chart_color(cr, fill);
	cairo_fill_preserve(cr);
	chart_color(cr, s->bar_edge);
	cairo_set_line_width(cr, line);
	cairo_stroke(cr);
}

static PangoLayout *layout_for(cairo_t *cr, const char *text, double w, double px, bool bold,
			       int max_lines)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, CHART_FONT);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_absolute_size(fd, px * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (w > 0) {
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	if (max_lines > 0) {
		pango_layout_set_height(l, -max_lines);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_set_text(l, text, -1);
	return l;
}

double chart_text(cairo_t *cr, const char *text, double x, double y, double w, double px,
		  uint32_t rgb, bool bold, int max_lines)
{
	PangoLayout *l = layout_for(cr, text, w, px, bold, max_lines);
	int pw, ph;

	chart_color(cr, rgb);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	pango_layout_get_pixel_size(l, &pw, &ph);
	g_object_unref(l);
	return ph;
}

double chart_text_height(cairo_t *cr, const char *text, double w, double px, bool bold,
			 int max_lines)
{
	PangoLayout *l = layout_for(cr, text, w, px, bold, max_lines);
	int pw, ph;

	pango_layout_get_pixel_size(l, &pw, &ph);
	g_object_unref(l);
	return ph;
}

double chart_text_width(cairo_t *cr, const char *text, double px, bool bold)
{
	PangoLayout *l = layout_for(cr, text, -1, px, bold, 0);
	int pw, ph;

	pango_layout_get_pixel_size(l, &pw, &ph);
	g_object_unref(l);
	return pw;
}

static const char *median_words(const struct debrief_question *q, char *out, size_t size)
{
	const char *label = NULL;

	for (size_t i = 0; i < q->bar_count; i++)
		if (q->bars[i].value == (int)q->median && (double)(int)q->median == q->median)
			label = q->bars[i].label;
	if (label)
		snprintf(out, size, "Median: %s", label);
	else
		snprintf(out, size, "Median: %.1f", q->median);
	return out;
}

double chart_bars(cairo_t *cr, const struct debrief_question *q, const struct chart_style *s,
		  double x, double y, double w, double h)
{
	double px = s->font_px, gap = px * 0.5, label_w = w * 0.3, count_w = px * 6;
	double bar_x = x + label_w + gap, bar_w = w - label_w - count_w - gap * 2;
	double note_h = px * 1.6, row, used;
	size_t most = debrief_max_count(q);
	char buf[256];

	if (!q->bar_count)
		return 0;
	row = (h - note_h * 2) / (double)q->bar_count;
	if (row > px * 3.2)
		row = px * 3.2;
	if (row < px * 1.4)
		row = px * 1.4;
	for (size_t i = 0; i < q->bar_count; i++) {
		const struct debrief_bar *b = &q->bars[i];
		double ry = y + row * (double)i, bh = row * 0.7, by = ry + (row - bh) / 2;
		double len = most ? bar_w * (double)b->count / (double)most : 0;
		double th = chart_text_height(cr, b->label, label_w, px, false, 2);

		chart_text(cr, b->label, x, ry + (row - th) / 2, label_w, px, s->text, false, 2);
		/* The empty track, outlined, so a zero still reads as a bar of nothing. */
		chart_box(cr, s, bar_x, by, bar_w, bh, s->panel, s->line);
		if (len > 0) {
			cairo_rectangle(cr, bar_x, by, len, bh);
			chart_color(cr, s->bar);
			cairo_fill(cr);
		}
		snprintf(buf, sizeof buf, "%zu (%d%%)", b->count, debrief_share(q, b));
		th = chart_text_height(cr, buf, -1, px, true, 0);
		chart_text(cr, buf, bar_x + bar_w + gap, ry + (row - th) / 2, -1, px, s->text, true,
			   0);
	}
	used = row * (double)q->bar_count;
	if (q->kind == STEP_SCALE && q->has_median) {
		double pos = 0;

		/* The median's line across the bars at its value (between two rows for a .5). */
		for (size_t i = 0; i < q->bar_count; i++)
			if (q->bars[i].value <= q->median)
				pos = (double)i + (q->median - q->bars[i].value);
		double my = y + row * (pos + 0.5);
		cairo_set_line_width(cr, s->line * 3);
		double dash = px * 0.6;
		cairo_set_dash(cr, &dash, 1, 0);
		chart_color(cr, s->accent);
		cairo_move_to(cr, bar_x - gap / 2, my);
		cairo_line_to(cr, bar_x + bar_w + gap / 2, my);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		used += gap + chart_text(cr, median_words(q, buf, sizeof buf), x, y + used + gap, w,
					 px, s->text, true, 2);
	}
	if (q->kind == STEP_CHOICE && q->multiple)
		used += gap + chart_text(cr, "People could pick several options: shares are of the "
					 "people who answered and add up to more than 100%.",
					 x, y + used + gap, w, px * 0.85, s->muted, false, 3);
	return used;
}

size_t chart_wall_pages(const struct debrief_question *q, size_t per_page)
{
	size_t n = debrief_shown_texts(q, NULL, 0);

	return per_page ? (n + per_page - 1) / per_page : 0;
}

void chart_wall(cairo_t *cr, const struct debrief_question *q, size_t page, size_t per_page,
		const struct chart_style *s, double x, double y, double w, double h)
{
	size_t n = debrief_shown_texts(q, NULL, 0), rows = (per_page + 1) / 2;
	const char **texts = calloc(n ? n : 1, sizeof *texts);
	double gap = s->font_px * 0.8, cw = (w - gap) / 2, ch = (h - gap * (double)(rows - 1)) /
								 (double)rows;

	if (!texts)
		abort();
	debrief_shown_texts(q, texts, n);
	for (size_t i = 0; i < per_page && page * per_page + i < n; i++) {
		double cx = x + (double)(i % 2) * (cw + gap), cy = y + (double)(i / 2) * (ch + gap);
		double pad = s->font_px * 0.6, px = s->font_px * 1.15;
		int lines;

		/* Short cards (large text on a small screen): the text shrinks to one line at
		 * least, rather than spilling out of its card. */
		if (pad > ch / 6)
			pad = ch / 6;
		if (px * 1.25 > ch - pad * 2)
			px = (ch - pad * 2) / 1.25;
		lines = (int)((ch - pad * 2) / (px * 1.25));

		chart_box(cr, s, cx, cy, cw, ch, s->panel, s->line);
		chart_text(cr, texts[page * per_page + i], cx + pad, cy + pad, cw - pad * 2, px,
			   s->text, false, lines < 1 ? 1 : lines);
	}
	free(texts);
}

/* Writes "word count" into out (WORD_LABEL_MAX bytes) and returns its width at px. A word too
 * wide for w, or too long for out, is cut at a character boundary with an ellipsis, so that it
 * stays inside the view with its count. */
static double word_label(cairo_t *cr, const struct word_count *word, double px, double w,
			 char out[WORD_LABEL_MAX])
{
	size_t len = strlen(word->word), lo = 0, hi = len;
	char count[32];
	double width;

	snprintf(count, sizeof count, "\xc2\xa0%zu", word->count);
	if (len + strlen(count) < WORD_LABEL_MAX) {
		snprintf(out, WORD_LABEL_MAX, "%s%s", word->word, count);
		width = chart_text_width(cr, out, px, true);
		if (width <= w)
			return width;
	}
	/* The longest start of the word that fits with "…" and the count. */
	while (lo < hi) {
		size_t mid = grapheme_floor(word->word, len, lo + (hi - lo + 1) / 2);

		if (mid <= lo)
			mid = grapheme_next(word->word, len, lo);
		if (mid + strlen(count) + 3 < WORD_LABEL_MAX) {
			snprintf(out, WORD_LABEL_MAX, "%.*s\xe2\x80\xa6%s", (int)mid, word->word,
				 count);
			if (chart_text_width(cr, out, px, true) <= w) {
				lo = mid;
				continue;
			}
		}
		hi = grapheme_prev(word->word, len, mid);
	}
	snprintf(out, WORD_LABEL_MAX, "%.*s\xe2\x80\xa6%s", (int)lo, word->word, count);
	return chart_text_width(cr, out, px, true);
}

double chart_words(cairo_t *cr, const struct debrief_question *q, const struct chart_style *s,
		   double x, double y, double w, double h)
{
	size_t n = debrief_shown_texts(q, NULL, 0), count;
	const char **texts = calloc(n ? n : 1, sizeof *texts);
	struct word_count *words;
	double lx = 0, ly = 0, line_h = 0, gap = s->font_px;
	size_t line_start = 0;
	double widths[WORDS_MAX], sizes[WORDS_MAX];
	char buf[WORDS_MAX][WORD_LABEL_MAX];

	if (!texts)
		abort();
	debrief_shown_texts(q, texts, n);
	wordfreq_count(texts, n, WORDS_MAX, &words, &count);
	free(texts);
	/* Lay out first (sizes from 1x to 2.6x the body by count), then draw each line centred. */
	for (size_t i = 0; i <= count; i++) {
		if (i < count) {
			double most = (double)words[0].count;
			sizes[i] = s->font_px * (1 + 1.6 * ((double)words[i].count - 1) /
						  (most > 1 ? most - 1 : 1));
			widths[i] = word_label(cr, &words[i], sizes[i], w, buf[i]);
		}
		if (i == count || (lx > 0 && lx + widths[i] > w)) {
			double start = x + (w - (lx - gap)) / 2, cx = start;

			if (y + ly + line_h > y + h)
				break;
			for (size_t k = line_start; k < i; k++) {
				double th = sizes[k] * 1.25;
				chart_text(cr, buf[k], cx, y + ly + (line_h - th), -1, sizes[k],
					   k < 3 ? s->accent : s->text, true, 0);
				cx += widths[k] + gap;
			}
			ly += line_h + gap * 0.5;
			lx = 0;
			line_h = 0;
			line_start = i;
		}
		if (i < count) {
			lx += widths[i] + gap;
			if (sizes[i] * 1.25 > line_h)
				line_h = sizes[i] * 1.25;
		}
	}
	if (!count)
		ly = chart_text(cr, n ? chart_no_words : "No answers to show yet.", x, y, w,
				s->font_px, s->muted, false, 0);
	wordfreq_free(words, count);
	return ly;
}
