/* What the store benchmarks share (see scratch_store.h). */
#include "scratch_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static struct step scratch_steps[] = {
	{.id = "q1", .kind = STEP_TEXT, .text = "What were you thinking at the time?",
	 .max_chars = 4000},
};
struct scenario scratch_scenario = {
	.id = "bench", .title = "Benchmark", .language = "en",
	.steps = scratch_steps, .step_count = 1,
	.sha256 = "0000000000000000000000000000000000000000000000000000000000000000",
};

bool scratch_folder(char *dir, size_t size, const char *given)
{
	if (given) {
		snprintf(dir, size, "%s", given);
		return false;
	}
	snprintf(dir, size, "/var/tmp/rjk-bench-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("bench: mkdtemp");
		exit(1);
	}
	return true;
}

struct store *scratch_store_open(const char *dir, const char *name)
{
	char data[4200];
	snprintf(data, sizeof data, "%s/%s", dir, name);
	struct rjk_error err = {{0}};
	struct store *store = store_open(data, &err);
	if (!store) {
		fprintf(stderr, "bench: cannot open the store in %s: %s\n", data, err.message);
		exit(1);
	}
	return store;
}

void scratch_store_remove(const char *dir, const char *name)
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

int scratch_by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}
