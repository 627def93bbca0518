/* Tests of listing a scenarios folder for the menu: valid scenarios with their title and
 * description, invalid ones with their errors, other entries skipped, a missing folder. */
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

static int setup(void **state)
{
	char cmd[512];

	(void)state;
	strcpy(dir, "/tmp/rjk-scendir-XXXXXX");
	if (!mkdtemp(dir))
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lists_valid_and_invalid_scenarios, setup,
						teardown),
		cmocka_unit_test(test_missing_folder_is_an_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
