/* Error collection, sorted by place and capped (see report.h). */
#define _GNU_SOURCE /* vasprintf */
#include "core/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

static void add(struct report *r, int line, int col, const char *fmt, va_list ap)
{
	r->count++;
	/* keep some more than shown: sorting may move later ones to the front */
	if (r->kept >= 4 * REPORT_MAX_ERRORS)
		return;
	if (r->kept == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		struct report_entry *e = realloc(r->entries, cap * sizeof *e);
		if (!e)
			return;
		r->entries = e;
		r->cap = cap;
	}
	char *msg = NULL, *full = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		return;
	int n = line > 0 ? asprintf(&full, "%s:%d:%d: %s", r->file, line, col, msg)
			 : asprintf(&full, "%s: %s", r->file, msg);
	free(msg);
	if (n < 0)
		return;
	r->entries[r->kept] = (struct report_entry){line > 0 ? line : 0, col, r->kept, full};
	r->kept++;
}

void report_at(struct report *r, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(r, line, col, fmt, ap);
	va_end(ap);
}

void report_file(struct report *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(r, 0, 0, fmt, ap);
	va_end(ap);
}

static int compare_entries(const void *a, const void *b)
{
	const struct report_entry *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

void report_finish(struct report *r)
{
	if (r->kept)
		qsort(r->entries, r->kept, sizeof *r->entries, compare_entries);
	for (size_t i = 0; i < r->kept; i++) {
		if (i < REPORT_MAX_ERRORS)
			rjk_diags_add(r->diags, "%s", r->entries[i].message);
		free(r->entries[i].message);
	}
	if (r->count > REPORT_MAX_ERRORS)
		rjk_diags_add(r->diags, "%s: too many problems (%zu); only the first %d are shown",
			      r->file, r->count, REPORT_MAX_ERRORS);
	free(r->entries);
	r->entries = NULL;
	r->kept = r->cap = 0;
}

/* True for characters a terminal or a text renderer acts on rather than shows. */
static bool acts(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void report_escape(char *out, size_t outsz, const char *s, size_t len, size_t max_chars)
{
	size_t i = 0, o = 0, chars = 0;
	while (i < len && (max_chars == 0 || chars < max_chars)) {
		uint32_t cp;
		char shown[8];
		size_t n = utf8_decode(s + i, len - i, &cp), w;
		if (n == 0) {
			n = 1;
			w = (size_t)snprintf(shown, sizeof shown, "\\x%02X", (unsigned char)s[i]);
		} else if (acts(cp)) {
			w = (size_t)snprintf(shown, sizeof shown, cp < 0x100 ? "\\x%02X" : "\\u%04X",
					     (unsigned)cp);
		} else {
			memcpy(shown, s + i, n);
			w = n;
		}
		/* room for this character, then "..." and the terminator */
		if (o + w + 4 > outsz)
			break;
		memcpy(out + o, shown, w);
		o += w;
		i += n;
		chars++;
	}
	if (i < len && o + 4 <= outsz) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

void report_excerpt(char *out, size_t outsz, const char *s)
{
	report_escape(out, outsz, s, strlen(s), 40);
}
