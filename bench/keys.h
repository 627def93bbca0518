/* Synthetic key presses for the UI benchmarks: what a trainee's keyboard would send. */
#ifndef RJK_BENCH_KEYS_H
#define RJK_BENCH_KEYS_H

#include <SDL.h>

/* Queues a press of key with the modifiers mod: key down, the text it types (NULL for none),
 * key up. */
void bench_push_key(SDL_Keycode key, SDL_Keymod mod, const char *text);

#endif
