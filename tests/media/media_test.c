/* Helpers shared by the libvlc test suites: a silent player and waiting for its states. */
#include "media_test.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char video_output[64];
static int errors_logged;

static void quiet_log(void *data, enum player_log_level level, const char *line)
{
	const char *chosen = strstr(line, "using vout display module \"");
	if (chosen)
		sscanf(chosen + strlen("using vout display module \""), "%63[^\"]", video_output);
	if (level >= PLAYER_LOG_ERROR)
		errors_logged++;
	/* Through libvlc's memory output, libvlc reports failed hardware chromas as errors during
	 * every normal start; a verbose run (RJK_TEST_VERBOSE) shows everything. */
	if (getenv("RJK_TEST_VERBOSE"))
		fprintf(stderr, "[%d] %s\n", (int)level, line);
}

struct player *media_test_player(void)
{
	return media_test_player_stall(0);
}

struct player *media_test_player_stall(unsigned stall_ms)
{
	struct player_options opts = { .silent = true, .watchdog_ms = 3000, .stall_ms = stall_ms,
				       .log = quiet_log };
	struct rjk_error err = { { 0 } };
	errors_logged = 0;
	struct player *p = player_vlc_new(&opts, &err);
	if (!p)
		fail_msg("%s", err.message);
	return p;
}

struct player *media_test_open(const char *path)
{
	struct player *p = media_test_player();
	struct rjk_error err = { { 0 } };
	if (!player_open(p, path, &err))
		fail_msg("%s", err.message);
	return p;
}

const char *media_test_video_output(void)
{
	return video_output;
}

int media_test_errors_logged(void)
{
	return errors_logged;
}

int64_t media_test_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

enum player_state media_test_wait(struct player *p, enum player_state want, int timeout_ms,
				  int *frames)
{
	int64_t end = media_test_now_ms() + timeout_ms;
	for (;;) {
		unsigned changed = player_update(p);
		if (frames && (changed & PLAYER_CHANGED_FRAME))
			++*frames;
		if (player_state(p) == want || media_test_now_ms() >= end)
			return player_state(p);
		usleep(2000);
	}
}

void media_test_run(struct player *p, int ms)
{
	int64_t end = media_test_now_ms() + ms;
	while (media_test_now_ms() < end) {
		player_update(p);
		usleep(2000);
	}
}

int media_test_counter_index(const struct player_frame *f)
{
	int luma = f->planes[0][(size_t)f->pitches[0] * (f->height / 2) + f->width / 2];
	return (luma - 16 + 1) / 3;
}

/* libvlc's plugins allocate a little once and keep it in their static data; when the last
 * instance is released libvlc unloads them, and LeakSanitizer then reports that memory as
 * nameless leaks it cannot suppress. Keeping every library mapped (a do-nothing dlclose, in
 * these test programs only) keeps that memory reachable, so leak checks stay strict and still
 * catch the project's own leaks. */
int dlclose(void *handle)
{
	(void)handle;
	return 0;
}
