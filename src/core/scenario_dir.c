/* Listing a scenarios folder for the facilitator's menu (see scenario_dir.h). */
#include "core/scenario_dir.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/grow.h"
#include "core/scenario.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists scenario name (a subfolder of dir) as the next entry, loading it to check it. */
static bool add_entry(struct scenario_dir *list, const char *dir, const char *name)
{
	struct scenario_entry *e = &list->entries[list->count];
	struct scenario *sc;
	char path[PATH_MAX];

	memset(e, 0, sizeof *e);
	snprintf(path, sizeof path, "%s/%s", dir, name); /* fits: scenario_names checked */
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

/* The names of d's subfolders that hold a scenario.yaml, in the folder's own order, into
 * *names (*count of them, each to free, as the array). False when memory runs out. */
static bool scenario_names(DIR *d, const char *dir, char ***names, size_t *count)
{
	struct dirent *de;
	size_t cap = 0;

	while ((de = readdir(d))) {
		char file[PATH_MAX];

		if (de->d_name[0] == '.')
			continue;
		/* A path too long to open holds no scenario the kiosk can load. */
		if (snprintf(file, sizeof file, "%s/%s/scenario.yaml", dir, de->d_name) >=
		    (int)sizeof file || access(file, F_OK) != 0)
			continue;
		if (!array_grow(names, &cap, *count, sizeof **names) ||
		    !((*names)[*count] = strdup(de->d_name)))
			return false;
		(*count)++;
	}
	return true;
}

bool scenario_dir_list(const char *dir, struct scenario_dir *out, struct rjk_error *err)
{
	DIR *d = opendir(dir);
	char **names = NULL;
	size_t n = 0;
	bool ok;

	memset(out, 0, sizeof *out);
	if (!d)
		return rjk_error_set(err, "cannot read the scenarios folder %s: %s", dir,
				     strerror(errno));
	ok = scenario_names(d, dir, &names, &n);
	closedir(d);
	/* Sorted before any is left out, so that the bound leaves out the same ones every time,
	 * whatever order the folder gives. */
	if (ok) {
		qsort(names, n, sizeof *names, by_name);
		out->omitted = n > SCENARIO_DIR_MAX ? n - SCENARIO_DIR_MAX : 0;
		ok = n == 0 || (out->entries = calloc(n - out->omitted, sizeof *out->entries));
	}
	for (size_t i = 0; ok && i < n - out->omitted; i++)
		ok = add_entry(out, dir, names[i]);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (!ok) {
		scenario_dir_release(out);
		return rjk_error_set(err, "out of memory listing %s", dir);
	}
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
