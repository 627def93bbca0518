/* What the UI shows, read for scripted input and the rendering checks: a control (or a key of
 * the on-screen keyboard) found by its label, the focus, the editor's text, the text rendered
 * so far, and a check of the last frame. */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/ui_impl.h"

bool ui_find_control(struct ui *ui, const struct session *s, const char *label, int *x, int *y)
{
	const char *hash = strrchr(label, '#');
	size_t len = hash && hash[1] ? (size_t)(hash - label) : strlen(label);
	int nth = hash && hash[1] ? atoi(hash + 1) : 1;

	ui_sync(ui, s);
	for (size_t i = 0; i < ui->view.count; i++) {
		const struct item *item = &ui->view.items[i];
		SDL_Rect r;

		/* The text field is "editor", as ui_focus_label names it. */
		bool field = item->kind == ITEM_EDITOR && len == 6 && !memcmp(label, "editor", 6);

		if (!ui_reachable(ui, item) || (!field && (!item->text || len != item->len ||
							   memcmp(item->text, label, len))) ||
		    --nth > 0)
			continue;
		ui_reveal(ui, (int)i);
		ui_clamp_scroll(ui);
		ui->dirty = true;
		r = draw_screen_rect(ui, item);
		*x = r.x + r.w / 2;
		*y = r.y + r.h / 2;
		return true;
	}
	/* Then a key of the on-screen keyboard, by its name or its cap. */
	return touch_keyboard_find(ui, label, x, y);
}

/* The line drawn under item i as the next line of the same paragraph: a line of text in the
 * same font, at the same left edge, right below it. -1 when there is none. */
static long next_line(const struct ui *ui, size_t i)
{
	const struct item *a = &ui->view.items[i], *b;

	if (i + 1 >= ui->view.count)
		return -1;
	b = &ui->view.items[i + 1];
	if (a->kind != ITEM_TEXT || b->kind != ITEM_TEXT || !b->text || b->font != a->font ||
	    b->rect.x != a->rect.x || b->rect.y != a->rect.y + a->rect.h)
		return -1;
	return (long)i + 1;
}

/* True when text reads from byte at of item i on: across a wrapped paragraph's lines, where
 * the spaces the line break took stand between them. */
static bool reads_from(const struct ui *ui, size_t i, size_t at, const char *text)
{
	for (;;) {
		const struct item *item = &ui->view.items[i];

		while (*text && at < item->len && item->text[at] == *text) {
			at++;
			text++;
		}
		if (!*text)
			return true;
		if (at < item->len)
			return false;
		long next = next_line(ui, i);

		if (next < 0)
			return false;
		while (*text == ' ' || *text == '\n')
			text++;
		i = (size_t)next;
		at = 0;
	}
}

bool ui_shows_text(struct ui *ui, const struct session *s, const char *text)
{
	if (s)
		ui_sync(ui, s);
	if (!*text)
		return true;
	for (size_t i = 0; i < ui->view.count; i++) {
		const struct item *item = &ui->view.items[i];

		for (size_t at = 0; item->text && at < item->len; at++)
			if (item->text[at] == *text && reads_from(ui, i, at, text))
				return true;
	}
	return false;
}

bool ui_fits(struct ui *ui, const struct session *s)
{
	if (s)
		ui_sync(ui, s);
	return ui->view.content_h <= ui->lay.content.h;
}

const char *ui_focus_label(const struct ui *ui)
{
	static char label[256];
	const struct item *item;

	if (ui->focus < 0 || (size_t)ui->focus >= ui->view.count)
		return "";
	item = &ui->view.items[ui->focus];
	if (item->kind == ITEM_EDITOR)
		return "editor";
	snprintf(label, sizeof label, "%.*s", (int)item->len, item->text ? item->text : "");
	return label;
}

unsigned long ui_text_renders(const struct ui *ui)
{
	return text_renders(ui->text);
}

bool ui_keyboard_shown(const struct ui *ui)
{
	return ui->osk.rect.h > 0;
}

const char *ui_editor_text(const struct ui *ui)
{
	return editor_text(&ui->editor);
}

bool ui_editor_shows_whole(const struct ui *ui)
{
	int text_h, scroll;

	editor_extent(&ui->editor, &text_h, &scroll);
	return scroll == 0 && text_h <= ui->editor.rect.h;
}

static bool inside(SDL_Rect r, int w, int h)
{
	return r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h;
}

/* The focused control shows whole: inside the window, and a scrolled one inside the part of
 * the page that scrolls (not under the header or footer, not cut by the fold). */
static bool focus_shows_whole(const struct ui *ui, struct rjk_error *err)
{
	const struct item *item = &ui->view.items[ui->focus];
	SDL_Rect r = draw_screen_rect(ui, item);
	SDL_Rect area = item->region == REGION_CONTENT ? ui->lay.content :
		(SDL_Rect){0, 0, ui->lay.w, ui->lay.h};
	SDL_Rect both;

	if (SDL_IntersectRect(&r, &area, &both) && both.w == r.w && both.h == r.h)
		return true;
	/* A text field taller than the room the on-screen keyboard leaves is in sight when its
	 * caret's line is (touch_keyboard_check has looked at that). */
	if (item->kind == ITEM_EDITOR && ui->osk.rect.h > 0 && r.h > area.h && both.h == area.h)
		return true;
	return rjk_error_set(err, "the focused control '%.*s' at %d,%d size %dx%d is not whole "
			     "in sight (%d,%d size %dx%d shows)", (int)item->len,
			     item->text ? item->text : "", r.x, r.y, r.w, r.h, area.x, area.y,
			     area.w, area.h);
}

/* Every control's label inside the control: text drawn across a button's edge is a label too
 * long for its button, or text laid over it. Not with an overlay open (a dialog): the text of the
 * page under it, drawn first, lies under the dialog's controls. */
static bool labels_inside(const struct ui *ui, const SDL_Rect *drawn, size_t count,
			  struct rjk_error *err)
{
	if (ui_overlay_open(ui))
		return true;
	for (size_t i = 0; i < ui->view.count; i++) {
		const struct item *item = &ui->view.items[i];
		SDL_Rect r = draw_screen_rect(ui, item), shown = r, both;

		if (item->kind != ITEM_BUTTON && item->kind != ITEM_OPTION)
			continue;
		/* Where it shows: a control scrolled under the header or footer is cut there, and
		 * their own text lies over the part cut. */
		if (item->region == REGION_CONTENT &&
		    !SDL_IntersectRect(&r, &ui->lay.content, &shown))
			continue;
		for (size_t j = 0; j < count; j++)
			if (SDL_HasIntersection(&drawn[j], &shown) &&
			    (!SDL_IntersectRect(&drawn[j], &r, &both) ||
			     !SDL_RectEquals(&both, &drawn[j])))
				return rjk_error_set(err, "text at %d,%d size %dx%d crosses the edge of "
						     "'%.*s' at %d,%d size %dx%d", drawn[j].x,
						     drawn[j].y, drawn[j].w, drawn[j].h,
						     (int)item->len, item->text ? item->text : "",
						     r.x, r.y, r.w, r.h);
	}
	return true;
}

bool ui_check_frame(struct ui *ui, struct rjk_error *err)
{
	size_t count;
	const SDL_Rect *drawn = text_drawn(ui->text, &count);
	int w = ui->lay.w, h = ui->lay.h;

	if (!count)
		return rjk_error_set(err, "no text was drawn");
	for (size_t i = 0; i < count; i++)
		if (!inside(drawn[i], w, h))
			return rjk_error_set(err, "text at %d,%d size %dx%d lies outside the %dx%d window",
					     drawn[i].x, drawn[i].y, drawn[i].w, drawn[i].h, w, h);
	for (size_t i = 0; i < ui->view.count; i++) {
		const struct item *item = &ui->view.items[i];
		SDL_Rect r = draw_screen_rect(ui, item);

		if (item->region == REGION_OVERLAY && !ui_overlay_open(ui))
			continue;
		if (item->region == REGION_CONTENT ? r.x < 0 || r.x + r.w > w : !inside(r, w, h))
			return rjk_error_set(err, "'%.*s' at %d,%d size %dx%d lies outside the %dx%d window",
					     (int)item->len, item->text ? item->text : "", r.x, r.y,
					     r.w, r.h, w, h);
		/* Below the page's end, the scroll could never bring it whole into sight. */
		if (item->region == REGION_CONTENT &&
		    item->rect.y + item->rect.h > ui->view.content_h)
			return rjk_error_set(err, "'%.*s' ends at %d, below the page's end at %d",
					     (int)item->len, item->text ? item->text : "",
					     item->rect.y + item->rect.h, ui->view.content_h);
	}
	if (!labels_inside(ui, drawn, count, err))
		return false;
	if (!touch_keyboard_check(ui, err))
		return false;
	if (ui->focus < 0)
		return rjk_error_set(err, "nothing has the focus");
	if (!focus_shows_whole(ui, err))
		return false;
	{
		const struct item *item = &ui->view.items[ui->focus];
		SDL_Rect r = draw_screen_rect(ui, item), band;
		int gap = ui->lay.border + 1, fw = ui->lay.focus;
		struct theme_color fc = ui->theme->focus;
		Uint32 *pixels;
		int found = 0;

		/* The ring's top band, read back from the frame: is the focus colour there? (Its
		 * left band, where the part in sight, for a field taller than the keyboard leaves.) */
		band = (SDL_Rect){r.x - gap - fw, r.y - gap - fw, r.w + 2 * (gap + fw), fw};
		if (item->region == REGION_CONTENT && band.y < ui->lay.content.y) {
			int top = ui->lay.content.y, bottom = r.y + r.h + gap + fw;

			if (bottom > ui->lay.content.y + ui->lay.content.h)
				bottom = ui->lay.content.y + ui->lay.content.h;
			band = (SDL_Rect){r.x - gap - fw, top, fw, bottom - top};
		}
		if (!inside(band, w, h))
			return rjk_error_set(err, "the focus ring lies outside the window");
		pixels = malloc((size_t)band.w * band.h * sizeof *pixels);
		if (!pixels)
			return rjk_error_set(err, "out of memory");
		if (SDL_RenderReadPixels(ui->ren, &band, SDL_PIXELFORMAT_ARGB8888, pixels,
					 band.w * (int)sizeof *pixels)) {
			free(pixels);
			return rjk_error_set(err, "cannot read the frame back: %s", SDL_GetError());
		}
		for (int i = 0; i < band.w * band.h; i++)
			/* RGB only: a GL framebuffer may read back without alpha. */
			found += (pixels[i] & 0xffffffu) ==
				 ((Uint32)fc.r << 16 | (Uint32)fc.g << 8 | fc.b);
		free(pixels);
		if (found < band.w * band.h * 9 / 10)
			return rjk_error_set(err, "the focus ring is not visible (%d of %d pixels)",
					     found, band.w * band.h);
	}
	return true;
}
