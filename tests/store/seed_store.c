/* Fills a data folder with the test fixture's sessions (for the command-line tests):
 * rjk_seed_store DIR */
#include <stdbool.h>
#include <stdio.h>

#include "core/store.h"
#include "core/store_lrs.h"
#include "store_fixture.h"

static bool set_id(const char *dir)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, STORE_DB_NAME);
	return fixture_set_kiosk_id(path);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: rjk_seed_store DIR\n");
		return 2;
	}
	struct rjk_error err = {{0}};
	struct store *store = store_open(argv[1], &err);
	if (!store) {
		fprintf(stderr, "rjk_seed_store: %s\n", err.message);
		return 1;
	}
	int64_t clock = FIXTURE_CLOCK_START;
	store_set_clock(store, fixture_clock, &clock);
	store_set_random(store, fixture_random, NULL);
	bool ok = fixture_populate(store);
	store_close(store);
	return ok && set_id(argv[1]) ? 0 : 1;
}
