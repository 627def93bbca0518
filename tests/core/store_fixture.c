/* Test fixtures for the store and export suites (see store_fixture.h). */
#define _XOPEN_SOURCE 700
#include "store_fixture.h"

#include "core/store_lrs.h"

#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct scale_label agree_labels[] = {
	{-2, "Strongly disagree"}, {0, "Unsure"}, {2, "Strongly agree"},
};
static char *feeling_options[] = {
	"Anger", "Relief, then doubt", "=SUM(A1:A2)", "Nothing at all",
};
static struct step steps[] = {
	{.id = "watch-1", .kind = STEP_TEXT, .text = "What did you notice just now?",
	 .max_chars = 500, .is_cue = true},
	{.id = "d1", .kind = STEP_DISCUSSION, .text = "Discuss: what happened,\nand who was affected?",
	 .notes = true, .max_chars = 4000},
	{.id = "q1", .kind = STEP_TEXT, .text = "What were you thinking \"at the time\"?",
	 .max_chars = 4000},
	{.id = "s1", .kind = STEP_SCALE, .text = "Forgiveness is possible, even for this.",
	 .required = true, .min = -2, .max = 2, .labels = agree_labels, .label_count = 3},
	{.id = "c1", .kind = STEP_CHOICE, .text = "What did you feel? Choose any.",
	 .options = feeling_options, .option_count = 4, .multiple = true},
};
static struct scenario scenario = {
	.version = 1,
	.id = "brixton-1993",
	.title = "Shot in the back: a conversation",
	.language = "en-GB",
	.steps = steps,
	.step_count = sizeof steps / sizeof steps[0],
	.sha256 = "9f2c4e0b7a1d3c5e8f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5",
};

const struct scenario *fixture_scenario(void)
{
	return &scenario;
}

int64_t fixture_clock(void *ctx)
{
	int64_t *t = ctx, now = *t;
	*t += 1500;
	return now;
}

void fixture_random(void *ctx, void *buf, size_t len)
{
	static uint64_t counter;
	(void)ctx;
	unsigned char *out = buf;
	for (size_t i = 0; i < len; i++)
		out[i] = (unsigned char)((counter * 37 + i * 11 + (counter >> 3)) & 0xff);
	counter++;
}

struct answer {
	const char *step;
	enum response_status status;
	const char *text;
	int scale;                      /* used when the step is s1 and status is not passed */
	const char *choices[3];
	int64_t video_ms;
};

static const struct step *find_step(const char *id)
{
	for (size_t i = 0; i < scenario.step_count; i++)
		if (!strcmp(steps[i].id, id))
			return &steps[i];
	abort();
}

static bool save(struct store *store, int64_t who, const struct answer *a)
{
	const struct step *step = find_step(a->step);
	size_t nchoices = 0;
	while (nchoices < 3 && a->choices[nchoices])
		nchoices++;
	struct response r = {
		.step_id = a->step,
		.kind = step->kind,
		.prompt = step->text,
		.status = a->status,
		.text = a->text,
		.has_scale = step->kind == STEP_SCALE && a->status != RESPONSE_PASSED,
		.scale = a->scale,
		.choices = a->choices,
		.choice_count = nchoices,
		.video_ms = a->video_ms ? a->video_ms : -1,
	};
	struct rjk_error err = {{0}};
	if (!store_save_response(store, who, &r, &err)) {
		fprintf(stderr, "fixture: %s\n", err.message);
		return false;
	}
	return true;
}

static const struct answer trainee1[] = {
	{.step = "watch-1", .status = RESPONSE_ANSWERED,
	 .text = "=HYPERLINK(\"http://example.com\",\"click\")", .video_ms = 83250},
	{.step = "d1", .status = RESPONSE_ANSWERED,
	 .text = "+ he forgave him\r\n- but why, after 20 years?"},
	{.step = "q1", .status = RESPONSE_ANSWERED,
	 .text = "Commas, \"quotes\" and\nnew lines \xF0\x9F\x98\x80 all at once"},
	{.step = "s1", .status = RESPONSE_ANSWERED, .scale = -2},
	{.step = "c1", .status = RESPONSE_ANSWERED,
	 .choices = {"Relief, then doubt", "=SUM(A1:A2)"}},
};
static const struct answer trainee2[] = {
	{.step = "watch-1", .status = RESPONSE_ANSWERED,
	 .text = "-1 for the shooter, +1 for the officer", .video_ms = 83250},
	{.step = "q1", .status = RESPONSE_ANSWERED,
	 .text = "@everyone \xD7\x96\xD7\x94 \xD7\x9E\xD7\x93\xD7\x94\xD7\x99\xD7\x9D"},
	{.step = "s1", .status = RESPONSE_PASSED},
	{.step = "c1", .status = RESPONSE_DRAFT, .choices = {"Anger"}},
};
static const struct answer trainee3[] = {
	{.step = "watch-1", .status = RESPONSE_ANSWERED,
	 .text = "\nLF first \xF0\x9F\x91\xAE\xF0\x9F\x8F\xBD\xE2\x80\x8D"
	 "\xE2\x99\x80\xEF\xB8\x8F", .video_ms = 83250},
	{.step = "d1", .status = RESPONSE_ANSWERED, .text = "\rCR first"},
	{.step = "q1", .status = RESPONSE_ANSWERED,
	 .text = "\t\xD9\x84\xD9\x82\xD8\xAF \xD8\xB3\xD8\xA7\xD9\x85\xD8\xAD\xD9\x87 "
	 "(he forgave him), \"ok\"?"},
	{.step = "s1", .status = RESPONSE_ANSWERED, .scale = 2},
	{.step = "c1", .status = RESPONSE_PASSED},
};
static const struct answer open_draft[] = {
	{.step = "watch-1", .status = RESPONSE_DRAFT,
	 .text = "'= half a thought, interrupted", .video_ms = 83250},
};

static bool save_all(struct store *store, int64_t who, const struct answer *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!save(store, who, &list[i]))
			return false;
	return true;
}

#define SAVE_ALL(store, who, list) save_all(store, who, list, sizeof list / sizeof list[0])

bool fixture_populate(struct store *store)
{
	struct rjk_error err = {{0}};
	int64_t s1 = store_session_start(store, &scenario, "Group A, \"morning\"", &err);
	int64_t p1 = s1 ? store_participant_add(store, s1, NULL, NULL, 0, &err) : 0;
	int64_t p2 = p1 ? store_participant_add(store, s1, "  Amira \xD8\xAD\xD8\xB3\xD9\x86 ",
						NULL, 0, &err) : 0;
	int64_t p3 = p2 ? store_participant_add(store, s1, " ", NULL, 0, &err) : 0;
	bool ok = p3 && SAVE_ALL(store, p1, trainee1) && SAVE_ALL(store, p2, trainee2) &&
		  SAVE_ALL(store, p3, trainee3) &&
		  store_participant_set_position(store, p1, "review", &err) &&
		  store_participant_submit(store, p1, &err) &&
		  store_participant_submit(store, p3, &err) && store_session_end(store, s1, &err);
	/* A label typed with a terminal escape code: listings must never print it raw. */
	int64_t s2 = ok ? store_session_start(store, &scenario, "\x1b]0;x\x07Group B", &err) : 0;
	int64_t p4 = s2 ? store_participant_add(store, s2, NULL, NULL, 0, &err) : 0;
	ok = p4 && SAVE_ALL(store, p4, open_draft) &&
	     store_participant_set_position(store, p4, "step:watch-1", &err);
	if (!ok && err.message[0])
		fprintf(stderr, "fixture: %s\n", err.message);
	return ok;
}

bool fixture_set_kiosk_id(const char *db_path)
{
	sqlite3 *db;
	bool ok = sqlite3_open(db_path, &db) == SQLITE_OK &&
		  sqlite3_exec(db, "UPDATE meta SET value = '" FIXTURE_KIOSK_ID "'"
			       " WHERE key = 'kiosk_id'", NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_close(db);
	return ok;
}

struct fixture_env *fixture_env_new(void)
{
	struct fixture_env *env = calloc(1, sizeof *env);
	if (!env || !fixture_tempdir(env->dir, sizeof env->dir)) {
		free(env);
		return NULL;
	}
	snprintf(env->data, sizeof env->data, "%s/data", env->dir);
	env->clock = FIXTURE_CLOCK_START;
	if (!fixture_env_reopen(env)) {
		fixture_env_free(env);
		return NULL;
	}
	return env;
}

bool fixture_env_reopen(struct fixture_env *env)
{
	struct rjk_error err = {{0}};
	store_close(env->store);
	env->store = store_open(env->data, &err);
	if (!env->store) {
		fprintf(stderr, "fixture: %s\n", err.message);
		return false;
	}
	store_set_clock(env->store, fixture_clock, &env->clock);
	store_set_random(env->store, fixture_random, NULL);
	return true;
}

void fixture_env_free(struct fixture_env *env)
{
	if (!env)
		return;
	store_close(env->store);
	fixture_rmtree(env->dir);
	free(env);
}

bool fixture_tempdir(char *out, size_t size)
{
	const char *base = getenv("TMPDIR");
	snprintf(out, size, "%s/rjk-store-XXXXXX", base && base[0] ? base : "/tmp");
	return mkdtemp(out) != NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

void fixture_rmtree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

char *fixture_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n + 4096 + 1 > cap) {
			cap = (n + 4096 + 1) * 2;
			char *grown = realloc(buf, cap);
			if (!grown) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = grown;
		}
		got = fread(buf + n, 1, 4096, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

bool fixture_integrity_ok(const char *db_path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	bool ok = sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
		  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
		  sqlite3_step(stmt) == SQLITE_ROW &&
		  !strcmp((const char *)sqlite3_column_text(stmt, 0), "ok");
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return ok;
}
