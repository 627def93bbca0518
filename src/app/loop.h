/* The kiosk's event loop: sleeps until an event or a timer, applies what the trainee did to the
 * session, and draws only when something changed. */
#ifndef RJK_APP_LOOP_H
#define RJK_APP_LOOP_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "app/kiosk.h"

/* Handles one event (input, window, quit). */
void loop_handle(struct kiosk *kiosk, const SDL_Event *event);

/* Applies one action of the trainee to the session (the video's actions go to the video glue,
 * whose requests the kiosk applies). */
void loop_apply(struct kiosk *kiosk, struct ui_action action);

/* Draws the frame (without presenting it) when something changed; true when it drew. */
bool loop_render(struct kiosk *kiosk);

/* Presents what loop_render drew. */
void loop_present(struct kiosk *kiosk);

/* One pass: waits up to max_wait_ms (or until the next timer, -1 for no limit) for events,
 * handles them, runs the timers, and draws and presents when needed. True when a frame was
 * presented. */
bool loop_iterate(struct kiosk *kiosk, int max_wait_ms);

/* Input fed to the loop from outside the window (the tests' scripted input), asked before each
 * pass. */
struct loop_feed {
	bool (*ready)(void *data, int64_t now_ms);    /* wants to run now */
	int64_t (*due)(void *data);                   /* when it next wants to run (clock ms) */
	void (*run)(void *data, struct kiosk *kiosk); /* may set kiosk->quit */
	void *data;
};

/* Runs until the kiosk quits (or feed ends it); returns the exit status. feed (NULL for none)
 * is borrowed for the call. */
int loop_run(struct kiosk *kiosk, const struct loop_feed *feed);

#endif
