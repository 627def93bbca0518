/* Tests that a decoder which falls behind at the start never shows a damaged picture: libvlc
 * may skip whole late pictures, but never throws away compressed data a later picture is built
 * on (which shows grey, smeared pictures until the next key frame). The slow decoder is
 * slow_decode.c, linked into this program. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "media_test.h"

#define COUNTER_FRAMES 75

static int dropped_blocks;

/* libvlc's avcodec module says "... dropping frame" each time it throws a packet away
 * undecoded to catch up. */
static void count_drops(void *data, enum player_log_level level, const char *line)
{
	(void)data;
	(void)level;
	if (strstr(line, "dropping frame"))
		dropped_blocks++;
	if (getenv("RJK_TEST_VERBOSE"))
		fprintf(stderr, "%s\n", line);
}

/* The counter clip, with its first 20 packets taking 80 ms each to decode (1.6 s for 0.8 s of
 * video): every picture shown must be a whole picture of the clip, in order, to the last. */
static void test_late_decoder_shows_no_damaged_picture(void **state)
{
	(void)state;
	setenv("RJK_SLOW_PACKETS", "20", 1);
	setenv("RJK_SLOW_MS", "80", 1);
	struct player_options opts = { .silent = true, .watchdog_ms = 5000, .log = count_drops };
	struct rjk_error err = { { 0 } };
	struct player *p = player_vlc_new(&opts, &err);
	if (!p || !player_open(p, MEDIA_COUNTER, &err))
		fail_msg("%s", err.message);
	player_play(p);

	int64_t end = media_test_now_ms() + 15000;
	int last = -1, shown = 0, damaged = 0;
	uint64_t serial = 0;
	while (player_state(p) != PLAYER_ENDED && player_state(p) != PLAYER_ERROR &&
	       media_test_now_ms() < end) {
		player_update(p);
		struct player_frame f;
		if (player_frame_acquire(p, serial, &f)) {
			int index = media_test_counter_index(&f);
			int luma = f.planes[0][(size_t)f.pitches[0] * (f.height / 2) + f.width / 2];
			serial = f.serial;
			/* A damaged picture is off the clip's levels or out of order. */
			if (index < last || index >= COUNTER_FRAMES || abs(luma - (16 + 3 * index)) > 1)
				damaged++;
			last = index;
			shown++;
			player_frame_release(p);
		}
		usleep(2000);
	}
	print_message("%d pictures shown, last %d, %d packets dropped undecoded, %d damaged\n",
		      shown, last, dropped_blocks, damaged);
	assert_string_equal(player_state_name(player_state(p)), "ended");
	assert_int_equal(dropped_blocks, 0);
	assert_int_equal(damaged, 0);
	assert_int_equal(last, COUNTER_FRAMES - 1);
	player_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_late_decoder_shows_no_damaged_picture),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
