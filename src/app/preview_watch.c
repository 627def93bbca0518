/* The preview's file watch: an inotify descriptor on the scenario's folder read by a thread that
 * sleeps in poll() until the folder changes, so nothing wakes while the author is not saving. */
#define _GNU_SOURCE /* pipe2 */
#include "app/preview_watch.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <SDL.h>

/* How long the folder must stay quiet before a burst of changes (an editor's write, rename and
 * chmod; a script copying files) counts as one. */
#define QUIET_MS 150

struct preview_watch {
	int inotify;
	int stop[2];               /* closing stop[1] wakes and ends the thread */
	SDL_Thread *thread;
	SDL_mutex *lock;           /* guards names */
	char names[2][PREVIEW_WATCH_NAME_MAX];
	uint32_t event;
};

/* True when the change named name is one of the watched files. */
static bool watched(struct preview_watch *w, const char *name)
{
	bool found;

	SDL_LockMutex(w->lock);
	found = (w->names[0][0] && !strcmp(name, w->names[0])) ||
		(w->names[1][0] && !strcmp(name, w->names[1]));
	SDL_UnlockMutex(w->lock);
	return found;
}

/* Reads the pending inotify events; true when one was about a watched file. */
static bool read_changes(struct preview_watch *w)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool relevant = false;
	ssize_t n;

	while ((n = read(w->inotify, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;

			if ((ev->mask & IN_Q_OVERFLOW) || (ev->len && watched(w, ev->name)))
				relevant = true;
			p += sizeof *ev + ev->len;
		}
	}
	return relevant;
}

static int run(void *data)
{
	struct preview_watch *w = data;
	struct pollfd fds[2] = {{.fd = w->inotify, .events = POLLIN},
				{.fd = w->stop[0], .events = POLLIN}};
	bool pending = false;

	for (;;) {
		/* Asleep with no time limit until something changes; a burst waits out its
		 * quiet moment. */
		int ready = poll(fds, 2, pending ? QUIET_MS : -1);

		if (ready < 0 && errno == EINTR)
			continue;
		if (ready < 0 || fds[1].revents)
			return 0;
		if (ready == 0) {
			SDL_Event ev = {.type = w->event};

			pending = false;
			SDL_PushEvent(&ev);
			continue;
		}
		if (read_changes(w))
			pending = true;
	}
}

struct preview_watch *preview_watch_new(const char *folder, struct rjk_error *err)
{
	struct preview_watch *w = calloc(1, sizeof *w);
	Uint32 type;

	if (!w) {
		rjk_error_set(err, "out of memory");
		return NULL;
	}
	w->stop[0] = w->stop[1] = -1;
	w->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->inotify < 0 ||
	    inotify_add_watch(w->inotify, folder, IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
			      IN_CREATE | IN_DELETE | IN_ATTRIB) < 0 ||
	    pipe2(w->stop, O_CLOEXEC) != 0) {
		rjk_error_set(err, "cannot watch %s for changes: %s", folder, strerror(errno));
		goto fail;
	}
	type = SDL_RegisterEvents(1);
	if (type == (Uint32)-1 || !(w->lock = SDL_CreateMutex())) {
		rjk_error_set(err, "cannot watch %s for changes: %s", folder, SDL_GetError());
		goto fail;
	}
	w->event = type;
	if (!(w->thread = SDL_CreateThread(run, "rjk-preview-watch", w))) {
		rjk_error_set(err, "cannot watch %s for changes: %s", folder, SDL_GetError());
		goto fail;
	}
	return w;
fail:
	preview_watch_free(w);
	return NULL;
}

void preview_watch_free(struct preview_watch *w)
{
	if (!w)
		return;
	if (w->stop[1] >= 0)
		close(w->stop[1]);
	if (w->thread)
		SDL_WaitThread(w->thread, NULL);
	if (w->stop[0] >= 0)
		close(w->stop[0]);
	if (w->inotify >= 0)
		close(w->inotify);
	if (w->lock)
		SDL_DestroyMutex(w->lock);
	free(w);
}

uint32_t preview_watch_event(const struct preview_watch *w)
{
	return w->event;
}

void preview_watch_names(struct preview_watch *w, const char *a, const char *b)
{
	SDL_LockMutex(w->lock);
	snprintf(w->names[0], sizeof w->names[0], "%s", a ? a : "");
	snprintf(w->names[1], sizeof w->names[1], "%s", b ? b : "");
	SDL_UnlockMutex(w->lock);
}
