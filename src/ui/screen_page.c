/* Pages shown in place of the journey (PIN pad, facilitator's menu, inactivity warning, blank
 * screen), laid out with the trainee screens' widgets. */
#include <string.h>

#include "ui/page.h"
#include "ui/view.h"

static const char *const key_labels[] = {"1", "2", "3", "4", "5", "6",
					 "7", "8", "9", "Erase", "0"};

/* Three columns of large keys, as on a phone; returns the height used. */
static int keypad(struct view *v, int x, int y)
{
	const struct layout *l = v->lay;
	int gap = l->unit * 2, key = l->target * 5 / 4;

	for (int i = 0; i < 11; i++) {
		int col = i == 10 ? 1 : i % 3, row = i == 10 ? 3 : i / 3;
		int id = i == 9 ? UI_PAGE_ERASE : UI_PAGE_DIGIT + (i == 10 ? 0 : i + 1);
		struct item *b = view_button(v, REGION_CONTENT, key_labels[i], UI_PAGE,
					     STYLE_SECONDARY, x + col * (key * 2 + gap),
					     y + row * (key + gap));

		b->rect.w = key * 2;
		b->rect.h = key;
		b->arg = id;
		b->font = FONT_HEADING;
	}
	return 4 * (key + gap);
}

/* The label, the one-line field (drawn with the UI's editor, which edits t->edit) and the
 * error line; returns the height used. */
static int text_field(struct view *v, const struct ui_page_text *t, int x, int y, int w)
{
	const struct layout *l = v->lay;
	int top = y, pad = l->unit * 2;
	struct item *field;

	if (t->label && *t->label)
		y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT, t->label, x, y, w) +
		     l->unit;
	field = view_add(v, ITEM_EDITOR, REGION_CONTENT,
			 (SDL_Rect){x, y, w, v->fonts->line_h[FONT_BODY] + 2 * pad});
	field->action = UI_TEXT;
	field->sub = t->hint;
	field->text = "";
	y += field->rect.h + l->unit;
	if (t->error && *t->error)
		y += view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_NOTICE, t->error, x, y, w);
	return y - top + l->unit * 3;
}

void screen_page(struct view *v, const struct ui_page *p)
{
	const struct layout *l = v->lay;
	int x = l->column_x, w = l->column_w, y = l->unit * 6;

	if (p->blank)
		return;
	if (p->two_columns) {
		/* Wider than the reading column, so that two buttons a row still hold their
		 * labels; the heading lines up with them. */
		w = l->w - 2 * l->margin;
		if (w > l->body_px * 44)
			w = l->body_px * 44;
		x = (l->w - w) / 2;
	}
	if (p->title)
		view_line(v, REGION_HEADER, FONT_SMALL, COLOR_MUTED, p->title, l->margin,
			  (l->header.h - v->fonts->line_h[FONT_SMALL]) / 2, l->w - 2 * l->margin);
	if (p->heading) {
		y += view_paragraph(v, REGION_CONTENT, FONT_TITLE,
				    p->alarm ? COLOR_NOTICE : COLOR_TEXT, p->heading, x, y, w);
		y += l->unit * 3;
	}
	if (p->body && *p->body) {
		y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT, p->body, x, y, w);
		y += l->unit * 3;
	}
	if (p->field) {
		/* The masked digits in a box as wide as the keypad, there even when empty. */
		int h = v->fonts->line_h[FONT_TITLE] + l->unit * 2;
		int kw = (l->target * 5 / 4) * 6 + l->unit * 4;

		view_add(v, ITEM_PANEL, REGION_CONTENT, (SDL_Rect){x, y, kw, h});
		if (*p->field)
			view_line(v, REGION_CONTENT, FONT_TITLE, COLOR_TEXT, p->field, x + l->unit * 2,
				  y + l->unit, kw - l->unit * 4);
		y += h + l->unit * 3;
	}
	if (p->text.edit)
		y += text_field(v, &p->text, x, y, w);
	if (p->keypad)
		y += keypad(v, x, y);
	if (p->two_columns)
		w = (w - l->unit * 3) / 2;
	for (size_t i = 0; i < p->count; i++) {
		const struct ui_page_button *pb = &p->buttons[i];
		bool right = p->two_columns && i % 2;
		struct item *b = view_button(v, REGION_CONTENT, pb->label, UI_PAGE,
					     pb->toggle ? STYLE_CHECK : STYLE_SECONDARY,
					     right ? x + w + l->unit * 3 : x, y);

		b->arg = pb->id;
		b->rect.w = w;
		if (pb->toggle) {
			b->kind = ITEM_OPTION;
			b->selected = pb->on;
		}
		if (p->two_columns && !right && i + 1 < p->count)
			continue; /* the row goes on with its right-hand button */
		y += l->target + l->unit;
		if (pb->note && *pb->note)
			y += view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_MUTED, pb->note,
					    x, y, w) + l->unit;
		y += l->unit * 2;
	}
	if (p->back || p->main) {
		int fy = l->footer.y + (l->footer.h - l->target) / 2;

		if (p->back)
			view_button(v, REGION_FOOTER, p->back, UI_PAGE, STYLE_SECONDARY,
				    l->margin, fy)->arg = p->back_id;
		if (p->main)
			view_button(v, REGION_FOOTER, p->main, UI_PAGE, STYLE_PRIMARY,
				    l->w - l->margin - view_button_width(v, p->main),
				    fy)->arg = p->main_id;
	}
}
