/* One step of the scenario: a discussion prompt with its countdown and notes, or a text, scale
 * or choice question. */
#include <stdio.h>
#include <string.h>

#include "core/timecode.h"
#include "ui/view.h"

static const char *kind_line(const struct step *step)
{
	switch (step->kind) {
	case STEP_DISCUSSION:
		return "Discuss with your group";
	case STEP_TEXT:
		return "Your reflection";
	case STEP_SCALE:
		return "Choose a point on the scale";
	default:
		return step->multiple ? "Choose all that apply" : "Choose one";
	}
}

/* The kiosk's own line about the video for a question asked during it: "The video is paused
 * at 0:56" while it is (the author's text never has to say so, and cannot be wrong when the
 * video failed or is off), "Asked during the video at 0:56" when reopened from the review.
 * Returns the height used; 0 for a step of the normal journey. */
static int cue_line(struct view *v, const struct session *s, int x, int y, int w)
{
	char at[32];
	int64_t ms = session_video_ms(s, session_step_index(s));

	if (session_step_in_journey(s, session_step_index(s)) || ms < 0)
		return 0;
	timecode_format(ms, at, sizeof at);
	return view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_NOTICE,
			      view_printf(v, session_in_cue(s) ? "The video is paused at %s." :
					  "Asked during the video at %s.", at), x, y, w) +
	       v->lay->unit * 2;
}

static int countdown(struct view *v, const struct session *s, int64_t now_ms, int x, int y, int w)
{
	int64_t left = session_countdown_ms(s, now_ms);
	/* a countdown shows the seconds still to run, so it reads 0:00 only when time is up */
	int64_t secs = (left + 999) / 1000;
	char clock[16];
	int top = y;

	if (left < 0)
		return 0;
	if (left == 0)
		y += view_paragraph(v, REGION_CONTENT, FONT_HEADING, COLOR_NOTICE,
				    "Time is up", x, y, w);
	else
		y += view_paragraph(v, REGION_CONTENT, FONT_HEADING,
				    left <= 60000 ? COLOR_NOTICE : COLOR_TEXT,
				    view_printf(v, "%s left",
						timecode_format(secs * 1000, clock, sizeof clock)),
				    x, y, w);
	y += view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_MUTED,
			    "The time is a guide: go on whenever your group is ready.", x, y, w);
	return y - top;
}

static int editor_field(struct view *v, const struct step *step, const struct editor *field,
			int x, int y, int w)
{
	const struct layout *l = v->lay;
	int line_h = v->fonts->line_h[FONT_BODY], pad = l->unit * 2;
	int count_h = v->fonts->line_h[FONT_SMALL] + l->unit;
	/* Fill what is left of the page, from four to twelve lines. */
	int h = l->content.h - y - count_h - l->unit * 4;
	/* Never taller than the content area with the focus ring round it (the on-screen
	 * keyboard can leave little of it). */
	int fit = l->content.h - 2 * (l->focus * 2 + l->unit + l->border + 1);
	size_t chars = field->edit ? textedit_chars(field->edit) : 0;
	size_t max = field->edit ? textedit_max_chars(field->edit) : 0;
	struct item *box;
	const char *count;

	if (h > line_h * 12 + 2 * pad)
		h = line_h * 12 + 2 * pad; /* taller than that only reads as empty space */
	if (h < line_h * 4 + 2 * pad)
		h = line_h * 4 + 2 * pad;
	if (h > fit && fit >= line_h + 2 * pad)
		h = (fit - 2 * pad) / line_h * line_h + 2 * pad; /* whole lines, focus ring in sight */
	box = view_add(v, ITEM_EDITOR, REGION_CONTENT, (SDL_Rect){x, y, w, h});
	box->action = UI_TEXT;
	box->text = "";
	box->reveal_below = l->unit + count_h; /* the character count */
	box->sub = step->kind == STEP_DISCUSSION ? "Type the group's notes here" :
		"Type your answer here";
	y += h + l->unit;
	if (field->at_limit || chars >= max)
		count = view_printf(v, "%zu of %zu characters: the limit is reached", chars, max);
	else
		count = view_printf(v, "%zu of %zu characters", chars, max);
	{
		int cw = text_width(v->text, v->fonts->font[FONT_SMALL], count, strlen(count));

		view_line(v, REGION_CONTENT, FONT_SMALL,
			  chars >= max ? COLOR_NOTICE : COLOR_MUTED, count,
			  cw < w ? x + w - cw : x, y, w);
	}
	return h + l->unit + count_h;
}

/* Places each label centred under its value, kept inside the row; false when two would
 * overlap (then they are listed under the row instead). */
static bool place_labels(struct view *v, const struct step *step, int x, int w, int bw, int gap,
			 int y, bool add)
{
	TTF_Font *small = v->fonts->font[FONT_SMALL];
	int prev_end = x - v->lay->unit * 4;

	for (size_t i = 0; i < step->label_count; i++) {
		const char *text = step->labels[i].text;
		int tw = text_width(v->text, small, text, strlen(text));
		int centre = x + (step->labels[i].value - step->min) * (bw + gap) + bw / 2;
		int lx = centre - tw / 2;

		if (lx + tw > x + w)
			lx = x + w - tw;
		if (lx < x)
			lx = x;
		if (lx < prev_end + v->lay->unit * 4)
			return false;
		prev_end = lx + tw;
		if (add)
			view_line(v, REGION_CONTENT, FONT_SMALL, COLOR_MUTED, text, lx, y, tw);
	}
	return true;
}

/* How wide each of a row of per_row values is in w: at most twice a target. */
static int scale_button_width(const struct layout *l, int per_row, int w, int gap)
{
	int bw = (w - gap * (per_row - 1)) / per_row;

	return bw > l->target * 2 ? l->target * 2 : bw;
}

/* The widest of the scale's values as drawn (the longest numbers are its ends: "-10", "100"). */
static int widest_value(struct view *v, const struct step *step)
{
	int widest = 0;

	for (int i = 0; i < 2; i++) {
		const char *s = view_printf(v, "%d", i ? step->max : step->min);
		int tw = text_width(v->text, v->fonts->font[FONT_BODY], s, strlen(s));

		widest = tw > widest ? tw : widest;
	}
	return widest;
}

static int scale_row(struct view *v, const struct step *step, const struct session_answer *a,
		     int x, int y, int w)
{
	const struct layout *l = v->lay;
	int n = step->max - step->min + 1, gap = l->unit * 2, per_row = n;
	int bw = scale_button_width(l, per_row, w, gap), need = widest_value(v, step) + l->unit * 2;
	int row_w, rows, top = y, bh = l->target;
	size_t first = v->count;
	bool under;

	/* Values too wide for their buttons in one row (large text on a narrow screen) go on two
	 * rows or more, with the words for the values listed under them. */
	while (per_row > 1 && bw < need) {
		per_row = (per_row + 1) / 2;
		bw = scale_button_width(l, per_row, w, gap);
	}
	rows = (n + per_row - 1) / per_row;
	row_w = bw * per_row + gap * (per_row - 1);
	under = rows == 1 && place_labels(v, step, x, row_w, bw, gap, y, false);
	for (int value = step->min; value <= step->max; value++) {
		int at = value - step->min;
		struct item *b = view_add(v, ITEM_OPTION, REGION_CONTENT,
					  (SDL_Rect){x + at % per_row * (bw + gap),
						     y + at / per_row * (bh + gap), bw, bh});

		b->text = view_printf(v, "%d", value);
		b->len = strlen(b->text);
		b->font = FONT_BODY;
		b->style = STYLE_SCALE;
		b->action = UI_SCALE;
		b->arg = value;
		b->group = 1;
		b->selected = a->has_scale && a->scale == value;
	}
	y += rows * bh + (rows - 1) * gap + l->unit;
	if (under && step->label_count) {
		place_labels(v, step, x, row_w, bw, gap, y, true);
		y += v->fonts->line_h[FONT_SMALL];
	}
	/* The words under the values come into sight with the value focused. */
	for (size_t i = first; i < first + (size_t)n && i < v->count; i++)
		v->items[i].reveal_below = y - (v->items[i].rect.y + bh);
	y += l->unit * 3;
	if (!under)
		for (size_t i = 0; i < step->label_count; i++)
			y += view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_MUTED,
					    view_printf(v, "%d: %s", step->labels[i].value,
							step->labels[i].text), x, y, w);
	if (a->has_scale) {
		const char *label = step_scale_label(step, a->scale);

		y += l->unit;
		y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT,
				    label ? view_printf(v, "You chose %d: %s.", a->scale, label) :
				    view_printf(v, "You chose %d.", a->scale), x, y, w);
	}
	return y - top;
}

static int choice_list(struct view *v, const struct step *step, const struct session_answer *a,
		       int x, int y, int w)
{
	const struct layout *l = v->lay;
	int top = y, line_h = v->fonts->line_h[FONT_BODY];
	int text_w = w - v->lay->unit * 2 - view_option_indent(v);

	for (size_t i = 0; i < step->option_count; i++) {
		struct item *o;
		const struct textwrap *wrap;
		int h;

		/* The label's lines are kept for drawing: a long label is not wrapped again
		 * for every frame. */
		if (!(wrap = view_wrap(v, FONT_BODY, step->options[i], strlen(step->options[i]),
				       text_w)))
			continue;
		h = (int)wrap->count * line_h + l->unit * 3;
		if (h < l->target)
			h = l->target;
		o = view_add(v, ITEM_OPTION, REGION_CONTENT, (SDL_Rect){x, y, w, h});
		o->text = step->options[i];
		o->len = strlen(o->text);
		o->font = FONT_BODY;
		o->style = step->multiple ? STYLE_CHECK : STYLE_RADIO;
		o->action = UI_CHOICE;
		o->arg = (int)i;
		o->group = 1;
		o->selected = a->chosen && a->chosen[i];
		o->wrap = wrap;
		o->lines = wrap->count;
		y += h + l->unit * 2;
	}
	return y - top;
}

/* The step's title (bold, when the author wrote one) over its text (never bold: emphasis is
 * the author's choice, made with 'title'). Returns the height used. */
static int prompt(struct view *v, const struct step *step, int x, int y, int w)
{
	int top = y;

	if (step->title) {
		y += view_paragraph(v, REGION_CONTENT, FONT_HEADING, COLOR_TEXT, step->title, x, y,
				    w);
		y += v->lay->unit;
	}
	y += view_paragraph(v, REGION_CONTENT, FONT_PROMPT, COLOR_TEXT, view_reflow(v, step->text),
			    x, y, w);
	return y - top;
}

/* What helps with the field, kept in sight under the question (not a placeholder that goes
 * away at the first key): the author's hint, or what discussion notes are for. */
static int field_hint(struct view *v, const struct step *step, int x, int y, int w)
{
	const char *hint = step->kind == STEP_DISCUSSION ? "Notes for the group (optional)" :
		step->hint;

	if (!hint)
		return 0;
	return view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_MUTED, view_reflow(v, hint), x,
			      y, w) + v->lay->unit * 2;
}

void screen_step(struct view *v, const struct session *s, const struct editor *field,
		 int64_t now_ms)
{
	const struct layout *l = v->lay;
	const struct step *step = session_step(s);
	size_t number = session_step_number(s), total = session_step_total(s);
	int x = l->column_x, w = l->column_w, y = l->unit * 5;
	bool answerable = step->kind != STEP_DISCUSSION || step->notes;
	const char *notice = session_message(s);
	const char *tag = kind_line(step);
	bool last = true;

	for (size_t i = session_step_index(s) + 1; i < session_scenario(s)->step_count; i++)
		if (session_step_in_journey(s, i))
			last = false;
	if (!session_step_in_journey(s, session_step_index(s)))
		view_header(v, session_scenario(s)->title, NULL, 0);
	else
		view_header(v, session_scenario(s)->title,
			    view_printf(v, "Step %zu of %zu", number, total),
			    total ? (int)(number * 1000 / total) : 0);
	if (step->required)
		tag = view_printf(v, "%s \xc2\xb7 an answer is needed", tag);
	y += view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_MUTED, tag, x, y, w);
	y += l->unit * 2;
	y += cue_line(v, s, x, y, w);
	y += prompt(v, step, x, y, w);
	y += l->unit * 4;
	if (*notice) {
		y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_NOTICE, notice, x, y, w);
		y += l->unit * 2;
	}
	switch (step->kind) {
	case STEP_DISCUSSION:
		y += countdown(v, s, now_ms, x, y, w);
		if (step->notes) {
			y += l->unit * 3;
			y += field_hint(v, step, x, y, w);
			editor_field(v, step, field, x, y, w);
		}
		break;
	case STEP_TEXT:
		y += field_hint(v, step, x, y, w);
		editor_field(v, step, field, x, y, w);
		break;
	case STEP_SCALE:
		scale_row(v, step, session_answer(s, session_step_index(s)), x, y, w);
		break;
	case STEP_CHOICE:
		choice_list(v, step, session_answer(s, session_step_index(s)), x, y, w);
		break;
	}
	view_footer(v, session_can_go_back(s) ? "Back" : NULL,
		    answerable && !step->required && step->kind != STEP_DISCUSSION ? "Pass" : NULL,
		    session_in_cue(s) ? "Continue the video" : session_from_review(s) ?
		    "Save and return" : last ? "Review answers" : "Next",
		    UI_NEXT);
}
