/* Moderation in the response store: the text answers the facilitator hid from the debrief,
 * this kiosk's by participant and step, the class's other kiosks' by statement id (and a
 * hidden one stays hidden when its author changes it: a later statement of theirs on that
 * question counts as the same answer). */
#include "core/store_impl.h"

/* Runs one moderation statement: ?1 the participant, ?2 the step or statement id, ?3 now (each
 * where sql has it). *row (may be NULL) tells whether it gave a row. */
static bool run(struct store *store, const char *sql, const char *what, int64_t participant,
		const char *key, bool *row, struct rjk_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if (!store_prepare(store, sql, &stmt, what, err))
		return false;
	int params = sqlite3_bind_parameter_count(stmt);
	if (!STORE_BOUND(store, what, err,
			 params >= 1 ? sqlite3_bind_int64(stmt, 1, participant) : SQLITE_OK,
			 params >= 2 ? store_bind_text(stmt, 2, key) : SQLITE_OK,
			 params >= 3 ? sqlite3_bind_int64(stmt, 3, store_now(store)) : SQLITE_OK)) {
		sqlite3_finalize(stmt);
		return false;
	}
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (row)
		*row = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
}

bool store_debrief_hide(struct store *store, int64_t participant, const char *step_id,
			bool hidden, struct rjk_error *err)
{
	return run(store, hidden ? "INSERT OR REPLACE INTO debrief_hidden(participant, step_id,"
		   " hidden_ms) VALUES(?1, ?2, ?3)" : "DELETE FROM debrief_hidden WHERE"
		   " participant = ?1 AND step_id = ?2",
		   hidden ? "hide the answer" : "restore the answer", participant, step_id, NULL,
		   err);
}

bool store_debrief_is_hidden(struct store *store, int64_t participant, const char *step_id,
			     bool *hidden, struct rjk_error *err)
{
	return run(store, "SELECT 1 FROM debrief_hidden WHERE participant = ?1 AND step_id = ?2",
		   "read the debrief's hidden answers", participant, step_id, hidden, err);
}

/* The statements of the same person on the same question in the same class as statement ?2:
 * the answer as it was when hidden, and as it was changed since. */
#define SAME_ANSWER " statement_id = ?2 OR statement_id IN (SELECT b.statement_id FROM" \
	" class_statements a JOIN class_statements b ON b.registration = a.registration" \
	" AND b.actor = a.actor AND b.step_id = a.step_id WHERE a.statement_id = ?2)"

bool store_debrief_hide_class(struct store *store, const char *statement_id, bool hidden,
			      struct rjk_error *err)
{
	return run(store, hidden ? "INSERT OR REPLACE INTO debrief_hidden_class(statement_id,"
		   " hidden_ms) VALUES(?2, ?3)" : "DELETE FROM debrief_hidden_class WHERE"
		   SAME_ANSWER,
		   hidden ? "hide the answer" : "restore the answer", 0, statement_id, NULL, err);
}

bool store_debrief_class_is_hidden(struct store *store, const char *statement_id,
				   bool *hidden, struct rjk_error *err)
{
	return run(store, "SELECT 1 FROM debrief_hidden_class WHERE" SAME_ANSWER,
		   "read the debrief's hidden answers", 0, statement_id, hidden, err);
}
