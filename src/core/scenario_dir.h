/* The scenarios folder as the facilitator's menu lists it: every subfolder holding a
 * scenario.yaml, with its title, description, and whether it loads (with the errors if not). */
#ifndef RJK_CORE_SCENARIO_DIR_H
#define RJK_CORE_SCENARIO_DIR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

/* The most scenarios listed: each is loaded to check it (about 0.3 ms for a small one), and
 * the menu lists them on the kiosk's main thread, so a folder of many thousands would freeze
 * the kiosk for seconds. Past it, the first ones by folder name are listed. */
#define SCENARIO_DIR_MAX 1000

struct scenario_entry {
	char *path;          /* the scenario's folder */
	char *dir;           /* its absolute path, as scenario.dir has it; NULL when invalid */
	char *title;         /* the scenario's title, or the folder's name when invalid */
	char *description;   /* "" when none or invalid */
	bool valid;
	struct rjk_diags errors; /* why it does not load (empty when valid) */
};

struct scenario_dir {
	struct scenario_entry *entries; /* sorted by folder name (strcmp: bytes) */
	size_t count;
	size_t omitted; /* scenarios left out past SCENARIO_DIR_MAX: the last by folder name */
};

/* Lists every scenario in dir in folder-name order, loading each to check it; when there are
 * more than SCENARIO_DIR_MAX, the first SCENARIO_DIR_MAX by folder name (out->omitted says how
 * many more). False and err when dir cannot be read or memory runs out. Release with
 * scenario_dir_release. */
bool scenario_dir_list(const char *dir, struct scenario_dir *out, struct rjk_error *err);

/* Frees the entries; the struct can be listed into again. */
void scenario_dir_release(struct scenario_dir *list);

#endif
