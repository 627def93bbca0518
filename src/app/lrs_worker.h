/* The kiosk's sending thread: sends the outbox to the learning record store in the background
 * (core/lrs_push over its own store connection), so the screen never waits on the network, and
 * wakes the main loop with one coalesced SDL event when its status changes. Internal to
 * src/app. */
#ifndef RJK_APP_LRS_WORKER_H
#define RJK_APP_LRS_WORKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "core/error.h"
#include "core/lrs_push.h"

/* What the facilitator's menu shows of the sending, copied out under the thread's lock. */
struct lrs_status {
	bool configured;                /* an LRS is set (lrs.conf) */
	bool running;                   /* the thread has looked at least once */
	enum lrs_outcome outcome;
	size_t queued, parked;
	int64_t last_success_ms;        /* ms UTC, 0: never */
	int64_t next_ms;                /* while waiting: the next try (ms UTC) */
	char message[300];              /* the last failure in words, "" when none */
};

struct lrs_worker;

/* Starts the thread on the data folder (borrowed string, copied). It opens its own store
 * connection and reads the LRS settings again each round, so `rjkiosk lrs` takes effect
 * without a restart. NULL and err when the thread cannot start. */
struct lrs_worker *lrs_worker_new(const char *data_dir, struct rjk_error *err);

/* Stops the thread (an exchange under way ends within its timeout) and frees it; NULL is a
 * no-op. */
void lrs_worker_free(struct lrs_worker *worker);

/* Asks for a round now (an answer was just saved). */
void lrs_worker_nudge(struct lrs_worker *worker);

/* True when ev is the thread's wake-up (then it is used up: the status changed). */
bool lrs_worker_event(struct lrs_worker *worker, const SDL_Event *ev);

/* Reads the class of registration (NULL or "": none) back from the LRS every half minute
 * while an LRS is set, keeping its statements in the store for the debrief (core/lrs_class).
 * Cheap when unchanged. */
void lrs_worker_follow_class(struct lrs_worker *worker, const char *registration);

/* The latest status. */
void lrs_worker_status(struct lrs_worker *worker, struct lrs_status *out);

#endif
