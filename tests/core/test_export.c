/* Tests of the exports: golden files for CSV, JSON and xAPI built from tricky texts, one
 * session or all, private atomic files, the event log, and the JSON writer's escaping.
 * RJK_UPDATE_GOLDEN=1 rewrites the golden files in tests/data/export. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/durable.h"
#include "core/export.h"
#include "core/export_impl.h"
#include "core/json_writer.h"
#include "core/store.h"
#include "store_fixture.h"

static int setup(void **state)
{
	struct fixture_env *e = fixture_env_new();
	*state = e;
	return e && fixture_populate(e->store) && fixture_set_kiosk_id(store_path(e->store))
		       ? 0 : -1;
}

static int teardown(void **state)
{
	fixture_env_free(*state);
	return 0;
}

/* Runs an export into memory; returns the bytes (free them). */
static char *export_to_memory(struct fixture_env *e, const struct export_options *opts, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	assert_non_null(f);
	struct rjk_error err = {{0}};
	if (!export_write(e->store, opts, f, NULL, &err))
		fail_msg("export failed: %s", err.message);
	fclose(f);
	return buf;
}

static void compare_golden(const char *name, const char *got, size_t len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/export/%s", RJK_TEST_DATA, name);
	if (getenv("RJK_UPDATE_GOLDEN")) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(got, 1, len, f), len);
		fclose(f);
		return;
	}
	size_t want_len;
	char *want = fixture_read_file(path, &want_len);
	if (!want)
		fail_msg("missing golden file %s (run with RJK_UPDATE_GOLDEN=1)", path);
	if (want_len != len || memcmp(want, got, len) != 0)
		fail_msg("%s differs from the export (%zu vs %zu bytes); if the change is intended, "
			 "run with RJK_UPDATE_GOLDEN=1 and review the diff", path, want_len, len);
	free(want);
}

static void test_golden_files(void **state)
{
	static const struct {
		enum export_format format;
		const char *file;
	} cases[] = {
		{EXPORT_CSV, "responses.csv"},
		{EXPORT_JSON, "responses.json"},
		{EXPORT_XAPI, "statements.json"},
	};
	struct fixture_env *e = *state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct export_options opts = {.format = cases[i].format};
		size_t len;
		char *got = export_to_memory(e, &opts, &len);
		compare_golden(cases[i].file, got, len);
		free(got);
	}
}

static void test_excel_bom(void **state)
{
	struct fixture_env *e = *state;
	struct export_options plain = {.format = EXPORT_CSV};
	struct export_options excel = {.format = EXPORT_CSV, .excel_bom = true};
	size_t plain_len, excel_len;
	char *a = export_to_memory(e, &plain, &plain_len);
	char *b = export_to_memory(e, &excel, &excel_len);
	assert_int_equal(excel_len, plain_len + 3);
	assert_memory_equal(b, "\xEF\xBB\xBF", 3);
	assert_memory_equal(b + 3, a, plain_len);
	assert_memory_equal(a, "\"session_id\",", 13);
	free(a);
	free(b);
}

static size_t count(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (const char *p = haystack; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void test_one_session(void **state)
{
	struct fixture_env *e = *state;
	struct export_options opts = {.format = EXPORT_JSON, .session = 2};
	size_t len;
	char *got = export_to_memory(e, &opts, &len);
	assert_non_null(strstr(got, "half a thought, interrupted"));
	assert_null(strstr(got, "Commas"));
	assert_int_equal(count(got, "\"participants\""), 1);
	free(got);

	/* The open session has only a draft: no xAPI statement. */
	opts.format = EXPORT_XAPI;
	got = export_to_memory(e, &opts, &len);
	assert_string_equal(got, "[]\n");
	free(got);

	opts.session = 9;
	struct rjk_error err = {{0}};
	FILE *f = fopen("/dev/null", "w");
	assert_false(export_write(e->store, &opts, f, NULL, &err));
	fclose(f);
	assert_non_null(strstr(err.message, "no session 9"));
}

static void test_xapi_covers_answered_and_passed(void **state)
{
	struct fixture_env *e = *state;
	struct export_options opts = {.format = EXPORT_XAPI, .xapi_base = "https://lrs.example.org"};
	size_t len;
	char *got = export_to_memory(e, &opts, &len);
	/* 11 answered + 2 passed in session 1; drafts are not statements. */
	assert_int_equal(count(got, "\"verb\""), 13);
	assert_int_equal(count(got, "http://adlnet.gov/expapi/verbs/answered"), 13);
	assert_int_equal(count(got, "\"homePage\":\"https://lrs.example.org\""), 13);
	/* One compact statement a line, between the array's brackets. */
	assert_int_equal(count(got, "\n"), 13 + 2);
	assert_null(strstr(got, "mbox"));
	assert_null(strstr(got, "Amira")); /* names never leave in statements */
	free(got);
}

/* The summary (the "N answers from M participants were written" the facilitator reads) counts
 * what the file holds: an xAPI file has no drafts, so a draft is not counted as written. */
static void test_summary_counts_what_is_written(void **state)
{
	static const struct {
		enum export_format format;
		int64_t session;
		size_t sessions, participants, responses;
	} cases[] = {
		{EXPORT_CSV, 0, 2, 4, 15},
		{EXPORT_JSON, 0, 2, 4, 15},
		{EXPORT_XAPI, 0, 2, 3, 13},
		{EXPORT_CSV, 2, 1, 1, 1},
		{EXPORT_XAPI, 2, 1, 0, 0},     /* the open session holds only a draft */
		{EXPORT_XAPI, 1, 1, 3, 13},
	};
	struct fixture_env *e = *state;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct export_options opts = {.format = cases[i].format,
					      .session = cases[i].session};
		struct export_summary sum;
		struct rjk_error err = {{0}};
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);

		assert_non_null(f);
		if (!export_write(e->store, &opts, f, &sum, &err))
			fail_msg("case %zu: %s", i, err.message);
		fclose(f);
		if (cases[i].format == EXPORT_XAPI)
			assert_int_equal(count(buf, "\"verb\""), sum.responses);
		if (sum.sessions != cases[i].sessions || sum.participants != cases[i].participants ||
		    sum.responses != cases[i].responses)
			fail_msg("case %zu (%s, session %lld): %zu sessions, %zu participants, %zu "
				 "responses; expected %zu, %zu, %zu", i,
				 export_format_name(cases[i].format), (long long)cases[i].session,
				 sum.sessions, sum.participants, sum.responses, cases[i].sessions,
				 cases[i].participants, cases[i].responses);
		free(buf);
	}
}

/* An export with a refused xAPI base writes nothing (the bases themselves: test_iri.c). */
static void test_xapi_base(void **state)
{
	struct fixture_env *e = *state;
	struct export_options opts = {.format = EXPORT_XAPI, .xapi_base = "not a url"};
	struct rjk_error err = {{0}};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_false(export_write(e->store, &opts, f, NULL, &err));
	fclose(f);
	assert_int_equal(len, 0);
	assert_non_null(strstr(err.message, "not an absolute address"));
	free(buf);
}

static void test_file_is_private_and_atomic(void **state)
{
	struct fixture_env *e = *state;
	char out[256];
	snprintf(out, sizeof out, "%s/export.json", e->dir);
	FILE *f = fopen(out, "w");
	fputs("old contents", f);
	fclose(f);
	chmod(out, 0644);
	mode_t old = umask(0);
	struct export_options opts = {.format = EXPORT_JSON};
	struct export_summary sum;
	struct rjk_error err = {{0}};
	bool ok = export_to_path(e->store, &opts, out, &sum, &err);
	umask(old);
	assert_true(ok);
	assert_int_equal(sum.sessions, 2);
	assert_int_equal(sum.participants, 4);
	assert_int_equal(sum.responses, 15);
	struct stat st;
	assert_int_equal(stat(out, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	size_t len;
	char *written = fixture_read_file(out, &len);
	assert_memory_equal(written, "{\n  \"format\": \"rjkiosk-responses\"", 33);
	free(written);

	DIR *d = opendir(e->dir);
	struct dirent *ent;
	while ((ent = readdir(d)))
		assert_null(strstr(ent->d_name, ".export.json."));
	closedir(d);

	/* A folder that does not exist: clear error, nothing written. */
	char bad[300];
	snprintf(bad, sizeof bad, "%s/missing/export.json", e->dir);
	assert_false(export_to_path(e->store, &opts, bad, NULL, &err));
	assert_non_null(strstr(err.message, "Cannot create the export file"));

	struct store_event *events;
	size_t n;
	assert_true(store_list_events(e->store, &events, &n, &err));
	assert_string_equal(events[n - 1].kind, "export");
	assert_non_null(strstr(events[n - 1].detail, "json of all sessions, 2 sessions, "
							"15 responses, to "));
	assert_non_null(strstr(events[n - 1].detail, out));
	store_events_free(events, n);
}

/* Only a regular file is replaced: a link, a FIFO, a folder or a device is refused with nothing
 * written (as root, a device node used to become a file of answers). */
static void test_only_regular_files_are_replaced(void **state)
{
	struct fixture_env *e = *state;
	static const char *const kinds[] = {"a symbolic link", "a FIFO", "a folder", "a device"};
	struct export_options opts = {.format = EXPORT_CSV};

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		char out[256], target[256];
		struct rjk_error err = {{0}};
		struct stat before, after;

		snprintf(out, sizeof out, "%s/out-%zu.csv", e->dir, i);
		snprintf(target, sizeof target, "%s/target-%zu", e->dir, i);
		if (i == 0) {
			FILE *f = fopen(target, "w");
			fclose(f);
			assert_int_equal(symlink(target, out), 0);
		} else if (i == 1) {
			assert_int_equal(mkfifo(out, 0600), 0);
		} else if (i == 2) {
			assert_int_equal(mkdir(out, 0700), 0);
		} else {
			snprintf(out, sizeof out, "/dev/null");
		}
		assert_int_equal(lstat(out, &before), 0);
		assert_false(export_to_path(e->store, &opts, out, NULL, &err));
		if (!strstr(err.message, kinds[i]) || !strstr(err.message, "Nothing was written"))
			fail_msg("%s: unexpected message '%s'", kinds[i], err.message);
		assert_int_equal(lstat(out, &after), 0);
		assert_int_equal((int)(before.st_mode & S_IFMT), (int)(after.st_mode & S_IFMT));
		assert_int_equal(before.st_ino, after.st_ino);
	}
	if (lstat("/dev/.null.rjkiosk-part.AAAAAA", &(struct stat){0}) == 0)
		fail_msg("a partial export was made in /dev");
}

/* Partial exports left by a killed export are removed by the next export to that folder:
 * exactly the kiosk's own (by name, regular, not being written), nothing else. */
static void test_left_over_partials_are_removed(void **state)
{
	struct fixture_env *e = *state;
	static const struct {
		const char *name;
		bool removed;
	} files[] = {
		{".answers.csv.rjkiosk-part.Ab3dE9", true},
		{".rjkiosk-all-20260301-090000.xapi.json.rjkiosk-part.zzzzzz", true},
		{".old.csv.AbC123", true},                  /* an earlier release's name */
		{".old.json.x1Y2z3", true},
		{".bashrc.abc123", false},
		{"old.csv.AbC123", false},                  /* not hidden */
		{".old.csv.AbC12", false},                  /* 5 characters */
		{".old.csv.AbC12-", false},
		{".csv.AbC123", false},                     /* no name before the extension */
		{".old.txt.AbC123", false},
		{".notes.csv.rjkiosk-part", false},
		{".link.csv.AbC123", false},                /* a link: never followed or removed */
		{".busy.csv.rjkiosk-part.XXXXXX", false},   /* being written by a live export */
	};
	size_t n = sizeof files / sizeof files[0];
	char path[512], out[256];
	int busy = -1;

	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", e->dir, files[i].name);
		if (!strncmp(files[i].name, ".link", 5)) {
			assert_int_equal(symlink("/etc/hostname", path), 0);
		} else if (!strncmp(files[i].name, ".busy", 5)) {
			busy = durable_temp(path);
			assert_true(busy >= 0);
		} else {
			FILE *f = fopen(path, "w");
			fputs("answers", f);
			fclose(f);
		}
	}
	/* The link and the busy file have the right names: they are kept for what they are. */
	for (size_t i = 0; i < n; i++)
		if (strncmp(files[i].name, ".busy", 5) && strncmp(files[i].name, ".link", 5) &&
		    export_is_partial(files[i].name) != files[i].removed)
			fail_msg("%s: export_is_partial is wrong", files[i].name);
	struct export_options opts = {.format = EXPORT_CSV};
	struct rjk_error err = {{0}};
	snprintf(out, sizeof out, "%s/answers.csv", e->dir);
	assert_true(export_to_path(e->store, &opts, out, NULL, &err));
	DIR *d = opendir(e->dir);
	struct dirent *ent;
	size_t left = 0;
	while ((ent = readdir(d))) {
		for (size_t i = 0; i < n; i++) {
			if (!strcmp(ent->d_name, files[i].name) && files[i].removed)
				fail_msg("%s was not removed", ent->d_name);
			if (!strncmp(ent->d_name, files[i].name, 5) &&
			    !strncmp(files[i].name, ".busy", 5))
				left++;
		}
	}
	closedir(d);
	assert_int_equal(left, 1);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", e->dir, files[i].name);
		if (!files[i].removed && strncmp(files[i].name, ".busy", 5) &&
		    lstat(path, &st) != 0)
			fail_msg("%s was removed", files[i].name);
	}
	close(busy);
}

/* The bundled sample scenario, loaded by the real loader: one answer to every step goes
 * through the store and out in each format, with the scenario's SHA-256 in every statement. */
static void test_sample_scenario_round_trip(void **state)
{
	struct fixture_env *e = *state;
	struct rjk_diags diags = {0};
	struct scenario *sc = scenario_load(RJK_SCENARIOS "/sample", &diags);
	if (!sc)
		fail_msg("the sample scenario does not load: %s",
			 diags.count ? diags.items[0] : "?");
	struct rjk_error err = {{0}};
	int64_t session = store_session_start(e->store, sc, "sample", &err);
	int64_t who = store_participant_add(e->store, session, NULL, NULL, 0, &err);
	assert_true(who > 0);
	for (size_t i = 0; i < sc->step_count; i++) {
		const struct step *st = &sc->steps[i];
		const char *chosen[] = {st->option_count ? st->options[st->option_count - 1] : ""};
		struct response r = {.step_id = st->id, .kind = st->kind, .prompt = st->text,
				     .status = RESPONSE_ANSWERED, .video_ms = st->is_cue ? 1000 : -1,
				     .text = st->kind == STEP_TEXT || st->kind == STEP_DISCUSSION
					     ? "An answer, \"quoted\"" : NULL,
				     .has_scale = st->kind == STEP_SCALE, .scale = st->max,
				     .choices = chosen, .choice_count = st->kind == STEP_CHOICE};
		if (!store_save_response(e->store, who, &r, &err))
			fail_msg("step %s: %s", st->id, err.message);
	}
	struct export_options opts = {.format = EXPORT_XAPI, .session = session};
	size_t len;
	char *got = export_to_memory(e, &opts, &len);
	assert_int_equal(count(got, "\"verb\""), sc->step_count);
	assert_int_equal(count(got, sc->sha256), sc->step_count);
	assert_null(strstr(got, "\"scale\": []"));
	assert_null(strstr(got, "\"choices\": []"));
	free(got);
	opts.format = EXPORT_CSV;
	got = export_to_memory(e, &opts, &len);
	assert_int_equal(count(got, "\r\n\""), sc->step_count); /* a header, then one row each */
	free(got);
	scenario_free(sc);
}

static void test_json_writer_escapes(void **state)
{
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	struct json_writer w;
	json_writer_init(&w, f);
	json_begin_array(&w);
	json_string(&w, "quote \" backslash \\ nl \n cr \r tab \t bell \a");
	json_string(&w, "bad \xC3\x28 byte, ls \xE2\x80\xA8 ok \xF0\x9F\x98\x80");
	json_string(&w, NULL);
	json_begin_object(&w);
	json_end_object(&w);
	json_int(&w, -7);
	json_end_array(&w);
	assert_true(json_writer_finish(&w));
	fclose(f);
	assert_string_equal(buf,
			    "[\n"
			    "  \"quote \\\" backslash \\\\ nl \\n cr \\r tab \\t bell \\u0007\",\n"
			    "  \"bad \xEF\xBF\xBD( byte, ls \\u2028 ok \xF0\x9F\x98\x80\",\n"
			    "  null,\n"
			    "  {},\n"
			    "  -7\n"
			    "]\n");
	free(buf);
}

/* Compact below the top level: each item of the array on its own line, nothing inside an item
 * spaced or broken; keys and nested levels still right. */
static void test_json_writer_compact_items(void **state)
{
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	struct json_writer w;
	(void)state;
	json_writer_init(&w, f);
	json_writer_compact_below(&w, 1);
	json_begin_array(&w);
	for (int i = 0; i < 2; i++) {
		json_begin_object(&w);
		json_key(&w, "id");
		json_int(&w, i);
		json_key(&w, "tags");
		json_begin_array(&w);
		json_string(&w, "a b");
		json_begin_object(&w);
		json_end_object(&w);
		json_end_array(&w);
		json_end_object(&w);
	}
	json_end_array(&w);
	assert_true(json_writer_finish(&w));
	fclose(f);
	assert_string_equal(buf,
			    "[\n"
			    "  {\"id\":0,\"tags\":[\"a b\",{}]},\n"
			    "  {\"id\":1,\"tags\":[\"a b\",{}]}\n"
			    "]\n");
	free(buf);
}

/* Output larger than the writer's buffer, written in small pieces and in pieces larger than
 * it, comes out whole and in order; numbers at both ends of their range; the deepest
 * indentation. */
static void test_json_writer_large_output(void **state)
{
	char *buf = NULL, *big = malloc(20001);
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	struct json_writer w;
	assert_non_null(big);
	memset(big, 'a', 20000);
	big[20000] = '\0';
	big[10000] = '"';
	json_writer_init(&w, f);
	json_begin_array(&w);
	for (int i = 0; i < 3000; i++)
		json_int(&w, i);
	json_string(&w, big);
	json_int(&w, INT64_MIN);
	json_int(&w, INT64_MAX);
	for (int depth = 1; depth < JSON_WRITER_MAX_DEPTH - 1; depth++)
		json_begin_array(&w);
	json_int(&w, 0);
	for (int depth = 1; depth < JSON_WRITER_MAX_DEPTH - 1; depth++)
		json_end_array(&w);
	json_end_array(&w);
	assert_true(json_writer_finish(&w));
	fclose(f);
	assert_int_equal(strlen(buf), len);
	const char *at = buf;
	assert_memory_equal(at, "[\n  0,\n  1,\n", 12);
	at = strstr(at, "  2999,\n  \"");
	assert_non_null(at);
	at += strlen("  2999,\n  \"");
	for (int i = 0; i < 20000; i++) {
		if (i == 10000) {
			assert_memory_equal(at, "\\\"", 2);
			at += 2;
		} else {
			assert_int_equal(*at++, 'a');
		}
	}
	assert_memory_equal(at, "\",\n  -9223372036854775808,\n  9223372036854775807,\n", 50);
	/* 0 sits at depth 31: 62 spaces. */
	char deepest[80];
	snprintf(deepest, sizeof deepest, "\n%*s0\n", 2 * (JSON_WRITER_MAX_DEPTH - 1), "");
	assert_non_null(strstr(at, deepest));
	assert_string_equal(buf + len - 3, "\n]\n");
	free(big);
	free(buf);
}

/* Export times: every field's digits in place, and years past 9999 still whole. */
static void test_export_times(void **state)
{
	static const struct {
		int64_t ms;
		const char *text;
	} cases[] = {
		{0, ""},
		{1, "1970-01-01T00:00:00.001Z"},
		{1772357400250LL, "2026-03-01T09:30:00.250Z"},
		{253402300799999LL, "9999-12-31T23:59:59.999Z"},
		{253402300800000LL, "10000-01-01T00:00:00.000Z"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[32];
		export_time_iso(cases[i].ms, buf, sizeof buf);
		assert_string_equal(buf, cases[i].text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_golden_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_excel_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_session, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xapi_covers_answered_and_passed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_summary_counts_what_is_written, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_xapi_base, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_is_private_and_atomic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_regular_files_are_replaced, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_left_over_partials_are_removed, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_sample_scenario_round_trip, setup, teardown),
		cmocka_unit_test(test_json_writer_escapes),
		cmocka_unit_test(test_json_writer_compact_items),
		cmocka_unit_test(test_json_writer_large_output),
		cmocka_unit_test(test_export_times),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
