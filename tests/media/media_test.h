/* Helpers shared by the libvlc test suites: a silent player and waiting for its states. */
#ifndef RJK_TESTS_MEDIA_TEST_H
#define RJK_TESTS_MEDIA_TEST_H

#include <stdbool.h>
#include <stdint.h>

#include "media/player.h"

/* The test clips in tests/data/media (see scripts/make-test-media.sh). COUNTER: 176x100, 25 fps,
 * 3 s, with sound, index first; every picture is flat grey with luma 16 + 3 * its frame number, so a test
 * can tell which frame is on screen. ANAMORPHIC: 160x120 red, pixel aspect 4:3, 1 s. */
#define MEDIA_COUNTER RJK_TEST_DATA "/media/counter.mp4"
#define MEDIA_ANAMORPHIC RJK_TEST_DATA "/media/anamorphic.mp4"
/* STILL: one unchanging picture at 1 fps with a 4 s tone. SLIDE: one unchanging picture at
 * 2 fps, 4 s, no sound. */
#define MEDIA_STILL RJK_TEST_DATA "/media/still.mp4"
/* ROTATED: 160x96 red, 1 s, marked to be shown turned 90 degrees (96x160). */
#define MEDIA_ROTATED RJK_TEST_DATA "/media/rotated.mp4"
#define MEDIA_SLIDE RJK_TEST_DATA "/media/slide.mp4"
#define COUNTER_FRAME_MS 40

/* A silent libvlc player with a quiet log (RJK_TEST_VERBOSE=1 prints it); fails the test if
 * libvlc cannot start. */
struct player *media_test_player(void);

/* media_test_player() with a stall watchdog of stall_ms. */
struct player *media_test_player_stall(unsigned stall_ms);

/* media_test_player() with path opened (not playing yet). */
struct player *media_test_open(const char *path);

/* Runs player_update() until the state is want or timeout_ms passes; returns the state reached.
 * Counts new frames into *frames when not NULL. */
enum player_state media_test_wait(struct player *p, enum player_state want, int timeout_ms,
				  int *frames);

/* Runs player_update() for ms milliseconds. */
void media_test_run(struct player *p, int ms);

/* The frame number a COUNTER picture shows (its luma at the centre). */
int media_test_counter_index(const struct player_frame *f);

/* The libvlc video output the last picture went through ("rjkiosk" for pictures lent without a
 * copy, "vmem" for libvlc's memory output), "" before any. */
const char *media_test_video_output(void);
/* Errors the player has logged since the last media_test_player*() made one. */
int media_test_errors_logged(void);

int64_t media_test_now_ms(void);

#endif
