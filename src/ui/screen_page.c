/* Pages shown in place of the journey (PIN pad, facilitator's menu, inactivity warning, blank
 * screen), laid out with the trainee screens' widgets. */
#include <string.h>

#include "ui/page.h"
#include "ui/view.h"

static const char *const key_labels[] = {"1", "2", "3", "4", "5", "6",
					 "7", "8", "9", "Erase", "0"};

/* How tall a key of the keypad is: large, but small enough (down to smallest, at least a
 * finger's width) for the four rows to fit in room. */
static int key_size(const struct layout *l, int room, int smallest)
{
	int gap = l->unit * 2, key = l->target * 5 / 4, fit = (room - 4 * gap) / 4;

	if (key > fit)
		key = fit;
	return key < smallest ? smallest : key;
}

/* The heading and the body from y in a column of width w; returns where they end. */
static int page_text(struct view *v, const struct ui_page *p, int x, int y, int w)
{
	const struct layout *l = v->lay;

	if (p->heading) {
		y += view_paragraph(v, REGION_CONTENT, FONT_TITLE,
				    p->alarm ? COLOR_NOTICE : COLOR_TEXT, p->heading, x, y, w);
		y += l->unit * 3;
	}
	if (p->body && *p->body) {
		y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT, p->body, x, y, w);
		y += l->unit * 3;
	}
	return y;
}

/* Lays out the text and, for a keypad page, where the field and keypad go (*x, *y) and the
 * key size: under the text when they fit there; on a wide screen where they do not (a long
 * message such as a PIN too easy to guess), beside it, so that no key needs scrolling. */
static int text_and_pad(struct view *v, const struct ui_page *p, int *x, int *y, int w,
			int field_h)
{
	const struct layout *l = v->lay;
	size_t first = v->count;
	int top = *y, key, pad_w, wide = l->w - 2 * l->margin;

	*y = page_text(v, p, *x, top, w);
	key = key_size(l, l->content.h - *y - field_h - l->unit * 2, l->target);
	if (!p->keypad || *y + field_h + 4 * (key + l->unit * 2) <= l->content.h ||
	    l->w <= l->h)
		return key;
	key = key_size(l, l->content.h - top - field_h - l->unit * 2, l->target * 3 / 4);
	pad_w = key * 6 + l->unit * 4;
	if (wide - pad_w - l->unit * 6 < l->body_px * 8)
		return key;
	v->count = first;
	page_text(v, p, l->margin, top, wide - pad_w - l->unit * 6);
	*x = l->w - l->margin - pad_w;
	*y = top;
	return key;
}

/* Three columns of keys key high, as on a phone; returns the height used. */
static int keypad(struct view *v, int x, int y, int key)
{
	const struct layout *l = v->lay;
	int gap = l->unit * 2;

	for (int i = 0; i < 11; i++) {
		int col = i == 10 ? 1 : i % 3, row = i == 10 ? 3 : i / 3;
		int id = i == 9 ? UI_PAGE_ERASE : UI_PAGE_DIGIT + (i == 10 ? 0 : i + 1);
		struct item *b = view_button(v, REGION_CONTENT, key_labels[i], UI_PAGE,
					     STYLE_SECONDARY, x + col * (key * 2 + gap),
					     y + row * (key + gap));

		b->rect.w = key * 2;
		view_set_height(v, b, key);
		b->arg = id;
		/* Large digits; a label too wide for its key in the body size. */
		b->font = text_width(v->text, v->fonts->font[FONT_HEADING], key_labels[i],
				     strlen(key_labels[i])) > key * 2 - l->unit * 2 ? FONT_BODY :
			FONT_HEADING;
	}
	return 4 * (key + gap);
}

/* The label, the one-line field (no line breaks in its text; drawn with the UI's editor, which edits t->edit) and the
 * error line; returns the height used. */
static int text_field(struct view *v, const struct ui_page_text *t, int x, int y, int w)
{
	const struct layout *l = v->lay;
	int top = y, pad = l->unit * 2;
	struct item *field;

	if (t->label && *t->label)
		y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT, t->label, x, y, w) +
		     l->unit;
	/* Two lines high: a long name (a session's default one) wraps, whole in sight, rather
	 * than hiding its start; a longer one scrolls to the caret. */
	field = view_add(v, ITEM_EDITOR, REGION_CONTENT,
			 (SDL_Rect){x, y, w, v->fonts->line_h[FONT_BODY] * 2 + 2 * pad});
	field->action = UI_TEXT;
	field->sub = t->hint;
	field->text = "";
	y += field->rect.h + l->unit;
	if (t->error && *t->error)
		y += view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_NOTICE, t->error, x, y, w);
	return y - top + l->unit * 3;
}

/* Between two buttons of a grid's row. */
#define GRID_GAP(l) ((l)->unit * 3)

/* A grid's width for columns buttons a row: wider than the reading column, so that the buttons
 * of a row still hold their labels (the heading lines up with them); within the margins. */
static int grid_width(const struct layout *l, int columns)
{
	int w = l->w - 2 * l->margin, most = l->body_px * 22 * columns;

	return w < most ? w : most;
}

/* The width of one button of a grid of columns a row. */
static int grid_button_width(const struct layout *l, int columns)
{
	return (grid_width(l, columns) - GRID_GAP(l) * (columns - 1)) / columns;
}

/* How many buttons a row: p->columns, down to two while a label is wider than its button, and
 * one where two would be narrower than about 20 characters (large text on a narrow screen,
 * where labels would wrap to three lines and more). */
static int grid_columns(const struct view *v, const struct ui_page *p)
{
	const struct layout *l = v->lay;
	int columns = p->columns, widest = 0;

	for (size_t i = 0; i < p->count; i++) {
		int bw = view_button_width(v, p->buttons[i].label);

		widest = bw > widest ? bw : widest;
	}
	while (columns > 2 && grid_button_width(l, columns) < widest)
		columns--;
	if (columns == 2 && grid_button_width(l, 2) < l->body_px * 10)
		columns = 1;
	return columns;
}

/* A label too wide for its button w wide (a session's long name; a setting in large text)
 * wrapped to the room it has there, as it is drawn: beside a check box's mark, else between
 * the button's paddings. NULL for a label on one line. */
static const struct textwrap *label_lines(struct view *v, const struct ui_page_button *pb, int w)
{
	int room = pb->toggle ? w - v->lay->unit * 2 - view_option_indent(v) : w - v->lay->unit * 6;

	if (text_width(v->text, v->fonts->font[FONT_BODY], pb->label, strlen(pb->label)) <= room)
		return NULL;
	return view_wrap(v, FONT_BODY, pb->label, strlen(pb->label), room);
}

/* A page's button w wide at x, y: its label wrapped when too long for one line, as tall as
 * its lines need (at least a target). */
static struct item *page_button(struct view *v, const struct ui_page_button *pb,
				enum item_style style, int x, int y, int w)
{
	struct item *b = view_button(v, REGION_CONTENT, pb->label, UI_PAGE, style, x, y);
	int h;

	b->arg = pb->id;
	b->rect.w = w;
	if ((b->wrap = label_lines(v, pb, w)))
		b->lines = b->wrap->count;
	h = b->wrap ? (int)b->lines * v->fonts->line_h[FONT_BODY] + v->lay->unit * 3 : 0;
	view_set_height(v, b, h > v->lay->target ? h : v->lay->target);
	return b;
}

void screen_page(struct view *v, const struct ui_page *p)
{
	const struct layout *l = v->lay;
	int x = l->column_x, w = l->column_w, y = l->unit * 6, field_h, key;
	int columns = grid_columns(v, p), gap = GRID_GAP(l), whole_w;
	/* A main button too long for the footer beside Back (a long place to save, in large
	 * text on a narrow screen) is the page's last button instead, as wide as the page. */
	bool main_below = p->main && view_button_width(v, p->main) +
		(p->back ? view_button_width(v, p->back) + gap : 0) > l->w - 2 * l->margin;

	if (p->blank)
		return;
	if (columns > 1) {
		w = grid_width(l, columns);
		x = (l->w - w) / 2;
	}
	if (p->title)
		view_line(v, REGION_HEADER, FONT_SMALL, COLOR_MUTED, p->title, l->margin,
			  (l->header.h - v->fonts->line_h[FONT_SMALL]) / 2, l->w - 2 * l->margin);
	field_h = p->field ? v->fonts->line_h[FONT_TITLE] + l->unit * 5 : 0;
	/* Over a grid of three a row the text keeps to two buttons' width (about 80 characters),
	 * from the grid's left edge: lines as long as a wide grid are hard to read. */
	key = text_and_pad(v, p, &x, &y, columns > 2 ? grid_width(l, 2) : w, field_h);
	if (p->field) {
		/* The masked digits in a box as wide as the keypad, there even when empty. */
		int h = field_h - l->unit * 3;
		int kw = key * 6 + l->unit * 4;

		view_add(v, ITEM_PANEL, REGION_CONTENT, (SDL_Rect){x, y, kw, h});
		if (*p->field)
			view_line(v, REGION_CONTENT, FONT_TITLE, COLOR_TEXT, p->field, x + l->unit * 2,
				  y + l->unit, kw - l->unit * 4);
		y += h + l->unit * 3;
	}
	if (p->text.edit)
		y += text_field(v, &p->text, x, y, w);
	if (p->keypad)
		y += keypad(v, x, y, key);
	whole_w = w;
	if (columns > 1)
		w = grid_button_width(l, columns);
	for (size_t first = 0; first < p->count;) {
		size_t end = first + (size_t)(columns > 1 ? columns : 1), row = v->count;
		int row_h = 0;

		end = end < p->count ? end : p->count;
		for (size_t i = first; i < end; i++) {
			const struct ui_page_button *pb = &p->buttons[i];
			struct item *b = page_button(v, pb, pb->toggle ? STYLE_CHECK : STYLE_SECONDARY,
						     x + (int)(i - first) * (w + gap), y, w);

			if (pb->toggle) {
				b->kind = ITEM_OPTION;
				b->selected = pb->on;
			}
			row_h = b->rect.h > row_h ? b->rect.h : row_h;
		}
		/* The row is as tall as its tallest button: one whose label wraps. */
		for (size_t i = row; i < v->count; i++)
			view_set_height(v, &v->items[i], row_h);
		y += row_h + l->unit;
		/* A note goes under a button a row of its own (the scenarios' descriptions). */
		if (p->buttons[end - 1].note && *p->buttons[end - 1].note)
			y += view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_MUTED,
					    p->buttons[end - 1].note, x, y, w) + l->unit;
		y += l->unit * 2;
		first = end;
	}
	if (main_below) {
		struct ui_page_button main = {.label = p->main, .id = p->main_id};

		page_button(v, &main, STYLE_PRIMARY, x, y, whole_w);
	}
	if (p->back || (p->main && !main_below)) {
		int fy = l->footer.y + (l->footer.h - l->target) / 2;

		if (p->back)
			view_button(v, REGION_FOOTER, p->back, UI_PAGE, STYLE_SECONDARY,
				    l->margin, fy)->arg = p->back_id;
		if (p->main && !main_below)
			view_button(v, REGION_FOOTER, p->main, UI_PAGE, STYLE_PRIMARY,
				    l->w - l->margin - view_button_width(v, p->main),
				    fy)->arg = p->main_id;
	}
}
