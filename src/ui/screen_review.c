/* The review: every answer listed, any one reopened for editing, then Submit. */
#include <stdio.h>
#include <stdlib.h>

#include "core/answer.h"
#include "core/review.h"
#include "ui/view.h"

#define SUMMARY_CHARS 280

/* The answer in a few words: the text (shortened), the value or the options chosen. */
static const char *summary(struct view *v, const struct session *s, size_t index,
			   enum item_color *color)
{
	const struct step *step = &session_scenario(s)->steps[index];
	const struct session_answer *a = session_answer(s, index);
	const char *choices[CHOICE_MAX_OPTIONS], *shown;
	struct response r;
	size_t len;
	char *line;

	*color = COLOR_MUTED;
	if (a->status == RESPONSE_PASSED)
		return "Passed";
	if (review_unanswered(s, index))
		return "Not answered yet";
	if (!answer_given(step, a))
		return "No notes";
	*color = COLOR_TEXT;
	answer_to_response(step, a, -1, choices, &r);
	len = answer_summary(NULL, 0, &r, step, SUMMARY_CHARS);
	if (!(line = malloc(len + 1)))
		return "";
	answer_summary(line, len + 1, &r, step, SUMMARY_CHARS);
	shown = view_printf(v, "%s", line);
	free(line);
	return shown;
}

void screen_review(struct view *v, const struct session *s)
{
	const struct layout *l = v->lay;
	const struct scenario *sc = session_scenario(s);
	int x = l->column_x, w = l->column_w, y = l->unit * 5, pad = l->unit * 3;
	int edit_w = view_button_width(v, "Edit");
	int text_w = w - 2 * pad - edit_w - l->unit * 3;
	const char *notice = session_message(s);

	view_header(v, sc->title, "Review", 1000);
	y += view_paragraph(v, REGION_CONTENT, FONT_TITLE, COLOR_TEXT, "Your answers", x, y, w);
	y += l->unit * 2;
	y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT,
			    "Check what you wrote. Choose Edit to change an answer. When you are "
			    "ready, choose Submit: you will be asked to confirm, and after that your "
			    "answers cannot be changed.",
			    x, y, w);
	y += l->unit * 4;
	if (*notice) {
		y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_NOTICE, notice, x, y, w);
		y += l->unit * 2;
	}
	for (size_t i = 0; i < sc->step_count; i++) {
		const struct step *step = &sc->steps[i];
		enum item_color color;
		const char *answer;
		struct item *edit;
		size_t panel;
		int top = y, cy, h;

		if (!review_listed(s, i))
			continue;
		answer = summary(v, s, i, &color);
		/* An index, not a pointer: adding items may move the array. */
		panel = v->count;
		view_add(v, ITEM_PANEL, REGION_CONTENT, (SDL_Rect){x, y, w, 0});
		cy = y + pad;
		cy += view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_MUTED,
				     step->title ? step->title : view_reflow(v, step->text),
				     x + pad, cy, text_w);
		cy += l->unit;
		cy += view_paragraph(v, REGION_CONTENT, FONT_BODY, color, answer, x + pad, cy, text_w);
		if (cy - top < l->target + pad)
			cy = top + l->target + pad;
		h = cy + pad - top;
		if (panel < v->count)
			v->items[panel].rect.h = h;
		edit = view_button(v, REGION_CONTENT, "Edit", UI_EDIT, STYLE_SECONDARY,
				   x + w - pad - edit_w, top + (h - l->target) / 2);
		edit->arg = (int)i;
		y = top + h + l->unit * 3;
		if (y > v->content_h)
			v->content_h = y;
	}
	view_footer(v, "Back", NULL, "Submit", ACT_SUBMIT_ASK);
}
