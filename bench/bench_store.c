/* Benchmark of the response store: latency of durable saves (each one fsynced) as a trainee
 * types and submits, and the time to export 100,000 responses in each format.
 * Usage: bench_store [DIR] [SAVES]   (DIR on the disk to measure; default a new folder in
 * /var/tmp, removed afterwards; SAVES default 1000) */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/export.h"
#include "core/store.h"

#define EXPORT_SESSIONS 10
#define EXPORT_PARTICIPANTS 50          /* per session */
#define EXPORT_RESPONSES 200            /* per participant: 10 x 50 x 200 = 100,000 */

static struct step bench_steps[] = {
	{.id = "q1", .kind = STEP_TEXT, .text = "What were you thinking at the time?",
	 .max_chars = 4000},
};
static struct scenario bench_scenario = {
	.id = "bench", .title = "Benchmark", .language = "en",
	.steps = bench_steps, .step_count = 1,
	.sha256 = "0000000000000000000000000000000000000000000000000000000000000000",
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void report(const char *what, double *ms, size_t n)
{
	qsort(ms, n, sizeof *ms, by_value);
	printf("%-38s n=%zu  p50 %.2f ms  p99 %.2f ms  max %.2f ms\n", what, n, ms[n / 2],
	       ms[(size_t)((double)n * 0.99)], ms[n - 1]);
}

static void die(const char *what, const struct rjk_error *err)
{
	fprintf(stderr, "bench_store: %s: %s\n", what, err ? err->message : "");
	exit(1);
}

/* Typing: one draft saved per keystroke burst (the text grows), then the submit. */
static void bench_saves(struct store *store, size_t saves)
{
	struct rjk_error err = {{0}};
	int64_t session = store_session_start(store, &bench_scenario, NULL, &err);
	int64_t who = session ? store_participant_add(store, session, NULL, NULL, 0, &err) : 0;
	if (!who)
		die("start", &err);
	double *draft_ms = malloc(saves * sizeof *draft_ms);
	double *answer_ms = malloc(saves * sizeof *answer_ms);
	char *text = calloc(1, 3100);
	char step[32];
	for (size_t i = 0; i < saves; i++) {
		if (strlen(text) > 3000)        /* next question: start a new text */
			text[0] = '\0';
		strcat(text, i % 7 ? "abc " : "\"é\", ");
		struct response draft = {.step_id = "q1", .kind = STEP_TEXT, .prompt = "Why?",
					 .status = RESPONSE_DRAFT, .text = text, .video_ms = -1};
		double t0 = now_ms();
		if (!store_save_response(store, who, &draft, &err))
			die("draft save", &err);
		draft_ms[i] = now_ms() - t0;
		snprintf(step, sizeof step, "a%zu", i);
		struct response answer = {.step_id = step, .kind = STEP_TEXT, .prompt = "Why?",
					  .status = RESPONSE_ANSWERED, .text = "A submitted answer "
					  "of a few words, with a comma.", .video_ms = -1};
		t0 = now_ms();
		if (!store_save_response(store, who, &answer, &err))
			die("answer save", &err);
		answer_ms[i] = now_ms() - t0;
	}
	report("draft save (growing text, fsync)", draft_ms, saves);
	report("answer save (new row, fsync)", answer_ms, saves);
	free(draft_ms);
	free(answer_ms);
	free(text);
}

/* Sessions and participants go through the store; the 100,000 responses are bulk-inserted in
 * one transaction through a second connection, as typing them one fsync at a time would take
 * minutes and measure nothing new. */
static void fill_for_export(struct store *store)
{
	struct rjk_error err = {{0}};
	int64_t *people = malloc(EXPORT_SESSIONS * EXPORT_PARTICIPANTS * sizeof *people);
	size_t n = 0;
	for (int s = 0; s < EXPORT_SESSIONS; s++) {
		int64_t session = store_session_start(store, &bench_scenario, "bench", &err);
		if (!session)
			die("session", &err);
		for (int p = 0; p < EXPORT_PARTICIPANTS; p++)
			if (!(people[n++] = store_participant_add(store, session, NULL, NULL, 0, &err)))
				die("participant", &err);
	}
	sqlite3 *db;
	sqlite3_stmt *ins;
	if (sqlite3_open(store_path(store), &db) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO responses(participant, step_id, kind, prompt,"
			       " status, text, first_edit_ms, last_edit_ms) VALUES(?1, ?2, 'text',"
			       " ?3, 'answered', ?4, ?5, ?5)", -1, &ins, NULL) != SQLITE_OK)
		die("bulk insert", NULL);
	for (size_t p = 0; p < n; p++) {
		for (int r = 0; r < EXPORT_RESPONSES; r++) {
			char step[16];
			snprintf(step, sizeof step, "q%d", r);
			sqlite3_reset(ins);
			sqlite3_bind_int64(ins, 1, people[p]);
			sqlite3_bind_text(ins, 2, step, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 3, "What were you thinking, \"at the time\"?", -1,
					  SQLITE_STATIC);
			sqlite3_bind_text(ins, 4, "=He said: \"I never hated him\", and I believe "
					  "it.\nلقد سامحه 😀 and a longer reflection about what "
					  "restorative justice can offer both sides.", -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 5, 1772355600000LL + r * 1000);
			if (sqlite3_step(ins) != SQLITE_DONE)
				die(sqlite3_errmsg(db), NULL);
		}
	}
	sqlite3_finalize(ins);
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		die(sqlite3_errmsg(db), NULL);
	sqlite3_close(db);
	free(people);
}

static void bench_exports(struct store *store, const char *dir)
{
	static const char *const files[] = {"bench.csv", "bench.json", "bench-xapi.json"};
	for (int f = EXPORT_CSV; f <= EXPORT_XAPI; f++) {
		char path[4200];
		snprintf(path, sizeof path, "%s/%s", dir, files[f]);
		struct export_options opts = {.format = (enum export_format)f};
		struct export_summary sum;
		struct rjk_error err = {{0}};
		double t0 = now_ms();
		if (!export_to_path(store, &opts, path, &sum, &err))
			die("export", &err);
		double ms = now_ms() - t0;
		struct stat st;
		stat(path, &st);
		printf("export %-4s %zu responses: %7.0f ms  (%.1f MB)\n",
		       export_format_name(opts.format), sum.responses, ms,
		       (double)st.st_size / 1e6);
		unlink(path);
	}
}

static struct store *open_in(const char *dir, const char *name)
{
	char data[4200];
	snprintf(data, sizeof data, "%s/%s", dir, name);
	struct rjk_error err = {{0}};
	struct store *store = store_open(data, &err);
	if (!store)
		die("open", &err);
	return store;
}

/* Removes a store's files and folder (bench-made folders only). */
static void remove_store(const char *dir, const char *name)
{
	static const char *const files[] = {"responses.db", "responses.db-wal", "responses.db-shm"};
	char path[4300];
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s/%s", dir, name, files[i]);
		unlink(path);
	}
	snprintf(path, sizeof path, "%s/%s", dir, name);
	rmdir(path);
}

int main(int argc, char **argv)
{
	char dir[4096];
	bool temporary = argc < 2;
	if (temporary) {
		snprintf(dir, sizeof dir, "/var/tmp/rjk-bench-XXXXXX");
		if (!mkdtemp(dir))
			die("mkdtemp", NULL);
	} else {
		snprintf(dir, sizeof dir, "%s", argv[1]);
	}
	size_t saves = argc > 2 ? (size_t)atol(argv[2]) : 1000;
	struct store *store = open_in(dir, "save-data");
	printf("stores in %s\n", dir);
	bench_saves(store, saves ? saves : 1);
	store_close(store);
	store = open_in(dir, "export-data");
	fill_for_export(store);
	bench_exports(store, dir);
	store_close(store);
	if (temporary) {
		remove_store(dir, "save-data");
		remove_store(dir, "export-data");
		rmdir(dir);
	}
	return 0;
}
