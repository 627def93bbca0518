/* The interview video in the running kiosk: owns the player, the picture, the captions and the
 * watch limit, follows the session onto and off the video screen, and asks cue steps. */
#ifndef RJK_APP_VIDEO_GLUE_H
#define RJK_APP_VIDEO_GLUE_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "ui/ui.h"

struct kiosk;
struct video_glue;

/* For a scenario with a video, after the session is open: starts libvlc (silent and volume
 * from the options; silent too when no sound device can be opened, said once on stderr and
 * in the event log), reads the captions (warnings to stderr) and attaches the video screen
 * to the UI. When libvlc cannot start, the video screen says so and offers the steps. NULL
 * only when memory runs out. */
struct video_glue *video_glue_new(struct kiosk *kiosk);

/* Detaches from the UI and frees everything. NULL is a no-op. */
void video_glue_free(struct kiosk *kiosk, struct video_glue *glue);

/* Every event, before the UI sees it: the player's wake-up (true: consumed) and input that
 * brings the controls back (false: the UI handles it as usual). */
bool video_glue_event(struct kiosk *kiosk, const SDL_Event *event);

/* Applies a UI_VIDEO_* action. */
void video_glue_apply(struct kiosk *kiosk, struct ui_action action);

/* After events and timers: follows the session's screen (starts, pauses, resumes, closes the
 * player; holds it while a facilitator page covers the video), reads what the player reported and fades the controls. */
void video_glue_sync(struct kiosk *kiosk);

/* SDL ticks at which video_glue_sync has something to do without an event, or -1. */
int64_t video_glue_deadline(const struct kiosk *kiosk);

/* What the video shows now, read-only. Strings are borrowed until the next turn of the loop. */
struct video_glue_status {
	int64_t time_ms;        /* media time on screen, -1 without a video */
	unsigned long frames;   /* pictures shown since the video started */
	bool playing;           /* the player is playing */
	const char *notice;     /* the brief message over the picture (a refused skip), "" for none */
	const char *error;      /* why the video cannot be played, "" when it can */
};
struct video_glue_status video_glue_status(const struct kiosk *kiosk);

/* True when no sound device could be opened at start (and --silent was not given): the video
 * plays without sound. */
bool video_glue_no_sound(const struct kiosk *kiosk);

#endif
