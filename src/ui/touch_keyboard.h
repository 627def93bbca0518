/* The on-screen keyboard in the UI: when it shows, the room it takes at the bottom of the
 * window, drawing its keys with press feedback, and taps on them turned into the same editing
 * calls as a real keyboard's keys and text. It attaches to whatever text field has the focus
 * (any ITEM_EDITOR, which edits through ui->editor). Internal to src/ui. */
#ifndef RJK_UI_TOUCH_KEYBOARD_H
#define RJK_UI_TOUCH_KEYBOARD_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "core/keyboard.h"
#include "ui/ui.h"

/* The keyboard's part of struct ui. */
struct touch_keyboard {
	struct keyboard kb;
	bool ready;            /* kb holds a layout */
	bool pending;          /* layout is not made yet: it is, the first time it would show */
	char layout[32];       /* the layout kb was made for (or is to be), or the one that failed */
	bool last_touch;       /* the last press was a finger (auto mode shows the keyboard) */
	bool hidden;           /* its Hide key was pressed: hidden until the field is pressed */
	SDL_Rect rect;         /* where it is in the layout now; h == 0 when not shown */
	int pressed;           /* the key held down, -1 for none */
	SDL_FingerID finger;   /* the finger holding it (SDL_MOUSE_TOUCHID for the mouse) */
	int64_t repeat_at;     /* when a held Backspace deletes again; -1 none, 0 start now */
};

/* Follows the settings: notes their layout when it changed, to be made when the keyboard is
 * next to show (reading a layout and its compose table takes longer than a frame, and most
 * sessions never show the keyboard). An unknown layout keeps the one before, or none, with a
 * line on standard error. */
void touch_keyboard_settings(struct ui *ui);
void touch_keyboard_release(struct touch_keyboard *tk);

/* A new screen or text field: letters, no modifiers, not hidden. */
void touch_keyboard_enter(struct ui *ui);

/* After a build: whether the keyboard shows now; when that differs from the layout, the
 * layout is made again with (or without) its room and true is returned (build again). */
bool touch_keyboard_fit(struct ui *ui);

/* A press or release at x, y (pixels) by finger (SDL_MOUSE_TOUCHID for the mouse): true when
 * it was on the keyboard (then *act is what the trainee did). A key pressed while another
 * finger still holds one types that one first, as its release would have. */
bool touch_keyboard_press(struct ui *ui, SDL_FingerID finger, int x, int y, bool down,
			  struct ui_action *act);
/* A held finger (or the mouse) moved to x, y: off the key it holds, a held Backspace stops
 * repeating (its release there types nothing, as for any key slid off). */
void touch_keyboard_move(struct ui *ui, SDL_FingerID finger, int x, int y);
/* True while a finger or button is held on a key (moves then do not scroll the page). */
bool touch_keyboard_held(const struct ui *ui);
/* Notes what the last input was: a touch (true) or a real key or mouse (false). */
void touch_keyboard_input(struct ui *ui, bool touch);

/* Draws it (after the page). */
void touch_keyboard_draw(struct ui *ui);
/* After a draw: scrolls the page so that the caret's line shows above the keyboard; true when
 * it scrolled (draw again). */
bool touch_keyboard_follow_caret(struct ui *ui);

/* The centre of the key named or capped label, for a scripted tap. */
bool touch_keyboard_find(const struct ui *ui, const char *label, int *x, int *y);
/* Checks the last frame: keys inside the window, the caret line clear of the keyboard. */
bool touch_keyboard_check(const struct ui *ui, struct rjk_error *err);

/* Held-key repeat: when it is next due (-1 none) and running it. */
int64_t touch_keyboard_deadline(const struct ui *ui);
struct ui_action touch_keyboard_tick(struct ui *ui, int64_t now);

#endif
