/* The kiosk's sending thread: sends the outbox to the learning record store in the background
 * (core/lrs_push over its own store connection), so the screen never waits on the network, and
 * wakes the main loop with one coalesced SDL event when its status changes. */
#include "app/lrs_worker.h"

#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lrs_class.h"
#include "core/lrs_config.h"
#include "core/store.h"
#include "core/store_lrs.h"

/* The longest sleep between looks at the outbox while it is idle. */
#define IDLE_LOOK_MS 5000
/* How often a followed class is read back from the LRS. */
#define CLASS_LOOK_MS 30000

struct lrs_worker {
	char data_dir[PATH_MAX];
	SDL_Thread *thread;
	SDL_mutex *lock;
	SDL_cond *cond;
	bool nudged;                    /* under lock */
	atomic_bool stop;
	Uint32 wake_event;
	atomic_bool wake_pending;
	struct lrs_status status;       /* under lock */
	char class_registration[UUID_TEXT_SIZE]; /* under lock; "" for none */
	bool class_new;                 /* under lock: followed since the thread last looked */
	int64_t class_read_ms;          /* the thread's: when the class was last read back */
};

static void wake(struct lrs_worker *w)
{
	/* One event in the queue at a time: the loop reads the newest status anyway. */
	if (atomic_exchange(&w->wake_pending, true))
		return;
	SDL_Event ev = {.type = w->wake_event};
	if (SDL_PushEvent(&ev) != 1)
		atomic_store(&w->wake_pending, false);
}

static void publish(struct lrs_worker *w, const struct lrs_status *s)
{
	SDL_LockMutex(w->lock);
	bool changed = memcmp(&w->status, s, sizeof *s) != 0;
	w->status = *s;
	SDL_UnlockMutex(w->lock);
	if (changed)
		wake(w);
}

/* The counts after each batch, so the menu follows a long delivery. */
struct progress {
	struct lrs_worker *worker;
	struct store *store;
	struct lrs_status status;
};

static void on_batch(void *ctx)
{
	struct progress *p = ctx;
	struct rjk_error err = {{0}};
	if (store_outbox_counts(p->store, &p->status.queued, &p->status.parked, &err))
		publish(p->worker, &p->status);
}

/* Reads the followed class back from the LRS when it is time (what cannot be read now is
 * read at the next time: the debrief shows what is kept meanwhile). */
static void read_class(struct lrs_worker *w, struct store *store,
		       const struct lrs_config *config, int64_t *sleep_ms)
{
	char registration[UUID_TEXT_SIZE];
	struct rjk_error err = {{0}};
	size_t fetched;
	int64_t now = store_now(store);

	SDL_LockMutex(w->lock);
	snprintf(registration, sizeof registration, "%s", w->class_registration);
	if (w->class_new)
		w->class_read_ms = 0; /* a class newly followed is read now */
	w->class_new = false;
	SDL_UnlockMutex(w->lock);
	if (!registration[0])
		return;
	if (now - w->class_read_ms >= CLASS_LOOK_MS) {
		lrs_class_fetch(store, config, registration, &fetched, &err);
		w->class_read_ms = now;
	}
	if (*sleep_ms > CLASS_LOOK_MS)
		*sleep_ms = CLASS_LOOK_MS;
}

/* One round: reads the settings, sends what is queued, and says how long to sleep. */
static int64_t round_once(struct lrs_worker *w, struct store **store)
{
	struct lrs_status s;
	memset(&s, 0, sizeof s); /* whole, padding too: publish compares the bytes */
	s.running = true;
	struct rjk_error err = {{0}};
	struct lrs_config config;
	bool found = false;
	int64_t sleep_ms = IDLE_LOOK_MS;
	if (!*store && !(*store = store_open(w->data_dir, &err))) {
		snprintf(s.message, sizeof s.message, "%.250s", err.message);
		publish(w, &s);
		return IDLE_LOOK_MS * 6;
	}
	if (!lrs_config_load(w->data_dir, &config, &found, &err))
		snprintf(s.message, sizeof s.message, "%.250s", err.message);
	s.configured = found;
	if (found) {
		struct lrs_push_options opts = lrs_push_defaults();
		struct lrs_push_result result;
		struct progress progress = {.worker = w, .store = *store, .status = s};
		opts.stop = &w->stop;
		opts.progress = on_batch;
		opts.progress_ctx = &progress;
		if (!lrs_push_run(*store, &config, &opts, &result, &err)) {
			snprintf(s.message, sizeof s.message, "%.250s", err.message);
		} else {
			s.outcome = result.outcome;
			snprintf(s.message, sizeof s.message, "%s", result.message);
		}
	}
	if (found && !atomic_load(&w->stop))
		read_class(w, *store, &config, &sleep_ms);
	lrs_config_wipe(&config);
	struct lrs_state state;
	if (store_lrs_state_load(*store, &state, &err)) {
		s.last_success_ms = state.last_success_ms;
		s.next_ms = state.next_ms;
		if (found && s.outcome == LRS_WAITING && state.next_ms > store_now(*store))
			sleep_ms = state.next_ms - store_now(*store);
		if (found && s.outcome == LRS_CREDENTIALS)
			sleep_ms = IDLE_LOOK_MS; /* settings may be fixed meanwhile */
	}
	store_outbox_counts(*store, &s.queued, &s.parked, &err);
	publish(w, &s);
	return sleep_ms < IDLE_LOOK_MS || s.outcome == LRS_WAITING ? sleep_ms : IDLE_LOOK_MS;
}

static int run(void *data)
{
	struct lrs_worker *w = data;
	struct store *store = NULL;
	/* Below the screen's thread: building and sending statements must not delay a frame. */
	SDL_SetThreadPriority(SDL_THREAD_PRIORITY_LOW);
	while (!atomic_load(&w->stop)) {
		int64_t sleep_ms = round_once(w, &store);
		SDL_LockMutex(w->lock);
		if (!w->nudged && !atomic_load(&w->stop))
			SDL_CondWaitTimeout(w->cond, w->lock,
					    (Uint32)(sleep_ms > 0 ? (sleep_ms < 3600000 ? sleep_ms
										     : 3600000)
								  : 0));
		w->nudged = false;
		SDL_UnlockMutex(w->lock);
	}
	store_close(store);
	return 0;
}

struct lrs_worker *lrs_worker_new(const char *data_dir, struct rjk_error *err)
{
	struct lrs_worker *w = calloc(1, sizeof *w);
	if (!w) {
		rjk_error_set(err, "out of memory");
		return NULL;
	}
	snprintf(w->data_dir, sizeof w->data_dir, "%s", data_dir);
	/* Whether an LRS is set is known from the start, so the menu's status line is there
	 * from the first frame and does not move the buttons under a finger when the thread
	 * first looks. */
	struct lrs_config config;
	struct rjk_error ignored = {{0}};
	if (!lrs_config_load(data_dir, &config, &w->status.configured, &ignored))
		w->status.configured = false;
	lrs_config_wipe(&config);
	w->wake_event = SDL_RegisterEvents(1);
	if (w->wake_event == (Uint32)-1 || !(w->lock = SDL_CreateMutex()) ||
	    !(w->cond = SDL_CreateCond()) ||
	    !(w->thread = SDL_CreateThread(run, "rjk-lrs", w))) {
		rjk_error_set(err, "cannot start sending to the LRS: %s", SDL_GetError());
		lrs_worker_free(w);
		return NULL;
	}
	return w;
}

void lrs_worker_free(struct lrs_worker *w)
{
	if (!w)
		return;
	if (w->thread) {
		atomic_store(&w->stop, true);
		SDL_LockMutex(w->lock);
		SDL_CondSignal(w->cond);
		SDL_UnlockMutex(w->lock);
		SDL_WaitThread(w->thread, NULL);
	}
	if (w->cond)
		SDL_DestroyCond(w->cond);
	if (w->lock)
		SDL_DestroyMutex(w->lock);
	free(w);
}

void lrs_worker_follow_class(struct lrs_worker *w, const char *registration)
{
	if (!w)
		return;
	SDL_LockMutex(w->lock);
	bool changed = strcmp(w->class_registration, registration ? registration : "") != 0;
	snprintf(w->class_registration, sizeof w->class_registration, "%s",
		 registration ? registration : "");
	if (changed) {
		w->class_new = true;
		w->nudged = true;
		SDL_CondSignal(w->cond);
	}
	SDL_UnlockMutex(w->lock);
}

void lrs_worker_nudge(struct lrs_worker *w)
{
	if (!w)
		return;
	SDL_LockMutex(w->lock);
	w->nudged = true;
	SDL_CondSignal(w->cond);
	SDL_UnlockMutex(w->lock);
}

bool lrs_worker_event(struct lrs_worker *w, const SDL_Event *ev)
{
	if (!w || ev->type != w->wake_event)
		return false;
	atomic_store(&w->wake_pending, false);
	return true;
}

void lrs_worker_status(struct lrs_worker *w, struct lrs_status *out)
{
	if (!w) {
		memset(out, 0, sizeof *out);
		return;
	}
	SDL_LockMutex(w->lock);
	*out = w->status;
	SDL_UnlockMutex(w->lock);
}
