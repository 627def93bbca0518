/* Deadlines: the earliest of several, and how long to wait for one. */
#include "core/deadline.h"

int64_t deadline_earliest(int64_t a, int64_t b)
{
	if (a < 0)
		return b < 0 ? DEADLINE_NONE : b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

int deadline_wait_ms(int64_t due, int64_t now_ms)
{
	if (due < 0)
		return -1;
	if (due <= now_ms)
		return 0;
	return due - now_ms > INT32_MAX ? INT32_MAX : (int)(due - now_ms);
}
