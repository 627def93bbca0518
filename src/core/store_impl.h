/* Internals shared by the store's source files (store*.c): the handle and SQLite helpers. */
#ifndef RJK_CORE_STORE_IMPL_H
#define RJK_CORE_STORE_IMPL_H

#include <limits.h>
#include <sqlite3.h>

#include "core/grow.h"
#include "core/store.h"

#define STORE_SCHEMA_VERSION 2
#define STORE_NAME_MAX_CHARS STORE_SESSION_NAME_MAX_CHARS
#define STORE_SHORT_MAX_BYTES 1024

/* Prepared statements kept for the life of the handle: the paths a typing trainee hits. */
enum store_cached {
	CACHED_UPSERT_RESPONSE,
	CACHED_DELETE_CHOICES,
	CACHED_INSERT_CHOICE,
	CACHED_STEP_LIMITS,
	CACHED_COUNT,
};

struct store {
	sqlite3 *db;
	char dir[PATH_MAX];
	char path[PATH_MAX];
	int64_t (*now_ms)(void *ctx);
	void *clock_ctx;
	void (*random)(void *ctx, void *buf, size_t len);   /* NULL: the system's */
	void *random_ctx;
	sqlite3_stmt *cached[CACHED_COUNT];
};

/* One schema change: the statements (NULL-terminated, may be NULL) that bring a database from
 * one version to the next, then run (may be NULL) for what SQL alone cannot do. Both run inside
 * the upgrade's transaction. */
struct store_migration {
	const char *const *sql;
	bool (*run)(struct store *store, struct rjk_error *err);
};

/* The store's own schema changes (STORE_SCHEMA_VERSION of them), for tests that add one. */
const struct store_migration *store_schema_steps(void);

/* store_open with another list of count schema changes (steps[v] goes from version v to
 * v + 1): the store's own list in store_open, a longer one in tests. A database at a version
 * below count is backed up to DIR/responses-vN-backup.db (0600) and then upgraded in one
 * transaction; one above count is refused and not modified. */
struct store *store_open_migrating(const char *data_dir, const struct store_migration *steps,
				   int64_t count, struct rjk_error *err);

/* Fills err with a message for SQLite result rc while doing `what` (e.g. "save the answer"),
 * telling the facilitator what to do for a full disk, a disk error or a busy database.
 * Returns false. */
bool store_fail(struct store *store, int rc, const char *what, struct rjk_error *err);

/* Runs SQL without results. */
bool store_exec(struct store *store, const char *sql, const char *what, struct rjk_error *err);

/* Prepares sql into *stmt (finalize it yourself). */
bool store_prepare(struct store *store, const char *sql, sqlite3_stmt **stmt, const char *what,
		   struct rjk_error *err);

/* A cached statement, reset and with bindings cleared; NULL and err filled on failure. */
sqlite3_stmt *store_cached(struct store *store, enum store_cached which, const char *what,
			   struct rjk_error *err);

/* Transactions: begin takes the write lock at once; rollback is safe to call when no
 * transaction is open. */
bool store_begin(struct store *store, const char *what, struct rjk_error *err);
bool store_commit(struct store *store, const char *what, struct rjk_error *err);
void store_rollback(struct store *store);

/* Checks that s is valid UTF-8 of at most max_bytes bytes and max_chars code points; field
 * names it in the message. */
bool store_check_text(const char *s, size_t max_bytes, size_t max_chars, const char *field,
		      struct rjk_error *err);

/* Binds text or NULL. */
int store_bind_text(sqlite3_stmt *stmt, int index, const char *s);

/* Checks the results of a statement's sqlite3_bind_* calls (a failed bind would store NULL in
 * place of the trainee's text). Use through STORE_BOUND(store, what, err, bind, bind, ...). */
bool store_bound(struct store *store, const int *rcs, size_t count, const char *what,
		 struct rjk_error *err);
#define STORE_BOUND(store, what, err, ...) \
	store_bound(store, (const int[]){__VA_ARGS__}, \
		    sizeof((const int[]){__VA_ARGS__}) / sizeof(int), what, err)

/* strdup of a column, NULL for SQL NULL; sets *oom when memory runs out. */
char *store_column_dup(sqlite3_stmt *stmt, int col, bool *oom);


/* How a loop over rows ended: true for SQLITE_DONE with memory enough, else fills err. */
bool store_rows_done(struct store *store, int rc, bool oom, const char *what,
		     struct rjk_error *err);

/* Logs an event inside the caller's transaction. */
bool store_log_event_locked(struct store *store, const char *kind, int64_t session,
			    const char *detail, struct rjk_error *err);

/* Schema version 2's LRS tables and columns (store_lrs.c), and its post-step: registrations
 * and statement ids for what earlier releases stored, the same ids their exports gave, and
 * those statements queued. */
extern const char *const store_schema_v2_lrs[];
bool store_lrs_upgrade(struct store *store, struct rjk_error *err);

/* Inside a response's save transaction: an answered or passed response whose content changed
 * gets a new statement id and time and goes into the outbox (replacing what it had queued); a
 * draft loses its statement until answered again. */
bool store_outbox_note(struct store *store, int64_t response, const struct response *r,
		       const char *what, struct rjk_error *err);

/* Random bytes from the store's source (store_set_random); false when the system has none. */
bool store_random(struct store *store, void *buf, size_t len);

/* Inside a new session's transaction: a new random class code and its registration. */
bool store_session_class_new(struct store *store, int64_t session, struct rjk_error *err);

/* The step kind stored as text, and back (false for an unknown name). */
bool store_kind_parse(const char *name, enum step_kind *kind);

#endif
