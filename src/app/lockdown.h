/* Kiosk lockdown: what keeps a trainee inside the app (keyboard grab, no minimising, no
 * screensaver) and which events a locked kiosk ignores. */
#ifndef RJK_APP_LOCKDOWN_H
#define RJK_APP_LOCKDOWN_H

#include <stdbool.h>

#include <SDL.h>

/* Sets SDL's hints before SDL_Init: with kiosk true the keyboard is grabbed (Alt+Tab and the
 * system keys come to the app where the system allows), Alt+Tab never minimises, and closing
 * the window no longer sends SDL_QUIT (so SDL_QUIT means the display connection is lost). */
void lockdown_hints(bool kiosk);

/* Applies the lock to the opened window: keyboard grab, screensaver off. */
void lockdown_window(SDL_Window *window, bool kiosk);

/* True when a locked kiosk must ignore ev entirely: the window's close request, Alt+F4,
 * Ctrl+Q and Ctrl+W (not SDL_QUIT: see lockdown_hints). Focus loss and minimising are undone
 * instead (see lockdown_restore). */
bool lockdown_ignores(const SDL_Event *ev, bool kiosk);

/* After focus loss or minimising: restores the full-screen window and takes the focus and
 * the keyboard back. True when ev was such an event. */
bool lockdown_restore(SDL_Window *window, const SDL_Event *ev, bool kiosk);

#endif
