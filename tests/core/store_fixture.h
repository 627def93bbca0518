/* Test fixtures for the store and export suites: a hand-built scenario, a fixed clock, a data
 * set full of tricky texts, and temporary folders. */
#ifndef RJK_TESTS_STORE_FIXTURE_H
#define RJK_TESTS_STORE_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/scenario.h"
#include "core/store.h"

#define FIXTURE_KIOSK_ID "00112233445566778899aabbccddeeff"

/* The scenario every fixture session uses (static, never freed): a cue text step, group
 * discussion notes, a text question, a -2..2 scale and a multiple choice. */
const struct scenario *fixture_scenario(void);

/* A clock starting at 2026-03-01T09:00:00Z that advances 1.5 s each time it is read. ctx is an
 * int64_t holding the next value (initialise with FIXTURE_CLOCK_START). */
#define FIXTURE_CLOCK_START 1772355600000LL
int64_t fixture_clock(void *ctx);

/* The fixed random source (store_set_random): the same statement ids and class codes every
 * run, counted from the start of the process. */
void fixture_random(void *ctx, void *buf, size_t len);

/* Fills the store with two sessions (one ended, one left open) of responses with commas,
 * quotes, newlines, emoji, Arabic and Hebrew text, and every formula-leading character. */
bool fixture_populate(struct store *store);

/* Gives the database a fixed kiosk id so exports are byte-for-byte reproducible. */
bool fixture_set_kiosk_id(const char *db_path);

/* A store in a new temporary folder, on the fixture clock. */
struct fixture_env {
	char dir[128];                  /* the temporary folder */
	char data[160];                 /* its data folder */
	struct store *store;
	int64_t clock;
};

/* Allocates an env and opens its store (NULL on failure, with the reason on stderr). */
struct fixture_env *fixture_env_new(void);

/* Closes and reopens the store, as a restarted kiosk would (false on failure). */
bool fixture_env_reopen(struct fixture_env *env);

/* Closes the store, deletes the folder and frees env; NULL is a no-op. */
void fixture_env_free(struct fixture_env *env);

/* Makes a new empty folder under /tmp (path written to out, at least 64 bytes). */
bool fixture_tempdir(char *out, size_t size);

/* Deletes a folder and everything in it. */
void fixture_rmtree(const char *path);

/* Reads a whole file (NUL-terminated; free it); NULL when it cannot. */
char *fixture_read_file(const char *path, size_t *len);

/* True when SQLite's PRAGMA integrity_check says "ok" for the database at db_path (opened
 * read-only with a connection of its own). */
bool fixture_integrity_ok(const char *db_path);

#endif
