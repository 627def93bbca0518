/* The video's progress bar as a control: pixel columns to video times and back. */
#include "core/seekbar.h"

int64_t seekbar_time_at(int x, int bar_x, int bar_w, int64_t length_ms)
{
	int64_t dx = (int64_t)x - bar_x;

	if (bar_w <= 0 || length_ms <= 0 || dx <= 0)
		return 0;
	if (dx >= bar_w)
		return length_ms;
	/* In double: an absurd length from a damaged file must not overflow. */
	return (int64_t)((double)dx * (double)length_ms / bar_w + 0.5);
}

int seekbar_fill(int64_t time_ms, int bar_w, int64_t length_ms)
{
	if (bar_w <= 0 || length_ms <= 0 || time_ms <= 0)
		return 0;
	if (time_ms >= length_ms)
		return bar_w;
	return (int)((double)time_ms * bar_w / (double)length_ms);
}
