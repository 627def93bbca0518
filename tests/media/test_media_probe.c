/* Tests for the media probe: what libvlc reads of each kind of file, with the exact message for
 * each one it refuses, and how long a probe of a good file takes. Linked with media_test.c (its
 * dlclose keeps libvlc's plugins mapped, so leak checks stay strict). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "media/media_probe.h"
#include "media_test.h"

#define DATA RJK_TEST_DATA
#define BYTES(s) s, sizeof(s) - 1

struct probe_case {
	const char *name;     /* a file in tests/data, or one the test writes into a folder */
	const char *content;  /* written to a new file of that name when not NULL */
	size_t len;           /* of content */
	enum media_probe_result result;
	int64_t length_ms;    /* MEDIA_PROBE_OK only */
	unsigned width, height;
	const char *message;  /* after "PATH: ", other results only */
};

static const struct probe_case cases[] = {
	{"media/counter.mp4", NULL, 0, MEDIA_PROBE_OK, 3000, 176, 100, NULL},
	{"media/anamorphic.mp4", NULL, 0, MEDIA_PROBE_OK, 1000, 160, 120, NULL},
	{"media/slide.mp4", NULL, 0, MEDIA_PROBE_OK, 4000, 160, 120, NULL},
	{"media/sound.m4a", NULL, 0, MEDIA_PROBE_NO_PICTURE, 0, 0, 0,
	 "has no picture, only sound or text; the kiosk needs a video file"},
	/* A caption file given as the video: libvlc reads it as a text track. */
	{"captions/basic.vtt", NULL, 0, MEDIA_PROBE_NO_PICTURE, 0, 0, 0,
	 "has no picture, only sound or text; the kiosk needs a video file"},
	{"notes.mp4", BYTES("These are my notes, not a video.\n"), MEDIA_PROBE_UNREADABLE, 0, 0, 0,
	 "is not a video libvlc can read: it finds no picture or sound in it (a damaged "
	 "file, or another kind of file renamed?)"},
	{"empty.mp4", BYTES(""), MEDIA_PROBE_BAD_FILE, 0, 0, 0, "video file is empty (0 bytes)"},
	{"picture.mp4", BYTES("\x89PNG\r\n\x1a\n\0\0\0\x0d"), MEDIA_PROBE_BAD_FILE, 0, 0, 0,
	 "this file is a still picture, not a video"},
};

static void test_cases(void **state)
{
	char dir[] = "/tmp/rjk-probe-XXXXXX";

	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct probe_case *c = &cases[i];
		struct media_probe probe;
		struct rjk_error err = {{0}};
		char path[512];

		snprintf(path, sizeof path, "%s/%s", c->content ? dir : DATA, c->name);
		if (c->content) {
			FILE *f = fopen(path, "wb");

			assert_non_null(f);
			fwrite(c->content, 1, c->len, f);
			fclose(f);
		}
		print_message("%s\n", c->name);
		assert_int_equal(media_probe(path, &probe, &err), c->result);
		if (c->result == MEDIA_PROBE_OK) {
			assert_int_equal(probe.length_ms, c->length_ms);
			assert_int_equal(probe.width, c->width);
			assert_int_equal(probe.height, c->height);
			assert_string_equal(err.message, "");
		} else {
			char want[1024];

			snprintf(want, sizeof want, "%s: %s", path, c->message);
			assert_string_equal(err.message, want);
			assert_int_equal(probe.length_ms, -1);
		}
		if (c->content)
			unlink(path);
	}
	rmdir(dir);
}

/* A normal file is read with well under a second of processor time (most of it starting
 * libvlc); processor time, so that a busy machine does not fail the test. */
static void test_quick(void **state)
{
	struct media_probe probe;
	struct rjk_error err = {{0}};
	int64_t start_ms = media_test_now_ms();
	clock_t start = clock();

	assert_int_equal(media_probe(DATA "/media/counter.mp4", &probe, &err), MEDIA_PROBE_OK);
	print_message("probe: %.0f ms of processor time, %lld ms elapsed\n",
		      (double)(clock() - start) * 1000 / CLOCKS_PER_SEC,
		      (long long)(media_test_now_ms() - start_ms));
	assert_true(clock() - start < CLOCKS_PER_SEC);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_quick),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
