/* Bidirectional text (see bidi.h): FriBidi's levels for each paragraph that needs them, kept
 * per code point with each code point's byte offset, and its reordering of one line at a
 * time into runs of bytes. */
#include "core/bidi.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

#include "core/grapheme.h"
#include "core/grow.h"

struct para {
	size_t start, end; /* bytes, without the '\n' */
	size_t first, n;   /* its code points in the arrays (mixed only) */
	bool rtl, mixed;
};

struct bidi {
	size_t count, cap; /* code points of the mixed paragraphs */
	FriBidiChar *cps;
	FriBidiCharType *types;
	FriBidiBracketType *brackets;
	FriBidiLevel *levels;
	size_t *offsets; /* byte offset of each code point; one more entry ends each paragraph */
	struct para *paras;
	size_t para_count, para_cap;
};

static bool reorders(FriBidiCharType t)
{
	return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL || t == FRIBIDI_TYPE_AN ||
	       t == FRIBIDI_TYPE_RLE || t == FRIBIDI_TYPE_RLO || t == FRIBIDI_TYPE_RLI ||
	       t == FRIBIDI_TYPE_FSI;
}

bool bidi_joins_at(const char *s, size_t len, size_t at)
{
	FriBidiJoiningType before = FRIBIDI_JOINING_TYPE_U, after = FRIBIDI_JOINING_TYPE_U;
	uint32_t cp;

	for (size_t i = at; i > 0;) {
		while (--i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			;
		grapheme_decode(s, len, i, &cp);
		before = fribidi_get_joining_type(cp);
		if (!FRIBIDI_IS_JOIN_SKIPPED(before))
			break;
	}
	for (size_t i = at; i < len;) {
		i += grapheme_decode(s, len, i, &cp);
		after = fribidi_get_joining_type(cp);
		if (!FRIBIDI_IS_JOIN_SKIPPED(after))
			break;
	}
	return !FRIBIDI_IS_JOIN_SKIPPED(before) && !FRIBIDI_IS_JOIN_SKIPPED(after) &&
	       FRIBIDI_JOINS_LEFT(before) && FRIBIDI_JOINS_RIGHT(after);
}

bool bidi_needed(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;

		/* ASCII holds no right-to-left character: most text is passed over bytewise. */
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += grapheme_decode(s, len, i, &cp);
		if (reorders(fribidi_get_bidi_type(cp)))
			return true;
	}
	return false;
}

struct bidi *bidi_new(void)
{
	return calloc(1, sizeof(struct bidi));
}

void bidi_free(struct bidi *b)
{
	if (!b)
		return;
	free(b->cps);
	free(b->types);
	free(b->brackets);
	free(b->levels);
	free(b->offsets);
	free(b->paras);
	free(b);
}

/* Room for n more code points (and the end offset after them). */
static bool reserve(struct bidi *b, size_t n)
{
	size_t cap = b->cap;

	if (b->count + n + 1 <= cap)
		return true;
	while (cap < b->count + n + 1)
		cap = cap ? cap * 2 : 256;
	if (cap > (size_t)INT32_MAX)
		return false; /* FriBidi indexes with an int */
#define GROW(field) do { \
		void *p = realloc(b->field, cap * sizeof *b->field); \
		if (!p) \
			return false; \
		b->field = p; \
	} while (0)
	GROW(cps);
	GROW(types);
	GROW(brackets);
	GROW(levels);
	GROW(offsets);
#undef GROW
	b->cap = cap;
	return true;
}

/* Decodes the paragraph and finds its direction and levels. */
static bool analyze_para(struct bidi *b, const char *text, struct para *p, enum bidi_dir want)
{
	size_t n = 0;
	FriBidiParType dir = want == BIDI_LTR ? FRIBIDI_PAR_LTR :
			     want == BIDI_RTL ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_ON;

	if (!reserve(b, p->end - p->start))
		return false;
	p->first = b->count;
	for (size_t i = p->start; i < p->end; n++) {
		uint32_t cp;

		b->offsets[p->first + n] = i;
		i += grapheme_decode(text, p->end, i, &cp);
		b->cps[p->first + n] = cp;
	}
	b->offsets[p->first + n] = p->end;
	fribidi_get_bidi_types(b->cps + p->first, (FriBidiStrIndex)n, b->types + p->first);
	fribidi_get_bracket_types(b->cps + p->first, (FriBidiStrIndex)n, b->types + p->first,
				  b->brackets + p->first);
	if (!fribidi_get_par_embedding_levels_ex(b->types + p->first, b->brackets + p->first,
						 (FriBidiStrIndex)n, &dir, b->levels + p->first))
		return false;
	p->rtl = FRIBIDI_IS_RTL(dir);
	p->n = n;
	b->count += n + 1; /* the end offset keeps its slot */
	return true;
}

static bool add_para(struct bidi *b, const char *text, size_t start, size_t end,
		     enum bidi_dir dir)
{
	struct para *p;

	if (!array_grow(&b->paras, &b->para_cap, b->para_count, sizeof *b->paras))
		return false;
	p = &b->paras[b->para_count];
	*p = (struct para){start, end, 0, 0, false,
			   dir == BIDI_RTL || bidi_needed(text + start, end - start)};
	if (p->mixed && !analyze_para(b, text, p, dir))
		return false;
	b->para_count++;
	return true;
}

bool bidi_analyze(struct bidi *b, const char *text, size_t len, enum bidi_dir dir)
{
	size_t start = 0;

	b->count = 0;
	b->para_count = 0;
	for (;;) {
		const char *nl = len > start ? memchr(text + start, '\n', len - start) : NULL;
		size_t end = nl ? (size_t)(nl - text) : len;

		if (!add_para(b, text, start, end, dir)) {
			b->count = b->para_count = 0;
			return false;
		}
		if (!nl)
			return true;
		start = end + 1;
	}
}

/* The paragraph holding offset: the last that starts at or before it. */
static const struct para *para_of(const struct bidi *b, size_t offset)
{
	size_t lo = 0, hi = b->para_count;

	if (!hi)
		return NULL;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->paras[mid].start <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return &b->paras[lo];
}

bool bidi_rtl(const struct bidi *b, size_t offset)
{
	const struct para *p = para_of(b, offset);

	return p && p->rtl;
}

size_t bidi_text_len(const struct bidi *b)
{
	return b->para_count ? b->paras[b->para_count - 1].end : 0;
}

bool bidi_mixed(const struct bidi *b, size_t offset)
{
	const struct para *p = para_of(b, offset);

	return p && p->mixed;
}

/* Index of the first code point of p at or after byte offset (p's end: one past its last). */
static size_t cp_at(const struct bidi *b, const struct para *p, size_t offset)
{
	size_t lo = p->first, hi = p->first + p->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->offsets[mid] < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool push_run(struct bidi_line *out, size_t start, size_t end, bool rtl)
{
	if (!array_grow(&out->runs, &out->cap, out->count, sizeof *out->runs))
		return false;
	out->runs[out->count++] = (struct bidi_run){start, end, rtl};
	return true;
}

/* Appends the runs of [start, end), within paragraph p, to out. */
static bool para_runs(const struct bidi *b, const struct para *p, size_t start, size_t end,
		      struct bidi_line *out)
{
	size_t first, n, need;
	FriBidiLevel *levels;
	FriBidiStrIndex *map;

	if (start >= end)
		return true;
	if (!p->mixed)
		return push_run(out, start, end, false);
	first = cp_at(b, p, start);
	n = cp_at(b, p, end) - first;
	need = n * (sizeof *levels + sizeof *map);
	if (need > out->scratch_cap) {
		void *scratch = realloc(out->scratch, need);

		if (!scratch)
			return false;
		out->scratch = scratch;
		out->scratch_cap = need;
	}
	map = out->scratch;
	levels = (FriBidiLevel *)(map + n);
	/* FriBidi resets the levels of whitespace ending the line in place: a copy of the
	 * paragraph's levels, for other lines use them as they are. */
	memcpy(levels, b->levels + first, n * sizeof *levels);
	for (size_t i = 0; i < n; i++)
		map[i] = (FriBidiStrIndex)i;
	if (!fribidi_reorder_line(0, b->types + first, (FriBidiStrIndex)n, 0,
				  p->rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR, levels, NULL, map))
		return false;
	/* Runs: visual stretches of one level whose characters are consecutive in logical
	 * order, ascending in a left-to-right run and descending in a right-to-left one. */
	for (size_t v = 0; v < n;) {
		size_t lo = (size_t)map[v], hi = lo, w = v + 1;
		bool rtl = levels[lo] & 1;

		for (; w < n && levels[map[w]] == levels[lo]; w++) {
			size_t l = (size_t)map[w];

			if (rtl ? l + 1 != lo : l != hi + 1)
				break;
			if (rtl)
				lo = l;
			else
				hi = l;
		}
		if (!push_run(out, b->offsets[first + lo], b->offsets[first + hi + 1], rtl))
			return false;
		v = w;
	}
	return true;
}

bool bidi_line_runs(const struct bidi *b, size_t start, size_t end, struct bidi_line *out)
{
	out->count = 0;
	while (start < end) {
		const struct para *p = para_of(b, start);

		if (!p || start > p->end)
			return true;
		if (!para_runs(b, p, start, end < p->end ? end : p->end, out))
			return false;
		start = p->end + 1; /* past the '\n' */
	}
	return true;
}

void bidi_line_release(struct bidi_line *line)
{
	free(line->runs);
	free(line->scratch);
	*line = (struct bidi_line){0};
}
