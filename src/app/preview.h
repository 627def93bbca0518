/* The author's preview inside the running kiosk: watches the scenario's files and, when they
 * change, asks the kiosk (through a request) to load the scenario again at the place the author
 * was, by step id. */
#ifndef RJK_APP_PREVIEW_H
#define RJK_APP_PREVIEW_H

#include <stdbool.h>

#include <SDL.h>

#include "app/request.h"
#include "core/error.h"
#include "core/position.h"
#include "core/scenario.h"
#include "core/session.h"

struct preview;

/* Starts watching the scenario file at file (its folder: editors save by rename) for the
 * preview. step_id (NULL for the start screen) is where it starts; both are copied. Needs
 * SDL's events started. NULL and err when the folder cannot be watched. */
struct preview *preview_new(const char *file, const char *step_id, struct rjk_error *err);

/* Stops watching and frees. NULL is a no-op. */
void preview_free(struct preview *preview);

/* The request that loads the scenario at the preview's place (the first load, or after a
 * change on disk), added to out; the request borrows from preview until it is applied. */
void preview_load(struct preview *preview, struct request_list *out);

/* Handles ev when it is the watch's: remembers where session (borrowed for the call; NULL
 * while the file has errors) is, and asks for the scenario again there. True when ev was the
 * watch's. */
bool preview_event(struct preview *preview, const SDL_Event *ev, const struct session *session,
		   struct request_list *out);

/* After a load: watches scenario's caption file too (scenario NULL while the file has
 * errors). */
void preview_follow(struct preview *preview, const struct scenario *scenario);

#endif
