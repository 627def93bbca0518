/* Word counts for the debrief's word view, by libunistring's word boundaries and case mapping,
 * with the shipped English stop words left out. */
#include "core/wordfreq.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

/* Common English words that say nothing about what the class thought (sorted, for bsearch). */
static const char *const stop_words[] = {
	"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
	"any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below",
	"between", "both", "but", "by", "can", "can't", "cannot", "could", "couldn't", "did",
	"didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "each", "even",
	"few", "for", "from", "further", "get", "got", "had", "hadn't", "has", "hasn't", "have",
	"haven't", "having", "he", "he'd", "he's", "her", "here", "hers", "herself", "him",
	"himself", "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is",
	"isn't", "it", "it's", "its", "itself", "just", "let's", "like", "me", "more", "most",
	"much", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
	"only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "really",
	"same", "she", "she'd", "she's", "should", "shouldn't", "so", "some", "such", "than",
	"that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there",
	"there's", "these", "they", "they'd", "they'll", "they're", "they've", "this", "those",
	"through", "to", "too", "under", "until", "up", "us", "very", "was", "wasn't", "we",
	"we'd", "we'll", "we're", "we've", "were", "weren't", "what", "what's", "when", "where",
	"which", "while", "who", "who's", "whom", "why", "will", "with", "won't", "would",
	"wouldn't", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself",
	"yourselves",
};

static int compare_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool wordfreq_is_stop_word(const char *word)
{
	return bsearch(&word, stop_words, sizeof stop_words / sizeof stop_words[0],
		       sizeof stop_words[0], compare_str) != NULL;
}

struct counter {
	struct word_count *list;
	size_t count, cap;
};

static void add_word(struct counter *c, const uint8_t *s, size_t len)
{
	size_t lower_len = 0;
	uint8_t *lower = u8_tolower(s, len, NULL, NULL, NULL, &lower_len);
	char *word;

	if (!lower)
		abort();
	word = malloc(lower_len + 1);
	if (!word)
		abort();
	memcpy(word, lower, lower_len);
	word[lower_len] = '\0';
	free(lower);
	/* Typographic apostrophes count as the plain one, so "don’t" is a stop word too. */
	for (char *q = strstr(word, "\xe2\x80\x99"); q; q = strstr(q, "\xe2\x80\x99")) {
		*q = '\'';
		memmove(q + 1, q + 3, strlen(q + 3) + 1);
	}
	if (u8_mbsnlen((const uint8_t *)word, strlen(word)) < 2 || wordfreq_is_stop_word(word)) {
		free(word);
		return;
	}
	for (size_t i = 0; i < c->count; i++)
		if (!strcmp(c->list[i].word, word)) {
			c->list[i].count++;
			free(word);
			return;
		}
	if (c->count == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		struct word_count *l = realloc(c->list, cap * sizeof *l);

		if (!l)
			abort();
		c->list = l;
		c->cap = cap;
	}
	c->list[c->count++] = (struct word_count){word, 1};
}

static bool in_word(ucs4_t u)
{
	return uc_is_alnum(u) || uc_is_general_category(u, UC_CATEGORY_M);
}

static bool joiner(ucs4_t u)
{
	return u == '\'' || u == 0x2019 || u == '-';
}

/* Splits one text into words: runs of letters, digits and marks, with an apostrophe or hyphen
 * allowed between two letters. */
static void count_text(struct counter *c, const char *text)
{
	const uint8_t *s = (const uint8_t *)text, *end = s + strlen(text), *start = NULL;

	while (s < end) {
		ucs4_t u;
		int n = u8_mbtouc(&u, s, (size_t)(end - s));
		bool inside = in_word(u);

		if (!inside && start && joiner(u) && s + n < end) {
			ucs4_t next;

			u8_mbtouc(&next, s + n, (size_t)(end - s - n));
			inside = in_word(next);
		}
		if (inside && !start)
			start = s;
		else if (!inside && start) {
			add_word(c, start, (size_t)(s - start));
			start = NULL;
		}
		s += n;
	}
	if (start)
		add_word(c, start, (size_t)(end - start));
}

static int by_count(const void *a, const void *b)
{
	const struct word_count *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->word, y->word);
}

void wordfreq_count(const char *const *texts, size_t n, size_t max, struct word_count **out,
		    size_t *count)
{
	struct counter c = {0};

	for (size_t i = 0; i < n; i++)
		if (texts[i])
			count_text(&c, texts[i]);
	if (c.count > 1)
		qsort(c.list, c.count, sizeof *c.list, by_count);
	while (c.count > max)
		free(c.list[--c.count].word);
	*out = c.list;
	*count = c.count;
}

void wordfreq_free(struct word_count *words, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(words[i].word);
	free(words);
}
