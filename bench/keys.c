/* Synthetic key presses for the UI benchmarks (see keys.h). */
#include "keys.h"

#include <stdio.h>
#include <string.h>

void bench_push_key(SDL_Keycode key, SDL_Keymod mod, const char *text)
{
	SDL_Event ev = {0};

	ev.type = SDL_KEYDOWN;
	ev.key.keysym.sym = key;
	ev.key.keysym.scancode = SDL_GetScancodeFromKey(key);
	ev.key.keysym.mod = mod;
	SDL_PushEvent(&ev);
	if (text) {
		memset(&ev, 0, sizeof ev);
		ev.type = SDL_TEXTINPUT;
		snprintf(ev.text.text, sizeof ev.text.text, "%s", text);
		SDL_PushEvent(&ev);
	}
	memset(&ev, 0, sizeof ev);
	ev.type = SDL_KEYUP;
	ev.key.keysym.sym = key;
	ev.key.keysym.scancode = SDL_GetScancodeFromKey(key);
	ev.key.keysym.mod = mod;
	SDL_PushEvent(&ev);
}
