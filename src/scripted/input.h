/* Synthetic input for scripted runs and the UI fuzzer: the SDL events a keyboard, an input method, a mouse, a
 * touch screen or a window manager would send, pushed onto SDL's queue. Test-only. */
#ifndef RJK_SCRIPTED_INPUT_H
#define RJK_SCRIPTED_INPUT_H

#include <stdbool.h>

#include <SDL.h>

/* A key press and release, spec such as "Tab", "shift+Tab" or "ctrl+alt+F". False (nothing
 * pushed) when spec names no key. */
bool input_key(const char *spec);

/* A press and release of key with the modifiers mod (KMOD_ values). */
void input_keycode(SDL_Keycode key, Uint16 mod);

/* Typed text, split as SDL splits long text into events. */
void input_text(const char *text);

/* An input method's composition in progress (text "" clears it). */
void input_compose(const char *text);

/* A mouse event of type (SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP or SDL_MOUSEMOTION with the
 * left button held) at a pixel. */
void input_mouse(Uint32 type, int x, int y);

/* A finger event of type (SDL_FINGERDOWN, SDL_FINGERUP or SDL_FINGERMOTION) at a pixel of a
 * frame w by h pixels, from finger id (0 for the one finger of taps and swipes). */
void input_finger(Uint32 type, SDL_FingerID id, int x, int y, int w, int h);

/* A window manager's event (SDL_WINDOWEVENT_*) for the window window_id. */
void input_window(Uint32 window_id, Uint8 event);

/* The window's close button on the only window: the close event, and a quit too when SDL would
 * send one (SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE). */
void input_close(Uint32 window_id);

#endif
