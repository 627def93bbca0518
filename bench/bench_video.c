/* Benchmark: plays a video file to the end fullscreen through the kiosk's player and video view,
 * presenting only when a new picture arrives (compare with scripts/bench-video.sh). */
#include <SDL.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "media/player.h"
#include "ui/video_view.h"

static Uint32 wake_event;
static atomic_bool wake_pending;

/* libvlc's threads: one pending wake-up is enough, the main loop reads everything at once. */
static void wake(void *data)
{
	if (atomic_exchange(&wake_pending, true))
		return;
	SDL_Event ev = { .type = wake_event };
	SDL_PushEvent(&ev);
}

/* With RJK_BENCH_VERBOSE set: every libvlc and player log line, to see the decoder's and the
 * video output's choices. */
static void print_log(void *data, enum player_log_level level, const char *line)
{
	(void)data;
	(void)level;
	fprintf(stderr, "%s\n", line);
}

static long peak_rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = -1;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
			break;
	if (f)
		fclose(f);
	return kib;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s VIDEO [RENDERER]\n(RENDERER: software (default), opengl, ...)\n",
			argv[0]);
		return 2;
	}
	const char *renderer_name = argc > 2 ? argv[2] : "software";
	SDL_SetHint(SDL_HINT_RENDER_DRIVER, renderer_name);
	/* Otherwise SDL backs the software renderer's window with an OpenGL texture, which on a
	 * machine without a GPU means Mesa's llvmpipe: several times the CPU of X11 shared memory. */
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, "SDL: %s\n", SDL_GetError());
		return 1;
	}
	wake_event = SDL_RegisterEvents(1);
	SDL_DisplayMode mode;
	SDL_GetDesktopDisplayMode(0, &mode);
	SDL_Window *window = SDL_CreateWindow("bench_video", 0, 0, mode.w, mode.h,
					      SDL_WINDOW_FULLSCREEN_DESKTOP);
	SDL_Renderer *renderer = window ? SDL_CreateRenderer(window, -1, 0) : NULL;
	if (!renderer) {
		fprintf(stderr, "SDL: %s\n", SDL_GetError());
		return 1;
	}
	struct player_options opts = { .silent = true, .wake = wake };
	if (getenv("RJK_BENCH_VERBOSE"))
		opts.log = print_log;
	struct rjk_error err = { { 0 } };
	struct player *player = player_vlc_new(&opts, &err);
	struct video_view *view = video_view_new(renderer);
	if (player && view)
		video_view_fit_player(view, player);
	if (!player || !view || !player_open(player, argv[1], &err)) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	player_play(player);
	int w, h;
	SDL_GetRendererOutputSize(renderer, &w, &h);
	SDL_Rect area = { 0, 0, w, h };
	unsigned presented = 0;
	Uint64 start = SDL_GetTicks64();
	bool running = true;
	while (running) {
		SDL_Event ev;
		if (!SDL_WaitEventTimeout(&ev, player_timeout_ms(player) < 0 ? 1000
									 : player_timeout_ms(player) + 1))
			ev.type = 0;
		if (ev.type == SDL_QUIT)
			break;
		atomic_store(&wake_pending, false);
		player_update(player);
		if (video_view_update(view, player)) {
			video_view_draw(view, &area);
			SDL_RenderPresent(renderer);
			presented++;
		}
		enum player_state st = player_state(player);
		running = st != PLAYER_ENDED && st != PLAYER_ERROR;
	}
	SDL_RendererInfo info;
	SDL_GetRendererInfo(renderer, &info);
	printf("%s: %s after %.1f s, %u pictures presented at %dx%d, renderer %s, peak RSS %ld KiB\n",
	       argv[1], player_state(player) == PLAYER_ENDED ? "ended" : player_error(player),
	       (SDL_GetTicks64() - start) / 1000.0, presented, w, h, info.name, peak_rss_kib());
	int status = player_state(player) == PLAYER_ENDED ? 0 : 1;
	player_free(player);
	video_view_free(view);
	SDL_DestroyRenderer(renderer);
	SDL_DestroyWindow(window);
	SDL_Quit();
	return status;
}
