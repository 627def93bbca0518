/* The video's progress bar as a control: which time a point on the bar stands for, and where
 * a time sits on it. Pure arithmetic, so the UI and its tests agree on one mapping. */
#ifndef RJK_CORE_SEEKBAR_H
#define RJK_CORE_SEEKBAR_H

#include <stdint.h>

/* The time (ms) at pixel column x of a bar starting at bar_x and bar_w pixels wide, for a
 * video of length_ms: the bar's left edge is 0, its right edge the end, a point beyond either
 * edge is that edge (a finger rarely lands exactly on the bar), rounded to the nearest ms.
 * 0 when the bar has no width or the length is not known yet. */
int64_t seekbar_time_at(int x, int bar_x, int bar_w, int64_t length_ms);

/* The width (pixels from the bar's left edge) that time_ms fills on a bar bar_w wide: the
 * inverse of seekbar_time_at, clamped to [0, bar_w]. 0 when the length is not known. */
int seekbar_fill(int64_t time_ms, int bar_w, int64_t length_ms);

#endif
