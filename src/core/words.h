/* Counts in words for people to read: "1 answer", "2 answers", "no sessions", and the verb that
 * agrees with them, so no message says "1 sessions" or "2 answers was written". */
#ifndef RJK_CORE_WORDS_H
#define RJK_CORE_WORDS_H

#include <stddef.h>

/* Writes "N one" when n is 1, else "N many" (digits grouped by commas from 10,000, "no many"
 * for 0 when zero_as_no) into out; returns out. Cut short, never overflowing, when out is small. */
const char *words_count(char *out, size_t size, long long n, const char *one, const char *many,
			int zero_as_no);

/* The form of a verb that agrees with n things: singular when n is 1 ("was", "is", "has"). */
const char *words_verb(long long n, const char *singular, const char *plural);

#endif
