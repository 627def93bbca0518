/* The most frequent words of a set of answers, for the debrief's word view: words lower-cased,
 * common English words ("the", "and", ...) left out, counted and sorted by count. */
#ifndef RJK_CORE_WORDFREQ_H
#define RJK_CORE_WORDFREQ_H

#include <stdbool.h>
#include <stddef.h>

struct word_count {
	char *word;                   /* lower-cased UTF-8 */
	size_t count;
};

/* Counts the words of texts[0..n): letters and digits (with an apostrophe or hyphen inside a
 * word), lower-cased, stop words and one-letter words left out. The list goes to *out, most
 * frequent first (ties in alphabetical order), at most max entries; free it with
 * wordfreq_free. */
void wordfreq_count(const char *const *texts, size_t n, size_t max, struct word_count **out,
		    size_t *count);
void wordfreq_free(struct word_count *words, size_t count);

/* Whether word (lower-cased) is in the shipped English stop-word list. */
bool wordfreq_is_stop_word(const char *word);

#endif
