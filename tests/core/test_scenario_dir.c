/* Tests of listing a scenarios folder for the menu: valid scenarios with their title and
 * description, invalid ones with their errors, other entries skipped, a missing folder, and a
 * folder of many scenarios: every one listed in folder-name order, up to the bound. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/scenario_dir.h"

static char dir[64];

/* An empty folder to fill, in dir. */
static int make_dir(void)
{
	strcpy(dir, "/tmp/rjk-scendir-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int setup(void **state)
{
	char cmd[512];

	(void)state;
	if (make_dir())
		return -1;
	snprintf(cmd, sizeof cmd,
		 "cp -r '%s/sample' '%s/b-sample' && mkdir '%s/a-broken' '%s/c-empty' && "
		 "printf 'rjkiosk: 1\\nid: broken\\ntitle: x\\nstepz: []\\n' >"
		 " '%s/a-broken/scenario.yaml' && touch '%s/notes.txt' && mkdir '%s/d-pipe' && "
		 "mkfifo '%s/d-pipe/scenario.yaml'",
		 RJK_SCENARIOS, dir, dir, dir, dir, dir, dir, dir);
	return system(cmd);
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

static void test_lists_valid_and_invalid_scenarios(void **state)
{
	struct scenario_dir list;
	struct rjk_error err = {{0}};

	(void)state;
	/* A named pipe as scenario.yaml is refused at once; the alarm fails a hang. */
	alarm(10);
	assert_true(scenario_dir_list(dir, &list, &err));
	alarm(0);
	/* The folder without a scenario.yaml and the stray file are not scenarios. */
	assert_int_equal(list.count, 3);
	assert_false(list.entries[2].valid);
	assert_string_equal(list.entries[2].title, "d-pipe");
	assert_non_null(strstr(list.entries[2].errors.items[0], "is not a regular file (a named "
							       "pipe)"));
	assert_false(list.entries[0].valid);
	assert_string_equal(list.entries[0].title, "a-broken");
	assert_true(list.entries[0].errors.count > 0);
	assert_non_null(strstr(list.entries[0].errors.items[0], "scenario.yaml"));
	assert_true(list.entries[1].valid);
	assert_string_equal(list.entries[1].title, "Harm, forgiveness and a shared purpose");
	assert_true(strlen(list.entries[1].description) > 0);
	assert_int_equal(list.entries[1].errors.count, 0);
	assert_non_null(strstr(list.entries[1].path, "b-sample"));
	/* The folder's absolute path, as a loaded scenario has it, tells the running one. */
	char *real = realpath(list.entries[1].path, NULL);
	assert_non_null(real);
	assert_string_equal(list.entries[1].dir, real);
	free(real);
	assert_null(list.entries[0].dir);
	scenario_dir_release(&list);
	scenario_dir_release(&list); /* released twice is harmless */
}

static void test_missing_folder_is_an_error(void **state)
{
	struct scenario_dir list;
	struct rjk_error err = {{0}};

	(void)state;
	assert_false(scenario_dir_list("/nonexistent/scenarios", &list, &err));
	assert_non_null(strstr(err.message, "/nonexistent/scenarios"));
	assert_int_equal(list.count, 0);
}

/* A folder of n small scenarios ("s-0000" to n - 1, titled "Scenario N"), made in an order
 * unlike the names' so that the order read back from the folder is not the sorted one. */
static void make_scenarios(size_t n)
{
	for (size_t k = 0; k < n; k++) {
		size_t i = (k * 7919) % n;
		char path[128];
		FILE *f;

		snprintf(path, sizeof path, "%s/s-%04zu", dir, i);
		assert_int_equal(mkdir(path, 0700), 0);
		strcat(path, "/scenario.yaml");
		assert_non_null(f = fopen(path, "w"));
		fprintf(f, "rjkiosk: 1\nid: s-%04zu\ntitle: Scenario %zu\nsteps:\n"
			"  - id: talk\n    kind: discussion\n    text: What stood out?\n", i, i);
		assert_int_equal(fclose(f), 0);
	}
}

static const struct {
	size_t made, listed, omitted;
} many[] = {
	{1, 1, 0},
	{64, 64, 0},
	{65, 65, 0},  /* one more than the menu listed once, in whatever order the folder gave */
	{100, 100, 0},
	{SCENARIO_DIR_MAX, SCENARIO_DIR_MAX, 0},
	{SCENARIO_DIR_MAX + 3, SCENARIO_DIR_MAX, 3}, /* the last 3 by folder name left out */
};

static void test_lists_every_scenario_sorted(void **state)
{
	(void)state;
	for (size_t t = 0; t < sizeof many / sizeof many[0]; t++) {
		struct scenario_dir list;
		struct rjk_error err = {{0}};
		char want[128];

		assert_int_equal(make_dir(), 0);
		make_scenarios(many[t].made);
		assert_true(scenario_dir_list(dir, &list, &err));
		assert_int_equal(list.count, many[t].listed);
		assert_int_equal(list.omitted, many[t].omitted);
		for (size_t i = 0; i < list.count; i++) {
			snprintf(want, sizeof want, "%s/s-%04zu", dir, i);
			assert_string_equal(list.entries[i].path, want);
			snprintf(want, sizeof want, "Scenario %zu", i);
			assert_string_equal(list.entries[i].title, want);
			assert_true(list.entries[i].valid);
		}
		scenario_dir_release(&list);
		assert_int_equal(teardown(NULL), 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lists_valid_and_invalid_scenarios, setup,
						teardown),
		cmocka_unit_test(test_missing_folder_is_an_error),
		cmocka_unit_test(test_lists_every_scenario_sorted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
