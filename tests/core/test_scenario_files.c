/* Table-driven scenario tests: every folder under tests/data/scenarios/good must load without
 * a message, every folder under tests/data/scenarios/bad must be refused with exactly the
 * messages in its expected.txt, in order, and every folder under tests/data/scenarios/warn
 * must load and give exactly the warnings in its expected.txt (scenario_lint).
 *
 * expected.txt convention: one message per line, with the FILE part written relative to the
 * case folder ("scenario.yaml:3:1: ..."). The test loads the folder by its full path and
 * strips "<case folder>/" from the front of each message before comparing. To add a case,
 * add a folder; no code changes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/scenario.h"
#include "core/scenario_lint.h"

#define DATA RJK_TEST_DATA "/scenarios"

struct case_dir {
	char path[1024];
	char name[256];
	char label[300];       /* "good/NAME" or "bad/NAME": the test's name */
};

static int compare_names(const void *a, const void *b)
{
	return strcmp(((const struct case_dir *)a)->name, ((const struct case_dir *)b)->name);
}

/* Lists the sub-folders of dir that hold a scenario.yaml, sorted by name. */
static struct case_dir *list_cases(const char *dir, size_t *count)
{
	*count = 0;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	struct case_dir *cases = NULL;
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		struct case_dir c;
		snprintf(c.name, sizeof c.name, "%s", e->d_name);
		snprintf(c.path, sizeof c.path, "%s/%s", dir, e->d_name);
		char file[1100];
		struct stat st;
		snprintf(file, sizeof file, "%s/scenario.yaml", c.path);
		if (stat(file, &st) != 0)
			continue;
		if (*count == cap) {
			cap = cap ? 2 * cap : 64;
			cases = realloc(cases, cap * sizeof *cases);
			assert_non_null(cases);
		}
		cases[(*count)++] = c;
	}
	closedir(d);
	if (cases)
		qsort(cases, *count, sizeof *cases, compare_names);
	return cases;
}

static void print_diags(const struct rjk_diags *diags)
{
	for (size_t i = 0; i < diags->count; i++)
		print_message("  %s\n", diags->items[i]);
}

/* A good scenario loads, with no message. state: its case_dir. */
static void good_scenario_loads(void **state)
{
	const struct case_dir *c = *state;
	struct rjk_diags diags = {0};
	struct scenario *s = scenario_load(c->path, &diags);
	print_diags(&diags);
	assert_non_null(s);
	assert_int_equal(diags.count, 0);
	assert_true(s->step_count >= 1);
	scenario_free(s);
	rjk_diags_release(&diags);
}

/* Reads expected.txt into lines (without line ends). */
static size_t read_expected(const char *dir, char lines[][1024], size_t max)
{
	char file[1100];
	snprintf(file, sizeof file, "%s/expected.txt", dir);
	FILE *f = fopen(file, "r");
	if (!f)
		fail_msg("%s is missing", file);
	size_t n = 0;
	while (n < max && fgets(lines[n], 1024, f)) {
		lines[n][strcspn(lines[n], "\n")] = '\0';
		n++;
	}
	fclose(f);
	return n;
}

/* A bad scenario is refused with exactly its expected messages. state: its case_dir. */
static void bad_scenario_gives_expected_messages(void **state)
{
	const struct case_dir *c = *state;
	static char expected[128][1024];
	size_t n = read_expected(c->path, expected, 128);
	assert_true(n > 0);
	struct rjk_diags diags = {0};
	struct scenario *s = scenario_load(c->path, &diags);
	assert_null(s);
	size_t prefix = strlen(c->path) + 1;
	bool same = diags.count == n;
	for (size_t k = 0; same && k < n; k++)
		same = !strncmp(diags.items[k], c->path, prefix - 1) &&
		       !strcmp(diags.items[k] + prefix, expected[k]);
	if (!same) {
		print_message("expected\n");
		for (size_t k = 0; k < n; k++)
			print_message("  %s\n", expected[k]);
		print_message("got\n");
		print_diags(&diags);
	}
	rjk_diags_release(&diags);
	assert_true(same);
}

/* A scenario with texts no screen shows well loads, and gives exactly its expected warnings.
 * state: its case_dir. */
static void warn_scenario_gives_expected_warnings(void **state)
{
	const struct case_dir *c = *state;
	static char expected[128][1024];
	size_t n = read_expected(c->path, expected, 128);
	assert_true(n > 0);
	struct rjk_diags diags = {0}, warnings = {0};
	struct scenario *s = scenario_load(c->path, &diags);
	print_diags(&diags);
	assert_non_null(s);
	assert_int_equal(diags.count, 0);
	scenario_lint_files(s, &warnings);
	size_t prefix = strlen(c->path) + 1;
	bool same = warnings.count == n;
	for (size_t k = 0; same && k < n; k++)
		same = !strncmp(warnings.items[k], c->path, prefix - 1) &&
		       !strcmp(warnings.items[k] + prefix, expected[k]);
	if (!same) {
		print_message("expected\n");
		for (size_t k = 0; k < n; k++)
			print_message("  %s\n", expected[k]);
		print_message("got\n");
		print_diags(&warnings);
	}
	scenario_free(s);
	rjk_diags_release(&diags);
	rjk_diags_release(&warnings);
	assert_true(same);
}

/* The bundled scenarios and the good cases give no warning. */
static void good_scenarios_give_no_warning(void **state)
{
	const char *const dirs[] = {RJK_SCENARIOS, DATA "/good"};
	(void)state;
	for (size_t d = 0; d < 2; d++) {
		size_t count;
		struct case_dir *cases = list_cases(dirs[d], &count);
		for (size_t i = 0; i < count; i++) {
			struct rjk_diags diags = {0}, warnings = {0};
			struct scenario *s = scenario_load(cases[i].path, &diags);
			assert_non_null(s);
			scenario_lint_files(s, &warnings);
			print_diags(&warnings);
			assert_int_equal(warnings.count, 0);
			scenario_free(s);
			rjk_diags_release(&diags);
			rjk_diags_release(&warnings);
		}
		free(cases);
	}
}

/* The bundled scenarios (what a facilitator starts the kiosk on) are valid. */
static void bundled_scenarios_load(void **state)
{
	size_t count;
	struct case_dir *cases = list_cases(RJK_SCENARIOS, &count);
	for (size_t i = 0; i < count; i++) {
		struct rjk_diags diags = {0};
		struct scenario *s = scenario_load(cases[i].path, &diags);
		print_diags(&diags);
		assert_non_null(s);
		scenario_free(s);
		rjk_diags_release(&diags);
	}
	free(cases);
}

/* One test per case folder, named after it, so a failure names the case. */
static void add_cases(struct CMUnitTest *tests, size_t *n, struct case_dir *cases, size_t count,
		      const char *kind, void (*fn)(void **))
{
	for (size_t i = 0; i < count; i++) {
		snprintf(cases[i].label, sizeof cases[i].label, "%s/%s", kind, cases[i].name);
		tests[(*n)++] = (struct CMUnitTest){.name = cases[i].label, .test_func = fn,
						    .initial_state = &cases[i]};
	}
}

int main(void)
{
	size_t ngood, nbad, nwarn;
	struct case_dir *good = list_cases(DATA "/good", &ngood);
	struct case_dir *bad = list_cases(DATA "/bad", &nbad);
	struct case_dir *warn = list_cases(DATA "/warn", &nwarn);
	/* an empty or missing folder would make the tables pass without testing anything */
	if (ngood < 5 || nbad < 40 || nwarn < 4) {
		fprintf(stderr, "test data missing: %zu good, %zu bad and %zu warn cases in %s\n",
			ngood, nbad, nwarn, DATA);
		return 1;
	}
	struct CMUnitTest *tests = calloc(ngood + nbad + nwarn + 2, sizeof *tests);
	size_t n = 0;
	add_cases(tests, &n, good, ngood, "good", good_scenario_loads);
	add_cases(tests, &n, bad, nbad, "bad", bad_scenario_gives_expected_messages);
	add_cases(tests, &n, warn, nwarn, "warn", warn_scenario_gives_expected_warnings);
	tests[n++] = (struct CMUnitTest){.name = "bundled_scenarios_load",
					 .test_func = bundled_scenarios_load};
	tests[n++] = (struct CMUnitTest){.name = "good_scenarios_give_no_warning",
					 .test_func = good_scenarios_give_no_warning};
	int failed = _cmocka_run_group_tests("scenario_files", tests, n, NULL, NULL);
	free(tests);
	free(good);
	free(bad);
	free(warn);
	return failed;
}
