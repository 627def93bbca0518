/* Tests for the video view: the picture is uploaded once per new frame and drawn letterboxed
 * with its display aspect, read back from a software renderer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "media_test.h"
#include "ui/video_view.h"

struct fit_case {
	SDL_Rect area;
	int width, height;
	unsigned sar_num, sar_den;
	SDL_Rect expect;
};

static const struct fit_case fit_cases[] = {
	/* 16:9 square pixels on a 16:9 screen: fills it. */
	{ { 0, 0, 1920, 1080 }, 1920, 1080, 1, 1, { 0, 0, 1920, 1080 } },
	/* 4:3 on 16:9: bars left and right. */
	{ { 0, 0, 1920, 1080 }, 640, 480, 1, 1, { 240, 0, 1440, 1080 } },
	/* 16:9 on a square area: bars above and below. */
	{ { 10, 20, 400, 400 }, 1280, 720, 1, 1, { 10, 107, 400, 225 } },
	/* Anamorphic PAL widescreen: 720x576 with 64:45 pixels is 16:9. */
	{ { 0, 0, 1600, 900 }, 720, 576, 64, 45, { 0, 0, 1600, 900 } },
	/* 160x120 with 4:3 pixels is 16:9 too. */
	{ { 0, 0, 400, 400 }, 160, 120, 4, 3, { 0, 87, 400, 225 } },
	/* Nothing to show. */
	{ { 5, 5, 400, 400 }, 0, 0, 1, 1, { 5, 5, 0, 0 } },
};

static void test_fit_keeps_display_aspect(void **state)
{
	for (size_t i = 0; i < sizeof fit_cases / sizeof fit_cases[0]; i++) {
		const struct fit_case *c = &fit_cases[i];
		SDL_Rect r = video_view_fit(&c->area, c->width, c->height, c->sar_num, c->sar_den);
		if (!SDL_RectEquals(&r, &c->expect))
			fail_msg("case %zu: got %d,%d %dx%d", i, r.x, r.y, r.w, r.h);
	}
}

static uint32_t pixel(SDL_Surface *s, int x, int y)
{
	return ((const uint32_t *)s->pixels)[y * (s->pitch / 4) + x];
}

static void assert_colour(SDL_Surface *s, int x, int y, int r, int g, int b)
{
	uint8_t pr, pg, pb;
	SDL_GetRGB(pixel(s, x, y), s->format, &pr, &pg, &pb);
	if (abs(pr - r) > 40 || abs(pg - g) > 40 || abs(pb - b) > 40)
		fail_msg("pixel %d,%d is %d,%d,%d, expected about %d,%d,%d", x, y, pr, pg, pb, r, g,
			 b);
}

static void test_draws_red_picture_between_black_bars(void **state)
{
	assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
	SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, 400, 400, 32,
							     SDL_PIXELFORMAT_RGB888);
	SDL_Renderer *renderer = SDL_CreateSoftwareRenderer(target);
	assert_non_null(renderer);
	struct video_view *view = video_view_new(renderer);
	struct player *p = media_test_open(MEDIA_ANAMORPHIC);
	player_play(p);
	assert_int_equal(media_test_wait(p, PLAYER_PLAYING, 5000, NULL), PLAYER_PLAYING);
	player_pause(p);
	media_test_run(p, 200);
	assert_true(video_view_update(view, p));
	assert_false(video_view_update(view, p)); /* no new frame: nothing uploaded */
	/* The output this program is built for (see tests/media.cmake). */
	assert_string_equal(media_test_video_output(), RJK_TEST_VIDEO_OUTPUT);

	/* Fill with white first so that only the view's own bars can make black. */
	SDL_SetRenderDrawColor(renderer, 255, 255, 255, 255);
	SDL_RenderClear(renderer);
	SDL_Rect area = { 0, 0, 400, 400 };
	video_view_draw(view, &area);
	SDL_RenderPresent(renderer);
	SDL_Rect pic;
	assert_true(video_view_picture_rect(view, &area, &pic));
	assert_int_equal(pic.w, 400);
	assert_int_equal(pic.h, 225); /* 4:3 pixels make it 16:9, not 4:3 */
	assert_colour(target, 200, 200, 255, 0, 0);
	assert_colour(target, 10, 100, 255, 0, 0);
	assert_colour(target, 200, 40, 0, 0, 0);  /* top bar */
	assert_colour(target, 200, 360, 0, 0, 0); /* bottom bar */

	/* A tall, narrow area: bars left and right instead. */
	SDL_RenderClear(renderer);
	SDL_Rect narrow = { 100, 0, 200, 400 };
	video_view_draw(view, &narrow);
	assert_colour(target, 200, 200, 255, 0, 0);
	assert_colour(target, 200, 20, 0, 0, 0);
	assert_colour(target, 50, 200, 255, 255, 255); /* outside the area: untouched */

	video_view_clear(view);
	assert_false(video_view_picture_rect(view, &area, &pic));
	video_view_draw(view, &area);
	assert_colour(target, 200, 200, 0, 0, 0);

	player_free(p);
	video_view_free(view);
	video_view_free(NULL);
	SDL_DestroyRenderer(renderer);
	SDL_FreeSurface(target);
	SDL_Quit();
}

/* SDL's software renderer drawing to a window: a picture at its own size goes straight into
 * the window surface, without a texture. */
static void test_software_window_gets_picture_directly(void **state)
{
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
	SDL_Window *window = SDL_CreateWindow("test", 0, 0, 400, 400, 0);
	assert_non_null(window);
	SDL_Renderer *renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
	assert_non_null(renderer);
	struct video_view *view = video_view_new(renderer);
	struct player *p = media_test_open(MEDIA_COUNTER);
	player_pause_at(p, 600);
	player_play(p);
	assert_int_equal(media_test_wait(p, PLAYER_PAUSED, 5000, NULL), PLAYER_PAUSED);
	media_test_run(p, 200);
	assert_true(video_view_update(view, p));
	struct player_frame f;
	assert_true(player_frame_acquire(p, 0, &f));
	int luma = f.planes[0][(size_t)f.pitches[0] * 50 + 88];
	player_frame_release(p);
	int grey = (luma - 16) * 255 / 219;

	SDL_SetRenderDrawColor(renderer, 255, 255, 255, 255);
	SDL_RenderClear(renderer);
	SDL_RenderPresent(renderer);
	SDL_Rect area = { 50, 60, 176, 140 };
	video_view_draw(view, &area);
	/* Read the window surface before anything is flushed: only a direct write is there yet. */
	SDL_Surface *surface = SDL_GetWindowSurface(window);
	assert_colour(surface, 50 + 88, 80 + 50, grey, grey, grey);
	assert_colour(surface, 50 + 88, 65, 0, 0, 0);	  /* bar above the 176x100 picture */
	assert_colour(surface, 20, 20, 255, 255, 255); /* outside the area */
	SDL_RenderPresent(renderer);
	assert_colour(surface, 50 + 88, 80 + 50, grey, grey, grey);

	player_free(p);
	video_view_free(view);
	SDL_DestroyRenderer(renderer);
	SDL_DestroyWindow(window);
	SDL_Quit();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit_keeps_display_aspect),
		cmocka_unit_test(test_draws_red_picture_between_black_bars),
		cmocka_unit_test(test_software_window_gets_picture_directly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
