/* Tests for the frame pool between libvlc's decoder thread and the main thread, and the null
 * player. */
#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <unistd.h>

#include "media/decode_threads.h"
#include "media/frame_pool.h"
#include "media/player.h"

/* One decoding thread up to 1080p at 30 pictures a second, libvlc's default beyond. */
static void test_decode_threads_by_picture_rate(void **state)
{
	static const struct {
		int w, h;
		int64_t frame_ms;
		int threads;
	} cases[] = {
		{1920, 1080, 33, 1}, /* 1080p at 29.97 or 30 */
		{1920, 1088, 40, 1}, /* 1080p at 25, coded height */
		{1280, 720, 16, 1},  /* 720p at 60 */
		{720, 576, 40, 1},   /* PAL */
		{1920, 1080, 16, 0}, /* 1080p at 60 */
		{3840, 2160, 40, 0}, /* 4K at 25 */
		{1920, 1080, 0, 0},  /* no frame rate known */
		{0, 0, 33, 0},       /* no size known */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(decode_threads(cases[i].w, cases[i].h, cases[i].frame_ms),
				 cases[i].threads);
}

static void test_setup_aligns_planes(void **state)
{
	struct frame_pool *pool = frame_pool_new();
	unsigned pitches[3], lines[3];
	assert_true(frame_pool_setup(pool, 1920, 1080, 1, 1, pitches, lines));
	assert_int_equal(pitches[0], 1920);
	assert_int_equal(lines[0], 1080);
	assert_int_equal(pitches[1], 960);
	assert_int_equal(lines[1], 540);
	assert_true(frame_pool_setup(pool, 175, 99, 4, 3, pitches, lines));
	assert_int_equal(pitches[0], 192);
	assert_int_equal(lines[0], 99);
	assert_int_equal(pitches[2], 96);
	assert_int_equal(lines[2], 50);
	void *planes[3];
	void *token = frame_pool_write(pool, planes);
	for (int i = 0; i < 3; i++)
		assert_int_equal((uintptr_t)planes[i] % 32, 0);
	/* Back to back as SDL_ConvertPixels expects IYUV. */
	assert_ptr_equal(planes[1], (uint8_t *)planes[0] + 192 * 99);
	assert_ptr_equal(planes[2], (uint8_t *)planes[1] + 96 * 50);
	frame_pool_show(pool, token, 0, false);
	struct player_frame f;
	assert_true(frame_pool_acquire(pool, 0, &f));
	assert_int_equal(f.width, 175);
	assert_int_equal(f.height, 99);
	assert_int_equal(f.sar_num, 4);
	assert_int_equal(f.sar_den, 3);
	frame_pool_release(pool);
	frame_pool_free(pool);
}

static void test_newest_frame_and_serials(void **state)
{
	struct frame_pool *pool = frame_pool_new();
	unsigned pitches[3], lines[3];
	assert_true(frame_pool_setup(pool, 64, 32, 1, 1, pitches, lines));
	struct player_frame f;
	assert_false(frame_pool_acquire(pool, 0, &f)); /* nothing shown yet */
	assert_int_equal(frame_pool_time(pool), -1);
	for (int n = 1; n <= 3; n++) {
		void *planes[3];
		void *token = frame_pool_write(pool, planes);
		((uint8_t *)planes[0])[0] = (uint8_t)n;
		frame_pool_show(pool, token, n * 40, false);
	}
	assert_true(frame_pool_acquire(pool, 0, &f));
	assert_int_equal(f.planes[0][0], 3); /* the newest picture, not an older one */
	assert_int_equal(f.time_ms, 120);
	uint64_t seen = f.serial;
	frame_pool_release(pool);
	assert_false(frame_pool_acquire(pool, seen, &f)); /* nothing newer */
	assert_int_equal(frame_pool_shown(pool), 3);
	frame_pool_free(pool);
}

static void test_writer_never_gets_the_read_buffer(void **state)
{
	struct frame_pool *pool = frame_pool_new();
	unsigned pitches[3], lines[3];
	assert_true(frame_pool_setup(pool, 64, 32, 1, 1, pitches, lines));
	void *planes[3];
	frame_pool_show(pool, frame_pool_write(pool, planes), 0, false);
	struct player_frame f;
	assert_true(frame_pool_acquire(pool, 0, &f));
	/* While the reader holds the newest, the decoder may lend pictures it then drops without
	 * showing: it never gets the one being read, and never waits. */
	void *token = NULL;
	for (int n = 0; n < 50; n++) {
		token = frame_pool_write(pool, planes);
		assert_ptr_not_equal(planes[0], f.planes[0]);
	}
	frame_pool_show(pool, token, 50, false);
	frame_pool_release(pool);
	assert_true(frame_pool_acquire(pool, 0, &f));
	assert_int_equal(f.time_ms, 50);
	frame_pool_release(pool);
	frame_pool_free(pool);
}

struct writer {
	struct frame_pool *pool;
	uint8_t *planes0;
	atomic_bool done;
};

static void *write_one(void *arg)
{
	struct writer *w = arg;
	void *planes[3];
	void *token = frame_pool_write(w->pool, planes);
	w->planes0 = planes[0];
	memset(planes[0], 0xEE, 64);
	frame_pool_show(w->pool, token, 99, false);
	atomic_store(&w->done, true);
	return NULL;
}

/* The picture on screen is never torn: while the main thread reads an older picture and the
 * newest must stay intact, the decoder waits for the reader instead of writing into either. */
static void test_writer_waits_for_reader_of_older_picture(void **state)
{
	struct frame_pool *pool = frame_pool_new();
	unsigned pitches[3], lines[3];
	assert_true(frame_pool_setup(pool, 64, 32, 1, 1, pitches, lines));
	void *planes[3];
	void *token = frame_pool_write(pool, planes);
	memset(planes[0], 1, 64);
	frame_pool_show(pool, token, 0, false);
	struct player_frame f;
	assert_true(frame_pool_acquire(pool, 0, &f));
	token = frame_pool_write(pool, planes); /* the spare buffer: no wait */
	assert_ptr_not_equal(planes[0], f.planes[0]);
	memset(planes[0], 2, 64);
	frame_pool_show(pool, token, 33, false);

	struct writer w = { .pool = pool };
	pthread_t thread;
	assert_int_equal(pthread_create(&thread, NULL, write_one, &w), 0);
	usleep(100 * 1000);
	assert_false(atomic_load(&w.done));
	assert_int_equal(f.planes[0][0], 1); /* the held picture is untouched */
	frame_pool_release(pool);
	pthread_join(thread, NULL);
	assert_true(atomic_load(&w.done));
	assert_ptr_equal(w.planes0, f.planes[0]); /* it reused the buffer just released */

	assert_true(frame_pool_acquire(pool, 0, &f));
	assert_int_equal(f.planes[0][0], 0xEE);
	assert_int_equal(f.time_ms, 99);
	frame_pool_release(pool);
	frame_pool_free(pool);
}

static void test_unknown_token_is_ignored(void **state)
{
	struct frame_pool *pool = frame_pool_new();
	unsigned pitches[3], lines[3];
	assert_true(frame_pool_setup(pool, 16, 16, 1, 1, pitches, lines));
	int junk;
	frame_pool_show(pool, &junk, 0, false);
	assert_int_equal(frame_pool_serial(pool), 0);
	frame_pool_reset(pool);
	void *planes[3];
	assert_null(frame_pool_write(pool, planes)); /* no format: nothing to lend */
	frame_pool_free(pool);
	frame_pool_free(NULL);
}

static void test_null_player_reports_no_video(void **state)
{
	struct player *p = player_null_new();
	struct rjk_error err = { { 0 } };
	assert_false(player_open(p, "interview.mp4", &err));
	assert_non_null(strstr(err.message, "no video"));
	player_play(p);
	assert_int_equal(player_update(p), 0);
	assert_int_equal(player_state(p), PLAYER_IDLE);
	assert_int_equal(player_timeout_ms(p), -1);
	struct player_frame f;
	assert_false(player_frame_acquire(p, 0, &f));
	assert_string_equal(player_state_name(PLAYER_ERROR), "error");
	player_free(p);
	player_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_setup_aligns_planes),
		cmocka_unit_test(test_decode_threads_by_picture_rate),
		cmocka_unit_test(test_newest_frame_and_serials),
		cmocka_unit_test(test_writer_never_gets_the_read_buffer),
		cmocka_unit_test(test_writer_waits_for_reader_of_older_picture),
		cmocka_unit_test(test_unknown_token_is_ignored),
		cmocka_unit_test(test_null_player_reports_no_video),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
