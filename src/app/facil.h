/* The facilitator's side of the kiosk: the PIN pad (Ctrl+Alt+F, or a 3-second hold on the
 * top-left corner), the menu behind it, the blank screen, the persisted settings and the
 * inactivity warning. Internal to src/app. */
#ifndef RJK_APP_FACIL_H
#define RJK_APP_FACIL_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "core/settings.h"
#include "ui/ui.h"

struct kiosk;
struct facil;

/* How long a finger or the mouse rests on the top-left corner to open the PIN pad. */
#define FACIL_HOLD_MS 3000

/* Opens the PIN files and the settings in the kiosk's data folder and applies the settings
 * (the command line's --text-size, --high-contrast, --idle-timeout and --scenario win over
 * saved ones). Called before the session opens. NULL only when memory runs out. */
struct facil *facil_new(struct kiosk *kiosk);

/* Once the session is open: in kiosk mode with no PIN yet the facilitator is asked to choose
 * one first. */
void facil_start(struct kiosk *kiosk);
void facil_free(struct facil *facil);

/* Handles ev when it is the facilitator's (chord, corner hold, a page on screen, activity for
 * the inactivity timer). True when ev was used up and the journey must not see it. */
bool facil_handle(struct kiosk *kiosk, const SDL_Event *ev);

/* Timers: the corner hold, the inactivity warning and reset, lockout countdowns. */
void facil_tick(struct kiosk *kiosk, int64_t now_ms);

/* When facil_tick next has something to do, or -1. */
int64_t facil_deadline(const struct kiosk *kiosk, int64_t now_ms);

/* The trainee at the kiosk asked for a text size or contrast with the "Aa" panel (a is
 * UI_TEXT_SIZE or UI_CONTRAST): in force for that trainee only, and never saved. */
void facil_trainee_view(struct kiosk *kiosk, struct ui_action a);

/* Follows the journey to the next trainee: when it comes back to the start screen (Done, the
 * thanks screen's timer, an inactivity time-out, a new session) the saved text size and
 * contrast are in force again. Call before drawing. */
void facil_follow_trainee(struct kiosk *kiosk);

/* The saved settings (captions default and volume are for the video screen). */
const struct settings *facil_settings(const struct facil *facil);

/* The facilitator page on screen ("pin", "menu", "warning", ...), or NULL for the journey. */
const char *facil_page_name(const struct facil *facil);

#endif
