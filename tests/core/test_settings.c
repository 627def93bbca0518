/* Tests of the persisted settings: defaults, a round trip, a private file, and damaged files
 * that never stop the kiosk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "core/settings.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/rjk-settings-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

static void write_file(const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, SETTINGS_FILE);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_missing_file_gives_the_defaults(void **state)
{
	struct settings s;
	struct rjk_error err = {{0}};

	(void)state;
	assert_true(settings_load(dir, &s, &err));
	assert_int_equal(s.text_percent, 100);
	assert_false(s.high_contrast);
	assert_true(s.captions);
	assert_int_equal(s.idle_s, SETTINGS_IDLE_DEFAULT_S);
	assert_int_equal(s.present_s, 600); /* the facilitator stays present for 10 minutes */
	assert_string_equal(s.scenario, "");
	assert_string_equal(s.xapi_base, "");
	assert_int_equal(s.touch_keyboard, KEYBOARD_AUTO);
	assert_string_equal(s.keyboard_layout, "gb");
}

static void test_saved_settings_come_back_from_a_private_file(void **state)
{
	struct settings s = settings_defaults(), back;
	struct rjk_error err = {{0}};
	char path[128];
	struct stat st;

	(void)state;
	s.text_percent = 150;
	s.high_contrast = true;
	s.captions = false;
	s.volume = 40;
	s.idle_s = 0;
	s.present_s = 0;
	s.touch_keyboard = KEYBOARD_NEVER;
	strcpy(s.keyboard_layout, "fr(bepo)");
	strcpy(s.scenario, "/var/lib/rjkiosk/scenarios/café");
	strcpy(s.xapi_base, "https://training.example.police.uk/rjkiosk/");
	assert_true(settings_save(dir, &s, &err));
	assert_true(settings_load(dir, &back, &err));
	assert_int_equal(back.text_percent, 150);
	assert_true(back.high_contrast);
	assert_false(back.captions);
	assert_int_equal(back.volume, 40);
	assert_int_equal(back.idle_s, 0);
	assert_int_equal(back.present_s, 0);
	assert_string_equal(back.scenario, s.scenario);
	assert_string_equal(back.xapi_base, s.xapi_base);
	assert_int_equal(back.touch_keyboard, KEYBOARD_NEVER);
	assert_string_equal(back.keyboard_layout, "fr(bepo)");
	snprintf(path, sizeof path, "%s/%s", dir, SETTINGS_FILE);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	snprintf(path, sizeof path, "%s/%s.tmp", dir, SETTINGS_FILE);
	assert_int_not_equal(stat(path, &st), 0); /* no temporary file left behind */
}

/* Each damaged line leaves its default; good lines around it still count. */
static void test_damaged_values_are_ignored(void **state)
{
	static const struct {
		const char *file;
		int text_percent, volume, idle_s, present_s;
	} cases[] = {
		{"text_percent=500\nvolume=30\n", 100, 30, SETTINGS_IDLE_DEFAULT_S, 600},
		{"text_percent=12x\nidle_s=-5\n", 100, 80, SETTINGS_IDLE_DEFAULT_S, 600},
		{"garbage\n=\nvolume=\nidle_s=60\n", 100, 80, 60, 600},
		{"\xff\xfe\x00binary", 100, 80, SETTINGS_IDLE_DEFAULT_S, 600},
		{"text_percent=125\r\nidle_s=99999\r\n", 125, 80, SETTINGS_IDLE_DEFAULT_S, 600},
		{"present_s=120\n", 100, 80, SETTINGS_IDLE_DEFAULT_S, 120},
		{"present_s=-1\n", 100, 80, SETTINGS_IDLE_DEFAULT_S, 600},
		{"present_s=999999\n", 100, 80, SETTINGS_IDLE_DEFAULT_S, 600},
		{"touch_keyboard=sometimes\nkeyboard_layout=\nvolume=20\n", 100, 20,
		 SETTINGS_IDLE_DEFAULT_S, 600},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct settings s;
		struct rjk_error err = {{0}};

		write_file(cases[i].file);
		assert_true(settings_load(dir, &s, &err));
		assert_int_equal(s.text_percent, cases[i].text_percent);
		assert_int_equal(s.volume, cases[i].volume);
		assert_int_equal(s.idle_s, cases[i].idle_s);
		assert_int_equal(s.touch_keyboard, KEYBOARD_AUTO);
		assert_string_equal(s.keyboard_layout, "gb");
		assert_int_equal(s.present_s, cases[i].present_s);
	}
}

/* An xAPI base edited by hand into something that is not an absolute IRI is not used: the
 * exports fall back to the default base rather than writing ids an LRS refuses. */
static void test_bad_xapi_base_is_ignored(void **state)
{
	static const struct {
		const char *file, *want;
	} cases[] = {
		{"xapi_base=https://lrs.example.org/r\n", "https://lrs.example.org/r"},
		{"xapi_base=example.org\n", ""},
		{"xapi_base=javascript:alert(1)\n", ""},
		{"xapi_base=http://\n", ""},
		{"xapi_base=https://a.org/\nxapi_base=/relative\n", "https://a.org/"},
		{"xapi_base=\n", ""},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct settings s;
		struct rjk_error err = {{0}};

		write_file(cases[i].file);
		assert_true(settings_load(dir, &s, &err));
		assert_string_equal(s.xapi_base, cases[i].want);
	}
}

static void test_unusable_folder_is_reported(void **state)
{
	struct settings s = settings_defaults();
	struct rjk_error err = {{0}};
	char path[128];

	(void)state;
	write_file("x");
	snprintf(path, sizeof path, "%s/%s", dir, SETTINGS_FILE);
	assert_false(settings_save(path, &s, &err)); /* a file where a folder should be */
	assert_true(strlen(err.message) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_missing_file_gives_the_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_saved_settings_come_back_from_a_private_file,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_values_are_ignored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_xapi_base_is_ignored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unusable_folder_is_reported, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
