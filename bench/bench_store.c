/* Benchmark of the response store: latency of durable saves (each one fsynced) as a trainee
 * types and submits (exports: bench_export).
 * Usage: bench_store [DIR] [SAVES]   (DIR on the disk to measure; default a new folder in
 * /var/tmp, removed afterwards; SAVES default 1000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/store.h"


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
	if (temporary) {
		remove_store(dir, "save-data");
		rmdir(dir);
	}
	return 0;
}
