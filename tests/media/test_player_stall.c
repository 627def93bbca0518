/* Tests for the libvlc player's stall watchdog: a source that stops delivering mid-way becomes
 * an error with a message in time; still pictures, slides, pauses, cues and seeks never do.
 * The stalled source is stall_io.c, linked into this program. */
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

#define STALL_MS 1000

static struct player *open_with_stall(const char *path)
{
	struct player *p = media_test_player_stall(STALL_MS);
	struct rjk_error err = { { 0 } };
	if (!player_open(p, path, &err))
		fail_msg("%s", err.message);
	return p;
}

/* The counter clip's source stops after 9500 of its 14876 bytes: libvlc has shown about 1.2 s
 * of it and then waits for data that never comes, repainting the last picture. */
static void test_source_stopping_midway_is_an_error(void **state)
{
	setenv("RJK_STALL_FILE", MEDIA_COUNTER, 1);
	setenv("RJK_STALL_AFTER", "9500", 1);
	struct player *p = open_with_stall(MEDIA_COUNTER);
	player_play(p);
	assert_int_equal(media_test_wait(p, PLAYER_PLAYING, 5000, NULL), PLAYER_PLAYING);

	int64_t end = media_test_now_ms() + 10000, changed_at = media_test_now_ms();
	int index = -1, pictures = 0;
	while (player_state(p) == PLAYER_PLAYING && media_test_now_ms() < end) {
		player_update(p);
		struct player_frame f;
		if (player_frame_acquire(p, 0, &f)) {
			if (media_test_counter_index(&f) != index) {
				index = media_test_counter_index(&f);
				changed_at = media_test_now_ms();
				pictures++;
			}
			player_frame_release(p);
		}
		/* The main loop must keep waking while playing, even when nothing arrives. */
		if (player_state(p) == PLAYER_PLAYING) {
			int timeout = player_timeout_ms(p);
			assert_true(timeout >= 0 && timeout <= STALL_MS);
		}
		usleep(2000);
	}
	int64_t after = media_test_now_ms() - changed_at;
	print_message("error %lld ms after the last new picture (limit %d ms), %d pictures\n",
		      (long long)after, STALL_MS, pictures);
	assert_string_equal(player_state_name(player_state(p)), "error");
	assert_true(pictures >= 10); /* it stopped in the middle, not at the start */
	if (after < STALL_MS - 100 || after > STALL_MS + 1500)
		fail_msg("the error came %lld ms after the last new picture", (long long)after);
	const char *message = player_error(p);
	if (!strstr(message, MEDIA_COUNTER) || !strstr(message, "stopped at 0:01 of 0:03") ||
	    !strstr(message, "network share"))
		fail_msg("unexpected message '%s'", message);
	assert_int_equal(player_timeout_ms(p), -1); /* nothing left to watch */
	player_free(p); /* libvlc's blocked read is interrupted: no hang */
}

/* Even after a failed test, the next ones read their files normally. */
static int read_normally(void **state)
{
	unsetenv("RJK_STALL_FILE");
	unsetenv("RJK_STALL_AFTER");
	return 0;
}

/* Pictures that never change (one a second with sound, two a second without) play to the end
 * although the limit is shorter than the video. */
static void test_still_pictures_play_to_the_end(void **state)
{
	const char *clips[] = { MEDIA_STILL, MEDIA_SLIDE };
	for (size_t i = 0; i < sizeof clips / sizeof clips[0]; i++) {
		struct player *p = open_with_stall(clips[i]);
		int frames = 0;
		player_play(p);
		media_test_wait(p, PLAYER_ENDED, 10000, &frames);
		if (player_state(p) != PLAYER_ENDED)
			fail_msg("%s: state %s: %s", clips[i], player_state_name(player_state(p)),
				 player_error(p));
		assert_true(frames >= 1);
		player_free(p);
	}
}

/* Pausing (the trainee, a cue, the facilitator's page) for longer than the limit, seeking back
 * and restarting are no stall. */
static void test_pauses_and_seeks_are_no_stall(void **state)
{
	struct player *p = open_with_stall(MEDIA_COUNTER);
	player_pause_at(p, 600);
	player_play(p);
	assert_int_equal(media_test_wait(p, PLAYER_PAUSED, 5000, NULL), PLAYER_PAUSED); /* cue */
	media_test_run(p, STALL_MS + 300);
	assert_int_equal(player_state(p), PLAYER_PAUSED);
	assert_int_equal(player_timeout_ms(p), -1); /* paused: the loop may sleep */
	player_play(p);
	media_test_run(p, 300);
	player_pause(p); /* the trainee */
	media_test_run(p, STALL_MS + 300);
	assert_int_equal(player_state(p), PLAYER_PAUSED);
	player_play(p);
	media_test_run(p, 300);
	player_seek(p, 200); /* back */
	media_test_run(p, 300);
	player_seek(p, 0); /* restart */
	assert_int_equal(media_test_wait(p, PLAYER_ENDED, 8000, NULL), PLAYER_ENDED);
	assert_string_equal(player_error(p), "");
	player_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_source_stopping_midway_is_an_error, read_normally),
		cmocka_unit_test(test_still_pictures_play_to_the_end),
		cmocka_unit_test(test_pauses_and_seeks_are_no_stall),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
