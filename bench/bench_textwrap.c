/* Benchmark: time to lay out a 20,000-character answer (the largest a scenario allows) with
 * stand-in font measurers, as the editor does after every keystroke. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/grapheme.h"
#include "core/textwrap.h"
#include "core/utf8.h"

static long measured_bytes;

/* 10 pixels a code point, like a monospace font. */
static int mono(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	measured_bytes += (long)len;
	int n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n * 10;
}

/* Per-character widths decoded the way a font measurer walks UTF-8. */
static int proportional(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	measured_bytes += (long)len;
	int w = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += grapheme_decode(s, len, i, &cp);
		w += cp == ' ' ? 4 : cp < 0x80 ? 6 + (int)(cp % 7) : 11;
	}
	return w;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* An answer of `chars` characters: prose with accents, an emoji now and then and a paragraph
 * break every few hundred characters. */
static char *make_answer(size_t chars, size_t *len)
{
	static const char *const words[] = {
		"the", "officer", "listened", "caf\xC3\xA9", "because", "harm", "r\xC3\xA9paration",
		"community", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "we", "talked", "about", "it",
	};
	char *s = malloc(chars * 4 + 1);
	if (!s)
		return NULL;
	size_t n = 0, count = 0;
	for (size_t i = 0; count < chars; i++) {
		const char *w = words[(i * 7) % 13];
		size_t wl = strlen(w);
		memcpy(s + n, w, wl);
		n += wl;
		count += utf8_count(w, wl);
		s[n++] = i % 60 == 59 ? '\n' : ' ';
		count++;
	}
	s[n] = '\0';
	*len = n;
	return s;
}

static void run(const char *name, const char *text, size_t len, int width,
		textwrap_measure_fn measure)
{
	enum { RUNS = 200 };
	double t[RUNS];
	struct textwrap wrap = {0};
	measured_bytes = 0;
	for (int i = 0; i < RUNS; i++) {
		double t0 = now_ms();
		if (!textwrap_layout(&wrap, text, len, width, measure, NULL)) {
			fprintf(stderr, "out of memory\n");
			exit(1);
		}
		t[i] = now_ms() - t0;
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_double);
	printf("%-13s width %4d px: %5zu lines, p50 %.3f ms, p99 %.3f ms, max %.3f ms, "
	       "%.1f bytes measured per byte\n",
	       name, width, wrap.count, t[RUNS / 2], t[RUNS * 99 / 100], t[RUNS - 1],
	       (double)measured_bytes / RUNS / (double)len);
	textwrap_release(&wrap);
}

int main(void)
{
	size_t len;
	char *text = make_answer(20000, &len);
	if (!text)
		return 1;
	printf("textwrap_layout of a 20,000-character answer (%zu bytes), 200 runs each\n", len);
	run("monospace", text, len, 800, mono);
	run("monospace", text, len, 1600, mono);
	run("proportional", text, len, 800, proportional);
	memset(text, 'x', len);
	run("one long word", text, len, 800, mono);
	free(text);
	return 0;
}
