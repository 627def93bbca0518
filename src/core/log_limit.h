/* A limit on repeated log lines, so that a failure that repeats cannot flood the journal. */
#ifndef RJK_CORE_LOG_LIMIT_H
#define RJK_CORE_LOG_LIMIT_H

#include <stdbool.h>
#include <stdint.h>

#define LOG_LIMIT_PERIOD_MS 60000 /* a line identical to one let through is held back this long */
#define LOG_LIMIT_PER_PERIOD 20   /* and no more than this many lines of any kind in a period */
#define LOG_LIMIT_SLOTS 64        /* distinct lines remembered (more than a period lets through) */

/* Embedded by its user; not thread-safe (lock around it). */
struct log_limit {
	uint64_t hash[LOG_LIMIT_SLOTS];
	int64_t at[LOG_LIMIT_SLOTS]; /* when that line was last let through; 0 for an empty slot */
	int64_t period_start;        /* the current period of LOG_LIMIT_PER_PERIOD lines */
	unsigned passed;             /* lines let through in the current period */
	unsigned held;               /* lines held back since the last one let through */
};

/* Starts with nothing seen. */
void log_limit_init(struct log_limit *limit);

/* Whether line (borrowed) may be printed now (now_ms: any clock that does not go backwards,
 * above 0). False for a line identical to one let through less than LOG_LIMIT_PERIOD_MS ago,
 * and for any line beyond LOG_LIMIT_PER_PERIOD in a period. When true, *held (may be NULL) is
 * the number of lines held back since the last line let through, for a note after it. */
bool log_limit_pass(struct log_limit *limit, const char *line, int64_t now_ms, unsigned *held);

#endif
