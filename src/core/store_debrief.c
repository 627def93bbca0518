/* Moderation in the response store: the text answers the facilitator hid from the debrief. */
#include "core/store_impl.h"

bool store_debrief_hide(struct store *store, int64_t participant, const char *step_id,
			bool hidden, struct rjk_error *err)
{
	const char *what = hidden ? "hide the answer" : "restore the answer";
	sqlite3_stmt *stmt;
	int rc;

	if (!store_prepare(store, hidden ? "INSERT OR REPLACE INTO debrief_hidden"
				"(participant, step_id, hidden_ms) VALUES(?1, ?2, ?3)"
			 : "DELETE FROM debrief_hidden WHERE participant = ?1 AND step_id = ?2",
			   &stmt, what, err))
		return false;
	if (!STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, participant),
			 store_bind_text(stmt, 2, step_id),
			 hidden ? sqlite3_bind_int64(stmt, 3, store_now(store)) : SQLITE_OK)) {
		sqlite3_finalize(stmt);
		return false;
	}
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
}

bool store_debrief_is_hidden(struct store *store, int64_t participant, const char *step_id,
			     bool *hidden, struct rjk_error *err)
{
	const char *what = "read the debrief's hidden answers";
	sqlite3_stmt *stmt;
	int rc;

	if (!store_prepare(store, "SELECT 1 FROM debrief_hidden WHERE participant = ?1 AND"
			   " step_id = ?2", &stmt, what, err))
		return false;
	if (!STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, participant),
			 store_bind_text(stmt, 2, step_id))) {
		sqlite3_finalize(stmt);
		return false;
	}
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	*hidden = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
}
