/* The running kiosk: window, renderer, scenario, store, session and UI, opened and closed in
 * one place. Internal to src/app (and the UI benchmark). */
#ifndef RJK_APP_KIOSK_H
#define RJK_APP_KIOSK_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "app/options.h"
#include "core/error.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/store.h"
#include "ui/ui.h"

struct datalock;
struct script;
struct facil;
struct video_glue;

struct kiosk {
	struct options options;
	SDL_Window *window;
	SDL_Renderer *ren;
	struct ui *ui;
	struct scenario *scenario;
	struct datalock *lock;      /* the data folder, ours alone while the kiosk runs */
	struct store *store;
	struct session *session;
	/* Set when the kiosk cannot run a session (bad scenario, unusable data folder): shown on
	 * screen instead of the journey. */
	char problem[RJK_ERROR_MAX * 4];
	struct script *script;
	struct facil *facil;        /* the facilitator's PIN pad, menu and timers */
	struct video_glue *video;   /* NULL when the scenario has no video (or --no-video) */
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

/* Saves what is pending and closes everything, in reverse order. The stored session is ended
 * only when no trainee is part-way through (otherwise it stays open for resuming). False when
 * the last draft or the session's end did not reach the store (the reason is logged). */
bool kiosk_close(struct kiosk *kiosk);

/* Opens a session on the kiosk's scenario and store (resuming one left open by a crash). */
struct session *kiosk_session_open(struct kiosk *kiosk, struct rjk_error *err);

/* Milliseconds on SDL's clock: the time every timer and the session use. */
int64_t kiosk_now(void);

#endif
