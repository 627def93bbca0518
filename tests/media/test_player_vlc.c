/* Tests for the libvlc player: playing, time following the picture, cues, seeking, bad files and
 * repeated use, headless and silent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "media_test.h"

/* Every COUNTER picture is one flat grey: every visible line, the last one included, has the
 * luma of its centre and neutral chroma, whichever output (and padding) delivered it. */
static void assert_visible_part_is_flat_grey(const struct player_frame *f)
{
	int luma = f->planes[0][(size_t)f->pitches[0] * (f->height / 2) + f->width / 2];
	for (int y = 0; y < f->height; y++) {
		const uint8_t *row = f->planes[0] + (size_t)f->pitches[0] * y;
		assert_in_range(row[0], luma - 2, luma + 2);
		assert_in_range(row[f->width - 1], luma - 2, luma + 2);
	}
	for (int k = 1; k < 3; k++)
		for (int y = 0; y < (f->height + 1) / 2; y++)
			assert_in_range(f->planes[k][(size_t)f->pitches[k] * y + (f->width - 1) / 2],
					125, 131);
}

static void test_plays_to_the_end(void **state)
{
	struct player *p = media_test_open(MEDIA_COUNTER);
	player_play(p);
	int frames = 0, mistimed = 0;
	uint64_t seen = 0;
	int64_t end = media_test_now_ms() + 8000;
	while (player_state(p) != PLAYER_ENDED && player_state(p) != PLAYER_ERROR &&
	       media_test_now_ms() < end) {
		player_update(p);
		struct player_frame f;
		if (player_frame_acquire(p, seen, &f)) {
			seen = f.serial;
			frames++;
			assert_int_equal(f.width, 176); /* the decoder's padding is cropped */
			assert_int_equal(f.height, 100);
			assert_visible_part_is_flat_grey(&f);
			/* Captions follow this time: it must be the time of the picture shown. */
			int64_t truth = media_test_counter_index(&f) * COUNTER_FRAME_MS;
			if (llabs(f.time_ms - truth) > 60)
				mistimed++;
			player_frame_release(p);
		}
		usleep(2000);
	}
	assert_string_equal(player_state_name(player_state(p)), "ended");
	/* The output this program is built for (see tests/media.cmake). */
	assert_string_equal(media_test_video_output(), RJK_TEST_VIDEO_OUTPUT);
	/* A normal start logs no error (each would reach the journal): the kiosk's output takes
	 * the pictures of libvlc's hardware decoding tries as they are, building no converter. */
	if (!strcmp(RJK_TEST_VIDEO_OUTPUT, "rjkiosk"))
		assert_int_equal(media_test_errors_logged(), 0);
	assert_true(frames >= 50); /* 75 in the clip; a busy machine may drop a few */
	assert_true(mistimed <= 2);
	assert_in_range(player_length_ms(p), 2900, 3100);
	assert_int_equal(player_time_ms(p), player_length_ms(p));
	player_free(p);
}

/* The newest picture's frame number, after letting a paused player repaint. */
static int shown_index(struct player *p)
{
	media_test_run(p, 400);
	struct player_frame f;
	assert_true(player_frame_acquire(p, 0, &f));
	int index = media_test_counter_index(&f);
	player_frame_release(p);
	return index;
}

static void test_pause_at_cue(void **state)
{
	struct player *p = media_test_open(MEDIA_COUNTER);
	player_pause_at(p, 1500);
	player_play(p);
	assert_int_equal(media_test_wait(p, PLAYER_PAUSED, 5000, NULL), PLAYER_PAUSED);
	assert_in_range(shown_index(p) * COUNTER_FRAME_MS, 1400, 1600);
	assert_in_range(player_time_ms(p), 1400, 1600);
	int64_t paused_at = player_time_ms(p);
	media_test_run(p, 300);
	assert_int_equal(player_time_ms(p), paused_at); /* stays paused over the cue's step */
	player_play(p);
	media_test_run(p, 500);
	assert_int_equal(player_state(p), PLAYER_PLAYING);
	assert_true(player_time_ms(p) > paused_at + 200);
	player_free(p);
}

/* Played on at once from a cue (a question passed in a blink, or by a script): the time and
 * the pictures go on, and the end is reached as an end, not as a file cut short. */
static void test_play_on_at_once_after_a_cue(void **state)
{
	struct player *p = media_test_open(MEDIA_COUNTER);
	player_pause_at(p, 1500);
	player_play(p);
	assert_int_equal(media_test_wait(p, PLAYER_PAUSED, 5000, NULL), PLAYER_PAUSED);
	player_play(p);
	media_test_run(p, 600);
	assert_int_equal(player_state(p), PLAYER_PLAYING);
	assert_true(player_time_ms(p) > 1800);
	assert_int_equal(media_test_wait(p, PLAYER_ENDED, 5000, NULL), PLAYER_ENDED);
	player_free(p);
}

static void test_seek_back_and_restart(void **state)
{
	struct player *p = media_test_open(MEDIA_COUNTER);
	player_play(p);
	assert_int_equal(media_test_wait(p, PLAYER_PLAYING, 5000, NULL), PLAYER_PLAYING);
	media_test_run(p, 1500);
	player_pause(p);
	assert_int_equal(player_state(p), PLAYER_PAUSED);
	player_seek(p, 400); /* back while paused */
	assert_int_equal(player_time_ms(p), 400);
	media_test_run(p, 300);
	assert_int_equal(player_time_ms(p), 400);
	player_play(p);
	/* Playing resumes at the seek point: the first new pictures are from there. */
	int64_t end = media_test_now_ms() + 3000;
	uint64_t seen = 0;
	int index = -1;
	while (index < 0) {
		assert_true(media_test_now_ms() < end);
		player_update(p);
		struct player_frame f;
		if (player_frame_acquire(p, seen, &f)) {
			seen = f.serial;
			if (f.time_ms > 420)
				index = media_test_counter_index(&f);
			player_frame_release(p);
		}
		usleep(2000);
	}
	assert_in_range(index * COUNTER_FRAME_MS, 400, 560);

	/* Play again after the end (libvlc needs a stop first). */
	assert_int_equal(media_test_wait(p, PLAYER_ENDED, 5000, NULL), PLAYER_ENDED);
	player_seek(p, 0);
	player_play(p);
	int frames = 0;
	assert_int_equal(media_test_wait(p, PLAYER_PLAYING, 5000, &frames), PLAYER_PLAYING);
	assert_in_range(player_time_ms(p), 0, 300);
	assert_int_equal(media_test_wait(p, PLAYER_ENDED, 5000, &frames), PLAYER_ENDED);
	assert_true(frames >= 50);
	player_free(p);
}

static void test_pause_before_the_first_picture(void **state)
{
	struct player *p = media_test_open(MEDIA_COUNTER);
	player_play(p);
	player_pause(p);
	/* Waits for the picture to arrive, then stays paused near the start. */
	media_test_run(p, 200);
	assert_int_equal(media_test_wait(p, PLAYER_PAUSED, 5000, NULL), PLAYER_PAUSED);
	media_test_run(p, 500);
	assert_int_equal(player_state(p), PLAYER_PAUSED);
	assert_in_range(player_time_ms(p), 0, 200);
	player_play(p);
	assert_int_equal(media_test_wait(p, PLAYER_ENDED, 5000, NULL), PLAYER_ENDED);
	player_free(p);
}

/* How far before its point a seek while paused may show a picture in the COUNTER clip: libvlc
 * shows the last picture its decoder finishes without reading past the point, which with
 * B-frames was up to six pictures before it (measured at 400, 1400, 1640, 2200, 2800 and 2960
 * ms; exact on the key frame at 1000). Playing on starts exactly at the point. */
#define PAUSED_SEEK_BEHIND_MS (6 * COUNTER_FRAME_MS)

/* Back to a point of a film already watched, paused there (the way back from the first step
 * after the film; a resume at a cue): the picture held is the point's, not the film's first,
 * and the time reads the point. Table: from the end, and from a fresh open. */
static void test_start_paused_at_a_point(void **state)
{
	for (int from_end = 0; from_end < 2; from_end++) {
		struct player *p = media_test_open(MEDIA_COUNTER);
		if (from_end) {
			player_play(p);
			assert_int_equal(media_test_wait(p, PLAYER_ENDED, 8000, NULL), PLAYER_ENDED);
		}
		player_seek(p, 1200);
		player_pause_at(p, 1200);
		player_play(p);
		assert_int_equal(media_test_wait(p, PLAYER_PAUSED, 5000, NULL), PLAYER_PAUSED);
		int64_t shown = shown_index(p) * COUNTER_FRAME_MS;
		/* Not the film's first picture, held while the time reads the point. */
		assert_in_range(shown, 1200 - PAUSED_SEEK_BEHIND_MS, 1200);
		assert_in_range(player_time_ms(p), 1200, 1240);
		player_play(p);
		media_test_run(p, 500);
		assert_int_equal(player_state(p), PLAYER_PLAYING);
		assert_true(player_time_ms(p) > 1400);
		player_free(p);
	}
}

/* Seeking while paused (the trainee drags the bar of a paused video), back and forth and one
 * seek right after another, shows a picture from each point. A measurement, run with
 * RJK_MEASURE_PAUSED_SEEKS=1: with both cores loaded libvlc still shows a picture from
 * elsewhere about once in fifteen runs (docs/video.md), too often for the suite. */
static void test_seeks_while_paused_show_the_point(void **state)
{
	static const int64_t points[] = {400, 1400, 2960, 100, 1000, 2200, 40, 1640, 2800};
	if (!getenv("RJK_MEASURE_PAUSED_SEEKS"))
		skip();
	struct player *p = media_test_open(MEDIA_COUNTER);
	player_pause_at(p, 2600);
	player_play(p);
	assert_int_equal(media_test_wait(p, PLAYER_PAUSED, 5000, NULL), PLAYER_PAUSED);
	for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
		player_seek(p, points[i]);
		assert_int_equal(player_time_ms(p), points[i]);
		int64_t shown = shown_index(p) * COUNTER_FRAME_MS;
		if (shown < points[i] - PAUSED_SEEK_BEHIND_MS || shown > points[i])
			fail_msg("seek to %lld ms while paused shows the picture of %lld ms",
				 (long long)points[i], (long long)shown);
	}
	player_free(p);
}

static void test_square_and_non_square_pixels(void **state)
{
	struct player *p = media_test_open(MEDIA_ANAMORPHIC);
	player_play(p);
	assert_int_equal(media_test_wait(p, PLAYER_PLAYING, 5000, NULL), PLAYER_PLAYING);
	struct player_frame f;
	assert_true(player_frame_acquire(p, 0, &f));
	assert_int_equal(f.width, 160);
	assert_int_equal(f.height, 120);
	assert_int_equal(f.sar_num * 3, f.sar_den * 4); /* 4:3 pixels: a 16:9 picture */
	/* Red, as BT.601 YUV: dark luma, low blue difference, high red difference. */
	size_t centre = (size_t)f.pitches[1] * (f.height / 4) + f.width / 4;
	assert_in_range(f.planes[0][(size_t)f.pitches[0] * (f.height / 2) + f.width / 2], 70, 95);
	assert_in_range(f.planes[1][centre], 80, 110);
	assert_in_range(f.planes[2][centre], 225, 245);
	player_frame_release(p);
	player_close(p);
	assert_int_equal(player_state(p), PLAYER_IDLE);
	player_free(p);
}

/* A film marked to be turned (as phones film upright) is shown upright. The kiosk's own output
 * leaves turning to libvlc's memory output, so both builds play it through that. */
static void test_rotated_video_is_shown_upright(void **state)
{
	struct player *p = media_test_open(MEDIA_ROTATED);
	player_play(p);
	assert_int_equal(media_test_wait(p, PLAYER_PLAYING, 5000, NULL), PLAYER_PLAYING);
	media_test_run(p, 200);
	struct player_frame f;
	assert_true(player_frame_acquire(p, 0, &f));
	assert_int_equal(f.width, 96);
	assert_int_equal(f.height, 160);
	assert_in_range(f.planes[2][(size_t)f.pitches[2] * (f.height / 4) + f.width / 4], 225, 245);
	player_frame_release(p);
	assert_string_equal(media_test_video_output(), "vmem");
	player_free(p);
}

/* Bad files, each made in a scratch folder. */
struct bad_file {
	const char *name;
	void (*make)(const char *path);
	const char *message; /* part of the error every case must give */
};

static void write_bytes(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static void make_corrupt(const char *path)
{
	static unsigned char noise[20000];
	unsigned seed = 7;
	for (size_t i = 0; i < sizeof noise; i++)
		noise[i] = (unsigned char)((seed = seed * 1103515245u + 12345u) >> 16);
	write_bytes(path, noise, sizeof noise);
}

static size_t read_counter(unsigned char *data, size_t size)
{
	FILE *in = fopen(MEDIA_COUNTER, "rb");
	assert_non_null(in);
	size_t n = fread(data, 1, size, in);
	fclose(in);
	assert_true(n > 1000 && n < size);
	return n;
}

/* The first 60 %: the index is there (it comes first), most pictures are not. */
static void make_truncated(const char *path)
{
	static unsigned char data[64 * 1024];
	size_t n = read_counter(data, sizeof data);
	write_bytes(path, data, n * 6 / 10);
}

/* The last half: no header, no index. */
static void make_headless(const char *path)
{
	static unsigned char data[64 * 1024];
	size_t n = read_counter(data, sizeof data);
	write_bytes(path, data + n / 2, n - n / 2);
}

static void make_empty(const char *path)
{
	write_bytes(path, "", 0);
}

static void make_text(const char *path)
{
	const char text[] = "1\n00:00:01,000 --> 00:00:02,000\nA caption file named .mp4\n";
	write_bytes(path, text, sizeof text - 1);
}

static void make_picture(const char *path)
{
	const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
	write_bytes(path, png, sizeof png);
}

static void make_nothing(const char *path)
{
}

static void make_folder(const char *path)
{
	assert_int_equal(mkdir(path, 0700), 0);
}

/* A sound recording with no picture track, made by scripts/make-test-media.sh. */
static void make_sound_only(const char *path)
{
	static unsigned char data[64 * 1024];
	FILE *in = fopen(RJK_TEST_DATA "/media/sound.m4a", "rb");
	assert_non_null(in);
	size_t n = fread(data, 1, sizeof data, in);
	fclose(in);
	assert_true(n > 1000 && n < sizeof data);
	write_bytes(path, data, n);
}

static const struct bad_file bad_files[] = {
	{ "sound.m4a", make_sound_only, "has sound but no picture" },
	{ "corrupt.mp4", make_corrupt, "damaged" },
	{ "truncated.mp4", make_truncated, "truncated" },
	{ "headless.mp4", make_headless, "damaged" },
	{ "empty.mp4", make_empty, "empty" },
	{ "captions.mp4", make_text, "damaged" },
	{ "picture.mp4", make_picture, "still picture" },
	{ "missing.mp4", make_nothing, "not found" },
	{ "folder.mp4", make_folder, "not a video file" },
};

static void test_bad_files_give_an_error_in_time(void **state)
{
	char dir[] = "/tmp/rjk-media-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct player *p = media_test_player();
	for (size_t i = 0; i < sizeof bad_files / sizeof bad_files[0]; i++) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s", dir, bad_files[i].name);
		bad_files[i].make(path);
		struct rjk_error err = { { 0 } };
		int64_t start = media_test_now_ms();
		const char *message = err.message;
		if (player_open(p, path, &err)) {
			player_play(p);
			media_test_wait(p, PLAYER_ERROR, 6000, NULL);
			if (player_state(p) != PLAYER_ERROR)
				fail_msg("%s: state %s, not error", bad_files[i].name,
					 player_state_name(player_state(p)));
			message = player_error(p);
		}
		int64_t took = media_test_now_ms() - start;
		if (took > 5000)
			fail_msg("%s: the error took %lld ms", bad_files[i].name, (long long)took);
		if (!strstr(message, bad_files[i].message) || !strstr(message, path))
			fail_msg("%s: unexpected message '%s'", bad_files[i].name, message);
		player_close(p);
		remove(path);
	}
	player_free(p);
	assert_int_equal(rmdir(dir), 0);
}

static long rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = -1;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld kB", &kib) == 1)
			break;
	if (f)
		fclose(f);
	return kib;
}

static void test_many_cycles_without_deadlock_or_growth(void **state)
{
	struct player *p = media_test_player();
	long warm = 0;
	(void)warm;
	for (int cycle = 0; cycle < 50; cycle++) {
		struct rjk_error err = { { 0 } };
		assert_true(player_open(p, MEDIA_COUNTER, &err));
		player_play(p);
		assert_int_equal(media_test_wait(p, PLAYER_PLAYING, 5000, NULL), PLAYER_PLAYING);
		if (cycle % 2)
			player_pause(p);
		player_close(p);
		/* glibc settles its per-thread arenas over the first cycles. */
		if (cycle == 24)
			warm = rss_kib();
	}
	player_free(p);
#if !defined(__SANITIZE_ADDRESS__)
	long after = rss_kib();
	/* ASan keeps freed memory in quarantine, so only the normal build measures growth; a real
	 * leak of decoder state would grow by megabytes a cycle, allocator noise by a megabyte or
	 * two in all. */
	print_message("resident memory %ld KiB after 25 cycles, %ld KiB after 50\n", warm, after);
	if (after - warm > 8192)
		fail_msg("memory grew from %ld to %ld KiB over 25 cycles", warm, after);
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plays_to_the_end),
		cmocka_unit_test(test_pause_at_cue),
		cmocka_unit_test(test_play_on_at_once_after_a_cue),
		cmocka_unit_test(test_seek_back_and_restart),
		cmocka_unit_test(test_pause_before_the_first_picture),
		cmocka_unit_test(test_start_paused_at_a_point),
		cmocka_unit_test(test_seeks_while_paused_show_the_point),
		cmocka_unit_test(test_square_and_non_square_pixels),
		cmocka_unit_test(test_rotated_video_is_shown_upright),
		cmocka_unit_test(test_bad_files_give_an_error_in_time),
		cmocka_unit_test(test_many_cycles_without_deadlock_or_growth),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
