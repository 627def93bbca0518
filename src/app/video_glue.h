/* The interview video in the running kiosk: owns the player, the picture, the captions and the
 * watch limit, follows the session onto and off the video screen, and asks the kiosk (through
 * requests) to save progress, ask cue steps and go on to the steps. */
#ifndef RJK_APP_VIDEO_GLUE_H
#define RJK_APP_VIDEO_GLUE_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "app/request.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/store.h"
#include "ui/ui.h"

struct video_glue;

/* What a video glue is made with. The pointers are borrowed and must outlive the glue: the
 * kiosk frees the glue before it closes the session (no player without a session). */
struct video_glue_setup {
	SDL_Renderer *ren;
	struct ui *ui;
	const struct scenario *scenario;   /* has a video */
	const struct session *session;     /* read only: changes go back as requests */
	struct store *store;               /* the event log (NULL: not logged) */
	bool silent;                       /* --silent: no sound, and no sound device check */
	int volume;                        /* starting volume, 0 to 100 */
	bool captions;                     /* captions on at the start */
	bool *no_sound_said;               /* "no sound device" is on standard error already */
};

/* For a scenario with a video, once the session is open: reads the captions (warnings to
 * stderr) and attaches the video screen to the UI. libvlc starts at the first video_glue_sync
 * (the loop's first timers, right after the first frame, as video_glue_deadline asks), silent
 * when asked, silent too when no sound device can be opened (said once on stderr while it lasts
 * and in the event log); when it cannot start, the video screen says so and offers the steps.
 * NULL only when memory runs out. */
struct video_glue *video_glue_new(const struct video_glue_setup *setup);

/* Detaches from the UI and frees everything. NULL is a no-op. */
void video_glue_free(struct video_glue *glue);

/* Every event, before the UI sees it: the player's wake-up (true: consumed; what the player
 * reported may add requests to out) and input that brings the controls back (false: the UI
 * handles it as usual). */
bool video_glue_event(struct video_glue *glue, const SDL_Event *event, struct request_list *out);

/* Applies a UI_VIDEO_* action; skipping a video that cannot play adds a request to out. */
void video_glue_apply(struct video_glue *glue, struct ui_action action, struct request_list *out);

/* After events and timers: follows the session's screen (starts, pauses, resumes, closes the
 * player; holds it while a facilitator page covers the video), reads what the player reported
 * (adding requests to out) and fades the controls. */
void video_glue_sync(struct video_glue *glue, struct request_list *out);

/* When video_glue_sync next has something to do without an event (clock ms), or -1. */
int64_t video_glue_deadline(const struct video_glue *glue, int64_t now_ms);

/* What the video shows now, read-only. Strings are borrowed until the next turn of the loop. */
struct video_glue_status {
	int64_t time_ms;        /* media time on screen, -1 without a video */
	unsigned long frames;   /* pictures shown since the video started */
	bool playing;           /* the player is playing */
	const char *notice;     /* the brief message over the picture (a refused skip), "" for none */
	const char *error;      /* why the video cannot be played, "" when it can */
};

/* The status of glue (NULL: no video). */
struct video_glue_status video_glue_status(const struct video_glue *glue);

/* True when no sound device could be opened at start (and --silent was not given): the video
 * plays without sound. */
bool video_glue_no_sound(const struct video_glue *glue);

#endif
