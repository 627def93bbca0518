/* Counts in words for people to read, with the plural and the verb that agree with them. */
#include "core/words.h"

#include <stdio.h>

/* n with its digits grouped in threes by commas when it has five or more ("12,345"). */
static void number(char *out, size_t size, long long n)
{
	char digits[32];
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	int len = snprintf(digits, sizeof digits, "%llu", u);
	char grouped[48];
	size_t g = 0;

	if (n < 0)
		grouped[g++] = '-';
	for (int i = 0; i < len; i++) {
		if (len >= 5 && i > 0 && (len - i) % 3 == 0)
			grouped[g++] = ',';
		grouped[g++] = digits[i];
	}
	grouped[g] = '\0';
	snprintf(out, size, "%s", grouped);
}

const char *words_count(char *out, size_t size, long long n, const char *one, const char *many,
			int zero_as_no)
{
	char num[48];

	if (!size)
		return out;
	if (n == 0 && zero_as_no) {
		snprintf(out, size, "no %s", many);
		return out;
	}
	number(num, sizeof num, n);
	snprintf(out, size, "%s %s", num, n == 1 ? one : many);
	return out;
}

const char *words_verb(long long n, const char *singular, const char *plural)
{
	return n == 1 ? singular : plural;
}
