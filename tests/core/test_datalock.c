/* Tests of the data folder's lock: one holder at a time with the holder named, released on
 * release, and lock files that are not ours (a link, a FIFO, a folder) refused without
 * hanging. */
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

#include "core/datalock.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/rjk-lock-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

/* A second taker is refused, naming the first one by role and PID, until it is released. */
static void test_one_holder(void **state)
{
	static const struct {
		enum datalock_role first, second;
		const char *named;
	} cases[] = {
		{DATALOCK_KIOSK, DATALOCK_KIOSK, "another kiosk (PID %ld, started "},
		{DATALOCK_KIOSK, DATALOCK_PURGE, "a kiosk (PID %ld, started "},
		{DATALOCK_PURGE, DATALOCK_KIOSK, "'rjkiosk purge' (PID %ld, started "},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rjk_error err = {{0}};
		char want[128];
		bool busy = false;
		struct datalock *a = datalock_take(dir, cases[i].first, &busy, &err);

		assert_non_null(a);
		assert_false(busy);
		assert_null(datalock_take(dir, cases[i].second, &busy, &err));
		assert_true(busy);
		snprintf(want, sizeof want, cases[i].named, (long)getpid());
		if (!strstr(err.message, want) || !strstr(err.message, dir))
			fail_msg("case %zu: '%s' lacks '%s'", i, err.message, want);
		datalock_release(a);
		a = datalock_take(dir, cases[i].second, &busy, &err);
		assert_non_null(a);
		datalock_release(a);
	}
}

/* The lock file is private, and a missing data folder is made. */
static void test_private_file(void **state)
{
	char sub[128], path[192];
	struct stat st;
	struct rjk_error err = {{0}};

	(void)state;
	snprintf(sub, sizeof sub, "%s/new/data", dir);
	struct datalock *lock = datalock_take(sub, DATALOCK_KIOSK, NULL, &err);
	assert_non_null(lock);
	snprintf(path, sizeof path, "%s/%s", sub, DATALOCK_FILE);
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0600);
	datalock_release(lock);
}

/* Something else at the lock file's name is refused, and never waited on. */
static void test_not_a_lock_file(void **state)
{
	static const char *const kinds[] = {"link", "fifo", "folder"};
	char path[192];

	(void)state;
	snprintf(path, sizeof path, "%s/%s", dir, DATALOCK_FILE);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		struct rjk_error err = {{0}};
		bool busy = true;

		if (i == 0)
			assert_int_equal(symlink("/tmp/elsewhere", path), 0);
		else if (i == 1)
			assert_int_equal(mkfifo(path, 0600), 0);
		else
			assert_int_equal(mkdir(path, 0700), 0);
		assert_null(datalock_take(dir, DATALOCK_KIOSK, &busy, &err));
		assert_false(busy);
		if (!strstr(err.message, path) || !strstr(err.message, "remove it"))
			fail_msg("%s: unexpected message '%s'", kinds[i], err.message);
		if (i == 2)
			rmdir(path);
		else
			unlink(path);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_one_holder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_private_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_lock_file, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
