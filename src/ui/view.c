/* Building the page as a list of items: text lines, wrapped paragraphs, controls. */
#include "ui/view.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bidi.h"
#include "core/grapheme.h"
#include "core/hash.h"

void view_reset(struct view *v)
{
	v->count = 0;
	v->arena_used = 0;
	v->content_h = 0;
	v->build++;
	v->big_count = 0; /* the blocks are kept for the next build's long texts */
}

const char *view_printf(struct view *v, const char *fmt, ...)
{
	char *out = v->arena + v->arena_used;
	size_t room = VIEW_ARENA - v->arena_used;
	va_list ap;
	int n;

	if (room == 0)
		return ""; /* the arena is full: out would point past its end */
	va_start(ap, fmt);
	n = vsnprintf(out, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return "";
	v->arena_used += (size_t)n + 1 < room ? (size_t)n + 1 : room;
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
static char *big_block(struct view *v, size_t len)
{
	struct big_block *b;
	size_t need = 2 * len + 4;

	if (v->big_count == v->big_cap) {
		size_t cap = v->big_cap ? v->big_cap * 2 : 8;
		struct big_block *p = realloc(v->big, cap * sizeof *p);

		if (!p)
			return NULL;
		memset(p + v->big_cap, 0, (cap - v->big_cap) * sizeof *p);
		v->big = p;
		v->big_cap = cap;
	}
	b = &v->big[v->big_count];
	if (b->size < need) {
		char *data = realloc(b->data, need);

		if (!data)
			return NULL;
		b->data = data;
		b->size = need;
	}
	v->big_count++;
	return b->data;
}

const char *view_reflow(struct view *v, const char *text)
{
	char *out = v->arena + v->arena_used, *o = out;
	char *end = v->arena + VIEW_ARENA - 4;
	size_t len = strlen(text);
	bool big = 2 * len + 4 > VIEW_ARENA - v->arena_used;

	/* A text too long for what is left of the arena is reflowed into a block of its own
	 * (a long prompt reads the same as a short one). */
	if (big) {
		if (!(out = o = big_block(v, len)))
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
		v->arena_used += (size_t)(o - out);
	return out;
}

struct item *view_add(struct view *v, enum item_kind kind, enum item_region region, SDL_Rect rect)
{
	static struct item spare;
	struct item *item;

	if (v->count == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 64;
		struct item *p = realloc(v->items, cap * sizeof *p);

		/* Out of memory: the item goes nowhere rather than anywhere wrong. */
		if (!p)
			return memset(&spare, 0, sizeof spare);
		v->items = p;
		v->cap = cap;
	}
	item = &v->items[v->count++];
	memset(item, 0, sizeof *item);
	item->kind = kind;
	item->region = region;
	item->rect = rect;
	if (region == REGION_CONTENT && rect.y + rect.h > v->content_h)
		v->content_h = rect.y + rect.h;
	return item;
}

void view_set_height(struct view *v, struct item *item, int h)
{
	item->rect.h = h;
	if (item->region == REGION_CONTENT && item->rect.y + h > v->content_h)
		v->content_h = item->rect.y + h;
}

void view_release(struct view *v)
{
	free(v->items);
	v->items = NULL;
	v->count = v->cap = 0;
	textwrap_release(&v->wrap);
	for (size_t i = 0; i < v->para_count; i++) {
		textwrap_release(&v->para[i]->wrap);
		free(v->para[i]);
	}
	free(v->para);
	v->para = NULL;
	v->para_count = 0;
	for (size_t i = 0; i < v->big_cap; i++)
		free(v->big[i].data);
	free(v->big);
	v->big = NULL;
	v->big_count = v->big_cap = 0;
}

/* A slot for a text to keep: one this build has not used (the least recently used), or a new
 * one while this build uses them all; NULL when out of memory. */
static struct para_cache *para_slot(struct view *v)
{
	struct para_cache *oldest = NULL, **p, *c;
	size_t in_use = 0;

	for (size_t i = 0; i < v->para_count; i++) {
		c = v->para[i];

		if (c->used == v->build)
			in_use++;
		else if (!oldest || c->used < oldest->used)
			oldest = c;
	}
	if (oldest && v->para_count >= in_use + VIEW_PARA_KEEP)
		return oldest;
	p = realloc(v->para, (v->para_count + 1) * sizeof *p);
	if (!p)
		return oldest;
	v->para = p;
	if (!(c = calloc(1, sizeof *c)))
		return oldest;
	v->para[v->para_count++] = c;
	return c;
}

const struct textwrap *view_wrap(struct view *v, enum font_role font, const char *text,
				 size_t len, int w)
{
	uint64_t hash = hash_bytes(text, len, HASH_START);
	struct para_cache *c;

	for (size_t i = 0; i < v->para_count; i++) {
		c = v->para[i];
		if (c->len == len && c->hash == hash && c->font == font &&
		    c->px == v->fonts->px[font] && c->w == w && c->wrap.count) {
			c->used = v->build;
			return &c->wrap;
		}
	}
	if (!(c = para_slot(v)))
		return NULL;
	c->used = v->build;
	c->len = 0;
	c->hash = 0;
	if (!text_wrap(v->text, &c->wrap, v->fonts->font[font], text, len, w)) {
		c->wrap.count = 0;
		return NULL;
	}
	c->len = len;
	c->hash = hash;
	c->font = font;
	c->px = v->fonts->px[font];
	c->w = w;
	return &c->wrap;
}

int view_paragraph(struct view *v, enum item_region region, enum font_role font,
		   enum item_color color, const char *text, int x, int y, int w)
{
	int line_h = v->fonts->line_h[font];
	size_t len = strlen(text), count;
	const struct textwrap *wrap;
	/* A long paragraph, or one with right-to-left text (its lines are drawn in visual order
	 * from the paragraph's analysis), is one item drawn from its wrap. */
	bool kept = len >= VIEW_PARA_CACHE_MIN || bidi_needed(text, len);

	/* Scenario texts often end with a line break: it should not add an empty line. */
	while (len && (text[len - 1] == '\n' || text[len - 1] == ' ' || text[len - 1] == '\r'))
		len--;
	if (kept)
		wrap = view_wrap(v, font, text, len, w);
	else
		wrap = text_wrap(v->text, &v->wrap, v->fonts->font[font], text, len, w) ?
			&v->wrap : NULL;
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
			if (wrap->lines[i].width + textwrap_indent(wrap, i) > widest)
				widest = wrap->lines[i].width + textwrap_indent(wrap, i);
		item = view_add(v, ITEM_PARA, region,
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
		struct item *item = view_add(v, ITEM_TEXT, region,
					     (SDL_Rect){x, y + (int)i * line_h, l->width, line_h});

		item->text = text + l->start;
		item->len = l->end - l->start;
		item->font = font;
		item->color = color;
	}
	return (int)count * line_h;
}

int view_paragraph_max(struct view *v, enum item_region region, enum font_role font,
		       enum item_color color, const char *text, int x, int y, int w, int max_lines)
{
	TTF_Font *f = v->fonts->font[font];
	size_t len = strlen(text), shown, last;
	int fit_w;
	const struct textwrap *wrap;

	/* Only the start of a long text can show in max_lines: wrap no more than what would
	 * fill them laid end to end (a line break on its way only ends a line sooner). */
	shown = text_fit(v->text, f, text, len, w * max_lines, &fit_w);
	if (shown < len)
		shown = grapheme_next(text, len, shown);
	if (!text_wrap(v->text, &v->wrap, f, text, shown, w))
		return 0;
	wrap = &v->wrap;
	if (wrap->count <= (size_t)max_lines && shown == len)
		return view_paragraph(v, region, font, color, text, x, y, w);
	last = wrap->count < (size_t)max_lines ? wrap->count - 1 : (size_t)max_lines - 1;
	for (size_t i = 0; i < last; i++) {
		const struct textwrap_line *l = &wrap->lines[i];
		struct item *item = view_add(v, ITEM_TEXT, region,
					     (SDL_Rect){x + textwrap_indent(wrap, i),
							y + (int)i * v->fonts->line_h[font],
							l->width, v->fonts->line_h[font]});

		item->text = text + l->start;
		item->len = l->end - l->start;
		item->font = font;
		item->color = color;
	}
	/* The last line shown runs on past the edge, so view_line ends it with an ellipsis. */
	view_line(v, region, font, color,
		  view_printf(v, "%.*s\xe2\x80\xa6 \xe2\x80\xa6",
			      (int)(shown - wrap->lines[last].start), text + wrap->lines[last].start),
		  x, y + (int)last * v->fonts->line_h[font], w);
	return (int)(last + 1) * v->fonts->line_h[font];
}

int view_line(struct view *v, enum item_region region, enum font_role font, enum item_color color,
	      const char *text, int x, int y, int w)
{
	TTF_Font *f = v->fonts->font[font];
	size_t len = strlen(text);
	int width;
	size_t fit = text_fit(v->text, f, text, len, w, &width);
	struct item *item;

	if (fit < len) {
		/* Cut at a character boundary and add an ellipsis: only what fits is measured,
		 * so a long text costs no more than a short one. */
		int ell = text_width(v->text, f, "\xe2\x80\xa6", 3);

		fit = text_fit(v->text, f, text, fit, w - ell, &width);
		while (fit && text[fit - 1] == ' ')
			fit--;
		text = view_printf(v, "%.*s\xe2\x80\xa6", (int)fit, text);
		len = strlen(text);
		width = text_width(v->text, f, text, len);
	}
	item = view_add(v, ITEM_TEXT, region, (SDL_Rect){x, y, width, v->fonts->line_h[font]});
	item->text = text;
	item->len = len;
	item->font = font;
	item->color = color;
	return v->fonts->line_h[font];
}

int view_option_indent(const struct view *v)
{
	return v->lay->unit * 4 + v->fonts->px[FONT_BODY];
}

int view_button_width(const struct view *v, const char *label)
{
	int w = text_width(v->text, v->fonts->font[FONT_BODY], label, strlen(label)) +
		v->lay->unit * 6;

	return w > v->lay->target * 2 ? w : v->lay->target * 2;
}

struct item *view_button(struct view *v, enum item_region region, const char *label, int action,
			 enum item_style style, int x, int y)
{
	struct item *item = view_add(v, ITEM_BUTTON, region,
				     (SDL_Rect){x, y, view_button_width(v, label), v->lay->target});

	item->text = label;
	item->len = strlen(label);
	item->font = FONT_BODY;
	item->style = style;
	item->action = action;
	return item;
}

void view_header(struct view *v, const char *title, const char *progress, int permille)
{
	const struct layout *l = v->lay;
	const char *aa = "Aa";
	int aa_w = view_button_width(v, aa);
	int aa_x = l->w - l->margin - aa_w;
	int y = (l->header.h - l->target) / 2;
	int small_h = v->fonts->line_h[FONT_SMALL];
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
			view_line(v, REGION_HEADER, FONT_SMALL, COLOR_MUTED, title, l->margin,
				  (l->header.h - small_h) / 2, px - l->margin - l->unit * 2);
		view_line(v, REGION_HEADER, FONT_SMALL, COLOR_TEXT, progress, px, top, pw);
		bar = view_add(v, ITEM_BAR, REGION_HEADER,
			       (SDL_Rect){px, top + small_h + l->unit, pw, bar_h});
		bar->arg = permille;
	} else if (title) {
		view_line(v, REGION_HEADER, FONT_SMALL, COLOR_MUTED, title, l->margin,
			  (l->header.h - small_h) / 2, left_w);
	}
	settings = view_button(v, REGION_HEADER, aa, ACT_SETTINGS, STYLE_SECONDARY, aa_x, y);
	settings->sub = "Text size and contrast";
}

void view_footer(struct view *v, const char *back, const char *pass, const char *main,
		 int main_action)
{
	const struct layout *l = v->lay;
	int y = l->footer.y + (l->footer.h - l->target) / 2;
	int main_x = l->w - l->margin - (main ? view_button_width(v, main) : 0);
	int pass_x = main_x - (pass ? view_button_width(v, pass) + l->unit * 3 : 0);

	/* Added left to right, so that Tab follows what the eye sees. */
	if (back)
		view_button(v, REGION_FOOTER, back, UI_BACK, STYLE_SECONDARY, l->margin, y);
	if (pass)
		view_button(v, REGION_FOOTER, pass, UI_PASS, STYLE_SECONDARY, pass_x, y);
	if (main)
		view_button(v, REGION_FOOTER, main, main_action, STYLE_PRIMARY, main_x, y);
}
