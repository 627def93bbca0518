/* Tests of store upgrades on the committed schema fixture (tests/data/schema/v1): today's store
 * upgrades it keeping every answer; a later schema change (one after today's, given to
 * store_open_migrating here), upgrades it in one transaction after a
 * backup, keeps every answer, and a process killed with SIGKILL during the upgrade leaves the
 * old database intact and usable. RJK_UPGRADE_KILLS sets the number of random-time kills. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/datalock.h"
#include "core/session.h"
#include "core/store_impl.h"
#include "store_fixture.h"

#define FIXTURE_V1 RJK_TEST_DATA "/schema/v1/responses.db"
#define FILLER_ROWS 40000
/* The version of the test's own schema change: one after today's. */
#define NEXT (STORE_SCHEMA_VERSION + 1)

struct env {
	char dir[128];
	char data[160];
	char db[192];
	char *answers;                  /* every answer in the fixture, as answers_of gives them */
};

/* Every answer, choice and participant, in order, quoted by SQLite: equal strings mean equal
 * answers. Read with SQLite directly, not through the store. */
static char *answers_of(const char *db_path)
{
	static const char *const sql =
		"SELECT (SELECT group_concat(x, char(10)) FROM (SELECT quote(id) || quote(participant)"
		" || quote(step_id) || quote(kind) || quote(prompt) || quote(status) || quote(text)"
		" || quote(scale) || quote(video_ms) || quote(first_edit_ms) || quote(last_edit_ms)"
		" AS x FROM responses ORDER BY id)) || '|' ||"
		" (SELECT group_concat(x, char(10)) FROM (SELECT quote(response) || quote(position)"
		" || quote(text) AS x FROM response_choices ORDER BY response, position)) || '|' ||"
		" (SELECT group_concat(x, char(10)) FROM (SELECT quote(id) || quote(session)"
		" || quote(name) || quote(position) || quote(submitted_ms) AS x FROM participants"
		" ORDER BY id)) || '|' || (SELECT count(*) FROM events)";
	sqlite3 *db;
	sqlite3_stmt *stmt;
	char *out = NULL;
	if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
			out = strdup((const char *)sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
	return out;
}

/* One value of a query on the database (-1 when it fails). */
static int64_t query(const char *db_path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int64_t v = -1;
	if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW)
			v = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
	return v;
}

static void assert_intact(const char *db_path)
{
	assert_true(fixture_integrity_ok(db_path));
}

static bool copy_file(const char *from, const char *to)
{
	size_t len;
	char *bytes = fixture_read_file(from, &len);
	int fd = bytes ? open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600) : -1;
	bool ok = fd >= 0 && write(fd, bytes, len) == (ssize_t)len;
	if (fd >= 0)
		close(fd);
	free(bytes);
	return ok;
}

static int setup(void **state)
{
	struct env *env = calloc(1, sizeof *env);
	if (!env || !fixture_tempdir(env->dir, sizeof env->dir))
		return -1;
	snprintf(env->data, sizeof env->data, "%s/data", env->dir);
	snprintf(env->db, sizeof env->db, "%s/%s", env->data, STORE_DB_NAME);
	if (mkdir(env->data, 0700) != 0 || !copy_file(FIXTURE_V1, env->db))
		return -1;
	env->answers = answers_of(env->db);
	*state = env;
	return env->answers ? 0 : -1;
}

static int teardown(void **state)
{
	struct env *env = *state;
	fixture_rmtree(env->dir);
	free(env->answers);
	free(env);
	return 0;
}

/* The test's schema change to NEXT: a new column filled from the answers, and a table of filler
 * rows that makes the transaction long enough to be killed in. */
static const char *const step_v2_sql[] = {
	"ALTER TABLE responses ADD COLUMN text_chars INTEGER",
	"UPDATE responses SET text_chars = length(text)",
	"CREATE TABLE filler(n INTEGER PRIMARY KEY, pad TEXT NOT NULL) STRICT",
	"WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 40000)"
	" INSERT INTO filler SELECT n, printf('%.200c', 'x') FROM c",
	NULL,
};

static int pause_fd = -1;

/* In the child only: says "mid-transaction" to the parent, then waits to be killed. */
static bool pause_for_kill(struct store *store, struct rjk_error *err)
{
	if (write(pause_fd, "m", 1) != 1)
		_exit(7);
	for (;;)
		pause();
	return true;
}

/* Today's schema changes, then last, one of the test's own. */
static const struct store_migration *steps_then(const struct store_migration *last)
{
	static struct store_migration steps[NEXT];

	memcpy(steps, store_schema_steps(), STORE_SCHEMA_VERSION * sizeof *steps);
	steps[STORE_SCHEMA_VERSION] = *last;
	return steps;
}

static const struct store_migration *steps_to_next(bool paused)
{
	return steps_then(&(struct store_migration){step_v2_sql, paused ? pause_for_kill : NULL});
}

static void assert_still_v1(const struct env *env)
{
	assert_intact(env->db);
	assert_int_equal(query(env->db, "PRAGMA user_version"), 1);
	assert_int_equal(query(env->db, "SELECT count(*) FROM pragma_table_info('responses')"
				" WHERE name = 'text_chars'"), 0);
	assert_int_equal(query(env->db, "SELECT count(*) FROM sqlite_schema WHERE name = 'filler'"),
			 0);
	char *now = answers_of(env->db);
	assert_non_null(now);
	assert_string_equal(now, env->answers);
	free(now);
}

/* Upgraded by today's store: at today's version with every answer. */
static void assert_today(const struct env *env)
{
	assert_intact(env->db);
	assert_int_equal(query(env->db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	/* Each answered or passed response has its statement id and is queued for the LRS; each
	 * session has its registration; no answer is hidden from the debrief yet. */
	assert_int_equal(query(env->db, "SELECT count(*) FROM responses WHERE status <> 'draft'"
				" AND statement_id IS NULL"), 0);
	assert_int_equal(query(env->db, "SELECT count(*) FROM outbox"),
			 query(env->db, "SELECT count(*) FROM responses WHERE status <> 'draft'"));
	assert_int_equal(query(env->db, "SELECT count(*) FROM sessions WHERE registration IS NULL"),
			 0);
	assert_int_equal(query(env->db, "SELECT count(*) FROM debrief_hidden"), 0);
	char *now = answers_of(env->db);
	assert_non_null(now);
	assert_string_equal(now, env->answers);
	free(now);
}

static void assert_upgraded(const struct env *env)
{
	assert_intact(env->db);
	assert_int_equal(query(env->db, "PRAGMA user_version"), NEXT);
	assert_int_equal(query(env->db, "SELECT count(*) FROM filler"), FILLER_ROWS);
	assert_int_equal(query(env->db, "SELECT count(*) FROM responses WHERE text IS NOT NULL"
				" AND text_chars IS NOT length(text)"), 0);
	char *now = answers_of(env->db);
	assert_non_null(now);
	assert_string_equal(now, env->answers);
	free(now);
}

/* Today's store upgrades the v1 fixture (after a private backup when today's schema is
 * newer), keeping its answers and kiosk id. */
static void test_v1_upgrades_to_today(void **state)
{
	struct env *env = *state;
	struct rjk_error err = {{0}};
	struct store *store = store_open(env->data, &err);
	assert_non_null(store);
	char id[33];
	assert_true(store_kiosk_id(store, id, &err));
	assert_string_equal(id, FIXTURE_KIOSK_ID);
	store_close(store);
	assert_today(env);
	char backup[256];
	snprintf(backup, sizeof backup, "%s/responses-v1-backup.db", env->data);
	assert_int_equal(access(backup, F_OK), STORE_SCHEMA_VERSION > 1 ? 0 : -1);
}

/* A command (export, report, lrs) run while a kiosk of the older release still runs on the
 * folder does not upgrade the database under it: it says which kiosk to stop, and changes
 * nothing; once that kiosk has stopped, the same command upgrades it. Beside a kiosk of
 * today's release, commands open the store as before. */
static void test_command_beside_an_older_kiosk_changes_nothing(void **state)
{
	struct env *env = *state;
	struct rjk_error err = {{0}};
	char backup[256];
	snprintf(backup, sizeof backup, "%s/responses-v1-backup.db", env->data);

	struct datalock *older_kiosk = datalock_take(env->data, DATALOCK_KIOSK, NULL, &err);
	assert_non_null(older_kiosk);
	assert_null(store_open_beside_kiosk(env->data, &err));
	assert_non_null(strstr(err.message, "older data format"));
	assert_non_null(strstr(err.message, "a kiosk (PID"));
	assert_non_null(strstr(err.message, "Nothing was changed"));
	assert_still_v1(env);
	assert_int_equal(access(backup, F_OK), -1);
	datalock_release(older_kiosk);

	struct store *store = store_open_beside_kiosk(env->data, &err);
	assert_non_null(store);
	store_close(store);
	assert_today(env);

	struct datalock *kiosk = datalock_take(env->data, DATALOCK_KIOSK, NULL, &err);
	assert_non_null(kiosk);
	store = store_open_beside_kiosk(env->data, &err);
	assert_non_null(store);
	store_close(store);
	datalock_release(kiosk);
}

/* The trainee an older kiosk left part-way through (session 2, position "step:watch-1", a
 * draft at a cue) is put back by today's session with name, draft and video time; the cue
 * step is not asked again in the list, so the journey goes on from the first other step. */
static void test_trainee_left_by_an_older_kiosk_resumes(void **state)
{
	struct env *env = *state;
	struct rjk_error err = {{0}};
	struct store *store = store_open(env->data, &err);
	struct session *s;

	assert_non_null(store);
	s = session_open(fixture_scenario(), store, false, NULL, &err);
	assert_non_null(s);
	assert_int_equal(session_store_id(s), 2);
	assert_string_equal(session_name(s), "Trainee 1");
	assert_int_equal(session_screen(s), SESSION_STEP);
	assert_string_equal(session_step(s)->id, "d1");
	assert_string_equal(session_answer(s, 0)->text, "'= half a thought, interrupted");
	assert_int_equal(session_answer(s, 0)->status, RESPONSE_DRAFT);
	assert_int_equal(session_video_ms(s, 0), 83250);
	assert_true(session_close(s, false, &err));
	store_close(store);
	assert_today(env);
}

/* A later schema change upgrades the fixture in one go, after a private backup of the old file;
 * today's store then refuses the newer file and leaves it as it is. */
static void test_upgrade_keeps_answers_and_backs_up(void **state)
{
	struct env *env = *state;
	struct rjk_error err = {{0}};
	struct store *store = store_open_migrating(env->data, steps_to_next(false), NEXT, &err);
	assert_non_null(store);
	store_close(store);
	assert_upgraded(env);

	char backup[256];
	struct stat st;
	snprintf(backup, sizeof backup, "%s/responses-v1-backup.db", env->data);
	assert_int_equal(stat(backup, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_intact(backup);
	assert_int_equal(query(backup, "PRAGMA user_version"), 1);
	char *saved = answers_of(backup);
	assert_non_null(saved);
	assert_string_equal(saved, env->answers);
	free(saved);

	size_t before_len, after_len;
	char *before = fixture_read_file(env->db, &before_len);
	store = store_open(env->data, &err);
	assert_null(store);
	char newer[160];
	snprintf(newer, sizeof newer, "written by a newer version of rjkiosk (data format %d; this "
		 "version knows up to %d). Nothing was changed.", NEXT, STORE_SCHEMA_VERSION);
	assert_non_null(strstr(err.message, newer));
	char *after = fixture_read_file(env->db, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(after);
}

/* A step that fails part-way leaves the database at its old version with nothing of the step. */
static void test_failed_upgrade_rolls_back(void **state)
{
	struct env *env = *state;
	static const char *const broken[] = {
		"ALTER TABLE responses ADD COLUMN text_chars INTEGER",
		"CREATE TABLE filler(n INTEGER PRIMARY KEY, pad TEXT NOT NULL) STRICT",
		"INSERT INTO no_such_table VALUES(1)",
		NULL,
	};
	const struct store_migration *steps = steps_then(&(struct store_migration){broken, NULL});
	struct rjk_error err = {{0}};
	assert_null(store_open_migrating(env->data, steps, NEXT, &err));
	assert_non_null(strstr(err.message, "upgrade the database"));
	assert_still_v1(env);
	struct store *store = store_open(env->data, &err);
	assert_non_null(store);
	store_close(store);
}

/* Runs the upgrade in a child; the parent kills it with SIGKILL when told (paused) or after
 * delay_us. Returns how the child ended. */
static int upgrade_and_kill(const struct env *env, bool paused, useconds_t delay_us)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		pause_fd = fds[1];
		struct rjk_error err = {{0}};
		struct store *store = store_open_migrating(env->data, steps_to_next(paused), NEXT, &err);
		_exit(store ? 0 : 3);
	}
	close(fds[1]);
	if (paused) {
		char c;
		assert_int_equal(read(fds[0], &c, 1), 1);
	} else {
		usleep(delay_us);
	}
	kill(pid, SIGKILL);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	close(fds[0]);
	return status;
}

/* Killed in the middle of the upgrade's transaction (every statement of the step has run): the
 * old database is all there, today's store opens it, and a later upgrade works. */
static void test_kill_mid_upgrade_keeps_old_database(void **state)
{
	struct env *env = *state;
	int status = upgrade_and_kill(env, true, 0);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	assert_still_v1(env);

	struct rjk_error err = {{0}};
	struct store *store = store_open(env->data, &err);
	assert_non_null(store);
	store_close(store);
	assert_today(env);

	store = store_open_migrating(env->data, steps_to_next(false), NEXT, &err);
	assert_non_null(store);
	store_close(store);
	assert_upgraded(env);
}

/* Killed at random moments of the upgrade (backup, statements, commit): each time the database
 * is wholly old or wholly upgraded, never in between. */
static void test_kill_at_random_moments(void **state)
{
	struct env *env = *state;
	const char *env_kills = getenv("RJK_UPGRADE_KILLS");
	int kills = env_kills ? atoi(env_kills) : 20;
	unsigned seed = (unsigned)time(NULL);
	srand(seed);
	int old = 0, upgraded = 0;
	for (int i = 0; i < kills; i++) {
		char backup[256];
		snprintf(backup, sizeof backup, "%s/responses-v1-backup.db", env->data);
		unlink(backup);
		static const char *const suffixes[] = {"", "-wal", "-shm"};
		for (size_t k = 0; k < 3; k++) {
			char p[256];
			snprintf(p, sizeof p, "%s%s", env->db, suffixes[k]);
			unlink(p);
		}
		assert_true(copy_file(FIXTURE_V1, env->db));
		upgrade_and_kill(env, false, (useconds_t)(rand() % 400000));
		if (query(env->db, "PRAGMA user_version") == NEXT) {
			assert_upgraded(env);
			upgraded++;
		} else {
			assert_still_v1(env);
			old++;
		}
	}
	printf("# seed %u: %d kills left the old database, %d after the upgrade\n", seed, old,
	       upgraded);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_v1_upgrades_to_today, setup, teardown),
		cmocka_unit_test_setup_teardown(test_command_beside_an_older_kiosk_changes_nothing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_trainee_left_by_an_older_kiosk_resumes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_upgrade_keeps_answers_and_backs_up, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_failed_upgrade_rolls_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kill_mid_upgrade_keeps_old_database, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_kill_at_random_moments, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
