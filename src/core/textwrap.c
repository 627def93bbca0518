/* Soft wrapping (see textwrap.h): for each line, a search that measures few prefixes finds the
 * longest run of clusters that fits, then the line backs off to the last break opportunity
 * (core/linebreak.c, found once per paragraph). */
#include "core/textwrap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/bidi.h"
#include "core/grapheme.h"
#include "core/grow.h"
#include "core/linebreak.h"

/* What one layout pass works on. */
struct pass {
	struct textwrap *wrap;
	const char *text;
	size_t len;
	int max_width;
	textwrap_measure_fn measure;
	void *ctx;
	size_t guess; /* bytes in the previous line: where the next search starts */
	char *breaks; /* enum linebreak of each offset: found for a paragraph when it needs
	                 more than one line (one pass over the paragraph) */
	char *breaks_heap; /* breaks when the text is longer than SMALL_TEXT */
	char *small;       /* SMALL_TEXT bytes on the caller's stack, left uninitialised (a
	                      layout per paragraph of a long prompt is frequent) */
};

#define SMALL_TEXT 512

static int width_of(const struct pass *p, size_t start, size_t end)
{
	return end > start ? p->measure(p->ctx, p->text + start, end - start) : 0;
}

/* Spaces that end a line without being drawn there: they hang past the edge at a soft break
 * (no-break spaces are not among them). */
static bool hanging_space(uint32_t cp)
{
	if (cp == ' ' || cp == '\t')
		return true;
	if (cp < 0x1680)
		return false;
	return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B && cp != 0x2007) || cp == 0x205F ||
	       cp == 0x3000;
}

/* True when the cluster starting at offset is a single hanging space. */
static bool space_at(const char *text, size_t len, size_t offset)
{
	if (offset >= len)
		return false;
	uint32_t cp;
	size_t n = grapheme_decode(text, len, offset, &cp);
	return hanging_space(cp) && grapheme_next(text, len, offset) == offset + n;
}

static bool space_before(const char *text, size_t len, size_t offset)
{
	return offset > 0 && space_at(text, len, grapheme_prev(text, len, offset));
}

static bool may_break(const struct pass *p, size_t offset)
{
	return p->breaks[offset] != LINEBREAK_NONE;
}

/* Next offset to measure while searching for the longest fitting prefix: extrapolated from
 * the widest prefix that fits until one is too wide, then interpolated between the two (widths
 * grow nearly in proportion to bytes), with bisection once interpolation is slow to close in. */
static size_t probe(const struct pass *p, size_t start, size_t lo, int lo_w, size_t hi, int hi_w,
		    int round)
{
	long long span = (long long)(lo - start), room = (long long)p->max_width - lo_w;
	if (room < 0)
		room = 0;
	if (hi == SIZE_MAX) {
		if (lo == start)
			return start + (p->guess ? p->guess : 64);
		long long estimate = lo_w > 0 ? span * p->max_width / lo_w : 2 * span;
		if (estimate < span)
			estimate = span;
		/* a little past the estimate, so that the next probe usually brackets the fit */
		return start + (size_t)estimate + 8;
	}
	if (round >= 4)
		return lo + (hi - lo) / 2;
	return lo + (size_t)((long long)(hi - lo) * room / (hi_w - lo_w));
}

/* The longest prefix [start, q) of [start, stop) made of whole clusters that fits max_width;
 * at least one cluster even when that one is too wide. *width receives its width. */
static size_t fit_prefix(struct pass *p, size_t start, size_t stop, int *width)
{
	size_t lo = start, hi = SIZE_MAX; /* lo fits; hi, once known, does not */
	int lo_w = 0, hi_w = 0;

	for (int round = 0; lo < stop; round++) {
		size_t after_lo = grapheme_next(p->text, p->len, lo);
		if (hi != SIZE_MAX && after_lo >= hi)
			break;
		size_t cand = probe(p, start, lo, lo_w, hi, hi_w, round);
		if (cand > stop)
			cand = stop;
		if (hi != SIZE_MAX && cand >= hi)
			cand = hi - 1;
		cand = grapheme_floor(p->text, p->len, cand);
		if (cand <= lo)
			cand = after_lo;
		int w = width_of(p, start, cand);
		if (w > p->max_width) {
			hi = cand;
			hi_w = w;
			if (hi_w <= lo_w)
				hi_w = lo_w + 1;
		} else {
			lo = cand;
			lo_w = w;
		}
	}
	if (lo == start) {
		lo = grapheme_next(p->text, p->len, start);
		if (lo > stop)
			lo = stop;
		lo_w = width_of(p, start, lo);
	}
	*width = lo_w;
	return lo;
}

/* Where a line that starts at start and fits up to fit (< stop) ends (*end) and where the next
 * one starts (*next): at the last break opportunity, the spaces before it hanging; inside a
 * word at fit when the line has none. */
static void choose_break(const struct pass *p, size_t start, size_t fit, size_t stop,
			 size_t *end, size_t *next)
{
	const char *t = p->text;
	size_t len = p->len;
	size_t q = fit;

	if (space_at(t, len, q)) {
		size_t after = q;
		while (after < stop && space_at(t, len, after))
			after = grapheme_next(t, len, after);
		while (q > start && space_before(t, len, q))
			q = grapheme_prev(t, len, q);
		if (q > start && (after == stop || may_break(p, after))) {
			*end = q;
			*next = after;
			return;
		}
	}
	for (q = fit; q > start; q = grapheme_prev(t, len, q)) {
		if (!may_break(p, q) || space_at(t, len, q))
			continue;
		size_t e = q;
		while (e > start && space_before(t, len, e))
			e = grapheme_prev(t, len, e);
		if (e == start)
			break; /* only leading spaces before it */
		*end = e;
		*next = q;
		return;
	}
	*end = *next = fit;
}

static bool push(struct textwrap *wrap, size_t start, size_t end, size_t next, int width)
{
	if (wrap->count == wrap->cap) {
		size_t cap = wrap->cap ? wrap->cap * 2 : 16;
		struct textwrap_line *lines = realloc(wrap->lines, cap * sizeof(*lines));
		if (!lines)
			return false;
		wrap->lines = lines;
		wrap->cap = cap;
	}
	wrap->lines[wrap->count++] = (struct textwrap_line){start, end, next, width};
	return true;
}

/* Lays out one paragraph: content [start, stop), the next paragraph starting at after. */
/* Finds the break opportunities of the paragraph [start, stop) into p->breaks. */
static bool find_breaks(struct pass *p, size_t start, size_t stop)
{
	if (!p->breaks) {
		if (p->len > SMALL_TEXT) {
			p->breaks_heap = malloc(p->len);
			if (!p->breaks_heap)
				return false;
		}
		p->breaks = p->breaks_heap ? p->breaks_heap : p->small;
	}
	linebreak_find(p->text + start, stop - start, p->breaks + start);
	return true;
}

static bool layout_paragraph(struct pass *p, size_t start, size_t stop, size_t after)
{
	if (start == stop)
		return push(p->wrap, start, start, after, 0);
	bool found = false;
	while (start < stop) {
		int w;
		size_t fit = fit_prefix(p, start, stop, &w);
		p->guess = fit - start;
		if (fit >= stop)
			return push(p->wrap, start, stop, after, w);
		if (!found && !find_breaks(p, start, stop))
			return false;
		found = true;
		size_t end, next;
		choose_break(p, start, fit, stop, &end, &next);
		if (end != fit)
			w = width_of(p, start, end);
		if (next >= stop)
			return push(p->wrap, start, end, after, w);
		if (!push(p->wrap, start, end, next, w))
			return false;
		start = next;
	}
	return true;
}

static bool layout_paragraphs(struct pass *p)
{
	size_t start = 0;
	for (;;) {
		const char *nl = memchr(p->text + start, '\n', p->len - start);
		size_t at = nl ? (size_t)(nl - p->text) : p->len;
		/* A CR before the LF is one cluster with it: neither is drawn. */
		size_t stop = nl && at > start && p->text[at - 1] == '\r' ? at - 1 : at;
		if (!layout_paragraph(p, start, stop, nl ? at + 1 : p->len))
			return false;
		if (!nl)
			return true;
		start = at + 1;
	}
}

/* Analyses the text's directions when some paragraph needs reordering: wrap->bidi, or NULL. */
static bool analyze(struct textwrap *wrap, const char *text, size_t len)
{
	if (!bidi_needed(text, len)) {
		if (wrap->bidi)
			wrap->spare = wrap->bidi;
		wrap->bidi = NULL;
		return true;
	}
	if (!wrap->bidi) {
		wrap->bidi = wrap->spare ? wrap->spare : bidi_new();
		wrap->spare = NULL;
	}
	return wrap->bidi && bidi_analyze(wrap->bidi, text, len, BIDI_AUTO);
}

bool textwrap_layout(struct textwrap *wrap, const char *text, size_t len, int max_width,
		     textwrap_measure_fn measure, void *ctx)
{
	char small[SMALL_TEXT];
	struct pass p = {.wrap = wrap, .text = text ? text : "", .len = text ? len : 0,
			 .max_width = max_width, .measure = measure, .ctx = ctx, .small = small};
	wrap->count = 0;
	wrap->max_width = max_width;
	if (!analyze(wrap, p.text, p.len))
		return false;
	bool ok = layout_paragraphs(&p);
	free(p.breaks_heap);
	return ok;
}

void textwrap_release(struct textwrap *wrap)
{
	bidi_free(wrap->bidi);
	bidi_free(wrap->spare);
	free(wrap->lines);
	*wrap = (struct textwrap){0};
}

size_t textwrap_line_of(const struct textwrap *wrap, size_t offset)
{
	size_t lo = 0, hi = wrap->count;
	if (hi == 0)
		return 0;
	/* The last line whose start is at or before offset: starts strictly increase. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (wrap->lines[mid].start <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static size_t text_len(const struct textwrap *wrap)
{
	return wrap->count ? wrap->lines[wrap->count - 1].next : 0;
}

bool textwrap_rtl(const struct textwrap *wrap, size_t line)
{
	return wrap->bidi && line < wrap->count && bidi_rtl(wrap->bidi, wrap->lines[line].start);
}

int textwrap_indent(const struct textwrap *wrap, size_t line)
{
	int room;

	if (!textwrap_rtl(wrap, line))
		return 0;
	room = wrap->max_width - wrap->lines[line].width;
	return room > 0 ? room : 0;
}

bool textwrap_runs(const struct textwrap *wrap, size_t line, struct bidi_line *out)
{
	const struct textwrap_line *l;

	out->count = 0;
	if (line >= wrap->count)
		return true;
	l = &wrap->lines[line];
	if (wrap->bidi)
		return bidi_line_runs(wrap->bidi, l->start, l->end, out);
	if (l->end == l->start)
		return true;
	if (!array_grow(&out->runs, &out->cap, out->count, sizeof *out->runs))
		return false;
	out->runs[out->count++] = (struct bidi_run){l->start, l->end, false};
	return true;
}

static int run_width(const char *text, const struct bidi_run *r, textwrap_measure_fn measure,
		     void *ctx)
{
	return r->end > r->start ? measure(ctx, text + r->start, r->end - r->start) : 0;
}

/* The caret at offset on a line that needs reordering (see textwrap_x_of). */
static int visual_x(const struct textwrap *wrap, const char *text, size_t line, size_t offset,
		    textwrap_measure_fn measure, void *ctx)
{
	const struct textwrap_line *l = &wrap->lines[line];
	struct bidi_line runs = {0};
	int x = textwrap_indent(wrap, line);
	size_t at = offset;

	if (offset > l->end) {
		/* among hanging spaces: they take the paragraph's direction (rule L1), past the
		 * line's left edge in a right-to-left paragraph, its right edge in another */
		int extra = measure(ctx, text + l->end, offset - l->end);

		return textwrap_rtl(wrap, line) ? x - extra : x + l->width + extra;
	}
	if (!textwrap_runs(wrap, line, &runs))
		return x;
	for (size_t i = 0; i < runs.count; i++) {
		const struct bidi_run *r = &runs.runs[i];
		int w = run_width(text, r, measure, ctx);

		/* the run holding the character at offset, or the one before at the line's end */
		if ((at >= r->start && at < r->end) || (at == l->end && at == r->end)) {
			int k = at > r->start ? measure(ctx, text + r->start, at - r->start) : 0;

			x += r->rtl ? w - k : k;
			break;
		}
		x += w;
	}
	bidi_line_release(&runs);
	return x;
}

/* The caret offset nearest x (from the line's left) on a line that needs reordering: in the
 * run under x, or at the edge two runs share, the one of their candidates whose caret lies
 * nearest x (where the runs meet, the end of one run is not always drawn there). */
static size_t visual_offset(const struct textwrap *wrap, const char *text, size_t line, int x,
			    textwrap_measure_fn measure, void *ctx)
{
	const struct textwrap_line *l = &wrap->lines[line];
	struct bidi_line runs = {0};
	size_t best = l->start, len = text_len(wrap);
	long long best_d = -1;
	int left = 0, indent = textwrap_indent(wrap, line);

	if (!textwrap_runs(wrap, line, &runs))
		return best;
	for (size_t i = 0; i < runs.count; i++) {
		const struct bidi_run *r = &runs.runs[i];
		int w = run_width(text, r, measure, ctx), from;
		size_t lo = r->start, hi = r->end, at;
		int lo_w = 0, hi_w = w;
		long long d;

		if ((x > left + w && i + 1 < runs.count) || (x < left && i > 0)) {
			left += w;
			continue;
		}
		/* distance from the run's logical start, which is its right edge when rtl */
		from = r->rtl ? left + w - x : x - left;
		if (from <= 0) {
			at = r->start;
		} else if (from >= w) {
			at = r->end;
		} else {
			textwrap_bisect(text, len, r->start, from - 1, measure, ctx, &lo, &lo_w, &hi,
					&hi_w);
			at = from - lo_w <= hi_w - from ? lo : hi;
		}
		/* a caret goes between clusters, and a cluster may straddle runs (a prepended
		 * mark in one, the letter it goes with in the next) */
		at = grapheme_floor(text, len, at);
		d = (long long)visual_x(wrap, text, line, at, measure, ctx) - indent - x;
		if (d < 0)
			d = -d;
		if (best_d < 0 || d < best_d) {
			best = at;
			best_d = d;
		}
		left += w;
	}
	bidi_line_release(&runs);
	return best;
}

size_t textwrap_offset_at_x(const struct textwrap *wrap, const char *text, size_t line, int x,
			    textwrap_measure_fn measure, void *ctx)
{
	if (wrap->count == 0)
		return 0;
	if (line >= wrap->count)
		line = wrap->count - 1;
	const struct textwrap_line *l = &wrap->lines[line];
	size_t len = text_len(wrap);
	size_t last = line + 1 < wrap->count ? grapheme_prev(text, len, l->next) : l->next;
	if (last < l->start)
		last = l->start;
	if (wrap->bidi && bidi_mixed(wrap->bidi, l->start)) {
		int indent = textwrap_indent(wrap, line);
		int past = textwrap_rtl(wrap, line) ? indent - x : x - indent - l->width;

		if (past > 0 && last > l->end) {
			/* among the hanging spaces past the line's edge (see visual_x) */
			size_t lo = l->end, hi = last;
			int lo_w = 0, hi_w = measure(ctx, text + l->end, last - l->end);

			if (hi_w <= past)
				return last;
			textwrap_bisect(text, len, l->end, past - 1, measure, ctx, &lo, &lo_w, &hi,
					&hi_w);
			return past - lo_w <= hi_w - past ? lo : hi;
		}
		size_t at = visual_offset(wrap, text, line, x - indent, measure, ctx);
		return at < l->start ? l->start : at > last ? last : at;
	}

	if (x <= 0)
		return l->start;
	/* Bisection over cluster boundaries between one left of x (lo) and one at or right of
	 * it (hi): a few measures of the line, however long it is (a line of hanging spaces or
	 * zero-width characters can hold the whole text). */
	size_t lo = l->start, hi = last;
	int lo_x = 0, hi_x = hi > lo ? measure(ctx, text + l->start, hi - l->start) : 0;
	if (hi_x < x)
		return last;
	textwrap_bisect(text, len, l->start, x - 1, measure, ctx, &lo, &lo_x, &hi, &hi_x);
	return x - lo_x <= hi_x - x ? lo : hi;
}

void textwrap_bisect(const char *text, size_t len, size_t start, int limit,
		     textwrap_measure_fn measure, void *ctx, size_t *lo, int *lo_w, size_t *hi,
		     int *hi_w)
{
	for (;;) {
		size_t mid = grapheme_floor(text, len, *lo + (*hi - *lo) / 2);
		if (mid <= *lo)
			mid = grapheme_next(text, len, *lo);
		if (mid >= *hi)
			return;
		int w = measure(ctx, text + start, mid - start);
		if (w > limit) {
			*hi = mid;
			*hi_w = w;
		} else {
			*lo = mid;
			*lo_w = w;
		}
	}
}

int textwrap_x_of(const struct textwrap *wrap, const char *text, size_t offset,
		  textwrap_measure_fn measure, void *ctx)
{
	if (wrap->count == 0)
		return 0;
	size_t len = text_len(wrap), line;
	if (offset > len)
		offset = len;
	line = textwrap_line_of(wrap, offset);
	const struct textwrap_line *l = &wrap->lines[line];
	if (wrap->bidi && bidi_mixed(wrap->bidi, l->start))
		return visual_x(wrap, text, line, offset, measure, ctx);
	if (offset <= l->start)
		return 0;
	/* The '\n' (and a CR before it) ending a line is not drawn. */
	size_t stop = offset;
	if (stop > l->end && stop < l->next && text[stop - 1] == '\r')
		stop--;
	return measure(ctx, text + l->start, stop - l->start);
}
