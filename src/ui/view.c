/* Building the page as a list of items, and drawing it: text lines, controls, focus ring. */
#include "ui/view.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grapheme.h"
#include "core/hash.h"

void view_reset(struct ui *ui)
{
	ui->count = 0;
	ui->arena_used = 0;
	ui->content_h = 0;
	ui->build++;
	ui->big_count = 0; /* the blocks are kept for the next build's long texts */
}

const char *view_printf(struct ui *ui, const char *fmt, ...)
{
	char *out = ui->arena + ui->arena_used;
	size_t room = VIEW_ARENA - ui->arena_used;
	va_list ap;
	int n;

	if (room == 0)
		return ""; /* the arena is full: out would point past its end */
	va_start(ap, fmt);
	n = vsnprintf(out, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return "";
	ui->arena_used += (size_t)n + 1 < room ? (size_t)n + 1 : room;
	return out;
}

static bool list_item(const char *line)
{
	return (line[0] == '-' || line[0] == '*') && line[1] == ' ';
}

/* Memory of its own for a reflowed text of len bytes (a bullet takes two bytes more than the
 * "- " it replaces, so at most twice the text), valid until the next build; NULL when none.
 * Blocks are kept and reused from one build to the next: a long prompt is reflowed again
 * for every build, and fresh memory would cost page faults each time. */
static char *big_block(struct ui *ui, size_t len)
{
	struct big_block *b;
	size_t need = 2 * len + 4;

	if (ui->big_count == ui->big_cap) {
		size_t cap = ui->big_cap ? ui->big_cap * 2 : 8;
		struct big_block *p = realloc(ui->big, cap * sizeof *p);

		if (!p)
			return NULL;
		memset(p + ui->big_cap, 0, (cap - ui->big_cap) * sizeof *p);
		ui->big = p;
		ui->big_cap = cap;
	}
	b = &ui->big[ui->big_count];
	if (b->size < need) {
		char *data = realloc(b->data, need);

		if (!data)
			return NULL;
		b->data = data;
		b->size = need;
	}
	ui->big_count++;
	return b->data;
}

const char *view_reflow(struct ui *ui, const char *text)
{
	char *out = ui->arena + ui->arena_used, *o = out;
	char *end = ui->arena + VIEW_ARENA - 4;
	size_t len = strlen(text);
	bool big = 2 * len + 4 > VIEW_ARENA - ui->arena_used;

	/* A text too long for what is left of the arena is reflowed into a block of its own
	 * (a long prompt reads the same as a short one). */
	if (big) {
		if (!(out = o = big_block(ui, len)))
			return text;
		end = out + 2 * len + 4;
	}
	for (const char *p = text; *p && o < end; p++) {
		bool line_start = p == text || p[-1] == '\n';

		if (line_start && list_item(p)) {
			/* "- item" as a real bullet */
			memcpy(o, "\xe2\x80\xa2", 3);
			o += 3;
			p++;
			*o++ = ' ';
			continue;
		}
		/* A break after a word or comma, mid-sentence, only wrapped the source. */
		if (*p == '\n' && p[1] && p[1] != '\n' && !list_item(p + 1) && p > text &&
		    ((p[-1] >= 'a' && p[-1] <= 'z') || p[-1] == ',' || p[-1] == ';')) {
			*o++ = ' ';
			continue;
		}
		*o++ = *p;
	}
	if (o >= end)
		return text; /* no room: show it as written */
	*o++ = '\0';
	if (!big)
		ui->arena_used += (size_t)(o - out);
	return out;
}

struct item *view_add(struct ui *ui, enum item_kind kind, enum item_region region, SDL_Rect rect)
{
	static struct item spare;
	struct item *item;

	if (ui->count == ui->cap) {
		size_t cap = ui->cap ? ui->cap * 2 : 64;
		struct item *p = realloc(ui->items, cap * sizeof *p);

		/* Out of memory: the item goes nowhere rather than anywhere wrong. */
		if (!p)
			return memset(&spare, 0, sizeof spare);
		ui->items = p;
		ui->cap = cap;
	}
	item = &ui->items[ui->count++];
	memset(item, 0, sizeof *item);
	item->kind = kind;
	item->region = region;
	item->rect = rect;
	if (region == REGION_CONTENT && rect.y + rect.h > ui->content_h)
		ui->content_h = rect.y + rect.h;
	return item;
}

void view_release(struct ui *ui)
{
	for (size_t i = 0; i < ui->para_count; i++) {
		textwrap_release(&ui->para[i]->wrap);
		free(ui->para[i]);
	}
	free(ui->para);
	ui->para = NULL;
	ui->para_count = 0;
	for (size_t i = 0; i < ui->big_cap; i++)
		free(ui->big[i].data);
	free(ui->big);
	ui->big = NULL;
	ui->big_count = ui->big_cap = 0;
}

/* A slot for a text to keep: one this build has not used (the least recently used), or a new
 * one while this build uses them all; NULL when out of memory. */
static struct para_cache *para_slot(struct ui *ui)
{
	struct para_cache *oldest = NULL, **p, *c;
	size_t in_use = 0;

	for (size_t i = 0; i < ui->para_count; i++) {
		c = ui->para[i];

		if (c->used == ui->build)
			in_use++;
		else if (!oldest || c->used < oldest->used)
			oldest = c;
	}
	if (oldest && ui->para_count >= in_use + VIEW_PARA_KEEP)
		return oldest;
	p = realloc(ui->para, (ui->para_count + 1) * sizeof *p);
	if (!p)
		return oldest;
	ui->para = p;
	if (!(c = calloc(1, sizeof *c)))
		return oldest;
	ui->para[ui->para_count++] = c;
	return c;
}

const struct textwrap *view_wrap(struct ui *ui, enum font_role font, const char *text,
				 size_t len, int w)
{
	uint64_t hash = hash_bytes(text, len, HASH_START);
	struct para_cache *c;

	for (size_t i = 0; i < ui->para_count; i++) {
		c = ui->para[i];
		if (c->len == len && c->hash == hash && c->font == font &&
		    c->px == ui->fonts.px[font] && c->w == w && c->wrap.count) {
			c->used = ui->build;
			return &c->wrap;
		}
	}
	if (!(c = para_slot(ui)))
		return NULL;
	c->used = ui->build;
	c->len = 0;
	c->hash = 0;
	if (!text_wrap(ui->text, &c->wrap, ui->fonts.font[font], text, len, w)) {
		c->wrap.count = 0;
		return NULL;
	}
	c->len = len;
	c->hash = hash;
	c->font = font;
	c->px = ui->fonts.px[font];
	c->w = w;
	return &c->wrap;
}

int view_paragraph(struct ui *ui, enum item_region region, enum font_role font,
		   enum item_color color, const char *text, int x, int y, int w)
{
	int line_h = ui->fonts.line_h[font];
	size_t len = strlen(text), count;
	const struct textwrap *wrap;
	bool kept = len >= VIEW_PARA_CACHE_MIN;

	/* Scenario texts often end with a line break: it should not add an empty line. */
	while (len && (text[len - 1] == '\n' || text[len - 1] == ' ' || text[len - 1] == '\r'))
		len--;
	if (kept)
		wrap = view_wrap(ui, font, text, len, w);
	else
		wrap = text_wrap(ui->text, &ui->wrap, ui->fonts.font[font], text, len, w) ?
			&ui->wrap : NULL;
	if (!wrap)
		return 0;
	/* Lines past VIEW_MAX_Y are left out: no text a scenario can hold gets there, and the
	 * places of the lines kept (and the page's height) stay within an int. */
	count = wrap->count;
	if (y >= VIEW_MAX_Y || line_h <= 0)
		return 0;
	if (count > (size_t)((VIEW_MAX_Y - y) / line_h))
		count = (size_t)((VIEW_MAX_Y - y) / line_h);
	if (kept) {
		/* One item for all the lines, as wide as the widest. */
		struct item *item;
		int widest = 0;

		for (size_t i = 0; i < count; i++)
			if (wrap->lines[i].width > widest)
				widest = wrap->lines[i].width;
		item = view_add(ui, ITEM_PARA, region,
				(SDL_Rect){x, y, widest, (int)count * line_h});
		item->text = text;
		item->len = len;
		item->font = font;
		item->color = color;
		item->wrap = wrap;
		item->lines = count;
		return (int)count * line_h;
	}
	for (size_t i = 0; i < count; i++) {
		const struct textwrap_line *l = &wrap->lines[i];
		struct item *item = view_add(ui, ITEM_TEXT, region,
					     (SDL_Rect){x, y + (int)i * line_h, l->width, line_h});

		item->text = text + l->start;
		item->len = l->end - l->start;
		item->font = font;
		item->color = color;
	}
	return (int)count * line_h;
}

int view_paragraph_max(struct ui *ui, enum item_region region, enum font_role font,
		       enum item_color color, const char *text, int x, int y, int w, int max_lines)
{
	TTF_Font *f = ui->fonts.font[font];
	size_t len = strlen(text), shown, last;
	int fit_w;
	const struct textwrap *wrap;

	/* Only the start of a long text can show in max_lines: wrap no more than what would
	 * fill them laid end to end (a line break on its way only ends a line sooner). */
	shown = text_fit(ui->text, f, text, len, w * max_lines, &fit_w);
	if (shown < len)
		shown = grapheme_next(text, len, shown);
	if (!text_wrap(ui->text, &ui->wrap, f, text, shown, w))
		return 0;
	wrap = &ui->wrap;
	if (wrap->count <= (size_t)max_lines && shown == len)
		return view_paragraph(ui, region, font, color, text, x, y, w);
	last = wrap->count < (size_t)max_lines ? wrap->count - 1 : (size_t)max_lines - 1;
	for (size_t i = 0; i < last; i++) {
		const struct textwrap_line *l = &wrap->lines[i];
		struct item *item = view_add(ui, ITEM_TEXT, region,
					     (SDL_Rect){x, y + (int)i * ui->fonts.line_h[font],
							l->width, ui->fonts.line_h[font]});

		item->text = text + l->start;
		item->len = l->end - l->start;
		item->font = font;
		item->color = color;
	}
	/* The last line shown runs on past the edge, so view_line ends it with an ellipsis. */
	view_line(ui, region, font, color,
		  view_printf(ui, "%.*s\xe2\x80\xa6 \xe2\x80\xa6",
			      (int)(shown - wrap->lines[last].start), text + wrap->lines[last].start),
		  x, y + (int)last * ui->fonts.line_h[font], w);
	return (int)(last + 1) * ui->fonts.line_h[font];
}

int view_line(struct ui *ui, enum item_region region, enum font_role font, enum item_color color,
	      const char *text, int x, int y, int w)
{
	TTF_Font *f = ui->fonts.font[font];
	size_t len = strlen(text);
	int width;
	size_t fit = text_fit(ui->text, f, text, len, w, &width);
	struct item *item;

	if (fit < len) {
		/* Cut at a character boundary and add an ellipsis: only what fits is measured,
		 * so a long text costs no more than a short one. */
		int ell = text_width(ui->text, f, "\xe2\x80\xa6", 3);

		fit = text_fit(ui->text, f, text, fit, w - ell, &width);
		while (fit && text[fit - 1] == ' ')
			fit--;
		text = view_printf(ui, "%.*s\xe2\x80\xa6", (int)fit, text);
		len = strlen(text);
		width = text_width(ui->text, f, text, len);
	}
	item = view_add(ui, ITEM_TEXT, region, (SDL_Rect){x, y, width, ui->fonts.line_h[font]});
	item->text = text;
	item->len = len;
	item->font = font;
	item->color = color;
	return ui->fonts.line_h[font];
}

int view_option_indent(struct ui *ui)
{
	return ui->lay.unit * 4 + ui->fonts.px[FONT_BODY];
}

int view_button_width(struct ui *ui, const char *label)
{
	int w = text_width(ui->text, ui->fonts.font[FONT_BODY], label, strlen(label)) +
		ui->lay.unit * 6;

	return w > ui->lay.target * 2 ? w : ui->lay.target * 2;
}

struct item *view_button(struct ui *ui, enum item_region region, const char *label, int action,
			 enum item_style style, int x, int y)
{
	struct item *item = view_add(ui, ITEM_BUTTON, region,
				     (SDL_Rect){x, y, view_button_width(ui, label), ui->lay.target});

	item->text = label;
	item->len = strlen(label);
	item->font = FONT_BODY;
	item->style = style;
	item->action = action;
	return item;
}

void view_header(struct ui *ui, const char *title, const char *progress, int permille)
{
	const struct layout *l = &ui->lay;
	const char *aa = "Aa";
	int aa_w = view_button_width(ui, aa);
	int aa_x = l->w - l->margin - aa_w;
	int y = (l->header.h - l->target) / 2;
	int small_h = ui->fonts.line_h[FONT_SMALL];
	struct item *settings;
	int left_w = aa_x - l->margin - l->unit * 2;

	if (progress) {
		int bar_h = l->unit;
		int block = small_h + l->unit + bar_h;
		int top = (l->header.h - block) / 2;
		int pw = left_w / 2;
		int px = aa_x - l->unit * 3 - pw;
		struct item *bar;

		if (title)
			view_line(ui, REGION_HEADER, FONT_SMALL, COLOR_MUTED, title, l->margin,
				  (l->header.h - small_h) / 2, px - l->margin - l->unit * 2);
		view_line(ui, REGION_HEADER, FONT_SMALL, COLOR_TEXT, progress, px, top, pw);
		bar = view_add(ui, ITEM_BAR, REGION_HEADER,
			       (SDL_Rect){px, top + small_h + l->unit, pw, bar_h});
		bar->arg = permille;
	} else if (title) {
		view_line(ui, REGION_HEADER, FONT_SMALL, COLOR_MUTED, title, l->margin,
			  (l->header.h - small_h) / 2, left_w);
	}
	settings = view_button(ui, REGION_HEADER, aa, ACT_SETTINGS, STYLE_SECONDARY, aa_x, y);
	settings->sub = "Text size and contrast";
}

void view_footer(struct ui *ui, const char *back, const char *pass, const char *main,
		 int main_action)
{
	const struct layout *l = &ui->lay;
	int y = l->footer.y + (l->footer.h - l->target) / 2;
	int main_x = l->w - l->margin - (main ? view_button_width(ui, main) : 0);
	int pass_x = main_x - (pass ? view_button_width(ui, pass) + l->unit * 3 : 0);

	/* Added left to right, so that Tab follows what the eye sees. */
	if (back)
		view_button(ui, REGION_FOOTER, back, UI_BACK, STYLE_SECONDARY, l->margin, y);
	if (pass)
		view_button(ui, REGION_FOOTER, pass, UI_PASS, STYLE_SECONDARY, pass_x, y);
	if (main)
		view_button(ui, REGION_FOOTER, main, main_action, STYLE_PRIMARY, main_x, y);
}

SDL_Color view_color(struct theme_color c)
{
	return (SDL_Color){c.r, c.g, c.b, 255};
}

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

SDL_Rect view_screen_rect(const struct ui *ui, const struct item *item)
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

/* Draws lines [0, count) of wrap (over text) from x, y, one every line_h pixels: only those
 * that reach into the rows top..bottom, so a long text costs what shows. */
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
		text_draw(ui->text, font, ink, text + wrap->lines[i].start,
			  wrap->lines[i].end - wrap->lines[i].start, x, y + (int)i * line_h);
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

		x = r.x + view_option_indent(ui);
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
		draw_lines(ui, font, view_color(ink), item->text, wrap, count, x, y, line_h, top,
			   bottom);
		return;
	}
	label_w = text_width(ui->text, font, item->text, item->len);
	x = r.x + (r.w - label_w) / 2;
	y = r.y + (r.h - line_h * (item->sub && item->style == STYLE_SCALE ? 2 : 1)) / 2;
	text_draw(ui->text, font, view_color(ink), item->text, item->len, x, y);
	if (item->sub && item->style == STYLE_SCALE) {
		TTF_Font *small = ui->fonts.font[FONT_SMALL];
		int sw = text_width(ui->text, small, item->sub, strlen(item->sub));

		text_draw(ui->text, small, view_color(ink), item->sub, strlen(item->sub),
			  r.x + (r.w - sw) / 2, y + line_h);
	}
}

static void draw_item(struct ui *ui, const struct item *item, bool focused, bool hovered)
{
	const struct theme *t = ui->theme;
	SDL_Rect r = view_screen_rect(ui, item);

	switch (item->kind) {
	case ITEM_TEXT:
		text_draw(ui->text, ui->fonts.font[item->font], view_color(item_ink(t, item)),
			  item->text, item->len, r.x, r.y);
		break;
	case ITEM_PARA: {
		int top, bottom;

		visible_rows(ui, item, &top, &bottom);
		draw_lines(ui, ui->fonts.font[item->font], view_color(item_ink(t, item)),
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
		break;
	}
	}
}

/* The focus ring: a thick outline in the focus colour with a gap, visible on any background. */
static void draw_focus(struct ui *ui, const struct item *item)
{
	SDL_Rect r = view_screen_rect(ui, item);
	int gap = ui->lay.border + 1, w = ui->lay.focus;
	SDL_Rect ring = {r.x - gap - w, r.y - gap - w, r.w + 2 * (gap + w), r.h + 2 * (gap + w)};

	frame(ui->ren, ui->theme->focus, ring, w);
}

static void draw_region(struct ui *ui, enum item_region region)
{
	for (size_t i = 0; i < ui->count; i++) {
		const struct item *item = &ui->items[i];

		if (item->region != region)
			continue;
		/* Content scrolled out of sight is skipped: a long page costs only what shows. */
		if (region == REGION_CONTENT) {
			SDL_Rect r = view_screen_rect(ui, item);

			if (r.y >= ui->lay.content.y + ui->lay.content.h ||
			    r.y + r.h <= ui->lay.content.y)
				continue;
		}
		draw_item(ui, item, (int)i == ui->focus, (int)i == ui->hover);
	}
	if (ui->focus >= 0 && (size_t)ui->focus < ui->count &&
	    ui->items[ui->focus].region == region)
		draw_focus(ui, &ui->items[ui->focus]);
}

void view_draw_region(struct ui *ui, enum item_region region)
{
	draw_region(ui, region);
}

void view_fill_alpha(struct ui *ui, struct theme_color c, SDL_Rect r, int alpha)
{
	SDL_SetRenderDrawBlendMode(ui->ren, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(ui->ren, c.r, c.g, c.b, (Uint8)alpha);
	SDL_RenderFillRect(ui->ren, &r);
	SDL_SetRenderDrawBlendMode(ui->ren, SDL_BLENDMODE_NONE);
}

static void draw_scrollbar(struct ui *ui)
{
	const struct layout *l = &ui->lay;
	int view_h = l->content.h, w = l->unit;
	SDL_Rect track = {l->w - w * 2, l->content.y, w, view_h};
	SDL_Rect thumb = track;

	if (ui->content_h <= view_h)
		return;
	/* In 64 bits: a long page times the scroll overflows an int. */
	thumb.h = (int)((int64_t)view_h * view_h / ui->content_h);
	if (thumb.h < w)
		thumb.h = w; /* still a thumb to see and grab on a very long page */
	thumb.y += (int)((int64_t)(view_h - thumb.h) * ui->scroll / (ui->content_h - view_h));
	fill(ui->ren, ui->theme->track, track);
	fill(ui->ren, ui->theme->border, thumb);
}

void view_draw(struct ui *ui)
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
	if (ui->settings_open) {
		/* Dim the page so the panel reads as the only thing to act on. */
		SDL_SetRenderDrawBlendMode(ui->ren, SDL_BLENDMODE_BLEND);
		SDL_SetRenderDrawColor(ui->ren, 0, 0, 0, 160);
		SDL_RenderFillRect(ui->ren, NULL);
		SDL_SetRenderDrawBlendMode(ui->ren, SDL_BLENDMODE_NONE);
		draw_region(ui, REGION_OVERLAY);
	}
}
