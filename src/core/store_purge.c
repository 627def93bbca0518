/* The response store's event log and purging of sessions for data-retention rules. */
#include "core/store_impl.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/durable.h"

#define DAY_MS (24LL * 60 * 60 * 1000)

bool store_log_event_locked(struct store *store, const char *kind, int64_t session,
			    const char *detail, struct rjk_error *err)
{
	const char *what = "write to the event log";
	sqlite3_stmt *stmt;
	if (!store_prepare(store, "INSERT INTO events(at_ms, kind, session, detail)"
			   " VALUES(?1, ?2, ?3, ?4)", &stmt, what, err))
		return false;
	if (!STORE_BOUND(store, what, err,
			 sqlite3_bind_int64(stmt, 1, store_now(store)),
			 store_bind_text(stmt, 2, kind),
			 session > 0 ? sqlite3_bind_int64(stmt, 3, session) : SQLITE_OK,
			 store_bind_text(stmt, 4, detail))) {
		sqlite3_finalize(stmt);
		return false;
	}
	int rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
}

bool store_log_event(struct store *store, const char *kind, int64_t session, const char *detail,
		     struct rjk_error *err)
{
	if (!store_check_text(kind, 64, 64, "event kind", err) ||
	    (detail && !store_check_text(detail, STORE_TEXT_MAX_BYTES, STORE_TEXT_MAX_BYTES,
					 "event detail", err)))
		return false;
	if (!store_begin(store, "write to the event log", err))
		return false;
	if (!store_log_event_locked(store, kind, session, detail, err) ||
	    !store_commit(store, "write to the event log", err)) {
		store_rollback(store);
		return false;
	}
	return true;
}

void store_events_free(struct store_event *events, size_t count)
{
	for (size_t i = 0; events && i < count; i++) {
		free(events[i].kind);
		free(events[i].detail);
	}
	free(events);
}

bool store_list_events(struct store *store, struct store_event **out, size_t *count,
		       struct rjk_error *err)
{
	const char *what = "read the event log";
	sqlite3_stmt *stmt;
	*out = NULL;
	*count = 0;
	if (!store_prepare(store, "SELECT id, at_ms, coalesce(session, 0), kind, detail FROM events"
			   " ORDER BY id", &stmt, what, err))
		return false;
	struct store_event *list = NULL;
	size_t n = 0, cap = 0;
	bool oom = false;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!array_grow(&list, &cap, n, sizeof *list)) {
			oom = true;
			break;
		}
		struct store_event *e = &list[n++];
		e->id = sqlite3_column_int64(stmt, 0);
		e->at = sqlite3_column_int64(stmt, 1);
		e->session = sqlite3_column_int64(stmt, 2);
		e->kind = store_column_dup(stmt, 3, &oom);
		e->detail = store_column_dup(stmt, 4, &oom);
	}
	sqlite3_finalize(stmt);
	if (!store_rows_done(store, rc, oom, what, err)) {
		store_events_free(list, n);
		return false;
	}
	*out = list;
	*count = n;
	return true;
}

/* Binds the request to a statement whose WHERE clause on sessions `s` is SESSIONS_MATCH. */
#define SESSIONS_MATCH "(?1 = 1 OR (?1 = 0 AND s.id = ?2) OR (?1 = 2 AND coalesce(s.ended_ms," \
		       " s.started_ms) < ?3))"

static bool bind_request(struct store *store, sqlite3_stmt *stmt,
			 const struct store_purge_request *req, const char *what,
			 struct rjk_error *err)
{
	int scope = req->scope == STORE_PURGE_SESSION ? 0 : req->scope == STORE_PURGE_ALL ? 1 : 2;
	return STORE_BOUND(store, what, err, sqlite3_bind_int(stmt, 1, scope),
			   sqlite3_bind_int64(stmt, 2, req->session),
			   sqlite3_bind_int64(stmt, 3,
					      store_now(store) - (int64_t)req->days * DAY_MS));
}

bool store_purge_preview(struct store *store, const struct store_purge_request *req,
			 size_t *sessions, size_t *participants, size_t *responses,
			 struct rjk_error *err)
{
	const char *what = "count what to delete";
	sqlite3_stmt *stmt;
	if (req->scope == STORE_PURGE_OLDER_THAN && req->days < 0)
		return rjk_error_set(err, "The number of days cannot be negative.");
	if (!store_prepare(store,
			   "SELECT count(DISTINCT s.id), count(DISTINCT p.id), count(r.id)"
			   " FROM sessions s LEFT JOIN participants p ON p.session = s.id"
			   " LEFT JOIN responses r ON r.participant = p.id WHERE " SESSIONS_MATCH,
			   &stmt, what, err))
		return false;
	if (!bind_request(store, stmt, req, what, err)) {
		sqlite3_finalize(stmt);
		return false;
	}
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*sessions = (size_t)sqlite3_column_int64(stmt, 0);
		*participants = (size_t)sqlite3_column_int64(stmt, 1);
		*responses = (size_t)sqlite3_column_int64(stmt, 2);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? true : store_fail(store, rc, what, err);
}

/* Moves every committed change into the database file and empties the write-ahead log, which
 * would otherwise keep old copies of the deleted pages. */
static bool truncate_wal(struct store *store, struct rjk_error *err)
{
	int busy = 0;
	int rc = sqlite3_wal_checkpoint_v2(store->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &busy,
					   NULL);
	(void)busy;
	if (rc == SQLITE_OK)
		return true;
	if ((rc & 0xff) == SQLITE_BUSY)
		return rjk_error_set(err, "The data was deleted, but another rjkiosk program (the "
				     "kiosk or an export) still holds the database, so an old copy "
				     "stays in its log file until that program closes. Close it and "
				     "run the purge again to clear the log.");
	return store_fail(store, rc, "clear the database's log", err);
}

/* The copies made before schema upgrades (responses-vN-backup.db, and a .part one an upgrade
 * was killed while writing) hold the text a purge deletes: they go with it. */
static bool remove_upgrade_backups(struct store *store, struct rjk_error *err)
{
	DIR *dir = opendir(store->dir);
	struct dirent *e;
	bool ok = true;

	if (!dir)
		return rjk_error_set(err, "The sessions were deleted, but %s could not be read to "
				     "remove the copies made before upgrades: %s", store->dir,
				     strerror(errno));
	while ((e = readdir(dir))) {
		long long version;
		int end = 0;

		if (sscanf(e->d_name, "responses-v%lld-backup.db%n", &version, &end) != 1 ||
		    (e->d_name[end] && strcmp(e->d_name + end, ".part")))
			continue;
		if (unlinkat(dirfd(dir), e->d_name, 0) != 0 && errno != ENOENT && ok)
			ok = rjk_error_set(err, "The sessions were deleted, but the copy made before "
					   "an upgrade, %s/%s, could not be removed: %s. Delete it "
					   "by hand.", store->dir, e->d_name, strerror(errno));
	}
	closedir(dir);
	return ok && durable_sync_dir(store->dir);
}

bool store_purge(struct store *store, const struct store_purge_request *req, size_t *deleted,
		 struct rjk_error *err)
{
	const char *what = "delete the sessions";
	size_t sessions = 0, participants = 0, responses = 0;
	*deleted = 0;
	if (!store_exec(store, "PRAGMA secure_delete=ON", what, err) ||
	    !store_begin(store, what, err))
		return false;
	sqlite3_stmt *stmt = NULL;
	bool ok = store_purge_preview(store, req, &sessions, &participants, &responses, err) &&
		  store_prepare(store, "DELETE FROM sessions AS s WHERE " SESSIONS_MATCH, &stmt,
				what, err);
	if (ok && (ok = bind_request(store, stmt, req, what, err))) {
		int rc = sqlite3_step(stmt);
		ok = rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
	}
	sqlite3_finalize(stmt);
	if (ok && req->scope == STORE_PURGE_SESSION && sessions == 0)
		ok = rjk_error_set(err, "There is no session %lld; 'rjkiosk sessions' lists them.",
				   (long long)req->session);
	char scope[64], detail[256];
	if (req->scope == STORE_PURGE_SESSION)
		snprintf(scope, sizeof scope, "session %lld", (long long)req->session);
	else if (req->scope == STORE_PURGE_ALL)
		snprintf(scope, sizeof scope, "all sessions");
	else
		snprintf(scope, sizeof scope, "sessions older than %d days", req->days);
	snprintf(detail, sizeof detail, "%s: %zu sessions, %zu participants, %zu responses",
		 scope, sessions, participants, responses);
	ok = ok && store_log_event_locked(store, "purge",
					  req->scope == STORE_PURGE_SESSION ? req->session : 0,
					  detail, err) &&
	     store_commit(store, what, err);
	if (!ok) {
		store_rollback(store);
		return false;
	}
	*deleted = sessions;
	return truncate_wal(store, err) && remove_upgrade_backups(store, err);
}
