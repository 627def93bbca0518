/* Layout arithmetic: type and spacing scale with the window's short side and the text size. */
#include "ui/layout.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void layout_compute(struct layout *l, int w, int h, int text_percent)
{
	int short_side = w < h ? w : h;
	/* A 1080-pixel short side gives 30 px body text: large and calm at classroom distance. */
	int base = clamp(short_side / 36, 20, 96);
	int column_max;

	l->w = w;
	l->h = h;
	l->text_percent = clamp(text_percent, LAYOUT_TEXT_MIN, LAYOUT_TEXT_MAX);
	l->body_px = base * l->text_percent / 100;
	l->small_px = l->body_px * 4 / 5;
	l->heading_px = l->body_px * 5 / 4;
	l->title_px = l->body_px * 7 / 4;
	l->unit = clamp(short_side / 90, 6, 48);
	l->margin = clamp(w / 24, l->unit * 2, l->unit * 8);
	l->target = clamp(l->body_px * 2, short_side / 14, short_side / 5);
	l->border = clamp(short_side / 540, 1, 6);
	l->focus = l->border * 2 + 1;

	l->header = (SDL_Rect){0, 0, w, l->target + l->unit * 2};
	l->footer = (SDL_Rect){0, h - (l->target + l->unit * 4), w, l->target + l->unit * 4};
	l->content = (SDL_Rect){0, l->header.h, w, l->footer.y - l->header.h};
	/* About 30 em (60 characters) keeps lines readable on wide screens. */
	column_max = l->body_px * 30;
	l->column_w = w - 2 * l->margin;
	if (l->column_w > column_max)
		l->column_w = column_max;
	l->column_x = (w - l->column_w) / 2;
}

void layout_reserve_bottom(struct layout *l, int h)
{
	l->footer.y -= h;
	l->content.h -= h;
	if (l->content.h < 0)
		l->content.h = 0;
}
