/* Disk trouble for the response store: a real, tiny tmpfs filled to the last byte (needs root
 * and mount rights; skipped without them, and test_store covers a full database through
 * SQLite's page limit everywhere), and write or fsync errors injected through a SQLite VFS. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
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

/* A VFS that is the system's own except that writes or syncs fail while `failing` says so.
 * Files are the real VFS's files with their method table swapped for a patched copy (one per
 * kind of file the real VFS uses). */
#define MAX_METHOD_TABLES 4
static sqlite3_vfs *real_vfs;
static sqlite3_vfs faulty_vfs;
static const sqlite3_io_methods *real_methods[MAX_METHOD_TABLES];
static sqlite3_io_methods faulty_methods[MAX_METHOD_TABLES];
static enum { FAIL_NONE, FAIL_WRITE, FAIL_SYNC } failing;

static const sqlite3_io_methods *original(const sqlite3_file *f)
{
	for (int i = 0; i < MAX_METHOD_TABLES; i++)
		if (f->pMethods == &faulty_methods[i])
			return real_methods[i];
	abort();
}

static int faulty_write(sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
	return failing == FAIL_WRITE ? SQLITE_IOERR_WRITE
				     : original(f)->xWrite(f, buf, amount, offset);
}

static int faulty_sync(sqlite3_file *f, int flags)
{
	return failing == FAIL_SYNC ? SQLITE_IOERR_FSYNC : original(f)->xSync(f, flags);
}

static int faulty_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
		       int *out_flags)
{
	int rc = real_vfs->xOpen(real_vfs, name, f, flags, out_flags);
	if (rc != SQLITE_OK || !f->pMethods)
		return rc;
	int i = 0;
	while (i < MAX_METHOD_TABLES && real_methods[i] && real_methods[i] != f->pMethods)
		i++;
	if (i == MAX_METHOD_TABLES)
		abort();
	if (!real_methods[i]) {
		real_methods[i] = f->pMethods;
		faulty_methods[i] = *f->pMethods;
		faulty_methods[i].xWrite = faulty_write;
		faulty_methods[i].xSync = faulty_sync;
	}
	f->pMethods = &faulty_methods[i];
	return rc;
}

static int unregister_faulty(void **state)
{
	failing = FAIL_NONE;
	if (real_vfs) {
		sqlite3_vfs_unregister(&faulty_vfs);
		sqlite3_vfs_register(real_vfs, 1);
	}
	return 0;
}

static void test_io_errors(void **state)
{
	real_vfs = sqlite3_vfs_find(NULL);
	faulty_vfs = *real_vfs;
	faulty_vfs.zName = "rjk-faulty";
	faulty_vfs.xOpen = faulty_open;
	assert_int_equal(sqlite3_vfs_register(&faulty_vfs, 1), SQLITE_OK);

	struct fixture_env *e = fixture_env_new();
	assert_non_null(e);
	assert_true(fixture_populate(e->store));
	int64_t who = 1;
	struct rjk_error err = {{0}};
	struct response r = {.step_id = "q1", .kind = STEP_TEXT, .prompt = "Why?",
			     .status = RESPONSE_ANSWERED, .text = "written during a disk error",
			     .video_ms = -1};
	for (int mode = FAIL_WRITE; mode <= FAIL_SYNC; mode++) {
		failing = mode;
		assert_false(store_save_response(e->store, who, &r, &err));
		if (!strstr(err.message, "disk error") ||
		    !strstr(err.message, "Everything saved before is safe"))
			fail_msg("unclear message: %s", err.message);
		failing = FAIL_NONE;
		/* The kiosk keeps going: the next save works. */
		struct response next = r;
		next.text = mode == FAIL_WRITE ? "after the write error" : "after the sync error";
		assert_true(store_save_response(e->store, who, &next, &err));
	}
	assert_true(fixture_env_reopen(e));
	struct stored_response *got;
	size_t n;
	assert_true(store_load_responses(e->store, who, &got, &n, &err));
	assert_int_equal(n, 5);                /* trainee 1's five answers, none lost */
	assert_string_equal(got[2].text, "after the sync error");
	assert_string_equal(got[0].text, "=HYPERLINK(\"http://example.com\",\"click\")");
	store_responses_free(got, n);
	fixture_env_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_io_errors, unregister_faulty),
		cmocka_unit_test_teardown(test_full_tmpfs, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
