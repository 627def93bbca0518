/* The facilitator's side of the kiosk: the PIN pad (Ctrl+Alt+F, or a 3-second hold on the
 * top-left corner), the menu behind it, the blank screen, the persisted settings and the
 * inactivity warning. It sees what the kiosk runs but never changes it: it returns requests,
 * which the kiosk applies. Internal to src/app. */
#ifndef RJK_APP_FACIL_H
#define RJK_APP_FACIL_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "app/options.h"
#include "app/request.h"
#include "core/error.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/settings.h"
#include "core/store.h"
#include "ui/ui.h"

struct facil;

/* How long a finger or the mouse rests on the top-left corner to open the PIN pad. */
#define FACIL_HOLD_MS 3000

/* What the kiosk runs now, as the facilitator's side sees it: borrowed for one call. */
struct lrs_status;

struct facil_context {
	const struct scenario *scenario;  /* NULL when none is loaded */
	const char *scenario_path;        /* where it was loaded from (NULL with no scenario) */
	struct store *store;              /* for reading, exports and purges; NULL: none opened */
	const struct session *session;    /* NULL when no session runs */
	const char *problem;              /* why the kiosk cannot run a session, "" when it can */
	const char *notice;               /* for the menu: why the session left open was not
					   * resumed, "" for nothing to say */
	bool no_sound;                    /* the video plays without sound (no sound device) */
	const struct lrs_status *lrs;     /* sending to the LRS (app/lrs_worker.h); NULL: none */
};

/* Opens the PIN files and the settings in the data folder options name and applies the
 * settings to ui (the command line's --text-size, --high-contrast and --idle-timeout win over
 * saved ones). options, ui and window are borrowed and must outlive the facilitator's side.
 * NULL only when memory runs out. */
struct facil *facil_new(const struct options *options, struct ui *ui, SDL_Window *window);

/* Once the kiosk has opened what it runs: in kiosk mode with no PIN yet the facilitator is
 * asked to choose one first. */
void facil_start(struct facil *facil, const struct facil_context *context);
void facil_free(struct facil *facil);

/* Handles ev when it is the facilitator's (chord, corner hold, a page on screen, activity for
 * the inactivity timer). True when ev was used up and the journey must not see it. What the
 * kiosk must change goes to out. */
bool facil_handle(struct facil *facil, const struct facil_context *context, const SDL_Event *ev,
		  struct request_list *out);

/* Timers: the corner hold, the inactivity warning and reset, lockout countdowns. What the
 * kiosk must change goes to out. */
void facil_tick(struct facil *facil, const struct facil_context *context, int64_t now_ms,
		struct request_list *out);

/* When facil_tick next has something to do, or -1. */
int64_t facil_deadline(const struct facil *facil, int64_t now_ms);

/* The sending status changed: the menu and the LRS page show it again. */
void facil_refresh(struct facil *facil, const struct facil_context *context);

/* The kiosk has applied request, one of the facilitator's (ok, or not and err says why);
 * context is what runs now. Shows the outcome and keeps what must be kept (the scenario in
 * use, for the next start). */
void facil_done(struct facil *facil, const struct facil_context *context,
		const struct request *request, bool ok, const struct rjk_error *err);

/* The trainee at the kiosk asked for a text size or contrast with the "Aa" panel (a is
 * UI_TEXT_SIZE or UI_CONTRAST): in force for that trainee only, and never saved. */
void facil_trainee_view(struct facil *facil, struct ui_action a);

/* Follows the journey (session, NULL for none) to the next trainee: when it comes back to the
 * start screen (Done, the thanks screen's timer, an inactivity time-out, a new session) the
 * saved text size and contrast are in force again. Call before drawing. */
void facil_follow_trainee(struct facil *facil, const struct session *session);

/* The saved settings (captions default and volume are for the video screen; scenario is
 * the one last chosen in the menu, "" for none). */
const struct settings *facil_settings(const struct facil *facil);

/* Opens the export page for session (its store id; 0: the running session, or the newest when
 * none runs), as the menu's session picker does. The menu's own "Export answers" opens it
 * for 0. */
void facil_open_export(struct facil *facil, const struct facil_context *context,
		       int64_t session);

/* The facilitator page on screen ("pin", "menu", "warning", ...), or NULL for the journey. */
const char *facil_page_name(const struct facil *facil);

#endif
