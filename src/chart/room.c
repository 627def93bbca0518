/* The debrief's room view, drawn whole with cairo: header, question, counts, results or why
 * they are not shown, and the facilitator's buttons. */
#include "chart/room.h"

#include <stdio.h>
#include <string.h>

#include "chart/cairo_lazy.h"
#include "core/words.h"

const char *room_counts(const struct debrief *d, const struct debrief_question *q, char *out,
			size_t size)
{
	snprintf(out, size, "%zu of %zu answered, %zu passed", q->answered, d->participants,
		 q->passed);
	return out;
}

/* A button at (x, y), h high, as wide as its label needs; returns its width. */
static double button(cairo_t *cr, const struct chart_style *s, const char *label, double x,
		     double y, double h, enum room_button id, struct room_hit *hits, size_t *n)
{
	double pad = s->font_px, w = chart_text_width(cr, label, s->font_px, true) + pad * 2;
	double th = chart_text_height(cr, label, -1, s->font_px, true, 0);

	chart_box(cr, s, x, y, w, h, s->button, s->line * 2);
	chart_text(cr, label, x + pad, y + (h - th) / 2, -1, s->font_px, s->button_text, true, 0);
	if (*n < ROOM_BUTTONS)
		hits[(*n)++] = (struct room_hit){id, x, y, w, h};
	return w;
}

static void buttons(cairo_t *cr, const struct room *r, const struct debrief_question *q,
		    const struct chart_style *s, double w, double y, double h,
		    struct room_hit *hits, size_t *n)
{
	double m = s->font_px, x = m, gap = s->font_px * 0.8;
	bool text = q && (q->kind == STEP_TEXT || q->kind == STEP_DISCUSSION);
	size_t pages = q ? chart_wall_pages(q, ROOM_WALL_CARDS) : 0;
	char page[64];

	x += button(cr, s, "\xe2\x80\xb9 Previous", x, y, h, ROOM_PREVIOUS, hits, n) + gap;
	if (q)
		x += button(cr, s, r->revealed ? "Hide results" : "Reveal results", x, y, h,
			    ROOM_REVEAL, hits, n) + gap;
	if (text && r->revealed && debrief_shown(q, r->min_n)) {
		x += button(cr, s, r->view == CHART_WALL ? "Words" : "Answers", x, y, h, ROOM_VIEW,
			    hits, n) + gap;
		if (r->view == CHART_WALL && pages > 1) {
			snprintf(page, sizeof page, "Page %zu of %zu", r->page % pages + 1, pages);
			button(cr, s, page, x, y, h, ROOM_PAGE, hits, n);
		}
	}
	/* Next on the right, where a reader's eye ends; the private page beside it. */
	double nw = chart_text_width(cr, "Next \xe2\x80\xba", s->font_px, true) + s->font_px * 2;
	double fw = chart_text_width(cr, "Facilitator", s->font_px, true) + s->font_px * 2;
	button(cr, s, "Next \xe2\x80\xba", w - m - nw, y, h, ROOM_NEXT, hits, n);
	button(cr, s, "Facilitator", w - m - nw - gap - fw, y, h, ROOM_PRIVATE, hits, n);
}

/* The results area: the chart, or the sentence saying why there is none. */
static void results(cairo_t *cr, const struct room *r, const struct debrief_question *q,
		    const struct chart_style *s, double x, double y, double w, double h)
{
	char why[256];
	double big = s->font_px * 1.3;

	if (!debrief_shown(q, r->min_n)) {
		char n[64];

		words_count(n, sizeof n, r->min_n, "answer", "answers", 0);
		snprintf(why, sizeof why, "Not shown: fewer than %s, so no one could be "
			 "recognised by their answer.", n);
		chart_text(cr, why, x, y, w, big, s->text, false, 0);
	} else if (!r->revealed) {
		chart_text(cr, "Results hidden until the facilitator reveals them.", x, y, w, big,
			   s->text, false, 0);
	} else if (q->kind == STEP_SCALE || q->kind == STEP_CHOICE) {
		/* Every bar on screen: smaller text when the rows would not fit. */
		struct chart_style fit = *s;

		while (fit.font_px > 6 &&
		       (double)q->bar_count * fit.font_px * 1.45 + fit.font_px * 3.4 > h)
			fit.font_px *= 0.9;
		chart_bars(cr, q, &fit, x, y, w, h);
	} else if (r->view == CHART_WORDS) {
		chart_words(cr, q, s, x, y, w, h);
	} else {
		size_t pages = chart_wall_pages(q, ROOM_WALL_CARDS);

		chart_wall(cr, q, pages ? r->page % pages : 0, ROOM_WALL_CARDS, s, x, y, w, h);
	}
}

void room_draw(cairo_t *cr, const struct room *r, const struct chart_style *s, double w,
	       double h, struct room_hit *hits, size_t *hit_count)
{
	const struct debrief *d = r->debrief;
	const struct debrief_question *q = d && r->index < d->count ? &d->questions[r->index]
								    : NULL;
	double m = s->font_px * 1.5, y = m * 0.6, cw = w - 2 * m;
	/* The buttons' text no larger than six of them fit side by side at this width. */
	struct chart_style bs = *s;

	if (bs.font_px > w / 48)
		bs.font_px = w / 48;
	double foot = bs.font_px * 2.6;
	char line[256];

	*hit_count = 0;
	chart_color(cr, s->bg);
	cairo_paint(cr);
	if (r->neutral) {
		chart_text(cr, "Discussion", m, h / 2 - s->font_px * 2, cw, s->font_px * 2.4,
			   s->text, true, 0);
		chart_text(cr, "The facilitator is preparing the next question.", m, h / 2 +
			   s->font_px, cw, s->font_px * 1.2, s->muted, false, 0);
		return;
	}
	if (q)
		snprintf(line, sizeof line, "Debrief \xc2\xb7 question %zu of %zu", r->index + 1,
			 d->count);
	else
		snprintf(line, sizeof line, "Debrief \xc2\xb7 no questions");
	y += chart_text(cr, line, m, y, cw, s->font_px * 0.9, s->muted, false, 1) + s->font_px * 0.6;
	if (q) {
		/* Large, but never more than a third of the screen: the results need the rest. */
		double pp = s->font_px * 1.6;

		while (pp > s->font_px * 0.5 &&
		       chart_text_height(cr, q->prompt, cw, pp, true, 0) > h * 0.25)
			pp *= 0.9;
		y += chart_text(cr, q->prompt, m, y, cw, pp, s->text, true, 6) + s->font_px * 0.5;
		room_counts(d, q, line, sizeof line);
		if (debrief_all_in(d, q))
			strncat(line, " \xc2\xb7 \xe2\x9c\x93 Everyone has answered",
				sizeof line - strlen(line) - 1);
		y += chart_text(cr, line, m, y, cw, s->font_px, s->text, false, 2) + s->font_px;
		results(cr, r, q, s, m, y, cw, h - y - foot - bs.font_px * 1.5);
	}
	if (r->buttons)
		buttons(cr, r, q, &bs, w, h - foot - bs.font_px * 0.6, foot, hits, hit_count);
}
