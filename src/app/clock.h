/* The kiosk's clock: milliseconds on SDL's clock, the time every timer and the session use. */
#ifndef RJK_APP_CLOCK_H
#define RJK_APP_CLOCK_H

#include <stdint.h>

/* Milliseconds since SDL started (never goes back). */
int64_t clock_now_ms(void);

#endif
