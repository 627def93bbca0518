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
#include "scratch_store.h"


static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void report(const char *what, double *ms, size_t n)
{
	qsort(ms, n, sizeof *ms, scratch_by_value);
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
	int64_t session = store_session_start(store, &scratch_scenario, NULL, &err);
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

int main(int argc, char **argv)
{
	char dir[4096];
	bool temporary = scratch_folder(dir, sizeof dir, argc > 1 ? argv[1] : NULL);
	size_t saves = argc > 2 ? (size_t)atol(argv[2]) : 1000;
	struct store *store = scratch_store_open(dir, "save-data");
	printf("stores in %s\n", dir);
	bench_saves(store, saves ? saves : 1);
	store_close(store);
	if (temporary) {
		scratch_store_remove(dir, "save-data");
		rmdir(dir);
	}
	return 0;
}
