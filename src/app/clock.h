/* The kiosk's clock: milliseconds on SDL's clock, the time every timer and the session use. */
#ifndef RJK_APP_CLOCK_H
#define RJK_APP_CLOCK_H

#include <stddef.h>
#include <stdint.h>

/* Milliseconds since SDL started (never goes back). */
int64_t clock_now_ms(void);

/* Moves the clock forward by ms (>= 0) for the rest of the process, so that a test can reach
 * the timers (inactivity, countdowns, autosave, the thanks screen, the facilitator's presence)
 * without waiting. The kiosk never calls it: only the UI fuzzer (fuzz/fuzz_ui.c) and the
 * scripted runs' "skip-time" do. */
void clock_skip_ms(int64_t ms);

/* Writes a wall-clock time (Unix time in milliseconds, UTC) as local time with strftime's
 * format into buf, or none when ms is 0 or less (never, not yet). Returns buf. */
const char *clock_local_text(int64_t ms, const char *format, const char *none, char *buf,
			     size_t size);

#endif
