/* The response store's handle: opening (folder, permissions, checks, schema) and SQLite helpers. */
#include "core/store_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/durable.h"
#include "core/utf8.h"

/* Identifies our databases in the file header ("RJKS"), so another program's SQLite file is
 * never mistaken for an empty store and altered. */
#define STORE_APPLICATION_ID 0x524a4b53
/* What IT runs on a damaged database (kiosk/recover.sh, installed with the package): Debian
 * 12's sqlite3 has no working .recover. */
#define RECOVER_HINT "ask IT to recover it (/usr/share/rjkiosk/kiosk/recover.sh)"

static const char *const schema_v1[] = {
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT",
	"CREATE TABLE sessions(id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" scenario_id TEXT NOT NULL, scenario_sha256 TEXT NOT NULL, title TEXT NOT NULL,"
	" language TEXT, label TEXT, started_ms INTEGER NOT NULL, ended_ms INTEGER) STRICT",
	"CREATE INDEX sessions_open ON sessions(scenario_id) WHERE ended_ms IS NULL",
	"CREATE TABLE steps(session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL, step_id TEXT NOT NULL, kind TEXT NOT NULL,"
	" prompt TEXT NOT NULL, is_cue INTEGER NOT NULL, max_chars INTEGER,"
	" scale_min INTEGER, scale_max INTEGER, multiple INTEGER NOT NULL,"
	" PRIMARY KEY(session, step_id)) STRICT",
	"CREATE TABLE step_options(session INTEGER NOT NULL, step_id TEXT NOT NULL,"
	" position INTEGER NOT NULL, value INTEGER, text TEXT NOT NULL,"
	" PRIMARY KEY(session, step_id, position),"
	" FOREIGN KEY(session, step_id) REFERENCES steps(session, step_id) ON DELETE CASCADE)"
	" STRICT",
	"CREATE TABLE participants(id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" number INTEGER NOT NULL, name TEXT NOT NULL, automatic INTEGER NOT NULL,"
	" position TEXT, started_ms INTEGER NOT NULL, submitted_ms INTEGER) STRICT",
	"CREATE INDEX participants_session ON participants(session)",
	"CREATE TABLE responses(id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" participant INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
	" step_id TEXT NOT NULL, kind TEXT NOT NULL, prompt TEXT NOT NULL,"
	" status TEXT NOT NULL CHECK(status IN ('draft', 'answered', 'passed')),"
	" text TEXT, scale INTEGER, video_ms INTEGER,"
	" first_edit_ms INTEGER NOT NULL, last_edit_ms INTEGER NOT NULL,"
	" UNIQUE(participant, step_id)) STRICT",
	"CREATE TABLE response_choices("
	" response INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY(response, position)) STRICT",
	"CREATE TABLE events(id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL,"
	" kind TEXT NOT NULL, session INTEGER, detail TEXT) STRICT",
	NULL,
};

/* Version 2, the debrief's part: the text answers the facilitator hid from the debrief's room
 * view and the session report, one row per hidden answer (this kiosk's by participant and
 * step, the class's other kiosks' by statement id). */
static const char *const schema_v2_debrief[] = {
	"CREATE TABLE debrief_hidden("
	" participant INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
	" step_id TEXT NOT NULL, hidden_ms INTEGER NOT NULL,"
	" PRIMARY KEY(participant, step_id)) STRICT",
	/* Answers from the class's other kiosks, hidden by their statement's id. */
	"CREATE TABLE debrief_hidden_class(statement_id TEXT PRIMARY KEY,"
	" hidden_ms INTEGER NOT NULL) STRICT",
	NULL,
};

/* Version 2, after the LRS's statements (store_schema_v2_lrs): the debrief's table, then the
 * statement ids and outbox for the answers already stored. */
static bool upgrade_v2(struct store *store, struct rjk_error *err)
{
	for (const char *const *sql = schema_v2_debrief; *sql; sql++)
		if (!store_exec(store, *sql, "upgrade the database", err))
			return false;
	return store_lrs_upgrade(store, err);
}

/* steps[v] brings a database from version v to v + 1. All the steps an open needs run in one
 * transaction, so a database is either wholly at its old version or wholly at the new one.
 * A future layout adds an entry here and raises STORE_SCHEMA_VERSION. */
static bool insert_kiosk_id(struct store *store, struct rjk_error *err);
static const struct store_migration migrations[STORE_SCHEMA_VERSION] = {
	/* The first layout also gives the kiosk its identity. */
	{schema_v1, insert_kiosk_id},
	/* The debrief's moderation, and statements for a learning record store: ids fixed with
	 * the answers, the outbox. */
	{store_schema_v2_lrs, upgrade_v2},
};

const struct store_migration *store_schema_steps(void)
{
	return migrations;
}

const char *response_status_name(enum response_status status)
{
	switch (status) {
	case RESPONSE_DRAFT: return "draft";
	case RESPONSE_ANSWERED: return "answered";
	case RESPONSE_PASSED: return "passed";
	}
	return "?";
}

bool store_kind_parse(const char *name, enum step_kind *kind)
{
	static const enum step_kind kinds[] = {STEP_DISCUSSION, STEP_TEXT, STEP_SCALE, STEP_CHOICE};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (name && !strcmp(name, step_kind_name(kinds[i]))) {
			*kind = kinds[i];
			return true;
		}
	}
	return false;
}

bool store_default_dir(char *out, size_t size, struct rjk_error *err)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	int n;
	/* The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored. */
	if (xdg && xdg[0] == '/') {
		n = snprintf(out, size, "%s/rjkiosk", xdg);
	} else {
		const char *home = getenv("HOME");
		if (!home || home[0] != '/')
			return rjk_error_set(err, "cannot find the data folder: neither XDG_DATA_HOME "
					     "nor HOME is set; pass --data DIR");
		n = snprintf(out, size, "%s/.local/share/rjkiosk", home);
	}
	if (n < 0 || (size_t)n >= size)
		return rjk_error_set(err, "the data folder's path is too long; pass --data DIR");
	return true;
}

/* Narrows a file to 0600 when it exists and is open to others (an older copy, or restored from
 * a backup without its mode). */
static bool tighten(const char *path, struct rjk_error *err)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? true : rjk_error_set(err, "cannot check %s: %s", path,
							       strerror(errno));
	if (S_ISLNK(st.st_mode))
		return rjk_error_set(err, "%s is a symbolic link: the kiosk does not follow links for "
				     "its database files. Link the whole data folder instead, or move "
				     "the real file here.", path);
	if (!S_ISREG(st.st_mode))
		return rjk_error_set(err, "%s is not a regular file; move it away", path);
	if ((st.st_mode & 0777) != 0600 && chmod(path, 0600) != 0)
		return rjk_error_set(err, "cannot make %s private (chmod 0600): %s", path,
				     strerror(errno));
	return true;
}

static const char *const db_suffixes[] = {"", "-wal", "-shm"};

/* Removes a database this open created and could not set up: an empty file left behind would
 * only hide the real reason on the next start. Only while nothing is in it: a file that holds
 * anything (another process may have opened it meanwhile) is never removed. */
static void remove_new_files(const char *path)
{
	char wal[PATH_MAX + 32];
	struct stat st;

	snprintf(wal, sizeof wal, "%s-wal", path);
	if (lstat(path, &st) != 0 || st.st_size != 0 ||
	    (lstat(wal, &st) == 0 && S_ISREG(st.st_mode) && st.st_size != 0))
		return;
	for (size_t i = 0; i < 3; i++) {
		char p[PATH_MAX + 32];
		snprintf(p, sizeof p, "%s%s", path, db_suffixes[i]);
		unlink(p);
	}
}

/* Creates the database file 0600 before SQLite opens it: SQLite would create it with the
 * umask's mode, and its -wal and -shm files copy the database's mode. *created tells whether
 * this call made the file. */
static bool prepare_files(const char *dir, const char *path, bool *created,
			  struct rjk_error *err)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	*created = fd >= 0;
	if (fd >= 0) {
		/* SQLite gives the -wal and -shm files it makes as root to the database's owner. */
		durable_give_to_dir_owner(fd, dir);
		bool ok = fchmod(fd, 0600) == 0 && fsync(fd) == 0;
		int e = errno;
		close(fd);
		if (!ok || !durable_sync_dir(dir)) {
			unlink(path);
			*created = false;
			return rjk_error_set(err, "cannot create %s: %s", path, strerror(ok ? errno : e));
		}
		return true;
	}
	if (errno != EEXIST)
		return rjk_error_set(err, "cannot create %s: %s", path, strerror(errno));
	for (size_t i = 0; i < 3; i++) {
		char p[PATH_MAX + 32];
		snprintf(p, sizeof p, "%s%s", path, db_suffixes[i]);
		if (!tighten(p, err))
			return false;
	}
	return true;
}

bool store_fail(struct store *store, int rc, const char *what, struct rjk_error *err)
{
	const char *path = store ? store->path : "the database";
	const char *detail = store && store->db ? sqlite3_errmsg(store->db) : sqlite3_errstr(rc);
	switch (rc & 0xff) {
	case SQLITE_FULL:
		return rjk_error_set(err, "The disk is full: could not %s. Everything saved "
				     "before is safe. Free some disk space on this computer (or ask "
				     "IT to), then try again. (%s)", what, path);
	case SQLITE_IOERR:
		return rjk_error_set(err, "A disk error stopped the kiosk from being able to %s "
				     "(%s). Everything saved before is safe. Keep the kiosk running "
				     "and ask IT to check the disk; then try again. (%s)", what,
				     detail, path);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return rjk_error_set(err, "Could not %s: another program is using %s. Close it "
				     "(for example a running export) and try again.", what, path);
	case SQLITE_CANTOPEN:
		if (rc == SQLITE_CANTOPEN_SYMLINK)
			return rjk_error_set(err, "Could not %s: %s is a symbolic link, and the kiosk "
					     "does not follow links for its database files. Link the "
					     "whole data folder instead.", what, path);
		if (rc == SQLITE_CANTOPEN_ISDIR)
			return rjk_error_set(err, "Could not %s: a folder stands where a file of the "
					     "database must be (next to %s). Move it away.", what, path);
		/* fall through */
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return rjk_error_set(err, "Could not %s: %s cannot be written (%s). Check that "
				     "the kiosk's user owns the data folder and the files in it.", what,
				     path, detail);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return rjk_error_set(err, "Could not %s: %s is damaged (%s). Nothing was changed. "
				     "Keep a copy of the data folder and " RECOVER_HINT ".", what,
				     path, detail);
	case SQLITE_NOMEM:
		return rjk_error_set(err, "Could not %s: out of memory.", what);
	default:
		return rjk_error_set(err, "Could not %s: %s (%s)", what, detail, path);
	}
}

bool store_exec(struct store *store, const char *sql, const char *what, struct rjk_error *err)
{
	int rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? true : store_fail(store, rc, what, err);
}

bool store_prepare(struct store *store, const char *sql, sqlite3_stmt **stmt, const char *what,
		   struct rjk_error *err)
{
	int rc = sqlite3_prepare_v2(store->db, sql, -1, stmt, NULL);
	return rc == SQLITE_OK ? true : store_fail(store, rc, what, err);
}

static const char *const cached_sql[CACHED_COUNT] = {
	[CACHED_UPSERT_RESPONSE] =
		("INSERT INTO responses(participant, step_id, kind, prompt, status, text, scale,"
		" video_ms, first_edit_ms, last_edit_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)"
		" ON CONFLICT(participant, step_id) DO UPDATE SET kind = excluded.kind,"
		" prompt = excluded.prompt, status = excluded.status, text = excluded.text,"
		" scale = excluded.scale, video_ms = coalesce(video_ms, excluded.video_ms),"
		" last_edit_ms = excluded.last_edit_ms RETURNING id"),
	[CACHED_DELETE_CHOICES] = ("DELETE FROM response_choices WHERE response = ?1"),
	[CACHED_INSERT_CHOICE] =
		("INSERT INTO response_choices(response, position, text) VALUES(?1, ?2, ?3)"),
	[CACHED_STEP_LIMITS] =
		("SELECT st.max_chars, st.scale_min, st.scale_max FROM participants p"
		" JOIN steps st ON st.session = p.session AND st.step_id = ?2 WHERE p.id = ?1"),
};

sqlite3_stmt *store_cached(struct store *store, enum store_cached which, const char *what,
			   struct rjk_error *err)
{
	sqlite3_stmt **slot = &store->cached[which];
	if (!*slot) {
		int rc = sqlite3_prepare_v3(store->db, cached_sql[which], -1,
					    SQLITE_PREPARE_PERSISTENT, slot, NULL);
		if (rc != SQLITE_OK) {
			store_fail(store, rc, what, err);
			return NULL;
		}
	}
	sqlite3_reset(*slot);
	sqlite3_clear_bindings(*slot);
	return *slot;
}

bool store_begin(struct store *store, const char *what, struct rjk_error *err)
{
	return store_exec(store, "BEGIN IMMEDIATE", what, err);
}

bool store_commit(struct store *store, const char *what, struct rjk_error *err)
{
	int rc = sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return true;
	store_fail(store, rc, what, err);
	store_rollback(store);
	return false;
}

void store_rollback(struct store *store)
{
	/* A failed COMMIT may already have rolled back; ROLLBACK then has nothing to do. */
	if (!sqlite3_get_autocommit(store->db))
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

bool store_check_text(const char *s, size_t max_bytes, size_t max_chars, const char *field,
		      struct rjk_error *err)
{
	size_t len = strlen(s), bad;
	if (!utf8_valid(s, len, &bad))
		return rjk_error_set(err, "The %s is not valid UTF-8 text (bad byte at offset %zu); "
				     "nothing was saved.", field, bad);
	if (len > max_bytes || utf8_count(s, len) > max_chars)
		return rjk_error_set(err, "The %s is too long (%zu characters, at most %zu); "
				     "nothing was saved.", field, utf8_count(s, len), max_chars);
	return true;
}

int store_bind_text(sqlite3_stmt *stmt, int index, const char *s)
{
	return s ? sqlite3_bind_text(stmt, index, s, -1, SQLITE_TRANSIENT)
		 : sqlite3_bind_null(stmt, index);
}

char *store_column_dup(sqlite3_stmt *stmt, int col, bool *oom)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);
	if (!s)
		return NULL;
	char *copy = strdup((const char *)s);
	if (!copy)
		*oom = true;
	return copy;
}

bool store_rows_done(struct store *store, int rc, bool oom, const char *what,
		     struct rjk_error *err)
{
	if (oom)
		return rjk_error_set(err, "out of memory");
	return rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
}

bool store_bound(struct store *store, const int *rcs, size_t count, const char *what,
		 struct rjk_error *err)
{
	for (size_t i = 0; i < count; i++)
		if (rcs[i] != SQLITE_OK)
			return store_fail(store, rcs[i], what, err);
	return true;
}

static bool query_int(struct store *store, const char *sql, int64_t *out, const char *what,
		      struct rjk_error *err)
{
	sqlite3_stmt *stmt;
	if (!store_prepare(store, sql, &stmt, what, err))
		return false;
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? true : store_fail(store, rc, what, err);
}

/* Runs quick_check and reports the first problem it finds. Runs before anything is written. */
static bool check_integrity(struct store *store, struct rjk_error *err)
{
	sqlite3_stmt *stmt;
	if (!store_prepare(store, "PRAGMA quick_check", &stmt, "check the database", err))
		return false;
	int rc = sqlite3_step(stmt);
	bool ok = rc == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(stmt, 0), "ok");
	if (rc == SQLITE_ROW && !ok)
		rjk_error_set(err, "%s is damaged (quick_check: %s). Nothing was changed and "
			      "nothing will be saved to it. Keep a copy of the whole data folder "
			      "and " RECOVER_HINT ", or start the kiosk with another --data "
			      "folder.", store->path,
			      (const char *)sqlite3_column_text(stmt, 0));
	else if (rc != SQLITE_ROW)
		store_fail(store, rc, "check the database", err);
	sqlite3_finalize(stmt);
	return ok;
}

static bool check_not_newer(struct store *store, int64_t known, int64_t version,
			    struct rjk_error *err)
{
	if (version > known)
		return rjk_error_set(err, "%s was written by a newer version of rjkiosk (data "
				     "format %lld; this version knows up to %lld). Nothing was "
				     "changed. Install the newer rjkiosk to use it.", store->path,
				     (long long)version, (long long)known);
	return true;
}

/* Reads the header fields and refuses files that are not ours or are newer. No writes. */
static bool check_version(struct store *store, int64_t known, int64_t *version,
			  struct rjk_error *err)
{
	int64_t app_id, tables;
	if (!query_int(store, "PRAGMA user_version", version, "read the database", err) ||
	    !query_int(store, "PRAGMA application_id", &app_id, "read the database", err) ||
	    !query_int(store, "SELECT count(*) FROM sqlite_schema", &tables, "read the database",
		       err))
		return false;
	if (app_id != STORE_APPLICATION_ID && (app_id != 0 || tables != 0))
		return rjk_error_set(err, "%s is not an rjkiosk response database; nothing was "
				     "changed. Move it away or choose another --data folder.",
				     store->path);
	return check_not_newer(store, known, *version, err);
}

static bool set_pragmas(struct store *store, struct rjk_error *err)
{
	sqlite3_stmt *stmt;
	if (!store_prepare(store, "PRAGMA journal_mode=WAL", &stmt, "open the database", err))
		return false;
	int rc = sqlite3_step(stmt);
	bool wal = rc == SQLITE_ROW &&
		   !sqlite3_stricmp((const char *)sqlite3_column_text(stmt, 0), "wal");
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(store, rc, "switch the database to WAL mode", err);
	if (!wal)
		return rjk_error_set(err, "%s: cannot switch to write-ahead logging (the folder "
				     "may be on a network drive); use a local folder.", store->path);
	int64_t sync;
	if (!store_exec(store, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
			" PRAGMA secure_delete=ON", "open the database", err) ||
	    !query_int(store, "PRAGMA synchronous", &sync, "open the database", err))
		return false;
	if (sync != 2)
		return rjk_error_set(err, "%s: SQLite refused synchronous=FULL", store->path);
	return true;
}

static bool insert_kiosk_id(struct store *store, struct rjk_error *err)
{
	unsigned char raw[16];
	char sql[128];
	if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw)
		return rjk_error_set(err, "cannot get random bytes: %s", strerror(errno));
	int n = snprintf(sql, sizeof sql, "INSERT INTO meta(key, value) VALUES('kiosk_id', '");
	for (size_t i = 0; i < sizeof raw; i++)
		n += snprintf(sql + n, sizeof sql - (size_t)n, "%02x", raw[i]);
	snprintf(sql + n, sizeof sql - (size_t)n, "')");
	return store_exec(store, sql, "upgrade the database", err);
}

/* Copies the database, before it is upgraded, to DIR/responses-vN-backup.db (0600): a
 * consistent snapshot written to a temporary name, synced, then renamed into place. */
static bool backup_before_upgrade(struct store *store, int64_t version, struct rjk_error *err)
{
	char path[PATH_MAX + 64], part[PATH_MAX + 80];
	snprintf(path, sizeof path, "%s/responses-v%lld-backup.db", store->dir, (long long)version);
	snprintf(part, sizeof part, "%s.part", path);
	/* VACUUM INTO writes only into a missing or empty file; this one is created private. */
	unlink(part);
	int fd = open(part, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd >= 0)
		durable_give_to_dir_owner(fd, store->dir);
	if (fd < 0 || fchmod(fd, 0600) != 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		unlink(part);
		return rjk_error_set(err, "cannot back up %s before upgrading it (%s): %s. Nothing "
				     "was changed.", store->path, part, strerror(e));
	}
	close(fd);
	char *sql = sqlite3_mprintf("VACUUM INTO %Q", part);
	bool ok = sql && store_exec(store, sql, "back up the database before upgrading it", err);
	sqlite3_free(sql);
	if (ok) {
		fd = open(part, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		ok = fd >= 0 && fsync(fd) == 0;
		if (fd >= 0)
			close(fd);
		ok = ok && rename(part, path) == 0 && durable_sync_dir(store->dir);
		if (!ok)
			rjk_error_set(err, "cannot back up %s before upgrading it (%s): %s. Nothing "
				      "was changed.", store->path, path, strerror(errno));
	}
	if (!ok)
		unlink(part);
	return ok;
}

/* Brings the database from version to count (the number of steps) in one transaction, with
 * user_version raised in the same transaction. The version is read again under the write
 * lock: another process may have upgraded the file meanwhile. */
static bool migrate(struct store *store, const struct store_migration *steps, int64_t count,
		    int64_t version, struct rjk_error *err)
{
	if (version == count)
		return true;
	if (version > 0 && !backup_before_upgrade(store, version, err))
		return false;
	if (!store_begin(store, "upgrade the database", err))
		return false;
	int64_t now;
	bool ok = query_int(store, "PRAGMA user_version", &now, "upgrade the database", err) &&
		  check_not_newer(store, count, now, err);
	for (int64_t v = now; ok && v < count; v++) {
		for (const char *const *sql = steps[v].sql; ok && sql && *sql; sql++)
			ok = store_exec(store, *sql, "upgrade the database", err);
		ok = ok && (!steps[v].run || steps[v].run(store, err));
	}
	char pragma[96];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version=%lld; PRAGMA application_id=%d",
		 (long long)count, STORE_APPLICATION_ID);
	ok = ok && store_exec(store, pragma, "upgrade the database", err);
	if (!ok) {
		store_rollback(store);
		return false;
	}
	return store_commit(store, "upgrade the database", err);
}

static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;

/* Before SQLite's first use: no bulk page cache allocated up front for each connection (20
 * pages, 85 KiB each, most of them never used by a kiosk's small database); pages are
 * allocated as they are read. */
static void sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
}

struct store *store_open(const char *data_dir, struct rjk_error *err)
{
	return store_open_migrating(data_dir, migrations, STORE_SCHEMA_VERSION, err);
}

struct store *store_open_migrating(const char *data_dir, const struct store_migration *steps,
				   int64_t count, struct rjk_error *err)
{
	char open_path[PATH_MAX + 16];
	bool created = false;
	struct store *store = calloc(1, sizeof *store);
	if (!store) {
		rjk_error_set(err, "out of memory");
		return NULL;
	}
	if (data_dir) {
		if (snprintf(store->dir, sizeof store->dir, "%s", data_dir) >= (int)sizeof store->dir) {
			rjk_error_set(err, "the data folder's path is too long");
			goto fail;
		}
	} else if (!store_default_dir(store->dir, sizeof store->dir, err)) {
		goto fail;
	}
	if (snprintf(store->path, sizeof store->path, "%s/%s", store->dir, STORE_DB_NAME) >=
	    (int)sizeof store->path) {
		rjk_error_set(err, "the data folder's path is too long");
		goto fail;
	}
	if (!durable_make_dirs(store->dir, err))
		goto fail;
	/* The default folder is ours alone; a folder named with --data may be shared (and is left
	 * as it is), the files in it are private either way. */
	if (!data_dir && chmod(store->dir, 0700) != 0) {
		rjk_error_set(err, "cannot make %s private: %s", store->dir, strerror(errno));
		goto fail;
	}
	/* Links in the folder's path are followed (a data folder moved to a bigger disk and
	 * linked back is normal); SQLite's NOFOLLOW, which refuses a link anywhere in the path,
	 * then only guards the database file itself. */
	char real[PATH_MAX];
	if (!realpath(store->dir, real)) {
		rjk_error_set(err, "cannot use the data folder %s: %s", store->dir, strerror(errno));
		goto fail;
	}
	if (snprintf(open_path, sizeof open_path, "%s/%s", real, STORE_DB_NAME) >=
	    (int)sizeof open_path) {
		rjk_error_set(err, "the data folder's path is too long: %s", real);
		goto fail;
	}
	if (!prepare_files(real, open_path, &created, err))
		goto fail;
	pthread_once(&sqlite_once, sqlite_setup);
	int rc = sqlite3_open_v2(open_path, &store->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK) {
		store_fail(store, rc, "open the database", err);
		goto fail;
	}
	sqlite3_extended_result_codes(store->db, 1);
	sqlite3_busy_timeout(store->db, 5000);
	int64_t version;
	if (!check_version(store, count, &version, err) || !check_integrity(store, err) ||
	    !set_pragmas(store, err) || !migrate(store, steps, count, version, err))
		goto fail;
	return store;
fail:
	store_close(store);
	if (created)
		remove_new_files(open_path);
	return NULL;
}

void store_close(struct store *store)
{
	if (!store)
		return;
	for (size_t i = 0; i < CACHED_COUNT; i++)
		sqlite3_finalize(store->cached[i]);
	sqlite3_close(store->db);
	free(store);
}

const char *store_dir(const struct store *store)
{
	return store->dir;
}

const char *store_path(const struct store *store)
{
	return store->path;
}

void store_set_clock(struct store *store, int64_t (*now_ms)(void *ctx), void *ctx)
{
	store->now_ms = now_ms;
	store->clock_ctx = ctx;
}

int64_t store_now(const struct store *store)
{
	if (store->now_ms)
		return store->now_ms(store->clock_ctx);
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool store_limit_size(struct store *store, int64_t max_bytes, struct rjk_error *err)
{
	int64_t page_size;
	if (!query_int(store, "PRAGMA page_size", &page_size, "limit the database size", err))
		return false;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA max_page_count=%lld", (long long)(max_bytes / page_size));
	return store_exec(store, sql, "limit the database size", err);
}

bool store_kiosk_id(struct store *store, char out[33], struct rjk_error *err)
{
	sqlite3_stmt *stmt;
	if (!store_prepare(store, "SELECT value FROM meta WHERE key = 'kiosk_id'", &stmt,
			   "read the kiosk id", err))
		return false;
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		snprintf(out, 33, "%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return rjk_error_set(err, "%s has no kiosk id", store->path);
	return rc == SQLITE_ROW ? true : store_fail(store, rc, "read the kiosk id", err);
}

bool store_meta_get(struct store *store, const char *key, char *out, size_t size, bool *found,
		    struct rjk_error *err)
{
	const char *what = "read a kept value";
	sqlite3_stmt *stmt;
	*found = false;
	if (size)
		out[0] = '\0';
	if (!store_prepare(store, "SELECT value FROM meta WHERE key = ?1", &stmt, what, err))
		return false;
	int rc = store_bind_text(stmt, 1, key);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
	if (rc == SQLITE_ROW) {
		const char *value = (const char *)sqlite3_column_text(stmt, 0);
		*found = true;
		if (!value || (size_t)snprintf(out, size, "%s", value) >= size)
			ok = rjk_error_set(err, "%s: the value kept for %s is too long", store->path,
					   key);
	}
	sqlite3_finalize(stmt);
	return ok;
}

bool store_meta_set(struct store *store, const char *key, const char *value,
		    struct rjk_error *err)
{
	const char *what = "keep a value";
	sqlite3_stmt *stmt;
	if (!store_begin(store, what, err))
		return false;
	bool ok = store_prepare(store, value ? "INSERT OR REPLACE INTO meta(key, value)"
				" VALUES(?1, ?2)" : "DELETE FROM meta WHERE key = ?1", &stmt, what,
				err);
	if (ok) {
		int rc = store_bind_text(stmt, 1, key);
		if (rc == SQLITE_OK && value)
			rc = store_bind_text(stmt, 2, value);
		if (rc == SQLITE_OK)
			rc = sqlite3_step(stmt);
		ok = rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
		sqlite3_finalize(stmt);
	}
	ok = ok && store_commit(store, what, err);
	if (!ok)
		store_rollback(store);
	return ok;
}
