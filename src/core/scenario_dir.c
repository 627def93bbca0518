/* Listing a scenarios folder for the facilitator's menu (see scenario_dir.h). */
#include "core/scenario_dir.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/scenario.h"

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct scenario_entry *)a)->path,
		      ((const struct scenario_entry *)b)->path);
}

static bool add_entry(struct scenario_dir *list, const char *path, const char *name)
{
	struct scenario_entry *e = &list->entries[list->count];
	struct scenario *sc;

	memset(e, 0, sizeof *e);
	if (!(e->path = strdup(path)))
		return false;
	sc = scenario_load(path, &e->errors);
	e->valid = sc != NULL;
	e->title = strdup(sc ? sc->title : name);
	e->description = strdup(sc && sc->description ? sc->description : "");
	e->dir = sc ? strdup(sc->dir) : NULL;
	scenario_free(sc);
	list->count++;
	return e->title && e->description && (!e->valid || e->dir);
}

bool scenario_dir_list(const char *dir, struct scenario_dir *out, struct rjk_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	memset(out, 0, sizeof *out);
	if (!d)
		return rjk_error_set(err, "cannot read the scenarios folder %s: %s", dir,
				     strerror(errno));
	out->entries = calloc(SCENARIO_DIR_MAX, sizeof *out->entries);
	if (!out->entries) {
		closedir(d);
		return rjk_error_set(err, "out of memory listing %s", dir);
	}
	while ((de = readdir(d)) && out->count < SCENARIO_DIR_MAX) {
		char path[PATH_MAX], file[PATH_MAX + 16];

		if (de->d_name[0] == '.')
			continue;
		if (snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= (int)sizeof path)
			continue;
		snprintf(file, sizeof file, "%s/scenario.yaml", path);
		if (access(file, F_OK) != 0)
			continue;
		if (!add_entry(out, path, de->d_name)) {
			closedir(d);
			scenario_dir_release(out);
			return rjk_error_set(err, "out of memory listing %s", dir);
		}
	}
	closedir(d);
	qsort(out->entries, out->count, sizeof *out->entries, by_path);
	return true;
}

void scenario_dir_release(struct scenario_dir *list)
{
	for (size_t i = 0; list->entries && i < list->count; i++) {
		free(list->entries[i].path);
		free(list->entries[i].dir);
		free(list->entries[i].title);
		free(list->entries[i].description);
		rjk_diags_release(&list->entries[i].errors);
	}
	free(list->entries);
	memset(list, 0, sizeof *list);
}
