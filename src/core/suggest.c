/* Nearest known word by edit distance (see suggest.h). */
#include "core/suggest.h"

#include <ctype.h>
#include <string.h>

/* Longer words are never typos of the short keys a scenario uses; the cap bounds the work. */
#define WORD_MAX 32

/* Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
static size_t distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t d[WORD_MAX + 1][WORD_MAX + 1];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = tolower((unsigned char)a[i - 1]) !=
				      tolower((unsigned char)b[j - 1]);
			size_t best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 &&
			    tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == tolower((unsigned char)b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

const char *suggest_nearest(const char *word, const char *const *known, size_t count)
{
	size_t len = strlen(word);
	if (len == 0 || len > WORD_MAX)
		return NULL;
	/* one edit in short words, two in mid-length ones, three in long ones */
	size_t limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
	const char *best = NULL;
	size_t best_d = limit + 1;
	for (size_t i = 0; i < count; i++) {
		size_t lk = strlen(known[i]);
		if (lk > WORD_MAX)
			continue;
		size_t d = distance(word, len, known[i], lk);
		if (d < best_d && d < lk)
			best = known[i], best_d = d;
	}
	return best;
}
