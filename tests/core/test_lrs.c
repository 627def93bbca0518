/* Tests of the LRS pieces that need no network: the outbox filled in the answer's own
 * transaction, statement ids kept for the same answer and new for a changed one, class codes,
 * the backoff, endpoint rules, the private settings file, and importing twice. */
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

#include "core/debrief.h"
#include "core/export.h"
#include "core/lrs_class.h"
#include "core/lrs_config.h"
#include "core/lrs_push.h"
#include "core/store.h"
#include "core/store_lrs.h"
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

static int64_t count(struct fixture_env *e, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int64_t n = -1;
	char path[256];
	snprintf(path, sizeof path, "%s/%s", e->data, STORE_DB_NAME);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW)
			n = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
	return n;
}

static void statement_of(struct store *store, int64_t participant, char out[64])
{
	struct stored_response *list;
	size_t n;
	struct rjk_error err = {{0}};
	assert_true(store_load_responses(store, participant, &list, &n, &err));
	assert_int_equal(n, 1);
	snprintf(out, 64, "%s", list[0].statement_id ? list[0].statement_id : "");
	store_responses_free(list, n);
}

/* Saves new text for the answer whose statement is statement_id (a text answer on
 * e's kiosk), as the trainee changing it would: a new statement. */
static void change_answer(struct fixture_env *e, const char *statement_id, const char *text)
{
	struct rjk_error err = {{0}};
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT participant FROM responses WHERE statement_id = '%s'",
		 statement_id);
	int64_t who = count(e, sql);
	struct stored_response *list = NULL;
	size_t n = 0;
	assert_true(who > 0);
	assert_true(store_load_responses(e->store, who, &list, &n, &err));
	for (size_t i = 0; i < n; i++) {
		if (!list[i].statement_id || strcmp(list[i].statement_id, statement_id))
			continue;
		struct response r = {.step_id = list[i].step_id, .kind = list[i].kind,
				     .prompt = list[i].prompt, .status = RESPONSE_ANSWERED,
				     .text = text, .video_ms = list[i].video_ms};
		assert_true(store_save_response(e->store, who, &r, &err));
	}
	store_responses_free(list, n);
}

/* Each save, in order, and what it does to the statement and the outbox. */
static void test_statement_ids_follow_the_answer(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	int64_t session = store_session_start(e->store, fixture_scenario(), NULL, &err);
	int64_t who = store_participant_add(e->store, session, "Sam", NULL, 0, &err);
	static const struct {
		enum response_status status;
		const char *text;
		bool new_id;            /* a new statement id (and outbox entry) */
		bool has_id;
		int64_t queued;
	} saves[] = {
		{RESPONSE_DRAFT, "thinking", false, false, 0},
		{RESPONSE_ANSWERED, "my answer", true, true, 1},
		{RESPONSE_ANSWERED, "my answer", false, true, 1},   /* saved again: the same */
		{RESPONSE_ANSWERED, "my better answer", true, true, 1},
		{RESPONSE_DRAFT, "reopened", false, false, 0},      /* void until answered again */
		{RESPONSE_PASSED, NULL, true, true, 1},
	};
	char before[64] = "", now[64];
	for (size_t i = 0; i < sizeof saves / sizeof saves[0]; i++) {
		struct response r = {.step_id = "q1", .kind = STEP_TEXT, .prompt = "Q",
				     .status = saves[i].status, .text = saves[i].text,
				     .video_ms = -1};
		assert_true(store_save_response(e->store, who, &r, &err));
		statement_of(e->store, who, now);
		assert_int_equal(now[0] != '\0', saves[i].has_id);
		if (saves[i].has_id && before[0])
			assert_int_equal(strcmp(now, before) != 0, saves[i].new_id);
		assert_int_equal(count(e, "SELECT count(*) FROM outbox"), saves[i].queued);
		if (saves[i].queued)
			assert_int_equal(count(e, "SELECT count(*) FROM outbox o JOIN responses r"
					       " ON r.statement_id = o.statement_id"), 1);
		snprintf(before, sizeof before, "%s", now);
	}
}

/* A refused save queues nothing: the outbox and the answer share one transaction. */
static void test_refused_answer_queues_nothing(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	int64_t session = store_session_start(e->store, fixture_scenario(), NULL, &err);
	int64_t who = store_participant_add(e->store, session, NULL, NULL, 0, &err);
	struct response r = {.step_id = "q1", .kind = STEP_TEXT, .prompt = "Q",
			     .status = RESPONSE_ANSWERED, .text = "\xff bad", .video_ms = -1};
	assert_false(store_save_response(e->store, who, &r, &err));
	assert_int_equal(count(e, "SELECT count(*) FROM outbox"), 0);
	struct response ok = {.step_id = "q1", .kind = STEP_TEXT, .prompt = "Q",
			      .status = RESPONSE_ANSWERED, .text = "fine", .video_ms = -1};
	assert_true(store_save_response(e->store, who, &ok, &err));
	assert_int_equal(count(e, "SELECT count(*) FROM outbox"), 1);
}

static void test_class_codes(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	int64_t a = store_session_start(e->store, fixture_scenario(), NULL, &err);
	int64_t b = store_session_start(e->store, fixture_scenario(), NULL, &err);
	struct store_session_info *info;
	size_t n;
	assert_true(store_list_sessions(e->store, a, &info, &n, &err));
	assert_true(class_code_valid(info[0].class_code));
	char code[CLASS_CODE_SIZE], reg[UUID_TEXT_SIZE];
	snprintf(code, sizeof code, "%s", info[0].class_code);
	class_registration(fixture_scenario()->id, code, reg);
	assert_string_equal(reg, info[0].registration);
	store_sessions_free(info, n);

	static const char *const bad[] = {"", "1234567", "123456789", "1234567a", "12 45678"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_false(store_session_join_class(e->store, b, bad[i], &err));
		assert_non_null(strstr(err.message, "8 digits"));
	}
	assert_true(store_session_join_class(e->store, b, code, &err));
	assert_true(store_list_sessions(e->store, b, &info, &n, &err));
	assert_string_equal(info[0].registration, reg);
	store_sessions_free(info, n);

	/* Statements already made keep their class: joining is refused then. */
	int64_t who = store_participant_add(e->store, a, NULL, NULL, 0, &err);
	struct response r = {.step_id = "q1", .kind = STEP_TEXT, .prompt = "Q",
			     .status = RESPONSE_ANSWERED, .text = "x", .video_ms = -1};
	assert_true(store_save_response(e->store, who, &r, &err));
	assert_false(store_session_join_class(e->store, a, "12345678", &err));
	assert_non_null(strstr(err.message, "Start a new session"));
}

static void test_backoff(void **state)
{
	(void)state;
	static const struct {
		int failures;
		double jitter;
		int64_t retry_after, want;
	} cases[] = {
		{1, 1.0, -1, 5000},   {1, 0.0, -1, 2500},  {2, 1.0, -1, 10000},
		{5, 1.0, -1, 80000},  {30, 1.0, -1, 900000}, {30, 0.0, -1, 450000},
		{1, 0.0, 60000, 60000}, /* Retry-After is honoured */
		{1, 1.0, 1000, 5000},   /* but never shortens the backoff */
		{1, 0.0, 999999999999, 86400000}, /* at most a day */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(lrs_backoff_ms(cases[i].failures, 5000, 900000, cases[i].jitter,
						cases[i].retry_after), cases[i].want);
}

static void test_endpoints(void **state)
{
	(void)state;
	static const struct {
		const char *given, *kept, *error;
	} cases[] = {
		{"https://lrs.example.org/xAPI", "https://lrs.example.org/xAPI/", NULL},
		{"https://lrs.example.org:8443/data/xAPI/", "https://lrs.example.org:8443/data/xAPI/",
		 NULL},
		{"http://127.0.0.1:8080/xAPI/", "http://127.0.0.1:8080/xAPI/", NULL},
		{"http://localhost/xAPI/", "http://localhost/xAPI/", NULL},
		{"http://[::1]:80/xAPI/", "http://[::1]:80/xAPI/", NULL},
		{"http://lrs.example.org/xAPI/", NULL, "unencrypted"},
		{"http://127.0.0.1.example.org/xAPI/", NULL, "unencrypted"},
		{"ftp://lrs.example.org/", NULL, "https://"},
		{"https://user:pw@lrs.example.org/", NULL, "credentials go"},
		{"https://lrs.example.org/xAPI/?x=1", NULL, "'?'"},
		{"https:///xAPI/", NULL, "no host"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[LRS_FIELD_MAX];
		struct rjk_error err = {{0}};
		snprintf(buf, sizeof buf, "%s", cases[i].given);
		bool ok = lrs_config_check_endpoint(buf, &err);
		if (cases[i].kept) {
			assert_true(ok);
			assert_string_equal(buf, cases[i].kept);
		} else {
			assert_false(ok);
			if (!strstr(err.message, cases[i].error))
				fail_msg("%s: %s", cases[i].given, err.message);
		}
	}
}

static void test_settings_file_is_private(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	struct lrs_config c = {0}, back;
	bool found;
	snprintf(c.endpoint, sizeof c.endpoint, "https://lrs.example.org/xAPI/");
	snprintf(c.username, sizeof c.username, "kiosk-7");
	snprintf(c.password, sizeof c.password, "pa=ss word");
	assert_true(lrs_config_save(e->data, &c, &err));
	char path[256];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", e->data, LRS_CONFIG_NAME);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_true(lrs_config_load(e->data, &back, &found, &err));
	assert_true(found);
	assert_string_equal(back.password, "pa=ss word");
	assert_int_equal(chmod(path, 0644), 0);
	assert_false(lrs_config_load(e->data, &back, &found, &err));
	assert_non_null(strstr(err.message, "open to other users"));
	assert_true(lrs_config_save(e->data, NULL, &err));
	assert_true(lrs_config_load(e->data, &back, &found, &err));
	assert_false(found);
}

/* The kiosk's own xAPI export imported into another kiosk: once added, then nothing. */
static void test_import_twice(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	assert_true(fixture_populate(e->store));
	char path[256];
	snprintf(path, sizeof path, "%s/statements.json", e->dir);
	struct export_options opts = {.format = EXPORT_XAPI};
	assert_true(export_to_path(e->store, &opts, path, NULL, &err));
	struct fixture_env *other = fixture_env_new();
	assert_non_null(other);
	size_t added, skipped;
	assert_true(lrs_class_import(other->store, path, &added, &skipped, &err));
	assert_true(added > 0);
	assert_int_equal(skipped, 0);
	size_t first = added;
	assert_true(lrs_class_import(other->store, path, &added, &skipped, &err));
	assert_int_equal(added, 0);
	assert_int_equal(skipped, first);
	FILE *f = fopen(path, "w");
	fputs("{\"not\": \"an export\"}", f);
	fclose(f);
	assert_false(lrs_class_import(other->store, path, &added, &skipped, &err));
	assert_non_null(strstr(err.message, "neither an xAPI export"));
	/* A folder or a named pipe is refused as what it is, at once (the alarm fails a hang). */
	static const struct {
		const char *name, *message;
	} others[] = {{"a-folder.json", "is a folder, not an export file"},
		      {"a-pipe.json", "is not an export file (a named pipe or a device)"}};
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", e->dir, others[i].name);
		assert_int_equal(i ? mkfifo(path, 0600) : mkdir(path, 0700), 0);
		alarm(10);
		assert_false(lrs_class_import(other->store, path, &added, &skipped, &err));
		alarm(0);
		if (!strstr(err.message, others[i].message))
			fail_msg("%s: %s", others[i].name, err.message);
	}
	fixture_env_free(other);
}

/* The same counts, bars and answers, question by question. */
static void assert_same_results(const struct debrief *a, const struct debrief *b)
{
	assert_int_equal(a->count, b->count);
	assert_int_equal(a->participants, b->participants);
	assert_int_equal(a->answered, b->answered);
	assert_int_equal(a->passed, b->passed);
	for (size_t q = 0; q < a->count; q++) {
		const struct debrief_question *x = &a->questions[q], *y = &b->questions[q];
		assert_string_equal(x->step_id, y->step_id);
		assert_int_equal(x->answered, y->answered);
		assert_int_equal(x->passed, y->passed);
		assert_int_equal(x->bar_count, y->bar_count);
		for (size_t i = 0; i < x->bar_count; i++)
			assert_int_equal(x->bars[i].count, y->bars[i].count);
		assert_int_equal(x->answer_count, y->answer_count);
		assert_int_equal(debrief_visible(x), debrief_visible(y));
	}
}

/* A kiosk that joined another's class shows that kiosk's answers in its debrief (here brought
 * by an imported export, as the LRS's read-back keeps them too): the same counts, bars and
 * answers, once however often they arrive; an answer of theirs can be hidden; and a kiosk's
 * own statements coming back do not count twice. */
static void test_debrief_shows_the_class(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_error err = {{0}};
	assert_true(fixture_populate(e->store));
	struct store_session_info *info = NULL;
	size_t n = 0;
	assert_true(store_list_sessions(e->store, 1, &info, &n, &err));
	assert_int_equal(n, 1);
	assert_non_null(info[0].class_code);
	char code[CLASS_CODE_SIZE];
	snprintf(code, sizeof code, "%s", info[0].class_code);
	store_sessions_free(info, n);
	struct debrief theirs;
	assert_true(debrief_load(e->store, 1, &theirs, &err));
	assert_true(theirs.answered > 0);

	char path[256];
	snprintf(path, sizeof path, "%s/statements.json", e->dir);
	struct export_options opts = {.format = EXPORT_XAPI, .session = 1};
	assert_true(export_to_path(e->store, &opts, path, NULL, &err));
	/* The exporting kiosk reads its own statements back: nothing changes, and the import
	 * says so (every answer already here, none added). */
	size_t added, skipped;
	assert_true(lrs_class_import(e->store, path, &added, &skipped, &err));
	assert_int_equal(added, 0);
	assert_int_equal(skipped, (size_t)(theirs.answered + theirs.passed));
	assert_int_equal(count(e, "select count(*) from class_statements"), 0);
	struct debrief again;
	assert_true(debrief_load(e->store, 1, &again, &err));
	assert_same_results(&theirs, &again);
	debrief_release(&again);

	/* Their JSON export brings the same answers as their xAPI export: a choice's options
	 * too. */
	char json[256];
	snprintf(json, sizeof json, "%s/responses.json", e->dir);
	opts.format = EXPORT_JSON;
	assert_true(export_to_path(e->store, &opts, json, NULL, &err));
	struct fixture_env *by_json = fixture_env_new();
	assert_non_null(by_json);
	int64_t room3 = store_session_start(by_json->store, fixture_scenario(), "Room 3", &err);
	assert_true(room3 > 0);
	assert_true(store_session_join_class(by_json->store, room3, code, &err));
	struct debrief from_json;
	assert_true(lrs_class_import(by_json->store, json, &added, &skipped, &err));
	assert_true(debrief_load(by_json->store, room3, &from_json, &err));
	assert_same_results(&theirs, &from_json);
	debrief_release(&from_json);
	fixture_env_free(by_json);

	struct fixture_env *other = fixture_env_new();
	assert_non_null(other);
	int64_t mine = store_session_start(other->store, fixture_scenario(), "Room 2", &err);
	assert_true(mine > 0);
	assert_true(store_session_join_class(other->store, mine, code, &err));
	for (int round = 0; round < 2; round++) {
		struct debrief ours;
		assert_true(lrs_class_import(other->store, path, &added, &skipped, &err));
		assert_true(debrief_load(other->store, mine, &ours, &err));
		assert_same_results(&theirs, &ours);
		debrief_release(&ours);
	}

	/* One of their text answers hidden on this kiosk: hidden here, after a reload too. */
	struct debrief ours;
	assert_true(debrief_load(other->store, mine, &ours, &err));
	const struct debrief_question *text = NULL;
	for (size_t q = 0; q < ours.count && !text; q++)
		if (ours.questions[q].answer_count)
			text = &ours.questions[q];
	assert_non_null(text);
	assert_non_null(text->answers[0].statement_id);
	size_t visible = debrief_visible(text);
	assert_true(store_debrief_hide_class(other->store, text->answers[0].statement_id, true,
					     &err));
	struct debrief moderated;
	assert_true(debrief_load(other->store, mine, &moderated, &err));
	assert_int_equal(debrief_visible(&moderated.questions[text - ours.questions]),
			 visible - 1);
	debrief_release(&moderated);

	/* That trainee changes the hidden answer on their kiosk, and the new statement comes:
	 * the answer stays hidden, as one of this kiosk's own would; restoring it shows it. */
	change_answer(e, text->answers[0].statement_id, "changed after it was hidden");
	assert_true(export_to_path(e->store, &(struct export_options){.format = EXPORT_XAPI,
								      .session = 1},
				   path, NULL, &err));
	assert_true(lrs_class_import(other->store, path, &added, &skipped, &err));
	assert_int_equal(added, 1);
	const struct debrief_answer *changed = NULL;
	assert_true(debrief_load(other->store, mine, &moderated, &err));
	const struct debrief_question *mq = &moderated.questions[text - ours.questions];
	for (size_t i = 0; i < mq->answer_count; i++)
		if (!strcmp(mq->answers[i].text, "changed after it was hidden"))
			changed = &mq->answers[i];
	assert_non_null(changed);
	assert_true(changed->hidden);
	assert_int_equal(debrief_visible(mq), visible - 1);
	assert_true(store_debrief_hide_class(other->store, changed->statement_id, false, &err));
	debrief_release(&moderated);
	assert_true(debrief_load(other->store, mine, &moderated, &err));
	assert_int_equal(debrief_visible(&moderated.questions[text - ours.questions]), visible);
	debrief_release(&moderated);
	debrief_release(&ours);
	debrief_release(&theirs);
	fixture_env_free(other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_statement_ids_follow_the_answer, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_refused_answer_queues_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_class_codes, setup, teardown),
		cmocka_unit_test(test_backoff),
		cmocka_unit_test(test_endpoints),
		cmocka_unit_test_setup_teardown(test_settings_file_is_private, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_twice, setup, teardown),
		cmocka_unit_test_setup_teardown(test_debrief_shows_the_class, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
