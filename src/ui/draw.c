/* Drawing the built page: text lines, controls, the focus ring, the scrollbar and the
 * settings panel over a dimmed page. */
#include "ui/draw.h"

#include <stdint.h>
#include <string.h>

#include "ui/ui_impl.h"

static void fill(SDL_Renderer *ren, struct theme_color c, SDL_Rect r)
{
	SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, 255);
	SDL_RenderFillRect(ren, &r);
}

/* A filled disc of diameter d, row by row (the renderer has no circles). */
static void disc(SDL_Renderer *ren, struct theme_color c, int x, int y, int d)
{
	double r = d / 2.0;

	SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, 255);
	for (int row = 0; row < d; row++) {
		double dy = row + 0.5 - r;
		int half = (int)(SDL_sqrt(r * r - dy * dy) + 0.5);
		SDL_Rect line = {x + (int)r - half, y + row, half * 2, 1};

		SDL_RenderFillRect(ren, &line);
	}
}

static void frame(SDL_Renderer *ren, struct theme_color c, SDL_Rect r, int width)
{
	SDL_Rect sides[4] = {
		{r.x, r.y, r.w, width},
		{r.x, r.y + r.h - width, r.w, width},
		{r.x, r.y, width, r.h},
		{r.x + r.w - width, r.y, width, r.h},
	};

	SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, 255);
	SDL_RenderFillRects(ren, sides, 4);
}

SDL_Rect draw_screen_rect(const struct ui *ui, const struct item *item)
{
	SDL_Rect r = item->rect;

	if (item->region == REGION_CONTENT)
		r.y += ui->lay.content.y - ui->scroll;
	return r;
}

static struct theme_color item_ink(const struct theme *t, const struct item *item)
{
	switch (item->color) {
	case COLOR_MUTED:
		return t->muted;
	case COLOR_NOTICE:
		return t->notice;
	case COLOR_PRIMARY:
		return t->primary;
	default:
		return t->text;
	}
}

/* The mark drawn inside a radio or check option: a box or ring, filled when chosen. */
static void draw_mark(struct ui *ui, const struct item *item, SDL_Rect r, struct theme_color ink)
{
	int size = ui->fonts.px[FONT_BODY];
	SDL_Rect box = {r.x + ui->lay.unit * 2, r.y + (r.h - size) / 2, size, size};
	int b = ui->lay.border + 1;

	if (item->style == STYLE_RADIO) {
		struct theme_color back = item->selected ? ui->theme->selected : ui->theme->panel;

		disc(ui->ren, ink, box.x, box.y, size);
		disc(ui->ren, back, box.x + b, box.y + b, size - 2 * b);
		if (item->selected)
			disc(ui->ren, ink, box.x + size / 4, box.y + size / 4, size - size / 4 * 2);
		return;
	}
	frame(ui->ren, ink, box, b);
	if (item->selected) {
		/* A check mark drawn as two strokes of small squares. */
		int t = b + 1;

		SDL_SetRenderDrawColor(ui->ren, ink.r, ink.g, ink.b, 255);
		for (int i = 0; i <= size / 4; i++) {
			SDL_Rect dot = {box.x + size / 5 + i, box.y + size / 2 + i - t / 2, t, t};

			SDL_RenderFillRect(ui->ren, &dot);
		}
		for (int i = 0; i <= size / 2; i++) {
			SDL_Rect dot = {box.x + size / 5 + size / 4 + i,
					box.y + size / 2 + size / 4 - i - t / 2, t, t};

			SDL_RenderFillRect(ui->ren, &dot);
		}
	}
}

/* Draws lines [0, count) of wrap (over text) from x, y, one every line_h pixels (those of a
 * right-to-left paragraph aligned to the right of the width wrapped to): only those that
 * reach into the rows top..bottom, so a long text costs what shows. */
static void draw_lines(struct ui *ui, TTF_Font *font, SDL_Color ink, const char *text,
		       const struct textwrap *wrap, size_t count, int x, int y, int line_h,
		       int top, int bottom)
{
	size_t first = 0, last = count;

	if (line_h <= 0)
		return;
	if (top > y)
		first = (size_t)(top - y) / (size_t)line_h;
	if (bottom <= y)
		return;
	if ((size_t)(bottom - y) / (size_t)line_h + 1 < last)
		last = (size_t)(bottom - y) / (size_t)line_h + 1;
	for (size_t i = first; i < last; i++)
		text_draw_line(ui->text, font, ink, wrap, text, i, x + textwrap_indent(wrap, i),
			       y + (int)i * line_h);
}

/* The rows of the screen an item can show in: the content area for scrolled content. */
static void visible_rows(const struct ui *ui, const struct item *item, int *top, int *bottom)
{
	*top = item->region == REGION_CONTENT ? ui->lay.content.y : 0;
	*bottom = item->region == REGION_CONTENT ? ui->lay.content.y + ui->lay.content.h :
		ui->lay.h;
}

static void draw_control(struct ui *ui, const struct item *item, SDL_Rect r, bool focused,
			 bool hovered)
{
	const struct theme *t = ui->theme;
	TTF_Font *font = ui->fonts.font[item->font];
	struct theme_color back = t->panel, ink = t->text, edge = t->border;
	int line_h = ui->fonts.line_h[item->font];
	int x, y, label_w, top, bottom;

	if (item->style == STYLE_PRIMARY || item->selected) {
		back = item->style == STYLE_PRIMARY ? t->primary : t->selected;
		ink = item->style == STYLE_PRIMARY ? t->primary_text : t->selected_text;
		edge = back;
	}
	fill(ui->ren, back, r);
	frame(ui->ren, edge, r, hovered ? ui->lay.border * 2 : ui->lay.border);
	if (item->style == STYLE_RADIO || item->style == STYLE_CHECK) {
		const struct textwrap *wrap = item->wrap;
		size_t count = item->lines;

		x = r.x + view_option_indent(&ui->view);
		draw_mark(ui, item, r, ink);
		/* The label's lines were wrapped when the page was built (an option of the
		 * facilitator's pages without them is wrapped here: its labels are short). */
		if (!wrap) {
			if (!text_wrap(ui->text, &ui->wrap, font, item->text, item->len,
				       r.x + r.w - ui->lay.unit * 2 - x))
				return;
			wrap = &ui->wrap;
			count = wrap->count;
		}
		y = r.y + (r.h - (int)count * line_h) / 2;
		visible_rows(ui, item, &top, &bottom);
		draw_lines(ui, font, theme_sdl_color(ink), item->text, wrap, count, x, y, line_h, top,
			   bottom);
		return;
	}
	if (item->wrap && item->lines > 1) {
		/* A label wrapped when the page was built (too long for one line): each line
		 * centred. */
		y = r.y + (r.h - (int)item->lines * line_h) / 2;
		for (size_t i = 0; i < item->lines; i++) {
			const struct textwrap_line *tl = &item->wrap->lines[i];

			text_draw_line(ui->text, font, theme_sdl_color(ink), item->wrap, item->text, i,
				       r.x + (r.w - tl->width) / 2, y + (int)i * line_h);
		}
		return;
	}
	label_w = text_width(ui->text, font, item->text, item->len);
	x = r.x + (r.w - label_w) / 2;
	y = r.y + (r.h - line_h * (item->sub && item->style == STYLE_SCALE ? 2 : 1)) / 2;
	text_draw(ui->text, font, theme_sdl_color(ink), item->text, item->len, x, y);
	if (item->sub && item->style == STYLE_SCALE) {
		TTF_Font *small = ui->fonts.font[FONT_SMALL];
		int sw = text_width(ui->text, small, item->sub, strlen(item->sub));

		text_draw(ui->text, small, theme_sdl_color(ink), item->sub, strlen(item->sub),
			  r.x + (r.w - sw) / 2, y + line_h);
	}
}

static void scrollbar(struct ui *ui, SDL_Rect track, int arrow_w, int content_h, int scroll);

/* The answer field's scroll bar, in its right padding: a long answer shows that there is
 * more above or below what the field shows. */
static void editor_bar(struct ui *ui, SDL_Rect box, SDL_Rect inner)
{
	int text_h, scroll, room = box.x + box.w - ui->lay.border - (inner.x + inner.w);

	editor_extent(&ui->editor, &text_h, &scroll);
	scrollbar(ui, (SDL_Rect){inner.x + inner.w + room / 2 - ui->lay.unit / 4, inner.y,
				 ui->lay.unit / 2 > 2 ? ui->lay.unit / 2 : 2, inner.h},
		  room - ui->lay.border, text_h, scroll);
}

static void draw_item(struct ui *ui, const struct item *item, bool focused, bool hovered)
{
	const struct theme *t = ui->theme;
	SDL_Rect r = draw_screen_rect(ui, item);

	switch (item->kind) {
	case ITEM_TEXT:
		text_draw(ui->text, ui->fonts.font[item->font], theme_sdl_color(item_ink(t, item)),
			  item->text, item->len, r.x, r.y);
		break;
	case ITEM_PARA: {
		int top, bottom;

		visible_rows(ui, item, &top, &bottom);
		draw_lines(ui, ui->fonts.font[item->font], theme_sdl_color(item_ink(t, item)),
			   item->text, item->wrap, item->lines, r.x, r.y,
			   ui->fonts.line_h[item->font], top, bottom);
		break;
	}
	case ITEM_PANEL:
		fill(ui->ren, t->panel, r);
		frame(ui->ren, t->border, r, ui->lay.border);
		break;
	case ITEM_BAR: {
		SDL_Rect done = r;

		fill(ui->ren, t->track, r);
		done.w = r.w * item->arg / 1000;
		fill(ui->ren, t->primary, done);
		break;
	}
	case ITEM_BUTTON:
	case ITEM_OPTION:
		draw_control(ui, item, r, focused, hovered);
		break;
	case ITEM_EDITOR: {
		int pad = ui->lay.unit * 2;
		SDL_Rect inner = {r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad};

		fill(ui->ren, t->panel, r);
		frame(ui->ren, t->border, r, ui->lay.border);
		editor_draw(&ui->editor, ui->text, ui->ren, t, ui->fonts.font[FONT_BODY],
			    ui->fonts.font[FONT_BODY], item->sub, inner, focused);
		editor_bar(ui, r, inner);
		break;
	}
	}
}

/* The focus ring: a thick outline in the focus colour with a gap, visible on any background. */
static void draw_focus(struct ui *ui, const struct item *item)
{
	SDL_Rect r = draw_screen_rect(ui, item);
	int gap = ui->lay.border + 1, w = ui->lay.focus;
	SDL_Rect ring = {r.x - gap - w, r.y - gap - w, r.w + 2 * (gap + w), r.h + 2 * (gap + w)};

	frame(ui->ren, ui->theme->focus, ring, w);
}

void draw_region(struct ui *ui, enum item_region region)
{
	for (size_t i = 0; i < ui->view.count; i++) {
		const struct item *item = &ui->view.items[i];

		if (item->region != region)
			continue;
		/* Content scrolled out of sight is skipped: a long page costs only what shows. */
		if (region == REGION_CONTENT) {
			SDL_Rect r = draw_screen_rect(ui, item);

			if (r.y >= ui->lay.content.y + ui->lay.content.h ||
			    r.y + r.h <= ui->lay.content.y)
				continue;
		}
		draw_item(ui, item, (int)i == ui->focus, (int)i == ui->hover);
	}
	if (ui->focus >= 0 && (size_t)ui->focus < ui->view.count &&
	    ui->view.items[ui->focus].region == region)
		draw_focus(ui, &ui->view.items[ui->focus]);
}

void draw_fill_alpha(struct ui *ui, struct theme_color c, SDL_Rect r, int alpha)
{
	/* Opaque is a plain fill: the software renderer blends every pixel otherwise, 30 times
	 * slower for the same result. */
	SDL_SetRenderDrawBlendMode(ui->ren, alpha >= 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(ui->ren, c.r, c.g, c.b, (Uint8)alpha);
	SDL_RenderFillRect(ui->ren, &r);
	SDL_SetRenderDrawBlendMode(ui->ren, SDL_BLENDMODE_NONE);
}

/* A triangle pointing up (or down) in box, row by row: the sign that there is more. */
static void arrow(SDL_Renderer *ren, struct theme_color c, SDL_Rect box, bool up)
{
	SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, 255);
	for (int row = 0; row < box.h; row++) {
		int half = box.w * (up ? row + 1 : box.h - row) / (2 * box.h);
		SDL_Rect line = {box.x + box.w / 2 - half, box.y + row, half * 2, 1};

		SDL_RenderFillRect(ren, &line);
	}
}

/* A scroll bar in track for content_h pixels of content seen track.h at a time, scrolled by
 * scroll, with an arrow arrow_w wide at each end that has more beyond it: a page or a field
 * that goes on says so. Nothing when everything shows. */
static void scrollbar(struct ui *ui, SDL_Rect track, int arrow_w, int content_h, int scroll)
{
	int view_h = track.h, arrow_h = arrow_w / 2 + 1;
	SDL_Rect thumb;

	if (content_h <= view_h || view_h <= 4 * arrow_h)
		return;
	if (scroll > 0)
		arrow(ui->ren, ui->theme->text, (SDL_Rect){track.x + track.w / 2 - arrow_w / 2,
			track.y, arrow_w, arrow_h}, true);
	if (scroll < content_h - view_h)
		arrow(ui->ren, ui->theme->text, (SDL_Rect){track.x + track.w / 2 - arrow_w / 2,
			track.y + track.h - arrow_h, arrow_w, arrow_h}, false);
	track.y += arrow_h + ui->lay.unit / 2;
	track.h -= 2 * (arrow_h + ui->lay.unit / 2);
	thumb = track;
	/* In 64 bits: a long page times the scroll overflows an int. */
	thumb.h = (int)((int64_t)track.h * view_h / content_h);
	if (thumb.h < track.w)
		thumb.h = track.w; /* still a thumb to see and grab on a very long page */
	thumb.y += (int)((int64_t)(track.h - thumb.h) * scroll / (content_h - view_h));
	fill(ui->ren, ui->theme->track, track);
	fill(ui->ren, ui->theme->border, thumb);
}

static void draw_scrollbar(struct ui *ui)
{
	const struct layout *l = &ui->lay;

	scrollbar(ui, (SDL_Rect){l->w - l->unit * 2, l->content.y, l->unit, l->content.h},
		  l->unit * 2, ui->view.content_h, ui->scroll);
}

void draw_page(struct ui *ui)
{
	const struct theme *t = ui->theme;
	const struct layout *l = &ui->lay;
	SDL_Rect line = {0, l->header.h - l->border, l->w, l->border};

	SDL_RenderSetClipRect(ui->ren, NULL);
	SDL_SetRenderDrawColor(ui->ren, t->bg.r, t->bg.g, t->bg.b, 255);
	SDL_RenderClear(ui->ren);
	SDL_RenderSetClipRect(ui->ren, &l->content);
	draw_region(ui, REGION_CONTENT);
	SDL_RenderSetClipRect(ui->ren, NULL);
	draw_scrollbar(ui);
	fill(ui->ren, t->track, line);
	line.y = l->footer.y;
	fill(ui->ren, t->track, line);
	draw_region(ui, REGION_HEADER);
	draw_region(ui, REGION_FOOTER);
	if (ui_overlay_open(ui)) {
		/* Dim the page so the panel reads as the only thing to act on. */
		SDL_SetRenderDrawBlendMode(ui->ren, SDL_BLENDMODE_BLEND);
		SDL_SetRenderDrawColor(ui->ren, 0, 0, 0, 160);
		SDL_RenderFillRect(ui->ren, NULL);
		SDL_SetRenderDrawBlendMode(ui->ren, SDL_BLENDMODE_NONE);
		draw_region(ui, REGION_OVERLAY);
	}
	touch_keyboard_draw(ui);
}

void draw_fill(struct ui *ui, struct theme_color c, SDL_Rect r)
{
	fill(ui->ren, c, r);
}

void draw_frame(struct ui *ui, struct theme_color c, SDL_Rect r, int width)
{
	frame(ui->ren, c, r, width);
}
