/* The running kiosk: window, renderer, scenario, store, session, player and UI, opened, closed
 * and changed in one place (the requests of the facilitator's side and the video glue are
 * applied here). Internal to src/app (and the UI benchmark). */
#ifndef RJK_APP_KIOSK_H
#define RJK_APP_KIOSK_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "app/facil.h"
#include "app/lrs_worker.h"
#include "app/options.h"
#include "app/request.h"
#include "core/error.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/store.h"
#include "ui/ui.h"

struct datalock;
struct preview;
struct video_glue;

/* What the kiosk runs (scenario, store, session, video) is changed by kiosk.c alone, which
 * keeps it consistent: a session only on a scenario and a store, a player only with a session.
 * Everything else reads it. */
struct kiosk {
	struct options options;
	SDL_Window *window;
	SDL_Renderer *ren;
	struct ui *ui;
	struct scenario *scenario;
	char *scenario_path;        /* where scenario was loaded from (owned) */
	struct datalock *lock;      /* the data folder, ours alone while the kiosk runs */
	struct store *store;
	struct session *session;
	/* Set when the kiosk cannot run a session (bad scenario, unusable data folder): shown on
	 * screen instead of the journey. */
	char problem[RJK_ERROR_MAX * 4];
	/* For the facilitator's menu: why the session left open could not be resumed ("" for
	 * nothing to say); cleared when a new session starts. */
	char notice[RJK_ERROR_MAX * 2 + 4096];
	struct facil *facil;        /* the facilitator's PIN pad, menu and timers */
	struct video_glue *video;   /* the session's player: NULL with no session, or when the
				     * scenario has no video (or --no-video) */
	struct preview *preview;    /* the author's preview (rjkiosk preview), NULL otherwise;
				     * not the kiosk's: its opener frees it */
	struct lrs_worker *lrs;     /* sends answers to the LRS; NULL when it could not start */
	struct lrs_status lrs_status; /* its latest status, for the facilitator's menu */
	int64_t class_session;      /* the session whose class the sending thread reads back */
	int64_t class_checked_ms;   /* when that was last looked at (a class may be joined) */
	bool no_sound_said;         /* "no sound device" is on standard error already */
	bool quit;
	int status;                 /* process exit status */
	int64_t shown_countdown;    /* countdown second on screen, to redraw when it changes */
	unsigned long frames;       /* frames presented */
	int64_t first_frame_ms;     /* SDL ticks when the first frame was presented */
};

/* Takes the data folder's lock, starts SDL, opens the window and the UI, loads the scenario and
 * opens the store and the session. A bad scenario or data folder is not a failure here: it is
 * printed, kept in problem and shown on screen. False and err when another kiosk uses the data
 * folder (before any window opens) or when no window can be shown. */
bool kiosk_open(struct kiosk *kiosk, const struct options *options, struct rjk_error *err);

/* Saves what is pending and closes everything, in reverse order. The stored session stays open
 * (the next start resumes it, with any trainee part-way through): only the facilitator ends a
 * session. False when the last draft did not reach the store (the reason is logged). */
bool kiosk_close(struct kiosk *kiosk);

/* Applies requests in order: the only way the running kiosk changes its scenario, store,
 * session or player, or quits. Tells the facilitator's side how each of its requests went. */
void kiosk_apply(struct kiosk *kiosk, const struct request_list *requests);

/* Applies one request of kind, with no arguments (REQUEST_QUIT, ...). */
void kiosk_request(struct kiosk *kiosk, enum request_kind kind);

/* What the facilitator's side may see of what runs now: valid until the next kiosk_apply. */
struct facil_context kiosk_facil_context(const struct kiosk *kiosk);

/* What can wait until the first frame is on screen (the sending thread, which opens a store
 * connection of its own; the window manager's full-screen state, which SDL's X11 driver waits
 * for; the window's icon, not worth decoding before that frame);
 * the loop calls it once, right after that frame. */
void kiosk_first_frame(struct kiosk *kiosk);

#endif
