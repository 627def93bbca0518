/* Keeping a trainee inside the kiosk (see lockdown.h). */
#include "app/lockdown.h"

void lockdown_hints(bool kiosk)
{
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
	if (!kiosk)
		return;
	SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
	/* A close request then arrives only as SDL_WINDOWEVENT_CLOSE (ignored below); SDL_QUIT is
	 * left to mean the display is gone (SDL sends it when the compositor's connection is
	 * lost), on which the kiosk saves and exits. */
	SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
	SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
}

void lockdown_window(SDL_Window *window, bool kiosk)
{
	SDL_DisableScreenSaver();
	if (kiosk)
		SDL_SetWindowKeyboardGrab(window, SDL_TRUE);
}

bool lockdown_ignores(const SDL_Event *ev, bool kiosk)
{
	if (!kiosk)
		return false;
	if (ev->type == SDL_WINDOWEVENT && ev->window.event == SDL_WINDOWEVENT_CLOSE)
		return true;
	if (ev->type == SDL_KEYDOWN || ev->type == SDL_KEYUP) {
		SDL_Keycode key = ev->key.keysym.sym;
		Uint16 mod = ev->key.keysym.mod;

		if ((mod & KMOD_ALT) && (key == SDLK_F4 || key == SDLK_TAB))
			return true;
		if ((mod & KMOD_CTRL) && (key == SDLK_q || key == SDLK_w))
			return true;
		if (key == SDLK_LGUI || key == SDLK_RGUI)
			return true;
	}
	return false;
}

bool lockdown_restore(SDL_Window *window, const SDL_Event *ev, bool kiosk)
{
	if (!kiosk || ev->type != SDL_WINDOWEVENT)
		return false;
	switch (ev->window.event) {
	case SDL_WINDOWEVENT_MINIMIZED:
		SDL_RestoreWindow(window);
		/* fall through */
	case SDL_WINDOWEVENT_FOCUS_LOST:
		SDL_RaiseWindow(window);
		SDL_SetWindowKeyboardGrab(window, SDL_TRUE);
		return true;
	default:
		return false;
	}
}
