/* Stop requests from the system turned into an SDL event (see signals.h). The signal handler
 * does only what is async-signal-safe: it stores the signal number in a sig_atomic_t and
 * write()s one byte to a pipe. A watcher thread blocked on the pipe pushes the SDL event
 * (SDL_PushEvent is thread-safe, but not async-signal-safe). */
#include "app/signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>

static const int stop_signals[] = {SIGTERM, SIGINT, SIGHUP};
#define STOP_SIGNAL_COUNT (sizeof stop_signals / sizeof stop_signals[0])

static volatile sig_atomic_t caught;
static int wake_pipe[2] = {-1, -1};
static SDL_Thread *watcher;
static uint32_t event_type;
static struct sigaction saved[STOP_SIGNAL_COUNT];

static void on_signal(int sig)
{
	int saved_errno = errno;
	unsigned char byte = (unsigned char)sig;

	if (!caught)
		caught = sig;
	/* A full pipe already holds a wake-up, so a failed write needs nothing more. */
	ssize_t written = write(wake_pipe[1], &byte, 1);
	(void)written;
	errno = saved_errno;
}

/* Waits on the pipe: each signal's byte pushes the event; the pipe closed by signals_stop ends
 * the thread. */
static int watch(void *unused)
{
	unsigned char byte;

	(void)unused;
	for (;;) {
		ssize_t n = read(wake_pipe[0], &byte, 1);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		if (event_type) {
			SDL_Event ev = {.type = event_type};

			SDL_PushEvent(&ev);
		}
	}
}

bool signals_start(struct rjk_error *err)
{
	struct sigaction sa;

	if (pipe(wake_pipe) != 0 || fcntl(wake_pipe[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(wake_pipe[1], F_SETFD, FD_CLOEXEC) != 0)
		return rjk_error_set(err, "cannot watch for stop requests: %s", strerror(errno));
	/* The handler must never block, whatever the watcher is doing. */
	fcntl(wake_pipe[1], F_SETFL, O_NONBLOCK);
	Uint32 type = SDL_RegisterEvents(1);
	event_type = type == (Uint32)-1 ? 0 : type;
	watcher = SDL_CreateThread(watch, "rjk-signals", NULL);
	if (!watcher) {
		signals_stop();
		return rjk_error_set(err, "cannot watch for stop requests: %s", SDL_GetError());
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigfillset(&sa.sa_mask);
	for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
		sigaction(stop_signals[i], &sa, &saved[i]);
	return true;
}

uint32_t signals_event(void)
{
	return event_type;
}

int signals_caught(void)
{
	return caught;
}

void signals_stop(void)
{
	if (watcher) {
		for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
			sigaction(stop_signals[i], &saved[i], NULL);
		close(wake_pipe[1]);
		wake_pipe[1] = -1;
		SDL_WaitThread(watcher, NULL);
		watcher = NULL;
	}
	for (int i = 0; i < 2; i++) {
		if (wake_pipe[i] >= 0)
			close(wake_pipe[i]);
		wake_pipe[i] = -1;
	}
	event_type = 0;
}
