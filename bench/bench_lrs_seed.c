/* Fills a data folder for the LRS benchmark (scripts/bench-lrs.py): COUNT answered responses,
 * each queued as a statement, as a busy kiosk would leave them.
 * Usage: bench_lrs_seed DIR [COUNT]   (COUNT default 10000) */
#include <stdio.h>
#include <stdlib.h>

#include "core/store.h"

#define PER_PARTICIPANT 100

static struct step seed_steps[] = {
	{.id = "q1", .kind = STEP_TEXT, .text = "What were you thinking at the time?",
	 .max_chars = 4000},
};
static struct scenario seed_scenario = {
	.id = "bench", .title = "Benchmark", .language = "en",
	.steps = seed_steps, .step_count = 1,
	.sha256 = "0000000000000000000000000000000000000000000000000000000000000000",
};

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_lrs_seed DIR [COUNT]\n");
		return 2;
	}
	long count = argc > 2 ? atol(argv[2]) : 10000;
	struct rjk_error err = {{0}};
	struct store *store = store_open(argv[1], &err);
	int64_t session = store ? store_session_start(store, &seed_scenario, NULL, &err) : 0;
	int64_t who = 0;
	for (long i = 0; session && i < count; i++) {
		char step[32], text[160];
		if (i % PER_PARTICIPANT == 0 &&
		    !(who = store_participant_add(store, session, NULL, NULL, 0, &err)))
			break;
		snprintf(step, sizeof step, "q%ld", i % PER_PARTICIPANT + 1);
		snprintf(text, sizeof text, "Answer %ld: what I noticed, and what I would do next "
			 "time, in a sentence or two.", i);
		struct response r = {.step_id = step, .kind = STEP_TEXT, .prompt = "A question",
				     .status = RESPONSE_ANSWERED, .text = text, .video_ms = -1};
		if (!store_save_response(store, who, &r, &err)) {
			session = 0;
			break;
		}
	}
	store_close(store);
	if (!session || !who) {
		fprintf(stderr, "bench_lrs_seed: %s\n", err.message);
		return 1;
	}
	return 0;
}
