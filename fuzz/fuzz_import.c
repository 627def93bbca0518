/* libFuzzer target for importing another kiosk's export (rjkiosk import): any file either
 * imports or is refused with a message, never crashes, and importing it again adds nothing. */
/* The checks below are the point of this target: keep them in release builds too. */
#undef NDEBUG
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/lrs_class.h"
#include "core/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *store;
static char dir[] = "/tmp/rjk-fuzz-import-XXXXXX";
static char path[sizeof dir + 16];

static void remove_dir(void)
{
	char cmd[sizeof dir + 16];
	store_close(store);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz_import: could not remove %s\n", dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rjk_error err = {{0}};
	if (!store) {
		assert(mkdtemp(dir));
		store = store_open(dir, &err);
		assert(store);
		snprintf(path, sizeof path, "%s/in.json", dir);
		atexit(remove_dir);
	}
	FILE *f = fopen(path, "wb");
	assert(f);
	assert(fwrite(data, 1, size, f) == size);
	fclose(f);
	size_t added, skipped, again_added, again_skipped;
	if (!lrs_class_import(store, path, &added, &skipped, &err)) {
		assert(err.message[0]);
		return 0;
	}
	assert(lrs_class_import(store, path, &again_added, &again_skipped, &err));
	assert(again_added == 0);
	assert(again_skipped == added + skipped);
	return 0;
}
