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
	/* Back to back, as SDL's IYUV. */
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

/* Pictures lent by libvlc (media/vlc_display.c): a fake picture that counts its returns. */
struct fake_picture {
	uint8_t pixels[3][64];
	int returned;
};

static void give_back_fake(void *picture)
{
	((struct fake_picture *)picture)->returned++;
}

static uint64_t lend(struct frame_pool *pool, struct fake_picture *pic, int64_t time_ms, bool repeat)
{
	struct player_frame pixels = { .width = 8, .height = 4, .sar_num = 1, .sar_den = 1 };
	for (int k = 0; k < 3; k++) {
		pixels.planes[k] = pic->pixels[k];
		pixels.pitches[k] = k ? 4 : 8;
	}
	return frame_pool_lend(pool, &pixels, give_back_fake, pic, time_ms, repeat);
}

/* The reader sees the newest lent picture; each picture goes back exactly once, as soon as it
 * is neither the newest nor being read, whichever side lets go last. */
static void test_lent_pictures_go_back_once_unused(void **state)
{
	struct frame_pool *pool = frame_pool_new();
	struct fake_picture a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 };
	struct player_frame f;
	uint64_t serial_a = lend(pool, &a, 40, false);
	assert_int_equal(frame_pool_time(pool), 40);
	assert_true(frame_pool_acquire(pool, 0, &f));
	assert_ptr_equal(f.planes[0], a.pixels[0]);
	assert_ptr_equal(f.planes[2], a.pixels[2]);
	assert_int_equal(f.pitches[1], 4);
	assert_int_equal(f.width, 8);
	assert_int_equal(f.serial, serial_a);
	assert_int_equal(f.time_ms, 40);

	lend(pool, &b, 80, false); /* a is being read: kept */
	assert_int_equal(a.returned, 0);
	lend(pool, &c, 120, false); /* b was never read: back at once */
	assert_int_equal(b.returned, 1);
	assert_int_equal(a.returned, 0);
	frame_pool_release(pool); /* the reader lets go of a, which is no longer the newest */
	assert_int_equal(a.returned, 1);

	assert_true(frame_pool_acquire(pool, serial_a, &f));
	assert_ptr_equal(f.planes[0], c.pixels[0]);
	frame_pool_release(pool); /* c is still the newest: kept for repaints */
	assert_int_equal(c.returned, 0);
	assert_false(frame_pool_acquire(pool, f.serial, &f)); /* nothing newer */

	/* The same picture shown again (libvlc repainting) is no new picture, even when the
	 * player's clock runs; its extra reference goes back at once. */
	uint64_t serial_c = frame_pool_serial(pool);
	assert_int_equal(lend(pool, &c, 150, false), serial_c);
	assert_int_equal(c.returned, 1);
	assert_int_equal(frame_pool_time(pool), 150);
	/* A repeat (libvlc repainting while paused) is the newest without a new serial. */
	assert_int_equal(lend(pool, &d, 120, true), serial_c);
	assert_int_equal(c.returned, 2);
	assert_int_equal(frame_pool_shown(pool), 3);

	frame_pool_reset(pool); /* the output closes: everything goes back */
	assert_int_equal(d.returned, 1);
	assert_int_equal(frame_pool_serial(pool), 0);
	assert_false(frame_pool_acquire(pool, 0, &f));
	frame_pool_free(pool);
	assert_int_equal(a.returned + b.returned + c.returned + d.returned, 5);
}

/* One pool switches between its own buffers (libvlc's memory output) and lent pictures (a later
 * video through the kiosk's output) without losing or keeping either. */
static void test_pool_switches_between_own_buffers_and_lent_pictures(void **state)
{
	struct frame_pool *pool = frame_pool_new();
	unsigned pitches[3], lines[3];
	assert_true(frame_pool_setup(pool, 64, 32, 1, 1, pitches, lines));
	void *planes[3];
	frame_pool_show(pool, frame_pool_write(pool, planes), 0, false);

	struct fake_picture a = { 0 };
	lend(pool, &a, 0, false);
	struct player_frame f;
	assert_true(frame_pool_acquire(pool, 0, &f));
	assert_ptr_equal(f.planes[0], a.pixels[0]);
	assert_null(frame_pool_write(pool, planes)); /* no own buffers while lending */
	frame_pool_release(pool);

	assert_true(frame_pool_setup(pool, 64, 32, 1, 1, pitches, lines));
	assert_int_equal(a.returned, 1);
	void *token = frame_pool_write(pool, planes);
	assert_non_null(token);
	frame_pool_show(pool, token, 0, false);
	assert_true(frame_pool_acquire(pool, 0, &f));
	assert_ptr_equal(f.planes[0], planes[0]);
	frame_pool_release(pool);

	struct fake_picture b = { 0 };
	lend(pool, &b, 0, false);
	frame_pool_free(pool); /* the player is freed with a picture still lent */
	assert_int_equal(b.returned, 1);
}

/* The output thread lends a new picture while the main thread reads the one before, a few
 * thousand times: no picture is returned twice or kept. */
struct lend_race {
	struct frame_pool *pool;
	struct fake_picture *pictures;
	int count;
};

static void *lend_all(void *data)
{
	struct lend_race *race = data;
	for (int i = 0; i < race->count; i++)
		lend(race->pool, &race->pictures[i], i, false);
	return NULL;
}

static void test_lending_while_reading_returns_every_picture_once(void **state)
{
	enum { COUNT = 5000 };
	static struct fake_picture pictures[COUNT];
	struct lend_race race = { frame_pool_new(), pictures, COUNT };
	pthread_t writer;
	assert_int_equal(pthread_create(&writer, NULL, lend_all, &race), 0);
	uint64_t seen = 0;
	int64_t last = -1;
	for (int reads = 0; reads < COUNT && last < COUNT - 1;) {
		struct player_frame f;
		if (!frame_pool_acquire(race.pool, seen, &f))
			continue;
		struct fake_picture *pic = (struct fake_picture *)f.planes[0];
		assert_int_equal(pic->returned, 0); /* never given back while read */
		assert_true(f.time_ms > last);     /* pictures come in order */
		last = f.time_ms;
		seen = f.serial;
		frame_pool_release(race.pool);
		reads++;
	}
	assert_int_equal(pthread_join(writer, NULL), 0);
	frame_pool_free(race.pool);
	for (int i = 0; i < COUNT; i++)
		assert_int_equal(pictures[i].returned, 1);
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
		cmocka_unit_test(test_lent_pictures_go_back_once_unused),
		cmocka_unit_test(test_pool_switches_between_own_buffers_and_lent_pictures),
		cmocka_unit_test(test_lending_while_reading_returns_every_picture_once),
		cmocka_unit_test(test_null_player_reports_no_video),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
