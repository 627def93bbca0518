/* Text measuring and drawing with three caches: glyph metrics (so that most text is measured
 * by adding advances, in time linear in its length), widths of strings that need the shaper,
 * and textures of lines; characters the font lacks are drawn in fallback fonts. */
#include "ui/text.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <hb.h>

#include "core/bidi.h"
#include "core/grapheme.h"
#include "core/hash.h"
#include "ui/fallback.h"

#define WIDTH_SLOTS 4096
#define LINE_BUCKETS 512
#define KEEP_FRAMES 3
#define METRIC_FONTS 8
#define METRIC_PAGES 256 /* pages of 256 code points: the Basic Multilingual Plane */
#define SETUP_AFTER_BYTES 16384
/* Line textures let go before the heap is trimmed: less than a page's text, so a page left
 * behind gives its memory back at once, while the line or two a keystroke replaces add up over
 * a few keystrokes instead of making every frame pay for a trim. */
#define TRIM_AFTER_BYTES (256u << 10)

struct width_slot {
	const TTF_Font *font;
	bool rtl;
	uint64_t hash;
	size_t len;
	int width;
};

struct line {
	struct line *next;
	const TTF_Font *font;
	SDL_Color color;
	bool rtl;
	uint64_t hash;
	size_t len;
	char *bytes;
	SDL_Texture *texture;
	int w, h;
	unsigned long used; /* frame number */
};

/* One glyph's horizontal metrics, as SDL_ttf lays it out: its ink from the pen's pixel, and
 * its advance in 1/64 pixel (with light hinting, advances are fractional). */
struct glyph {
	int16_t minx, maxx;
	int32_t advance;
	bool known;
};

/* Glyph metrics of one font, for the code points the shaper draws one glyph each for. */
struct metrics {
	const TTF_Font *font;
	char *path;    /* the font's file and pixel size, for setting up the face on first need */
	int px;
	bool bold;     /* a bold face: its fallbacks are bold too */
	bool ready;    /* set up: face, load and additive below are known */
	size_t shaped; /* bytes measured by the shaper before then */
	FT_Face face;  /* the same file at the same size, for exact advances */
	int32_t load;  /* FreeType load flags matching the font's hinting */
	bool additive; /* adding advances gave the shaper's width: simple text is measured so */
	struct glyph *pages[METRIC_PAGES];
};

struct text {
	SDL_Renderer *ren;
	FT_Library ft;       /* NULL until a font is described with text_font_file */
	struct metrics metrics[METRIC_FONTS];
	size_t metric_next; /* the slot reused when all are taken */
	struct width_slot widths[WIDTH_SLOTS];
	struct line *lines[LINE_BUCKETS];
	unsigned long frame;
	unsigned long renders;
	size_t freed_bytes; /* of line textures, since the heap was last trimmed */
	SDL_Rect *drawn;
	size_t drawn_count, drawn_cap;
	char *scratch;
	size_t scratch_cap;
	char *joined; /* a stretch in one font with its joiners (joined) */
	size_t joined_cap;
	struct fallback *fallback; /* made when a character the font lacks is first met */
	struct bidi *solo;          /* a text measured or drawn on its own (text_width) */
	struct bidi_line solo_runs; /* its runs */
	struct bidi_line runs;      /* a wrapped line's runs */
};

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

static void metrics_clear(struct metrics *m)
{
	for (size_t p = 0; p < METRIC_PAGES; p++)
		free(m->pages[p]);
	if (m->face)
		FT_Done_Face(m->face);
	free(m->path);
	memset(m, 0, sizeof *m);
}

void text_free(struct text *text)
{
	if (!text)
		return;
	for (size_t i = 0; i < METRIC_FONTS; i++)
		metrics_clear(&text->metrics[i]);
	if (text->ft)
		FT_Done_FreeType(text->ft);
	for (size_t b = 0; b < LINE_BUCKETS; b++)
		while (text->lines[b]) {
			struct line *next = text->lines[b]->next;

			line_free(text->lines[b]);
			text->lines[b] = next;
		}
	free(text->drawn);
	free(text->scratch);
	free(text->joined);
	fallback_free(text->fallback);
	bidi_free(text->solo);
	bidi_line_release(&text->solo_runs);
	bidi_line_release(&text->runs);
	free(text);
}

/* A reused buffer *buf of *cap bytes with room for size: *buf, or NULL when memory runs out
 * (the buffer is then unchanged). */
static char *room(char **buf, size_t *cap, size_t size)
{
	if (size > *cap) {
		char *p = realloc(*buf, size * 2);

		if (!p)
			return NULL;
		*buf = p;
		*cap = size * 2;
	}
	return *buf;
}

/* SDL_ttf wants NUL-terminated strings. */
static const char *terminated(struct text *text, const char *s, size_t len)
{
	char *z = room(&text->scratch, &text->scratch_cap, len + 1);

	if (!z)
		return NULL;
	memcpy(z, s, len);
	z[len] = '\0';
	return z;
}

/* True for a code point the shaper draws as one glyph at its own advance, with no mark
 * attached, no ligature and no reordering: Latin, Greek, Cyrillic, common punctuation and
 * symbols, and CJK ideographs and Hangul syllables. The soft hyphen and the ideographic space
 * draw differently from their metrics; combining marks, joiners, variation selectors and the
 * scripts that are shaped are measured by the shaper. */
static bool simple_cp(uint32_t cp)
{
	if (cp < 0x20)
		return false;
	if (cp < 0x7F)
		return true;
	if (cp < 0xA0 || cp == 0xAD)
		return false;
	return cp < 0x300 || (cp >= 0x370 && cp < 0x500) || (cp >= 0x1E00 && cp < 0x2000) ||
	       (cp >= 0x2010 && cp < 0x2028) || (cp >= 0x2030 && cp < 0x205F) ||
	       (cp >= 0x20A0 && cp < 0x20C0) || (cp >= 0x2100 && cp < 0x2C00) ||
	       (cp >= 0x3001 && cp < 0x302A) || (cp >= 0x3030 && cp < 0x3099) ||
	       (cp >= 0x309B && cp < 0xA000) || (cp >= 0xAC00 && cp < 0xD7A4);
}

static const struct glyph *glyph_of(struct metrics *m, TTF_Font *font, uint32_t cp)
{
	struct glyph **page = &m->pages[cp >> 8];
	struct glyph *g;
	int minx, maxx, miny, maxy, advance;

	if (!*page && !(*page = calloc(256, sizeof **page)))
		return NULL;
	g = &(*page)[cp & 0xFF];
	if (!g->known) {
		FT_Fixed fixed;
		FT_UInt index = FT_Get_Char_Index(m->face, cp);

		/* a character the font lacks is drawn in another font, by the shaper */
		if (index == 0 ||
		    TTF_GlyphMetrics32(font, cp, &minx, &maxx, &miny, &maxy, &advance) != 0 ||
		    FT_Get_Advance(m->face, index, m->load, &fixed) != 0)
			return NULL;
		/* 16.16 to 26.6, rounded as HarfBuzz does for SDL_ttf */
		*g = (struct glyph){(int16_t)minx, (int16_t)maxx, (int32_t)((fixed + 512) >> 10),
				    true};
	}
	return g;
}

/* Adds the glyphs of s[from..len) to *run (a run from s's start): false when some character
 * needs the shaper. */
static bool additive_run(struct metrics *m, TTF_Font *font, const char *s, size_t from,
			 size_t len, struct text_run *run)
{
	long long pen = run->pen, left = run->left, right = run->right;

	for (size_t i = from; i < len;) {
		uint32_t cp = (unsigned char)s[i];
		const struct glyph *g;

		if (cp < 0x80)
			i++;
		else
			i += grapheme_decode(s, len, i, &cp);
		if (!simple_cp(cp) || !(g = glyph_of(m, font, cp)))
			return false;
		if (g->maxx > g->minx) {
			if ((pen >> 6) + g->minx < left)
				left = (pen >> 6) + g->minx;
			if ((pen >> 6) + g->maxx > right)
				right = (pen >> 6) + g->maxx;
		}
		pen += g->advance;
	}
	*run = (struct text_run){len, pen, left, right};
	return true;
}

static int run_width(const struct text_run *run)
{
	long long right = (run->pen >> 6) > run->right ? run->pen >> 6 : run->right;

	return right - run->left > INT32_MAX ? INT32_MAX : (int)(right - run->left);
}

/* Width of s[0..len) from glyph metrics, as SDL_ttf computes it: from the leftmost ink (or
 * the pen's start) to the rightmost ink (or the pen's end), each glyph drawn at the whole
 * pixel its pen position falls in. -1 when some character needs the shaper. */
static int additive_width(struct metrics *m, TTF_Font *font, const char *s, size_t len)
{
	struct text_run run = {0, 0, 0, 0};

	return additive_run(m, font, s, 0, len, &run) ? run_width(&run) : -1;
}

static int shaped_width(struct text *text, TTF_Font *font, const char *s, size_t len, bool rtl);

/* The metrics of font, or NULL when its file is not known. */
static struct metrics *metrics_of(struct text *text, const TTF_Font *font)
{
	for (size_t i = 0; i < METRIC_FONTS; i++)
		if (text->metrics[i].font == font)
			return &text->metrics[i];
	return NULL;
}

void text_font_file(struct text *text, TTF_Font *font, const char *path, int px, bool bold)
{
	struct metrics *m = metrics_of(text, font);

	if (!m) {
		m = &text->metrics[text->metric_next];
		text->metric_next = (text->metric_next + 1) % METRIC_FONTS;
	}
	metrics_clear(m);
	m->font = font;
	m->path = strdup(path);
	m->px = px;
	m->bold = bold;
}

/* Opens the font's file with FreeType at its size and hinting, and checks that adding glyph
 * advances gives the shaper's widths for this font. */
static void metrics_setup(struct text *text, struct metrics *m)
{
	/* Pairs that fonts often kern or join, and marks of ink past the advance: a font whose
	 * shaper moves any of them is always measured by the shaper. */
	static const char probe[] = "AVATAR To Ty Wa Yo ff fi \"Lj\" 1/4 r, T. P. LT W\xc3\xa9 j";
	TTF_Font *font = (TTF_Font *)m->font;
	int hinting = TTF_GetFontHinting(font);

	m->ready = true;
	if (!m->path || (!text->ft && FT_Init_FreeType(&text->ft) != 0) ||
	    FT_New_Face(text->ft, m->path, 0, &m->face) != 0) {
		m->face = NULL;
		return;
	}
	/* as TTF_OpenFont sizes the face (72 dpi: points are pixels) and hints its glyphs */
	if (FT_Set_Char_Size(m->face, 0, (FT_F26Dot6)m->px * 64, 0, 0) != 0)
		return;
	m->load = FT_LOAD_DEFAULT | (hinting == TTF_HINTING_LIGHT ? FT_LOAD_TARGET_LIGHT :
				     hinting == TTF_HINTING_MONO ? FT_LOAD_TARGET_MONO :
				     hinting == TTF_HINTING_NONE ? FT_LOAD_NO_HINTING :
				     FT_LOAD_TARGET_NORMAL);
	m->additive = additive_width(m, font, probe, sizeof probe - 1) ==
		      shaped_width(text, font, probe, sizeof probe - 1, false);
}

/* The glyph metrics to measure len bytes in font with, or NULL for the shaper. They are set
 * up once the shaper has measured SETUP_AFTER_BYTES in that font: screens of short texts (a
 * start-up) never pay for opening the font a second time, and a long text pays it once. */
static struct metrics *additive_metrics(struct text *text, const TTF_Font *font, size_t len)
{
	struct metrics *m = metrics_of(text, font);

	if (!m)
		return NULL;
	if (!m->ready) {
		m->shaped += len;
		if (m->shaped < SETUP_AFTER_BYTES)
			return NULL;
		metrics_setup(text, m);
	}
	return m->additive ? m : NULL;
}

/* The script of s[0..len): that of its first character of a script of its own (not common
 * punctuation, digits or marks), or HB_SCRIPT_UNKNOWN. *one receives the length of the
 * stretch in that script (the characters of no script of their own go with it). */
static hb_script_t script_of(const char *s, size_t len, size_t *one)
{
	hb_unicode_funcs_t *funcs = hb_unicode_funcs_get_default();
	hb_script_t first = HB_SCRIPT_UNKNOWN;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = grapheme_decode(s, len, i, &cp);
		hb_script_t script = hb_unicode_script(funcs, cp);

		if (script != HB_SCRIPT_COMMON && script != HB_SCRIPT_INHERITED &&
		    script != HB_SCRIPT_UNKNOWN) {
			if (first == HB_SCRIPT_UNKNOWN) {
				first = script;
			} else if (script != first) {
				*one = i;
				return first;
			}
		}
		i += n;
	}
	*one = len;
	return first;
}

/* The ISO 15924 tag of the script of s[0..len), for the shaper: HarfBuzz joins Arabic letters
 * only when told the text is Arabic. */
static void script_tag(const char *s, size_t len, char tag[5])
{
	size_t one;
	hb_script_t script = script_of(s, len, &one);

	if (script == HB_SCRIPT_UNKNOWN) {
		memcpy(tag, "Zzzz", 5); /* SDL_ttf's default */
		return;
	}
	hb_tag_to_string(hb_script_to_iso15924_tag(script), tag);
	tag[4] = '\0';
}

/* Sets font to shape s[0..len) right to left in its script (rtl), or back to its defaults. */
static void shape_as(TTF_Font *font, const char *s, size_t len, bool rtl)
{
	char tag[5] = "Zzzz";

	if (rtl)
		script_tag(s, len, tag);
	TTF_SetFontDirection(font, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
	TTF_SetFontScriptName(font, tag);
}

/* Width of s[0..len) as the shaper lays it out in one direction. */
static int shaped_width(struct text *text, TTF_Font *font, const char *s, size_t len, bool rtl)
{
	uint64_t hash = hash_bytes(s, len, HASH_START ^ (uintptr_t)font ^ rtl);
	struct width_slot *slot = &text->widths[hash % WIDTH_SLOTS];
	const char *z;
	int w = 0, h = 0, ok;

	if (slot->font == font && slot->rtl == rtl && slot->hash == hash && slot->len == len)
		return slot->width;
	z = terminated(text, s, len);
	if (!z)
		return 0;
	if (rtl)
		shape_as(font, s, len, true);
	ok = TTF_SizeUTF8(font, z, &w, &h);
	if (rtl)
		shape_as(font, s, len, false);
	if (ok != 0)
		return 0;
	*slot = (struct width_slot){font, rtl, hash, len, w};
	return w;
}

/* The font to draw cp in when font draws the text: font when it has cp (or its file was not
 * described, or no font has cp), else a fallback at its size and weight. Marks and format
 * characters go with the character before them (NULL). */
static TTF_Font *font_for(struct text *text, TTF_Font *font, const struct metrics *m,
			  uint32_t cp)
{
	hb_unicode_general_category_t cat;
	TTF_Font *other;

	if (cp < 0x80 || !m || TTF_GlyphIsProvided32(font, cp))
		return font;
	cat = hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
	if (cat == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
	    cat == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
	    cat == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK ||
	    cat == HB_UNICODE_GENERAL_CATEGORY_FORMAT)
		return NULL;
	if (!text->fallback && !(text->fallback = fallback_new()))
		return font;
	other = fallback_get(text->fallback, cp, m->px, m->bold);
	return other ? other : font;
}

/* The first stretch of s[0..len) drawn in one font: returns the font, *n its length. Each
 * character is drawn in font_for's font, so that a prefix of a text is cut into the same
 * stretches as the whole (wrapping and carets measure prefixes). */
static TTF_Font *stretch(struct text *text, TTF_Font *font, const char *s, size_t len,
			 size_t *n)
{
	const struct metrics *m = metrics_of(text, font);
	TTF_Font *first = NULL;
	size_t i = 0;

	if (m && m->px <= 0)
		m = NULL;
	while (i < len) {
		uint32_t cp = (unsigned char)s[i];
		size_t step = cp < 0x80 ? 1 : grapheme_decode(s, len, i, &cp);
		TTF_Font *f = font_for(text, font, m, cp);

		if (f && first && f != first)
			break;
		if (!first)
			first = f ? f : font;
		i += step;
	}
	*n = i;
	return first ? first : font;
}

/* The stretch s[i..i+n) of the piece s[0..len), with a zero width joiner on each side where
 * letters join across its ends (core/bidi.h): each font then draws its letters of a word in
 * their joined forms. *out receives its length; NULL when out of memory. */
static const char *joined(struct text *text, const char *s, size_t len, size_t i, size_t n,
			  size_t *out)
{
	static const char zwj[] = "\xe2\x80\x8d";
	bool before = i > 0 && bidi_joins_at(s, len, i);
	bool after = i + n < len && bidi_joins_at(s, len, i + n);
	size_t size = n + (before + after) * (sizeof zwj - 1);
	char *p;

	*out = n;
	if (!before && !after)
		return s + i;
	if (!(p = room(&text->joined, &text->joined_cap, size)))
		return NULL;
	if (before)
		p = (char *)memcpy(p, zwj, sizeof zwj - 1) + sizeof zwj - 1;
	p = (char *)memcpy(p, s + i, n) + n;
	if (after)
		memcpy(p, zwj, sizeof zwj - 1);
	*out = size;
	return text->joined;
}

/* Width of s[0..len), text of one direction (and one script when rtl) as the shaper lays it
 * out, as draw_piece draws it: its stretches in one font each, side by side. */
static int piece_width(struct text *text, TTF_Font *font, const char *s, size_t len, bool rtl)
{
	long long w = 0;
	size_t n, jn;

	for (size_t i = 0; i < len; i += n) {
		TTF_Font *f = stretch(text, font, s + i, len - i, &n);
		const char *j = joined(text, s, len, i, n, &jn);

		if (j)
			w += shaped_width(text, f, j, jn, rtl);
	}
	return w > INT32_MAX ? INT32_MAX : (int)w;
}

/* Width of one directional run s[0..len): no reordering. A right-to-left run is shaped in
 * stretches of one script each (Hebrew and Arabic words side by side), as draw_rtl draws it. */
static int run_width_in(struct text *text, TTF_Font *font, const char *s, size_t len, bool rtl)
{
	struct metrics *m;
	long long w = 0;
	size_t one;

	if (len == 0)
		return 0;
	if (!rtl && (m = additive_metrics(text, font, len)) &&
	    (w = additive_width(m, font, s, len)) >= 0)
		return (int)w;
	if (!rtl)
		return piece_width(text, font, s, len, false);
	for (size_t i = 0; i < len; i += one) {
		script_of(s + i, len - i, &one);
		w += piece_width(text, font, s + i, one, true);
	}
	return w > INT32_MAX ? INT32_MAX : (int)w;
}

/* The runs of base's bytes in line, added up. */
static int runs_width(struct text *text, TTF_Font *font, const char *base,
		      const struct bidi_line *line)
{
	long long w = 0;

	for (size_t i = 0; i < line->count; i++) {
		const struct bidi_run *r = &line->runs[i];

		w += run_width_in(text, font, base + r->start, r->end - r->start, r->rtl);
	}
	return w > INT32_MAX ? INT32_MAX : (int)w;
}

/* The runs of s[0..len) as a line of its own, into text->solo_runs; NULL when it needs no
 * reordering (or memory ran out: it is then drawn as stored). */
static const struct bidi_line *solo_runs(struct text *text, const char *s, size_t len)
{
	if (!bidi_needed(s, len))
		return NULL;
	if (!text->solo && !(text->solo = bidi_new()))
		return NULL;
	if (!bidi_analyze(text->solo, s, len, BIDI_AUTO) ||
	    !bidi_line_runs(text->solo, 0, len, &text->solo_runs))
		return NULL;
	return &text->solo_runs;
}

int text_width(struct text *text, TTF_Font *font, const char *s, size_t len)
{
	struct metrics *m;
	const struct bidi_line *runs;
	int w;

	if (len == 0)
		return 0;
	m = additive_metrics(text, font, len);
	if (m && (w = additive_width(m, font, s, len)) >= 0)
		return w;
	if ((runs = solo_runs(text, s, len)))
		return runs_width(text, font, s, runs);
	return piece_width(text, font, s, len, false);
}

size_t text_fit(struct text *text, TTF_Font *font, const char *s, size_t len, int max_w,
		int *width)
{
	struct text_measure tm = {.text = text, .font = font};
	size_t lo = 0, hi, cand = 64;
	int lo_w = 0, w;

	/* Doubling until a prefix is too wide, so that the bytes measured stay in proportion
	 * to what fits, however long s is; then bisection between the two. */
	for (;;) {
		cand = cand >= len ? len : grapheme_floor(s, len, cand);
		if (cand <= lo)
			cand = grapheme_next(s, len, lo);
		w = text_measure_fn(&tm, s, cand);
		if (w > max_w)
			break;
		lo = cand;
		lo_w = w;
		if (cand >= len) {
			*width = lo_w;
			return len;
		}
		cand *= 2;
	}
	hi = cand;
	textwrap_bisect(s, len, 0, max_w, text_measure_fn, &tm, &lo, &lo_w, &hi, &w);
	*width = lo_w;
	return lo;
}

/* The runs of s[0..len), a piece of the text tm's wrap was laid out over, as a line of its
 * paragraph; NULL when that paragraph needs no reordering. */
static const struct bidi_line *context_runs(struct text_measure *tm, const char *s, size_t len)
{
	const struct bidi *b = tm->wrap ? tm->wrap->bidi : NULL;
	size_t off;

	if (!b || !tm->base || s < tm->base)
		return NULL;
	off = (size_t)(s - tm->base);
	if (off > bidi_text_len(b) || len > bidi_text_len(b) - off || !bidi_mixed(b, off) ||
	    !bidi_line_runs(b, off, off + len, &tm->text->runs))
		return NULL;
	return &tm->text->runs;
}

int text_measure_fn(void *ctx, const char *s, size_t len)
{
	struct text_measure *tm = ctx;
	const struct bidi_line *runs = len ? context_runs(tm, s, len) : NULL;
	struct metrics *m = len && !runs ? additive_metrics(tm->text, tm->font, len) : NULL;
	struct text_run run = {0, 0, 0, 0};
	size_t slot;

	if (runs)
		return runs_width(tm->text, tm->font, tm->base, runs);
	if (!m)
		return text_width(tm->text, tm->font, s, len);
	/* Wrapping measures several prefixes of each line: go on from the longest prefix of
	 * this line measured so far (a prefix ending where a character starts), so that a line
	 * costs about its own length. */
	if (tm->start != s) {
		tm->start = s;
		tm->next = 0;
	}
	for (size_t i = 0; i < tm->next && i < TEXT_MEASURE_RUNS; i++) {
		const struct text_run *r = &tm->runs[i];

		if (r->len > run.len && r->len <= len &&
		    (r->len == len || ((unsigned char)s[r->len] & 0xC0) != 0x80))
			run = *r;
	}
	if (!additive_run(m, tm->font, s, run.len, len, &run))
		return text_width(tm->text, tm->font, s, len);
	slot = tm->next++ % TEXT_MEASURE_RUNS;
	tm->runs[slot] = run;
	return run_width(&run);
}

bool text_wrap(struct text *text, struct textwrap *wrap, TTF_Font *font, const char *s,
	       size_t len, int max_w)
{
	struct text_measure m = {.text = text, .font = font, .wrap = wrap, .base = s};

	return textwrap_layout(wrap, s, len, max_w > 1 ? max_w : 1, text_measure_fn, &m);
}

static struct line *line_get(struct text *text, TTF_Font *font, SDL_Color color, const char *s,
			     size_t len, bool rtl)
{
	uint64_t hash = hash_bytes(s, len, HASH_START ^ (uintptr_t)font ^ rtl);
	struct line **bucket = &text->lines[hash % LINE_BUCKETS];
	struct line *line;
	SDL_Surface *surface;
	const char *z;

	for (line = *bucket; line; line = line->next)
		if (line->font == font && line->rtl == rtl && line->hash == hash && line->len == len &&
		    !memcmp(&line->color, &color, sizeof color) && !memcmp(line->bytes, s, len))
			return line;
	z = terminated(text, s, len);
	if (!z || !(line = calloc(1, sizeof *line)))
		return NULL;
	if (!(line->bytes = malloc(len ? len : 1)))
		goto fail;
	memcpy(line->bytes, s, len);
	if (rtl)
		shape_as(font, s, len, true);
	surface = TTF_RenderUTF8_Blended(font, z, color);
	if (rtl)
		shape_as(font, s, len, false);
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
	line->rtl = rtl;
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

/* The part of the renderer's output that can show anything, in drawing coordinates: the clip
 * rectangle when one is set, else the target (the window, or a texture such as the fading
 * video controls) as the viewport shows it. A viewport moved up and left makes a texture
 * stand for that part of the screen: a line drawn there in screen coordinates is seen. */
static SDL_Rect visible_area(struct text *text)
{
	SDL_Rect r = {0, 0, 0, 0}, vp;
	int out_w = 0, out_h = 0;

	if (SDL_RenderIsClipEnabled(text->ren)) {
		SDL_RenderGetClipRect(text->ren, &r);
		return r;
	}
	SDL_GetRendererOutputSize(text->ren, &out_w, &out_h);
	SDL_RenderGetViewport(text->ren, &vp);
	r.x = vp.x < 0 ? -vp.x : 0;
	r.y = vp.y < 0 ? -vp.y : 0;
	r.w = (out_w - vp.x < vp.w ? out_w - vp.x : vp.w) - r.x;
	r.h = (out_h - vp.y < vp.h ? out_h - vp.y : vp.h) - r.y;
	return r;
}

/* Draws one directional run s[0..len) at x, y, seen in area (whole: not cut at its edge). */
static void draw_run(struct text *text, TTF_Font *font, SDL_Color color, const char *s,
		     size_t len, bool rtl, bool whole, int x, int y, SDL_Rect area)
{
	struct line *line;
	SDL_Rect dst;
	int fit_w;
	size_t fit;

	/* Only what can be seen is rendered: a line longer than the screen is cut one character
	 * past the edge (a texture as wide as a whole long text would be slow to make and
	 * beyond what SDL can hold). The runs of a reordered line are drawn whole (text_fit
	 * would reorder them again): they come from wrapped lines and short labels. */
	if (!whole) {
		fit = text_fit(text, font, s, len, area.x + area.w - x, &fit_w);
		if (fit < len)
			len = grapheme_next(s, len, fit);
	}
	if (!(line = line_get(text, font, color, s, len, rtl)))
		return;
	line->used = text->frame;
	dst = (SDL_Rect){x, y, line->w, line->h};
	SDL_RenderCopy(text->ren, line->texture, NULL, &dst);
	record(text, dst);
}

/* Draws s[0..len) at x, y, text of one direction (and one script when rtl), as piece_width
 * measures it: its stretches in one font each side by side (from the right when rtl), on
 * font's baseline. Seen in area (whole: not cut at its edge; else cut as draw_run cuts). */
static void draw_piece(struct text *text, TTF_Font *font, SDL_Color color, const char *s,
		       size_t len, bool rtl, bool whole, int x, int y, SDL_Rect area)
{
	size_t n, jn, fit;
	TTF_Font *f;
	int w, fit_w;

	/* Only what can be seen, as draw_run cuts it: looking for stretches costs no more. */
	if (!whole) {
		fit = text_fit(text, font, s, len, area.x + area.w - x, &fit_w);
		if (fit < len)
			len = grapheme_next(s, len, fit);
	}
	f = stretch(text, font, s, len, &n);
	if (f == font && n == len) {
		draw_run(text, font, color, s, len, rtl, true, x, y, area);
		return;
	}
	w = rtl ? piece_width(text, font, s, len, true) : 0;
	for (size_t i = 0; i < len; i += n) {
		const char *j;
		int sw;

		f = stretch(text, font, s + i, len - i, &n);
		if (!(j = joined(text, s, len, i, n, &jn)))
			continue;
		sw = shaped_width(text, f, j, jn, rtl);
		if (rtl)
			w -= sw;
		/* a fallback's ascent differs: its letters stand on font's baseline */
		draw_run(text, f, color, j, jn, rtl, true, rtl ? x + w : x,
			 y + TTF_FontAscent(font) - TTF_FontAscent(f), area);
		if (!rtl)
			x += sw;
	}
}

/* Draws the right-to-left run s[0..len), w pixels wide, at x: its stretches of one script
 * each from the right (as run_width_in measures them). */
static void draw_rtl(struct text *text, TTF_Font *font, SDL_Color color, const char *s,
		     size_t len, int w, int x, int y, SDL_Rect area)
{
	size_t one;

	for (size_t i = 0; i < len; i += one) {
		int sw;

		script_of(s + i, len - i, &one);
		sw = piece_width(text, font, s + i, one, true);
		w -= sw;
		draw_piece(text, font, color, s + i, one, true, true, x + w, y, area);
	}
}

/* Draws the runs of base's bytes in line from x, left to right, each where the widths of
 * those before it end (as runs_width adds them up). */
static void draw_runs(struct text *text, TTF_Font *font, SDL_Color color, const char *base,
		      const struct bidi_line *line, int x, int y, SDL_Rect area)
{
	for (size_t i = 0; i < line->count && x < area.x + area.w; i++) {
		const struct bidi_run *r = &line->runs[i];
		int w = run_width_in(text, font, base + r->start, r->end - r->start, r->rtl);

		if (x + w > area.x && r->rtl)
			draw_rtl(text, font, color, base + r->start, r->end - r->start, w, x, y,
				 area);
		else if (x + w > area.x)
			draw_piece(text, font, color, base + r->start, r->end - r->start, false,
				   true, x, y, area);
		x += w;
	}
}

/* True when a line at x, y in font cannot be seen in area. */
static bool out_of_sight(TTF_Font *font, int x, int y, SDL_Rect area)
{
	return y >= area.y + area.h || y + TTF_FontLineSkip(font) <= area.y ||
	       x >= area.x + area.w;
}

void text_draw(struct text *text, TTF_Font *font, SDL_Color color, const char *s, size_t len,
	       int x, int y)
{
	SDL_Rect area = visible_area(text);
	const struct bidi_line *runs;

	/* Trailing newlines and spaces draw nothing; an empty string has no texture. */
	while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	if (!len || out_of_sight(font, x, y, area))
		return;
	if ((runs = solo_runs(text, s, len)))
		draw_runs(text, font, color, s, runs, x, y, area);
	else
		draw_piece(text, font, color, s, len, false, false, x, y, area);
}

void text_draw_line(struct text *text, TTF_Font *font, SDL_Color color,
		    const struct textwrap *wrap, const char *s, size_t line, int x, int y)
{
	const struct textwrap_line *l;
	SDL_Rect area;

	if (line >= wrap->count)
		return;
	l = &wrap->lines[line];
	if (!wrap->bidi || !bidi_mixed(wrap->bidi, l->start)) {
		text_draw(text, font, color, s + l->start, l->end - l->start, x, y);
		return;
	}
	area = visible_area(text);
	if (l->end > l->start && !out_of_sight(font, x, y, area) &&
	    textwrap_runs(wrap, line, &text->runs))
		draw_runs(text, font, color, s, &text->runs, x, y, area);
}

void text_frame_end(struct text *text)
{
	for (size_t b = 0; b < LINE_BUCKETS; b++) {
		struct line **link = &text->lines[b];

		while (*link) {
			struct line *line = *link;

			if (text->frame - line->used >= KEEP_FRAMES) {
				*link = line->next;
				text->freed_bytes += (size_t)line->w * (size_t)line->h * 4;
				line_free(line);
			} else {
				link = &line->next;
			}
		}
	}
	text->frame++;
	/* The lines of a page left behind are most of what the kiosk frees: give that memory
	 * back (glibc keeps freed blocks inside its heap otherwise). */
	if (text->freed_bytes >= TRIM_AFTER_BYTES) {
		malloc_trim(0);
		text->freed_bytes = 0;
	}
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
	/* the widths and lines in fallbacks are gone with the rest: reopen them at new sizes */
	if (text->fallback)
		fallback_forget(text->fallback);
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
