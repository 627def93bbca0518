/* Benchmark of the exports: time (wall clock and CPU) and memory of exporting 100,000 responses
 * to a file in each format, and whether that memory grows with the number of responses.
 * Two stores are filled: "10 sessions" (10 sessions x 50 trainees x 200 answers) and "1 session"
 * (1 session x 500 trainees x 200 answers: the same 100,000 in one session). Each run exports,
 * in turn, every format from both stores and one session (10,000 responses) of the first;
 * the summary gives the medians of RUNS runs. Memory is the peak resident size the export
 * added to the process (VmHWM reset before each export, minus VmRSS before it).
 * Usage: bench_export [RUNS] [DIR]   (RUNS default 5; DIR default a new folder in /var/tmp,
 * removed afterwards) */
#define _GNU_SOURCE
#include <malloc.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/export.h"
#include "core/store.h"
#include "scratch_store.h"

#define RESPONSES 200                    /* per trainee */
#define MAX_RUNS 50

static void die(const char *what, const struct rjk_error *err)
{
	fprintf(stderr, "bench_export: %s: %s\n", what, err ? err->message : "");
	exit(1);
}

static double clock_ms(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* A "Vm...:" line of /proc/self/status, in KiB. */
static long status_kib(const char *field)
{
	char line[256];
	long kib = -1;
	size_t n = strlen(field);
	FILE *f = fopen("/proc/self/status", "r");
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, field, n) && line[n] == ':')
			kib = atol(line + n + 1);
	if (f)
		fclose(f);
	return kib;
}

/* Starts a new peak resident size at the current one. */
static void reset_peak(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");
	if (f) {
		fputs("5", f);
		fclose(f);
	}
}

/* Sessions and trainees go through the store; the responses are bulk-inserted in one
 * transaction through a second connection, as typing them one fsync at a time would take
 * minutes and measure nothing new. Returns the first session's id. */
static int64_t fill(struct store *store, int sessions, int people_per_session)
{
	struct rjk_error err = {{0}};
	int64_t *people = malloc((size_t)(sessions * people_per_session) * sizeof *people);
	int64_t first = 0;
	size_t n = 0;
	for (int s = 0; s < sessions; s++) {
		int64_t session = store_session_start(store, &scratch_scenario, "bench", &err);
		if (!session)
			die("session", &err);
		first = first ? first : session;
		for (int p = 0; p < people_per_session; p++)
			if (!(people[n++] = store_participant_add(store, session, NULL, NULL, 0, &err)))
				die("participant", &err);
	}
	sqlite3 *db;
	sqlite3_stmt *ins;
	if (sqlite3_open(store_path(store), &db) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO responses(participant, step_id, kind, prompt,"
			       " status, text, first_edit_ms, last_edit_ms, statement_id,"
			       " statement_ms) VALUES(?1, ?2, 'text', ?3, 'answered', ?4, ?5, ?5,"
			       " ?6, ?5)", -1, &ins, NULL) != SQLITE_OK)
		die("bulk insert", NULL);
	for (size_t p = 0; p < n; p++) {
		for (int r = 0; r < RESPONSES; r++) {
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
			/* Each answer's statement id, fixed when it was saved (a UUID, as the
			 * store gives them). */
			char id[48];
			snprintf(id, sizeof id, "%08x-%04x-4000-8000-%012zx", (unsigned)(first & 0xffff),
				 (unsigned)r, p);
			sqlite3_bind_text(ins, 6, id, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(ins) != SQLITE_DONE)
				die(sqlite3_errmsg(db), NULL);
		}
	}
	sqlite3_finalize(ins);
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		die(sqlite3_errmsg(db), NULL);
	sqlite3_close(db);
	free(people);
	return first;
}

/* One measured case: a format, a store, all sessions or one. */
struct bench_case {
	const char *what;
	struct store *store;
	int64_t session;                         /* 0: all */
	enum export_format format;
	double wall[MAX_RUNS], cpu[MAX_RUNS], peak_kib[MAX_RUNS];
	size_t responses;
	double mb;
};

static void run_case(struct bench_case *c, int run, const char *dir)
{
	char path[4200];
	struct export_options opts = {.format = c->format, .session = c->session};
	struct export_summary sum;
	struct rjk_error err = {{0}};
	struct stat st;

	snprintf(path, sizeof path, "%s/bench.%s", dir, export_format_name(c->format));
	malloc_trim(0);
	long rss = status_kib("VmRSS");
	reset_peak();
	double wall = clock_ms(CLOCK_MONOTONIC), cpu = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	if (!export_to_path(c->store, &opts, path, &sum, &err))
		die("export", &err);
	c->cpu[run] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu;
	c->wall[run] = clock_ms(CLOCK_MONOTONIC) - wall;
	c->peak_kib[run] = (double)(status_kib("VmHWM") - rss);
	c->responses = sum.responses;
	c->mb = stat(path, &st) == 0 ? (double)st.st_size / 1e6 : 0;
	unlink(path);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, scratch_by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 5;
	char dir[4096];
	double load[3] = {0};

	if (runs < 1 || runs > MAX_RUNS)
		die("RUNS is 1 to 50", NULL);
	bool temporary = scratch_folder(dir, sizeof dir, argc > 2 ? argv[2] : NULL);
	struct store *many = scratch_store_open(dir, "ten-sessions");
	struct store *one = scratch_store_open(dir, "one-session");
	int64_t first = fill(many, 10, 50);
	fill(one, 1, 500);
	struct bench_case cases[9];
	size_t ncases = 0;
	for (int f = EXPORT_CSV; f <= EXPORT_XAPI; f++) {
		enum export_format format = (enum export_format)f;
		cases[ncases++] = (struct bench_case){.what = "10 sessions", .store = many,
						      .format = format};
		cases[ncases++] = (struct bench_case){.what = "1 session", .store = one,
						      .format = format};
		cases[ncases++] = (struct bench_case){.what = "1 of 10 sessions", .store = many,
						      .session = first, .format = format};
	}
	printf("stores in %s; %d runs, each exporting every case in turn\n", dir, runs);
	for (int run = 0; run < runs; run++)
		for (size_t i = 0; i < ncases; i++)
			run_case(&cases[i], run, dir);
	getloadavg(load, 3);
	printf("%-5s %-17s %9s %8s %8s %8s %10s\n", "", "store", "responses", "wall ms", "cpu ms",
	       "MB", "+peak MiB");
	for (size_t i = 0; i < ncases; i++) {
		struct bench_case *c = &cases[i];
		printf("%-5s %-17s %9zu %8.0f %8.0f %8.1f %10.1f\n", export_format_name(c->format),
		       c->what, c->responses, median(c->wall, runs), median(c->cpu, runs), c->mb,
		       median(c->peak_kib, runs) / 1024);
	}
	printf("medians of %d runs; load average at the end %.2f %.2f %.2f on %ld cores\n", runs,
	       load[0], load[1], load[2], sysconf(_SC_NPROCESSORS_ONLN));
	store_close(many);
	store_close(one);
	if (temporary) {
		scratch_store_remove(dir, "ten-sessions");
		scratch_store_remove(dir, "one-session");
		rmdir(dir);
	}
	return 0;
}
