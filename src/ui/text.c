/* Text measuring and drawing with two caches: widths of strings and textures of lines. */
#include "ui/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH_SLOTS 4096
#define LINE_BUCKETS 512
#define KEEP_FRAMES 3

struct width_slot {
	const TTF_Font *font;
	uint64_t hash;
	size_t len;
	int width;
};

struct line {
	struct line *next;
	const TTF_Font *font;
	SDL_Color color;
	uint64_t hash;
	size_t len;
	char *bytes;
	SDL_Texture *texture;
	int w, h;
	unsigned long used; /* frame number */
};

struct text {
	SDL_Renderer *ren;
	struct width_slot widths[WIDTH_SLOTS];
	struct line *lines[LINE_BUCKETS];
	unsigned long frame;
	unsigned long renders;
	SDL_Rect *drawn;
	size_t drawn_count, drawn_cap;
	char *scratch;
	size_t scratch_cap;
};

/* FNV-1a: short strings, fast, good enough spread for a cache index. */
static uint64_t hash_bytes(const char *s, size_t len, uint64_t h)
{
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

struct text *text_new(SDL_Renderer *ren)
{
	struct text *text = calloc(1, sizeof *text);

	if (text)
		text->ren = ren;
	return text;
}

static void line_free(struct line *line)
{
	if (line->texture)
		SDL_DestroyTexture(line->texture);
	free(line->bytes);
	free(line);
}

void text_free(struct text *text)
{
	if (!text)
		return;
	for (size_t b = 0; b < LINE_BUCKETS; b++)
		while (text->lines[b]) {
			struct line *next = text->lines[b]->next;

			line_free(text->lines[b]);
			text->lines[b] = next;
		}
	free(text->drawn);
	free(text->scratch);
	free(text);
}

/* SDL_ttf wants NUL-terminated strings. */
static const char *terminated(struct text *text, const char *s, size_t len)
{
	if (len + 1 > text->scratch_cap) {
		size_t cap = (len + 1) * 2;
		char *p = realloc(text->scratch, cap);

		if (!p)
			return NULL;
		text->scratch = p;
		text->scratch_cap = cap;
	}
	memcpy(text->scratch, s, len);
	text->scratch[len] = '\0';
	return text->scratch;
}

int text_width(struct text *text, TTF_Font *font, const char *s, size_t len)
{
	uint64_t hash = hash_bytes(s, len, 0xcbf29ce484222325ULL ^ (uintptr_t)font);
	struct width_slot *slot = &text->widths[hash % WIDTH_SLOTS];
	const char *z;
	int w = 0, h = 0;

	if (len == 0)
		return 0;
	if (slot->font == font && slot->hash == hash && slot->len == len)
		return slot->width;
	z = terminated(text, s, len);
	if (!z || TTF_SizeUTF8(font, z, &w, &h) != 0)
		return 0;
	*slot = (struct width_slot){font, hash, len, w};
	return w;
}

int text_measure_fn(void *ctx, const char *s, size_t len)
{
	struct text_measure *m = ctx;

	return text_width(m->text, m->font, s, len);
}

bool text_wrap(struct text *text, struct textwrap *wrap, TTF_Font *font, const char *s,
	       size_t len, int max_w)
{
	struct text_measure m = {text, font};

	return textwrap_layout(wrap, s, len, max_w > 1 ? max_w : 1, text_measure_fn, &m);
}

static struct line *line_get(struct text *text, TTF_Font *font, SDL_Color color, const char *s,
			     size_t len)
{
	uint64_t hash = hash_bytes(s, len, 0xcbf29ce484222325ULL ^ (uintptr_t)font);
	struct line **bucket = &text->lines[hash % LINE_BUCKETS];
	struct line *line;
	SDL_Surface *surface;
	const char *z;

	for (line = *bucket; line; line = line->next)
		if (line->font == font && line->hash == hash && line->len == len &&
		    !memcmp(&line->color, &color, sizeof color) && !memcmp(line->bytes, s, len))
			return line;
	z = terminated(text, s, len);
	if (!z || !(line = calloc(1, sizeof *line)))
		return NULL;
	if (!(line->bytes = malloc(len ? len : 1)))
		goto fail;
	memcpy(line->bytes, s, len);
	surface = TTF_RenderUTF8_Blended(font, z, color);
	if (!surface)
		goto fail;
	text->renders++;
	line->texture = SDL_CreateTextureFromSurface(text->ren, surface);
	line->w = surface->w;
	line->h = surface->h;
	SDL_FreeSurface(surface);
	if (!line->texture)
		goto fail;
	line->font = font;
	line->color = color;
	line->hash = hash;
	line->len = len;
	line->next = *bucket;
	*bucket = line;
	return line;
fail:
	free(line->bytes);
	free(line);
	return NULL;
}

static void record(struct text *text, SDL_Rect r)
{
	SDL_Rect clip, visible;

	if (SDL_RenderIsClipEnabled(text->ren)) {
		SDL_RenderGetClipRect(text->ren, &clip);
		if (!SDL_IntersectRect(&r, &clip, &visible))
			return;
		r = visible;
	}
	if (text->drawn_count == text->drawn_cap) {
		size_t cap = text->drawn_cap ? text->drawn_cap * 2 : 64;
		SDL_Rect *p = realloc(text->drawn, cap * sizeof *p);

		if (!p)
			return;
		text->drawn = p;
		text->drawn_cap = cap;
	}
	text->drawn[text->drawn_count++] = r;
}

void text_draw(struct text *text, TTF_Font *font, SDL_Color color, const char *s, size_t len,
	       int x, int y)
{
	struct line *line;
	SDL_Rect dst;

	/* Trailing newlines and spaces draw nothing; an empty string has no texture. */
	while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	if (!len || !(line = line_get(text, font, color, s, len)))
		return;
	line->used = text->frame;
	dst = (SDL_Rect){x, y, line->w, line->h};
	SDL_RenderCopy(text->ren, line->texture, NULL, &dst);
	record(text, dst);
}

void text_frame_end(struct text *text)
{
	for (size_t b = 0; b < LINE_BUCKETS; b++) {
		struct line **link = &text->lines[b];

		while (*link) {
			struct line *line = *link;

			if (text->frame - line->used >= KEEP_FRAMES) {
				*link = line->next;
				line_free(line);
			} else {
				link = &line->next;
			}
		}
	}
	text->frame++;
}

void text_frame_begin(struct text *text)
{
	text->drawn_count = 0;
}

void text_forget(struct text *text)
{
	unsigned long frame = text->frame;

	text->frame += KEEP_FRAMES;
	text_frame_end(text);
	text->frame = frame + 1;
	memset(text->widths, 0, sizeof text->widths);
}

const SDL_Rect *text_drawn(const struct text *text, size_t *count)
{
	*count = text->drawn_count;
	return text->drawn;
}

unsigned long text_renders(const struct text *text)
{
	return text->renders;
}
