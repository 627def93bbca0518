/* The kiosk's clock, read from SDL. */
#include "app/clock.h"

#include <stdio.h>
#include <time.h>

#include <SDL.h>

/* How far clock_skip_ms moved the clock: 0 in the kiosk, which never calls it. */
static int64_t skipped;

int64_t clock_now_ms(void)
{
	return (int64_t)SDL_GetTicks64() + skipped;
}

void clock_skip_ms(int64_t ms)
{
	if (ms > 0)
		skipped += ms;
}

const char *clock_local_text(int64_t ms, const char *format, const char *none, char *buf,
			     size_t size)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	if (ms <= 0 || !localtime_r(&t, &tm) || !strftime(buf, size, format, &tm))
		snprintf(buf, size, "%s", none);
	return buf;
}
