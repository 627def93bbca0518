/* Synthetic input for scripted runs: SDL events pushed as the devices would send them. */
#include "scripted/input.h"

#include <stdio.h>
#include <string.h>

bool input_key(const char *spec)
{
	Uint16 mod = 0;
	const char *plus;
	SDL_Keycode key;

	while ((plus = strchr(spec, '+')) && plus[1]) {
		if (!SDL_strncasecmp(spec, "ctrl+", 5))
			mod |= KMOD_LCTRL;
		else if (!SDL_strncasecmp(spec, "shift+", 6))
			mod |= KMOD_LSHIFT;
		else if (!SDL_strncasecmp(spec, "alt+", 4))
			mod |= KMOD_LALT;
		else
			return false;
		spec = plus + 1;
	}
	key = SDL_GetKeyFromName(spec);
	if (key == SDLK_UNKNOWN)
		return false;
	input_keycode(key, mod);
	return true;
}

void input_keycode(SDL_Keycode key, Uint16 mod)
{
	SDL_Event ev = {0};

	ev.type = SDL_KEYDOWN;
	ev.key.state = SDL_PRESSED;
	ev.key.keysym.sym = key;
	ev.key.keysym.scancode = SDL_GetScancodeFromKey(key);
	ev.key.keysym.mod = mod;
	SDL_PushEvent(&ev);
	ev.type = SDL_KEYUP;
	ev.key.state = SDL_RELEASED;
	SDL_PushEvent(&ev);
}

/* SDL_TEXTINPUT carries at most 31 bytes: split at character boundaries, as SDL does. */
void input_text(const char *text)
{
	size_t len = strlen(text), at = 0;

	while (at < len) {
		SDL_Event ev = {0};
		size_t n = len - at < SDL_TEXTINPUTEVENT_TEXT_SIZE - 1 ?
			len - at : SDL_TEXTINPUTEVENT_TEXT_SIZE - 1;

		while (n > 0 && at + n < len && (text[at + n] & 0xc0) == 0x80)
			n--;
		ev.type = SDL_TEXTINPUT;
		memcpy(ev.text.text, text + at, n);
		SDL_PushEvent(&ev);
		at += n;
	}
}

void input_compose(const char *text)
{
	SDL_Event ev = {.type = SDL_TEXTEDITING};

	snprintf(ev.edit.text, sizeof ev.edit.text, "%s", text);
	ev.edit.start = (Sint32)strlen(text);
	SDL_PushEvent(&ev);
}

void input_mouse(Uint32 type, int x, int y)
{
	SDL_Event ev = {.type = type};

	if (type == SDL_MOUSEMOTION) {
		ev.motion.x = x;
		ev.motion.y = y;
		ev.motion.state = SDL_BUTTON_LMASK;
	} else {
		ev.button.button = SDL_BUTTON_LEFT;
		ev.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
		ev.button.clicks = 1;
		ev.button.x = x;
		ev.button.y = y;
	}
	SDL_PushEvent(&ev);
}

void input_finger(Uint32 type, SDL_FingerID id, int x, int y, int w, int h)
{
	SDL_Event ev = {.type = type};

	ev.tfinger.fingerId = id;
	ev.tfinger.x = (float)x / (float)w;
	ev.tfinger.y = (float)y / (float)h;
	ev.tfinger.pressure = 1;
	SDL_PushEvent(&ev);
}

void input_window(Uint32 window_id, Uint8 event)
{
	SDL_Event ev = {.type = SDL_WINDOWEVENT};

	ev.window.windowID = window_id;
	ev.window.event = event;
	SDL_PushEvent(&ev);
}

void input_close(Uint32 window_id)
{
	input_window(window_id, SDL_WINDOWEVENT_CLOSE);
	if (SDL_GetHintBoolean(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, SDL_TRUE)) {
		SDL_Event ev = {.type = SDL_QUIT};

		SDL_PushEvent(&ev);
	}
}
