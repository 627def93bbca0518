/* Full-disk test of the response store on a real, tiny tmpfs (needs root and mount rights; the
 * test is skipped without them, and test_store covers a full database through SQLite's page
 * limit everywhere). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/export.h"
#include "core/store.h"
#include "store_fixture.h"

#define TMPFS_BYTES (1024 * 1024)

/* Where the tmpfs is mounted, so the teardown unmounts it even when a check failed. */
static char mounted[160];
static char temp_dir[128];

/* Fills the file system with a file until writes fail; returns false when it cannot. */
static bool fill(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return false;
	char block[4096];
	memset(block, 0, sizeof block);
	while (write(fd, block, sizeof block) > 0)
		;
	bool full = errno == ENOSPC;
	close(fd);
	return full;
}

static void test_full_tmpfs(void **state)
{
	char *dir = temp_dir, *mnt = mounted, data[192], filler[192], out[192];
	assert_true(fixture_tempdir(dir, sizeof temp_dir));
	snprintf(mnt, sizeof mounted, "%s/mnt", dir);
	assert_int_equal(mkdir(mnt, 0700), 0);
	char opts[64];
	snprintf(opts, sizeof opts, "size=%d,mode=0700", TMPFS_BYTES);
	if (geteuid() != 0 || mount("tmpfs", mnt, "tmpfs", MS_NOSUID | MS_NODEV, opts) != 0) {
		fprintf(stderr, "skipping the tmpfs part: cannot mount a tmpfs here (%s)\n",
			geteuid() != 0 ? "not root" : strerror(errno));
		mounted[0] = '\0';
		skip();
	}
	snprintf(data, sizeof data, "%s/data", mnt);
	snprintf(filler, sizeof filler, "%s/filler", mnt);
	snprintf(out, sizeof out, "%s/export.csv", mnt);

	struct rjk_error err = {{0}};
	struct store *store = store_open(data, &err);
	assert_non_null(store);
	assert_true(fixture_populate(store));
	int64_t session = store_session_start(store, fixture_scenario(), NULL, &err);
	int64_t who = store_participant_add(store, session, NULL, NULL, 0, &err);
	assert_true(who > 0);
	assert_true(fill(filler));

	char *text = malloc(3001), step[32];
	memset(text, 'y', 3000);
	text[3000] = '\0';
	struct response r = {.step_id = step, .kind = STEP_TEXT, .prompt = "More?",
			     .status = RESPONSE_ANSWERED, .text = text, .video_ms = -1};
	int saved = 0;
	bool ok = true;
	while (ok && saved < 2000) {
		snprintf(step, sizeof step, "fill-%d", saved);
		ok = store_save_response(store, who, &r, &err);
		saved += ok;
	}
	assert_false(ok);
	if (!strstr(err.message, "disk is full"))
		fail_msg("unexpected message: %s", err.message);

	/* An export to the full disk fails cleanly and leaves no half-written file. */
	struct export_options eo = {.format = EXPORT_CSV};
	assert_false(export_to_path(store, &eo, out, NULL, &err));
	assert_int_not_equal(access(out, F_OK), 0);

	/* Earlier data is intact, and once the facilitator frees space saving works again. */
	struct store_session_info *list;
	size_t n;
	assert_true(store_list_sessions(store, 0, &list, &n, &err));
	assert_int_equal(n, 3);
	assert_int_equal(list[0].answered, 11);
	store_sessions_free(list, n);
	assert_int_equal(unlink(filler), 0);
	assert_true(store_save_response(store, who, &r, &err));
	assert_true(export_to_path(store, &eo, out, NULL, &err));
	store_close(store);

	store = store_open(data, &err);
	assert_non_null(store);
	struct stored_response *got;
	assert_true(store_load_responses(store, who, &got, &n, &err));
	assert_int_equal(n, (size_t)saved + 1);
	store_responses_free(got, n);
	store_close(store);
	free(text);
}

static int teardown(void **state)
{
	if (mounted[0] && umount2(mounted, MNT_DETACH) != 0)
		fprintf(stderr, "cannot unmount %s: %s\n", mounted, strerror(errno));
	if (temp_dir[0])
		fixture_rmtree(temp_dir);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_full_tmpfs, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
