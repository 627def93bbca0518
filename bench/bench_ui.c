/* UI benchmark (not a test): time from start to the first frame, CPU used while a question
 * sits idle on screen, and the time from a key press to the frame that shows it. Run under a
 * real X server or Xvfb (SDL's offscreen driver polls instead of sleeping).
 * Usage: bench_ui [PRESSES] [IDLE_SECONDS] [DATA_DIR]   (DATA_DIR: an existing data folder,
 * kept, such as one whose answers the kiosk is sending to an LRS meanwhile) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "app/kiosk.h"
#include "app/loop.h"
#include "keys.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	double start = now_ms();
	struct options options = {
		.scenario = RJK_SOURCE_SCENARIO_DIR "/sample",
		.windowed = true,
		.width = 1920,
		.height = 1080,
		.text_percent = 100,
		/* The questions are measured here; playback has its own benchmark (bench_video). */
		.no_video = true,
		.volume = -1,
		.idle_s = -1,
	};
	struct kiosk k;
	struct rjk_error err = {{0}};
	char data[] = "/tmp/rjk-bench-XXXXXX", cmd[64];
	int presses = argc > 1 ? atoi(argv[1]) : 400, idle_s = argc > 2 ? atoi(argv[2]) : 5;
	double first, cpu0, wall0, idle_pct, *lat;

	const char *given = argc > 3 ? argv[3] : NULL;
	if (!given && !mkdtemp(data))
		return 1;
	options.data = given ? given : data;
	if (!kiosk_open(&k, &options, &err) || !k.session) {
		fprintf(stderr, "bench_ui: %s%s\n", err.message, k.problem);
		return 1;
	}
	ui_invalidate(k.ui);
	loop_render(&k);
	loop_present(&k);
	first = now_ms() - start;

	/* Go to the first text question: start, no name, past the content note. */
	loop_apply(&k, (struct ui_action){UI_START, 0, NULL});
	loop_apply(&k, (struct ui_action){UI_WHO, 0, ""});
	loop_apply(&k, (struct ui_action){UI_NOTE_CONTINUE, 0, NULL});
	while (loop_iterate(&k, 50))
		;

	cpu0 = cpu_ms();
	wall0 = now_ms();
	while (now_ms() - wall0 < idle_s * 1000.0)
		loop_iterate(&k, (int)(idle_s * 1000.0 - (now_ms() - wall0)) + 1);
	idle_pct = 100.0 * (cpu_ms() - cpu0) / (now_ms() - wall0);

	lat = calloc((size_t)presses, sizeof *lat);
	for (int i = 0; lat && i < presses; i++) {
		double t0 = now_ms();

		if (i % 50 == 49)
			bench_push_key(SDLK_BACKSPACE, KMOD_NONE, NULL);
		else
			bench_push_key(i % 7 == 6 ? SDLK_SPACE : SDLK_a, KMOD_NONE, i % 7 == 6 ? " " : "a");
		while (!loop_iterate(&k, 100))
			;
		lat[i] = now_ms() - t0;
	}
	if (lat)
		qsort(lat, (size_t)presses, sizeof *lat, compare);
	{
		SDL_RendererInfo info = {0};

		SDL_GetRendererInfo(k.ren, &info);
		printf("video driver:               %s, renderer %s, window 1920x1080\n",
		       SDL_GetCurrentVideoDriver(), info.name ? info.name : "?");
	}
	printf("start to first frame:       %.1f ms (goal < 300 ms)\n", first);
	printf("CPU while a question idles: %.2f%% of a core over %d s (goal < 1%%)\n", idle_pct,
	       idle_s);
	if (lat)
		printf("key press to frame:         p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d "
		       "presses (goal p99 < 16.7 ms)\n", lat[presses / 2], lat[presses * 99 / 100],
		       lat[presses - 1], presses);
	free(lat);
	if (given)
		printf("sending to the LRS meanwhile: %zu statements still queued at the end\n",
		       k.lrs ? (lrs_worker_status(k.lrs, &k.lrs_status), k.lrs_status.queued) : 0);
	kiosk_close(&k);
	if (given)
		return 0;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", data);
	return system(cmd) == 0 ? 0 : 1;
}
