/* Log lines let through at most once a minute each, and a few a minute in all. */
#include "core/log_limit.h"

#include <string.h>

#include "core/hash.h"

void log_limit_init(struct log_limit *limit)
{
	memset(limit, 0, sizeof *limit);
}

bool log_limit_pass(struct log_limit *limit, const char *line, int64_t now_ms, unsigned *held)
{
	uint64_t h = hash_bytes(line, strlen(line), HASH_START);
	size_t slot = 0;

	for (size_t i = 0; i < LOG_LIMIT_SLOTS; i++) {
		if (limit->at[i] && limit->hash[i] == h) {
			slot = i;
			break;
		}
		if (limit->at[i] < limit->at[slot])
			slot = i;
	}
	bool repeat = limit->at[slot] && limit->hash[slot] == h &&
		      now_ms - limit->at[slot] < LOG_LIMIT_PERIOD_MS;
	if (!limit->passed || now_ms - limit->period_start >= LOG_LIMIT_PERIOD_MS) {
		limit->period_start = now_ms;
		limit->passed = 0;
	}
	if (repeat || limit->passed >= LOG_LIMIT_PER_PERIOD) {
		limit->held++;
		return false;
	}
	limit->hash[slot] = h;
	limit->at[slot] = now_ms;
	limit->passed++;
	if (held)
		*held = limit->held;
	limit->held = 0;
	return true;
}
