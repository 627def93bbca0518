/* The question before Submit, over the review: which questions are not answered yet, and a
 * choice between going back to them and submitting now (a press of Submit or Ctrl+Enter on
 * the review never submits at once). */
#include <string.h>

#include "core/review.h"
#include "core/words.h"
#include "ui/view.h"

#define LISTED_MAX 3 /* unanswered questions named; the rest are counted */

/* What the question names a step by: its title, or its text's first line. */
static const char *step_name(const struct step *step)
{
	return step->title ? step->title : step->text;
}

/* Adds the panel's items from top, naming at most listed unanswered steps; returns its
 * height. */
static int panel(struct view *v, const struct session *s, int x, int top, int w, size_t listed)
{
	const struct layout *l = v->lay;
	const struct scenario *sc = session_scenario(s);
	size_t steps[LISTED_MAX], n = review_unanswered_count(s, steps, LISTED_MAX);
	size_t passed = review_passed_count(s);
	int pad = l->unit * 4, inner = w - 2 * pad, y = top + pad;
	int back_w = view_button_width(v, "Go back"), submit_w = view_button_width(v, "Submit now");
	size_t panel_at = v->count;
	char count[48];

	view_add(v, ITEM_PANEL, REGION_OVERLAY, (SDL_Rect){x, top, w, 0});
	y += view_paragraph(v, REGION_OVERLAY, FONT_HEADING, COLOR_TEXT, "Submit your answers?",
			    x + pad, y, inner);
	y += l->unit * 2;
	if (n) {
		words_count(count, sizeof count, (long long)n, "question", "questions", 0);
		y += view_paragraph(v, REGION_OVERLAY, FONT_BODY, COLOR_NOTICE,
				    view_printf(v, "%s %s not answered yet%s", count,
						words_verb((long long)n, "is", "are"),
						listed ? ":" : "."), x + pad, y, inner);
		for (size_t i = 0; i < n && i < listed; i++)
			y += view_paragraph_max(v, REGION_OVERLAY, FONT_BODY, COLOR_TEXT,
						view_printf(v, "\xe2\x80\xa2 %s",
							    step_name(&sc->steps[steps[i]])),
						x + pad, y, inner, 1);
		if (listed && n > listed)
			y += view_paragraph(v, REGION_OVERLAY, FONT_BODY, COLOR_TEXT,
					    view_printf(v, "and %zu more", n - listed), x + pad, y,
					    inner);
		y += l->unit * 2;
	}
	if (passed) {
		words_count(count, sizeof count, (long long)passed, "question", "questions", 0);
		y += view_paragraph(v, REGION_OVERLAY, FONT_BODY, COLOR_TEXT,
				    view_printf(v, "You passed %s.", count), x + pad, y, inner);
		y += l->unit * 2;
	}
	if (n || passed) {
		y += view_paragraph(v, REGION_OVERLAY, FONT_BODY, COLOR_TEXT,
				    "You can go back and answer them, or submit as they are.",
				    x + pad, y, inner);
		y += l->unit;
	}
	y += view_paragraph(v, REGION_OVERLAY, FONT_BODY, COLOR_TEXT,
			    "After you submit, your answers cannot be changed.", x + pad, y, inner);
	y += l->unit * 4;
	/* Side by side when they fit, else one above the other; Tab goes Go back, Submit now. */
	view_button(v, REGION_OVERLAY, "Go back", ACT_CONFIRM_CLOSE, STYLE_SECONDARY, x + pad, y);
	if (back_w + l->unit * 3 + submit_w > inner)
		y += l->target + l->unit * 2;
	view_button(v, REGION_OVERLAY, "Submit now", UI_SUBMIT, STYLE_PRIMARY,
		    x + w - pad - submit_w, y);
	y += l->target + pad;
	v->items[panel_at].rect.h = y - top;
	return y - top;
}

void screen_confirm(struct view *v, const struct session *s)
{
	const struct layout *l = v->lay;
	int w = l->column_w < l->body_px * 24 ? l->column_w : l->body_px * 24;
	int x = (l->w - w) / 2, room = l->h - 2 * l->unit;
	size_t first = v->count, listed = LISTED_MAX + 1;
	int h;

	/* The panel is never taller than the window: fewer questions are named until it fits. */
	do {
		v->count = first;
		h = panel(v, s, x, 0, w, --listed);
	} while (h > room && listed > 0);
	for (size_t i = first; i < v->count; i++)
		v->items[i].rect.y += (l->h - h) / 2 > 0 ? (l->h - h) / 2 : 0;
}
