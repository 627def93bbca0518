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

/* A question asked during the video (now, or reopened from the review) says so, with the
 * point in the video, instead of a place among the steps. */
static void cue_header(struct ui *ui, const struct session *s)
{
	char at[32];
	int64_t ms = session_video_ms(s, session_step_index(s));

	timecode_format(ms, at, sizeof at);
	view_header(ui, view_printf(ui, "%s \xc2\xb7 %s %s", session_scenario(s)->title,
				    session_in_cue(s) ? "the video is paused at" :
				    "asked during the video at", at), NULL, 0);
}

static int countdown(struct ui *ui, const struct session *s, int64_t now_ms, int x, int y, int w)
{
	int64_t left = session_countdown_ms(s, now_ms);
	/* a countdown shows the seconds still to run, so it reads 0:00 only when time is up */
	int64_t secs = (left + 999) / 1000;
	char clock[16];
	int top = y;

	if (left < 0)
		return 0;
	if (left == 0)
		y += view_paragraph(ui, REGION_CONTENT, FONT_HEADING, COLOR_NOTICE,
				    "Time is up", x, y, w);
	else
		y += view_paragraph(ui, REGION_CONTENT, FONT_HEADING,
				    left <= 60000 ? COLOR_NOTICE : COLOR_TEXT,
				    view_printf(ui, "%s left",
						timecode_format(secs * 1000, clock, sizeof clock)),
				    x, y, w);
	y += view_paragraph(ui, REGION_CONTENT, FONT_SMALL, COLOR_MUTED,
			    "The time is a guide: go on whenever your group is ready.", x, y, w);
	return y - top;
}

static int editor_field(struct ui *ui, const struct step *step, int x, int y, int w)
{
	const struct layout *l = &ui->lay;
	int line_h = ui->fonts.line_h[FONT_BODY], pad = l->unit * 2;
	int count_h = ui->fonts.line_h[FONT_SMALL] + l->unit;
	/* Fill what is left of the page, from four to twelve lines. */
	int h = l->content.h - y - count_h - l->unit * 4;
	size_t chars = textedit_chars(ui->editor.edit), max = textedit_max_chars(ui->editor.edit);
	struct item *field;
	const char *count;

	if (h > line_h * 12 + 2 * pad)
		h = line_h * 12 + 2 * pad; /* taller than that only reads as empty space */
	if (h < line_h * 4 + 2 * pad)
		h = line_h * 4 + 2 * pad;
	field = view_add(ui, ITEM_EDITOR, REGION_CONTENT, (SDL_Rect){x, y, w, h});
	field->action = UI_TEXT;
	field->text = "";
	field->sub = step->kind == STEP_DISCUSSION ? "Notes for the group (optional)" :
		step->hint ? step->hint : "Type your answer here";
	y += h + l->unit;
	if (ui->editor.at_limit || chars >= max)
		count = view_printf(ui, "%zu of %zu characters: the limit is reached", chars, max);
	else
		count = view_printf(ui, "%zu of %zu characters", chars, max);
	{
		int cw = text_width(ui->text, ui->fonts.font[FONT_SMALL], count, strlen(count));

		view_line(ui, REGION_CONTENT, FONT_SMALL,
			  chars >= max ? COLOR_NOTICE : COLOR_MUTED, count,
			  cw < w ? x + w - cw : x, y, w);
	}
	return h + l->unit + count_h;
}

/* Places each label centred under its value, kept inside the row; false when two would
 * overlap (then they are listed under the row instead). */
static bool place_labels(struct ui *ui, const struct step *step, int x, int w, int bw, int gap,
			 int y, bool add)
{
	TTF_Font *small = ui->fonts.font[FONT_SMALL];
	int prev_end = x - ui->lay.unit * 4;

	for (size_t i = 0; i < step->label_count; i++) {
		const char *text = step->labels[i].text;
		int tw = text_width(ui->text, small, text, strlen(text));
		int centre = x + (step->labels[i].value - step->min) * (bw + gap) + bw / 2;
		int lx = centre - tw / 2;

		if (lx + tw > x + w)
			lx = x + w - tw;
		if (lx < x)
			lx = x;
		if (lx < prev_end + ui->lay.unit * 4)
			return false;
		prev_end = lx + tw;
		if (add)
			view_line(ui, REGION_CONTENT, FONT_SMALL, COLOR_MUTED, text, lx, y, tw);
	}
	return true;
}

static int scale_row(struct ui *ui, const struct step *step, const struct session_answer *a,
		     int x, int y, int w)
{
	const struct layout *l = &ui->lay;
	int n = step->max - step->min + 1, gap = l->unit * 2;
	int bw = (w - gap * (n - 1)) / n;
	int row_w, top = y, bh = l->target;
	bool under;

	if (bw > l->target * 2)
		bw = l->target * 2;
	row_w = bw * n + gap * (n - 1);
	under = place_labels(ui, step, x, row_w, bw, gap, y, false);
	for (int v = step->min; v <= step->max; v++) {
		struct item *b = view_add(ui, ITEM_OPTION, REGION_CONTENT,
					  (SDL_Rect){x + (v - step->min) * (bw + gap), y, bw, bh});

		b->text = view_printf(ui, "%d", v);
		b->len = strlen(b->text);
		b->font = FONT_BODY;
		b->style = STYLE_SCALE;
		b->action = UI_SCALE;
		b->arg = v;
		b->group = 1;
		b->selected = a->has_scale && a->scale == v;
	}
	y += bh + l->unit;
	if (under && step->label_count) {
		place_labels(ui, step, x, row_w, bw, gap, y, true);
		y += ui->fonts.line_h[FONT_SMALL];
	}
	y += l->unit * 3;
	if (!under)
		for (size_t i = 0; i < step->label_count; i++)
			y += view_paragraph(ui, REGION_CONTENT, FONT_SMALL, COLOR_MUTED,
					    view_printf(ui, "%d: %s", step->labels[i].value,
							step->labels[i].text), x, y, w);
	if (a->has_scale) {
		const char *label = step_scale_label(step, a->scale);

		y += l->unit;
		y += view_paragraph(ui, REGION_CONTENT, FONT_BODY, COLOR_TEXT,
				    label ? view_printf(ui, "You chose %d: %s.", a->scale, label) :
				    view_printf(ui, "You chose %d.", a->scale), x, y, w);
	}
	return y - top;
}

static int choice_list(struct ui *ui, const struct step *step, const struct session_answer *a,
		       int x, int y, int w)
{
	const struct layout *l = &ui->lay;
	int top = y, line_h = ui->fonts.line_h[FONT_BODY];
	int text_w = w - ui->lay.unit * 2 - view_option_indent(ui);

	for (size_t i = 0; i < step->option_count; i++) {
		struct item *o;
		const struct textwrap *wrap;
		int h;

		/* The label's lines are kept for drawing: a long label is not wrapped again
		 * for every frame. */
		if (!(wrap = view_wrap(ui, FONT_BODY, step->options[i], strlen(step->options[i]),
				       text_w)))
			continue;
		h = (int)wrap->count * line_h + l->unit * 3;
		if (h < l->target)
			h = l->target;
		o = view_add(ui, ITEM_OPTION, REGION_CONTENT, (SDL_Rect){x, y, w, h});
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

/* A prompt of several lines reads as a bold first line (its title) and the rest. */
static int prompt(struct ui *ui, const char *text, int x, int y, int w)
{
	const char *nl = strchr(text, '\n');
	int top = y;

	if (!nl || !nl[strspn(nl, " \r\n")])
		return view_paragraph(ui, REGION_CONTENT, FONT_PROMPT, COLOR_TEXT, text, x, y, w);
	y += view_paragraph(ui, REGION_CONTENT, FONT_HEADING, COLOR_TEXT,
			    view_printf(ui, "%.*s", (int)(nl - text), text), x, y, w);
	y += ui->lay.unit;
	y += view_paragraph(ui, REGION_CONTENT, FONT_PROMPT, COLOR_TEXT, nl + 1, x, y, w);
	return y - top;
}

void screen_step(struct ui *ui, const struct session *s, int64_t now_ms)
{
	const struct layout *l = &ui->lay;
	const struct step *step = session_step(s);
	const struct session_answer *a = session_answer(s, session_step_index(s));
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
		cue_header(ui, s);
	else
		view_header(ui, session_scenario(s)->title,
			    view_printf(ui, "Step %zu of %zu", number, total),
			    total ? (int)(number * 1000 / total) : 0);
	if (step->required)
		tag = view_printf(ui, "%s \xc2\xb7 an answer is needed", tag);
	y += view_paragraph(ui, REGION_CONTENT, FONT_SMALL, COLOR_MUTED, tag, x, y, w);
	y += l->unit * 2;
	y += prompt(ui, view_reflow(ui, step->text), x, y, w);
	y += l->unit * 4;
	if (*notice) {
		y += view_paragraph(ui, REGION_CONTENT, FONT_BODY, COLOR_NOTICE, notice, x, y, w);
		y += l->unit * 2;
	}
	switch (step->kind) {
	case STEP_DISCUSSION:
		y += countdown(ui, s, now_ms, x, y, w);
		if (step->notes) {
			y += l->unit * 3;
			editor_field(ui, step, x, y, w);
		}
		break;
	case STEP_TEXT:
		editor_field(ui, step, x, y, w);
		break;
	case STEP_SCALE:
		scale_row(ui, step, a, x, y, w);
		break;
	case STEP_CHOICE:
		choice_list(ui, step, a, x, y, w);
		break;
	}
	view_footer(ui, session_can_go_back(s) ? "Back" : NULL,
		    answerable && !step->required && step->kind != STEP_DISCUSSION ? "Pass" : NULL,
		    session_in_cue(s) ? "Continue the video" : session_from_review(s) ?
		    "Save and return" : last ? "Review answers" : "Next",
		    UI_NEXT);
}
