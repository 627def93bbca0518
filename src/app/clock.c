/* The kiosk's clock, read from SDL. */
#include "app/clock.h"

#include <SDL.h>

int64_t clock_now_ms(void)
{
	return (int64_t)SDL_GetTicks64();
}
