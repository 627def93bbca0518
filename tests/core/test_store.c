/* Tests of the response store: files and permissions, saving and reading answers, resuming
 * after a crash, refusing bad input and foreign or newer databases, and purging. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/store.h"
#include "store_fixture.h"

static int setup(void **state)
{
	*state = fixture_env_new();
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	fixture_env_free(*state);
	return 0;
}

static void reopen(struct fixture_env *e)
{
	assert_true(fixture_env_reopen(e));
}

static mode_t mode_of(const char *path)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 0777;
}

static void test_files_are_private(void **state)
{
	char dir[128], data[192], path[256];
	assert_true(fixture_tempdir(dir, sizeof dir));
	snprintf(data, sizeof data, "%s/nested/data", dir);
	mode_t old = umask(022);
	struct rjk_error err = {{0}};
	struct store *store = store_open(data, &err);
	umask(old);
	assert_non_null(store);
	int64_t session = store_session_start(store, fixture_scenario(), NULL, &err);
	assert_true(session > 0);
	assert_int_equal(mode_of(data), 0700);
	snprintf(path, sizeof path, "%s/nested", dir);
	assert_int_equal(mode_of(path), 0700);
	static const char *const files[] = {"responses.db", "responses.db-wal", "responses.db-shm"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s", data, files[i]);
		assert_int_equal(mode_of(path), 0600);
	}
	store_close(store);

	/* A copy restored with an open mode is made private again. */
	snprintf(path, sizeof path, "%s/responses.db", data);
	assert_int_equal(chmod(path, 0644), 0);
	store = store_open(data, &err);
	assert_non_null(store);
	assert_int_equal(mode_of(path), 0600);
	store_close(store);
	fixture_rmtree(dir);
}

/* A data folder reached through symbolic links (moved to a bigger disk) works like any other;
 * a database file that is itself a link is refused; a failed first open leaves no empty
 * database behind. */
static void test_symlinks_in_the_path(void **state)
{
	char dir[128], real[192], link[192], via[224], db[256], target[256], path[320];
	struct rjk_error err = {{0}};
	struct stat st;

	(void)state;
	assert_true(fixture_tempdir(dir, sizeof dir));
	snprintf(real, sizeof real, "%s/disk/rjkiosk", dir);
	snprintf(link, sizeof link, "%s/lib", dir);
	snprintf(path, sizeof path, "%s/disk", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(mkdir(real, 0700), 0);
	assert_int_equal(symlink(path, link), 0);
	/* lib -> disk, and the data folder lib/rjkiosk-link -> disk/rjkiosk: links at two levels. */
	snprintf(via, sizeof via, "%s/rjkiosk-link", link);
	assert_int_equal(symlink(real, via), 0);
	struct store *store = store_open(via, &err);
	if (!store)
		fail_msg("a data folder behind links was refused: %s", err.message);
	assert_true(store_session_start(store, fixture_scenario(), NULL, &err) > 0);
	store_close(store);
	snprintf(db, sizeof db, "%s/responses.db", real);
	assert_int_equal(lstat(db, &st), 0);
	assert_true(S_ISREG(st.st_mode));

	/* The database file itself as a link: refused, saying so, and nothing is created. */
	snprintf(target, sizeof target, "%s/elsewhere.db", dir);
	assert_int_equal(rename(db, target), 0);
	unlink(strcat(strcpy(path, db), "-wal"));
	unlink(strcat(strcpy(path, db), "-shm"));
	assert_int_equal(symlink(target, db), 0);
	assert_null(store_open(via, &err));
	if (!strstr(err.message, "symbolic link"))
		fail_msg("unexpected message for a linked database: %s", err.message);
	unlink(db);

	/* A failed first open (here: a folder where the write-ahead log must go) leaves no 0-byte
	 * database behind. */
	snprintf(path, sizeof path, "%s-wal", db);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_null(store_open(via, &err));
	assert_int_not_equal(lstat(db, &st), 0);
	assert_int_equal(rmdir(path), 0);
	fixture_rmtree(dir);
}

static void test_default_dir_follows_xdg(void **state)
{
	char dir[128];
	struct rjk_error err = {{0}};
	char *saved_xdg = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
	setenv("XDG_DATA_HOME", "/srv/kiosk", 1);
	assert_true(store_default_dir(dir, sizeof dir, &err));
	assert_string_equal(dir, "/srv/kiosk/rjkiosk");
	setenv("XDG_DATA_HOME", "relative/ignored", 1);
	setenv("HOME", "/home/trainer", 1);
	assert_true(store_default_dir(dir, sizeof dir, &err));
	assert_string_equal(dir, "/home/trainer/.local/share/rjkiosk");
	if (saved_xdg)
		setenv("XDG_DATA_HOME", saved_xdg, 1);
	else
		unsetenv("XDG_DATA_HOME");
	free(saved_xdg);
}

static void test_wal_mode_is_on_disk(void **state)
{
	struct fixture_env *e = *state;
	sqlite3 *db;
	sqlite3_stmt *stmt;
	assert_int_equal(sqlite3_open_v2(store_path(e->store), &db, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(stmt, 0), "wal");
	sqlite3_finalize(stmt);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(stmt, 0), 2);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
}

static void test_save_and_read_back(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	int64_t session = store_session_start(e->store, fixture_scenario(), "Group A", &err);
	char name[64];
	int64_t who = store_participant_add(e->store, session, NULL, name, sizeof name, &err);
	assert_true(who > 0);
	assert_string_equal(name, "Trainee 1");

	struct response draft = {.step_id = "q1", .kind = STEP_TEXT, .prompt = "Why?",
				 .status = RESPONSE_DRAFT, .text = "Because", .video_ms = -1};
	assert_true(store_save_response(e->store, who, &draft, &err));
	struct response cue = {.step_id = "watch-1", .kind = STEP_TEXT, .prompt = "Notice?",
			       .status = RESPONSE_ANSWERED, .text = "A gun", .video_ms = 83250};
	assert_true(store_save_response(e->store, who, &cue, &err));
	const char *chosen[] = {"Anger", "=SUM(A1:A2)"};
	struct response choice = {.step_id = "c1", .kind = STEP_CHOICE, .prompt = "Feel?",
				  .status = RESPONSE_ANSWERED, .choices = chosen,
				  .choice_count = 2, .video_ms = -1};
	assert_true(store_save_response(e->store, who, &choice, &err));
	struct response scale = {.step_id = "s1", .kind = STEP_SCALE, .prompt = "Agree?",
				 .status = RESPONSE_ANSWERED, .has_scale = true, .scale = -2,
				 .video_ms = -1};
	assert_true(store_save_response(e->store, who, &scale, &err));
	/* The trainee goes on typing: same step, later edit, status answered. */
	draft.text = "Because he read the book";
	draft.status = RESPONSE_ANSWERED;
	assert_true(store_save_response(e->store, who, &draft, &err));
	cue.video_ms = 99000;
	assert_true(store_save_response(e->store, who, &cue, &err));

	reopen(e);
	struct stored_response *got;
	size_t n;
	assert_true(store_load_responses(e->store, who, &got, &n, &err));
	assert_int_equal(n, 4);
	assert_string_equal(got[0].step_id, "q1");
	assert_string_equal(got[0].text, "Because he read the book");
	assert_int_equal(got[0].status, RESPONSE_ANSWERED);
	assert_true(got[0].last_edit > got[0].first_edit);
	assert_int_equal(got[0].first_edit, FIXTURE_CLOCK_START + 3 * 1500);
	assert_int_equal(got[1].video_ms, 83250); /* when it was first shown */
	assert_int_equal(got[2].choice_count, 2);
	assert_string_equal(got[2].choices[1], "=SUM(A1:A2)");
	assert_null(got[2].text);
	assert_true(got[3].has_scale);
	assert_int_equal(got[3].scale, -2);
	assert_int_equal(got[3].video_ms, -1);
	assert_int_equal(got[3].kind, STEP_SCALE);
	store_responses_free(got, n);
}

static void test_participant_names(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	int64_t session = store_session_start(e->store, fixture_scenario(), NULL, &err);
	struct {
		const char *given, *shown;
	} cases[] = {
		{NULL, "Trainee 1"}, {"  Sam  ", "Sam"}, {" \t ", "Trainee 3"}, {"", "Trainee 4"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char shown[64];
		assert_true(store_participant_add(e->store, session, cases[i].given, shown,
						  sizeof shown, &err) > 0);
		assert_string_equal(shown, cases[i].shown);
	}
	assert_int_equal(store_participant_add(e->store, 999, "Nobody", NULL, 0, &err), 0);
	assert_non_null(strstr(err.message, "no session 999"));
}

static void test_resume_after_crash(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	const struct scenario *sc = fixture_scenario();
	int64_t ended = store_session_start(e->store, sc, NULL, &err);
	assert_true(store_session_end(e->store, ended, &err));
	int64_t session = store_session_start(e->store, sc, NULL, &err);
	int64_t done = store_participant_add(e->store, session, "Done", NULL, 0, &err);
	assert_true(store_participant_submit(e->store, done, &err));
	int64_t who = store_participant_add(e->store, session, "Kim", NULL, 0, &err);
	assert_true(store_participant_set_position(e->store, who, "step:q1", &err));

	reopen(e); /* as if the kiosk had died */
	int64_t found;
	assert_true(store_find_open_session(e->store, sc->id, &found, &err));
	assert_int_equal(found, session);
	int64_t unfinished;
	char name[32], position[32];
	assert_true(store_find_unfinished_participant(e->store, found, &unfinished, name,
						      sizeof name, position, sizeof position, &err));
	assert_int_equal(unfinished, who);
	assert_string_equal(name, "Kim");
	assert_string_equal(position, "step:q1");

	/* Closing it instead of resuming: nothing is left open. */
	assert_true(store_session_end(e->store, found, &err));
	assert_true(store_find_open_session(e->store, sc->id, &found, &err));
	assert_int_equal(found, 0);
	assert_false(store_session_end(e->store, session, &err));
	assert_true(store_find_open_session(e->store, "other-scenario", &found, &err));
	assert_int_equal(found, 0);
}

/* The one saved answer of participant who, as text. */
static void assert_single_answer(struct store *store, int64_t who, const char *text)
{
	struct rjk_error err = {{0}};
	struct stored_response *got;
	size_t n;
	assert_true(store_load_responses(store, who, &got, &n, &err));
	assert_int_equal(n, 1);
	assert_string_equal(got[0].text, text);
	store_responses_free(got, n);
}

static void test_bad_input_is_refused_whole(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	int64_t session = store_session_start(e->store, fixture_scenario(), NULL, &err);
	int64_t who = store_participant_add(e->store, session, NULL, NULL, 0, &err);
	struct response ok = {.step_id = "q1", .kind = STEP_TEXT, .prompt = "Why?",
			      .status = RESPONSE_DRAFT, .text = "first words", .video_ms = -1};
	assert_true(store_save_response(e->store, who, &ok, &err));

	char *huge = malloc(STORE_TEXT_MAX_BYTES + 2);
	memset(huge, 'a', STORE_TEXT_MAX_BYTES + 1);
	huge[STORE_TEXT_MAX_BYTES + 1] = '\0';
	char *over_step = malloc(4002);         /* q1 allows 4000 characters */
	memset(over_step, 'b', 4001);
	over_step[4001] = '\0';
	const char *bad_choice[] = {"Anger", "\xC3\x28"};
	struct {
		struct response r;
		const char *message;
	} cases[] = {
		{{.step_id = "q1", .prompt = "Why?", .text = "caf\xC3", .video_ms = -1}, "UTF-8"},
		{{.step_id = "q1", .prompt = "Why?", .text = "\xED\xA0\x80 surrogate", .video_ms = -1},
		 "UTF-8"},
		{{.step_id = "q1", .prompt = "\xFF prompt", .text = "x", .video_ms = -1}, "UTF-8"},
		{{.step_id = "q1", .prompt = "Why?", .text = huge, .video_ms = -1}, "too long"},
		{{.step_id = "q1", .prompt = "Why?", .text = over_step, .video_ms = -1},
		 "at most 4000"},
		{{.step_id = "q1", .kind = STEP_CHOICE, .prompt = "Why?", .choices = bad_choice,
		  .choice_count = 2, .video_ms = -1}, "UTF-8"},
		{{.step_id = "s1", .kind = STEP_SCALE, .prompt = "Agree?", .has_scale = true,
		  .scale = 3, .video_ms = -1}, "outside -2 to 2"},
		{{.step_id = "", .prompt = "Why?", .text = "x", .video_ms = -1}, "no step id"},
		{{.step_id = "q1", .kind = (enum step_kind)42, .prompt = "Why?", .text = "x",
		  .video_ms = -1}, "unknown kind"},
		{{.step_id = "q1", .status = (enum response_status)7, .prompt = "Why?", .text = "x",
		  .video_ms = -1}, "unknown status"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rjk_error_clear(&err);
		assert_false(store_save_response(e->store, who, &cases[i].r, &err));
		if (!strstr(err.message, cases[i].message))
			fail_msg("case %zu: '%s' lacks '%s'", i, err.message, cases[i].message);
		assert_non_null(strstr(err.message, "nothing was saved"));
	}
	assert_single_answer(e->store, who, "first words");
	assert_int_equal(store_participant_add(e->store, session, "\xC0\xAF", NULL, 0, &err), 0);
	assert_non_null(strstr(err.message, "UTF-8"));
	assert_false(store_save_response(e->store, 4242, &ok, &err));
	assert_non_null(strstr(err.message, "no participant 4242"));
	free(huge);
	free(over_step);
}

/* Opening must fail with `message` and leave the file byte-for-byte as it was. */
static void assert_refused_untouched(const char *data, const char *db, const char *message)
{
	size_t before_len, after_len;
	char *before = fixture_read_file(db, &before_len);
	assert_non_null(before);
	struct rjk_error err = {{0}};
	assert_null(store_open(data, &err));
	if (!strstr(err.message, message))
		fail_msg("'%s' lacks '%s'", err.message, message);
	char *after = fixture_read_file(db, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(after);
	char wal[512];
	snprintf(wal, sizeof wal, "%s-wal", db);
	assert_int_not_equal(access(wal, F_OK), 0);
}

static void test_newer_or_foreign_database_is_refused(void **state)
{
	struct fixture_env *e = *state;
	char db[256];
	snprintf(db, sizeof db, "%s", store_path(e->store));
	store_close(e->store);
	e->store = NULL;
	sqlite3 *raw;
	/* Checkpoint and leave rollback-journal mode so the file alone holds everything. */
	assert_int_equal(sqlite3_open(db, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "PRAGMA journal_mode=DELETE; PRAGMA user_version=99",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	assert_refused_untouched(e->data, db, "newer version of rjkiosk");

	assert_int_equal(unlink(db), 0);
	assert_int_equal(sqlite3_open(db, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "CREATE TABLE invoices(id INTEGER)", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(raw);
	assert_refused_untouched(e->data, db, "not an rjkiosk response database");

	FILE *f = fopen(db, "wb");
	fputs("these are not the answers you are looking for, but they are longer than a header "
	      "of one hundred bytes so SQLite reads them as one............................\n", f);
	fclose(f);
	assert_refused_untouched(e->data, db, "damaged");
}

static void test_damaged_database_is_not_written(void **state)
{
	struct fixture_env *e = *state;
	assert_true(fixture_populate(e->store));
	char db[256];
	snprintf(db, sizeof db, "%s", store_path(e->store));
	store_close(e->store);
	e->store = NULL;
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(db, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(raw);
	/* Scribble over the headers of the b-tree pages after the schema page. */
	FILE *f = fopen(db, "r+b");
	assert_non_null(f);
	for (long page = 1; page < 4; page++) {
		fseek(f, page * 4096, SEEK_SET);
		for (int i = 0; i < 12; i++)
			fputc(0x5A, f);
	}
	fclose(f);
	assert_refused_untouched(e->data, db, "damaged");
}

static void test_size_limit_acts_like_full_disk(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	int64_t session = store_session_start(e->store, fixture_scenario(), NULL, &err);
	int64_t who = store_participant_add(e->store, session, NULL, NULL, 0, &err);
	struct response first = {.step_id = "q1", .kind = STEP_TEXT, .prompt = "Why?",
				 .status = RESPONSE_ANSWERED, .text = "kept safe", .video_ms = -1};
	assert_true(store_save_response(e->store, who, &first, &err));
	assert_true(store_limit_size(e->store, 256 * 1024, &err));
	char *text = malloc(3001);
	memset(text, 'x', 3000);
	text[3000] = '\0';
	char step[32];
	struct response more = {.step_id = step, .kind = STEP_TEXT, .prompt = "More?",
				.status = RESPONSE_ANSWERED, .text = text, .video_ms = -1};
	int saved = 0;
	bool ok = true;
	while (ok && saved < 1000) {
		snprintf(step, sizeof step, "extra-%d", saved);
		ok = store_save_response(e->store, who, &more, &err);
		saved += ok;
	}
	assert_false(ok);
	assert_true(saved > 10);
	assert_non_null(strstr(err.message, "disk is full"));
	assert_non_null(strstr(err.message, "Everything saved before is safe"));
	/* Everything before is there and the store still works once there is room. */
	struct stored_response *got;
	size_t n;
	assert_true(store_load_responses(e->store, who, &got, &n, &err));
	assert_int_equal(n, (size_t)saved + 1);
	assert_string_equal(got[0].text, "kept safe");
	store_responses_free(got, n);
	assert_true(store_limit_size(e->store, 64 * 1024 * 1024, &err));
	assert_true(store_save_response(e->store, who, &more, &err));
	reopen(e);
	assert_true(store_load_responses(e->store, who, &got, &n, &err));
	assert_int_equal(n, (size_t)saved + 2);
	store_responses_free(got, n);
	free(text);
}

/* True when needle occurs anywhere in the file's bytes. */
static bool file_contains(const char *path, const char *needle)
{
	size_t len;
	char *data = fixture_read_file(path, &len);
	if (!data)
		return false;
	bool found = memmem(data, len, needle, strlen(needle)) != NULL;
	free(data);
	return found;
}

static void test_purge(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	assert_true(fixture_populate(e->store)); /* session 1 ended, session 2 open */
	char wal[300];
	snprintf(wal, sizeof wal, "%s-wal", store_path(e->store));
	const char *secret = "Commas, \"quotes\" and";
	assert_true(file_contains(wal, secret) || file_contains(store_path(e->store), secret));

	size_t sessions, people, responses, deleted;
	struct store_purge_request older = {.scope = STORE_PURGE_OLDER_THAN, .days = 30};
	assert_true(store_purge_preview(e->store, &older, &sessions, &people, &responses, &err));
	assert_int_equal(sessions, 0);
	e->clock += 31LL * 24 * 3600 * 1000;
	assert_true(store_purge_preview(e->store, &older, &sessions, &people, &responses, &err));
	assert_int_equal(sessions, 2);

	/* Copies made before schema upgrades hold the same text: a purge removes them, and
	 * nothing else in the folder. */
	static const struct {
		const char *name;
		bool removed;
	} copies[] = {
		{"responses-v1-backup.db", true},
		{"responses-v12-backup.db.part", true},
		{"responses-v1-backup.db.txt", false},
		{"my-responses-v1-backup.db", false},
	};
	char dir[300], copy[400];
	snprintf(dir, sizeof dir, "%s", store_path(e->store));
	*strrchr(dir, '/') = '\0';
	for (size_t i = 0; i < sizeof copies / sizeof copies[0]; i++) {
		snprintf(copy, sizeof copy, "%s/%s", dir, copies[i].name);
		FILE *f = fopen(copy, "w");
		assert_non_null(f);
		fputs(secret, f);
		fclose(f);
	}

	struct store_purge_request one = {.scope = STORE_PURGE_SESSION, .session = 1};
	assert_true(store_purge_preview(e->store, &one, &sessions, &people, &responses, &err));
	assert_int_equal(sessions, 1);
	assert_int_equal(people, 3);
	assert_int_equal(responses, 14);
	assert_true(store_purge(e->store, &one, &deleted, &err));
	assert_int_equal(deleted, 1);
	assert_false(file_contains(store_path(e->store), secret));
	assert_false(file_contains(wal, secret));
	for (size_t i = 0; i < sizeof copies / sizeof copies[0]; i++) {
		snprintf(copy, sizeof copy, "%s/%s", dir, copies[i].name);
		if ((access(copy, F_OK) != 0) != copies[i].removed)
			fail_msg("%s was %s by the purge", copies[i].name,
				 copies[i].removed ? "kept" : "removed");
	}

	struct store_session_info *list;
	size_t n;
	assert_true(store_list_sessions(e->store, 0, &list, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, 2);
	assert_int_equal(list[0].drafts, 1);
	store_sessions_free(list, n);
	assert_false(store_list_sessions(e->store, 1, &list, &n, &err));
	assert_false(store_purge(e->store, &one, &deleted, &err));
	assert_non_null(strstr(err.message, "no session 1"));

	struct store_purge_request all = {.scope = STORE_PURGE_ALL};
	assert_true(store_purge(e->store, &all, &deleted, &err));
	assert_int_equal(deleted, 1);

	struct store_event *events;
	assert_true(store_list_events(e->store, &events, &n, &err));
	const char *kinds[] = {"session-start", "session-end", "session-start", "purge", "purge"};
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(events[i].kind, kinds[i]);
	assert_string_equal(events[3].detail,
			    "session 1: 1 sessions, 3 participants, 14 responses");
	store_events_free(events, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_files_are_private),
		cmocka_unit_test(test_default_dir_follows_xdg),
		cmocka_unit_test(test_symlinks_in_the_path),
		cmocka_unit_test_setup_teardown(test_wal_mode_is_on_disk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_and_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_participant_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resume_after_crash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_input_is_refused_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_or_foreign_database_is_refused, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_damaged_database_is_not_written, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_size_limit_acts_like_full_disk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_purge, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
