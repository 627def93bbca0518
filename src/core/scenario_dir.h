/* The scenarios folder as the facilitator's menu lists it: every subfolder holding a
 * scenario.yaml, with its title, description, and whether it loads (with the errors if not). */
#ifndef RJK_CORE_SCENARIO_DIR_H
#define RJK_CORE_SCENARIO_DIR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

#define SCENARIO_DIR_MAX 64

struct scenario_entry {
	char *path;          /* the scenario's folder */
	char *dir;           /* its absolute path, as scenario.dir has it; NULL when invalid */
	char *title;         /* the scenario's title, or the folder's name when invalid */
	char *description;   /* "" when none or invalid */
	bool valid;
	struct rjk_diags errors; /* why it does not load (empty when valid) */
};

struct scenario_dir {
	struct scenario_entry *entries; /* sorted by folder name */
	size_t count;
};

/* Lists dir's scenarios (at most SCENARIO_DIR_MAX), loading each to check it. False and err
 * when dir cannot be read. Release with scenario_dir_release. */
bool scenario_dir_list(const char *dir, struct scenario_dir *out, struct rjk_error *err);

/* Frees the entries; the struct can be listed into again. */
void scenario_dir_release(struct scenario_dir *list);

#endif
