/* Saving and reading trainees' responses in the response store. */
#include "core/store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

/* Everything that can be checked without the database, so a refused answer never opens a
 * transaction. */
static bool check_response(const struct response *r, struct rjk_error *err)
{
	if (!r->step_id || !r->step_id[0])
		return rjk_error_set(err, "The answer has no step id; nothing was saved.");
	if (r->status != RESPONSE_DRAFT && r->status != RESPONSE_ANSWERED &&
	    r->status != RESPONSE_PASSED)
		return rjk_error_set(err, "The answer has an unknown status; nothing was saved.");
	enum step_kind kind;
	if (!store_kind_parse(step_kind_name(r->kind), &kind))
		return rjk_error_set(err, "The answer is for an unknown kind of step; nothing was "
				     "saved.");
	if (!store_check_text(r->step_id, STORE_SHORT_MAX_BYTES, STORE_SHORT_MAX_BYTES, "step id",
			      err) ||
	    (r->prompt && !store_check_text(r->prompt, STORE_TEXT_MAX_BYTES, STORE_TEXT_MAX_BYTES,
					    "question text", err)) ||
	    (r->text && !store_check_text(r->text, STORE_TEXT_MAX_BYTES,
					  STEP_TEXT_LIMIT_MAX_CHARS, "answer", err)))
		return false;
	if (r->choice_count > 0 && !r->choices)
		return rjk_error_set(err, "The answer's choices are missing; nothing was saved.");
	for (size_t i = 0; i < r->choice_count; i++)
		if (!r->choices[i] || !store_check_text(r->choices[i], STORE_TEXT_MAX_BYTES,
							STORE_TEXT_MAX_BYTES, "chosen option", err))
			return r->choices[i] ? false
					     : rjk_error_set(err, "A chosen option is missing; "
							     "nothing was saved.");
	return true;
}

/* Checks the answer against its step as snapshotted when the session started: the step's own
 * character limit and scale range. Steps not in the snapshot only get the global limits. */
static bool check_against_step(struct store *store, int64_t participant,
			       const struct response *r, const char *what, struct rjk_error *err)
{
	sqlite3_stmt *stmt = store_cached(store, CACHED_STEP_LIMITS, what, err);
	if (!stmt)
		return false;
	if (!STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, participant),
			 store_bind_text(stmt, 2, r->step_id)))
		return false;
	int rc = sqlite3_step(stmt);
	bool ok = true;
	if (rc == SQLITE_ROW) {
		if (r->text && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
			size_t limit = (size_t)sqlite3_column_int64(stmt, 0);
			size_t chars = utf8_count(r->text, strlen(r->text));
			if (chars > limit)
				ok = rjk_error_set(err, "The answer is too long (%zu characters, at "
						   "most %zu); nothing was saved.", chars, limit);
		}
		if (ok && r->has_scale && sqlite3_column_type(stmt, 1) != SQLITE_NULL) {
			int min = sqlite3_column_int(stmt, 1), max = sqlite3_column_int(stmt, 2);
			if (r->scale < min || r->scale > max)
				ok = rjk_error_set(err, "The scale value %d is outside %d to %d; "
						   "nothing was saved.", r->scale, min, max);
		}
	} else if (rc != SQLITE_DONE) {
		ok = store_fail(store, rc, what, err);
	}
	sqlite3_reset(stmt);
	return ok;
}

static bool write_response(struct store *store, int64_t participant, const struct response *r,
			   int64_t *response_id, const char *what, struct rjk_error *err)
{
	sqlite3_stmt *up = store_cached(store, CACHED_UPSERT_RESPONSE, what, err);
	if (!up)
		return false;
	if (!STORE_BOUND(store, what, err,
			 sqlite3_bind_int64(up, 1, participant),
			 store_bind_text(up, 2, r->step_id),
			 store_bind_text(up, 3, step_kind_name(r->kind)),
			 store_bind_text(up, 4, r->prompt ? r->prompt : ""),
			 store_bind_text(up, 5, response_status_name(r->status)),
			 store_bind_text(up, 6, r->text),
			 r->has_scale ? sqlite3_bind_int(up, 7, r->scale) : SQLITE_OK,
			 r->video_ms >= 0 ? sqlite3_bind_int64(up, 8, r->video_ms) : SQLITE_OK,
			 sqlite3_bind_int64(up, 9, store_now(store))))
		return false;
	int rc = sqlite3_step(up);
	int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(up, 0) : 0;
	*response_id = id;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(up);
	sqlite3_reset(up);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return rjk_error_set(err, "There is no participant %lld; nothing was saved.",
				     (long long)participant);
	if (rc != SQLITE_DONE)
		return store_fail(store, rc, what, err);

	sqlite3_stmt *del = store_cached(store, CACHED_DELETE_CHOICES, what, err);
	if (!del)
		return false;
	if (!STORE_BOUND(store, what, err, sqlite3_bind_int64(del, 1, id)))
		return false;
	rc = sqlite3_step(del);
	sqlite3_reset(del);
	if (rc != SQLITE_DONE)
		return store_fail(store, rc, what, err);
	for (size_t i = 0; i < r->choice_count; i++) {
		sqlite3_stmt *ins = store_cached(store, CACHED_INSERT_CHOICE, what, err);
		if (!ins)
			return false;
		if (!STORE_BOUND(store, what, err, sqlite3_bind_int64(ins, 1, id),
				 sqlite3_bind_int64(ins, 2, (int64_t)i),
				 store_bind_text(ins, 3, r->choices[i])))
			return false;
		rc = sqlite3_step(ins);
		sqlite3_reset(ins);
		if (rc != SQLITE_DONE)
			return store_fail(store, rc, what, err);
	}
	return true;
}

bool store_save_response(struct store *store, int64_t participant, const struct response *r,
			 struct rjk_error *err)
{
	const char *what = "save the answer";
	if (!check_response(r, err))
		return false;
	if (!store_begin(store, what, err))
		return false;
	int64_t id = 0;
	if (!check_against_step(store, participant, r, what, err) ||
	    !write_response(store, participant, r, &id, what, err) ||
	    !store_outbox_note(store, id, r, what, err) || !store_commit(store, what, err)) {
		store_rollback(store);
		return false;
	}
	return true;
}

void store_responses_free(struct stored_response *responses, size_t count)
{
	for (size_t i = 0; responses && i < count; i++) {
		struct stored_response *r = &responses[i];
		free(r->step_id);
		free(r->prompt);
		free(r->text);
		for (size_t j = 0; j < r->choice_count; j++)
			free(r->choices[j]);
		free(r->choices);
		free(r->statement_id);
	}
	free(responses);
}

static enum response_status status_parse(const char *s)
{
	if (s && !strcmp(s, "answered"))
		return RESPONSE_ANSWERED;
	if (s && !strcmp(s, "passed"))
		return RESPONSE_PASSED;
	return RESPONSE_DRAFT;
}

static void read_row(sqlite3_stmt *stmt, struct stored_response *r, bool *oom)
{
	memset(r, 0, sizeof *r);
	r->step_id = store_column_dup(stmt, 1, oom);
	if (!store_kind_parse((const char *)sqlite3_column_text(stmt, 2), &r->kind))
		r->kind = STEP_TEXT;
	r->prompt = store_column_dup(stmt, 3, oom);
	r->status = status_parse((const char *)sqlite3_column_text(stmt, 4));
	r->text = store_column_dup(stmt, 5, oom);
	r->has_scale = sqlite3_column_type(stmt, 6) != SQLITE_NULL;
	r->scale = sqlite3_column_int(stmt, 6);
	r->video_ms = sqlite3_column_type(stmt, 7) == SQLITE_NULL ? -1
									: sqlite3_column_int64(stmt, 7);
	r->first_edit = sqlite3_column_int64(stmt, 8);
	r->last_edit = sqlite3_column_int64(stmt, 9);
	r->statement_id = store_column_dup(stmt, 10, oom);
	r->statement_ms = sqlite3_column_int64(stmt, 11);
}

/* Attaches the chosen options (ordered by response, then position) to the loaded rows. */
static int load_choices(struct store *store, int64_t participant, struct stored_response *list,
			const int64_t *ids, size_t n, bool *oom)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(store->db,
				    "SELECT c.response, c.text FROM response_choices c"
				    " JOIN responses r ON r.id = c.response WHERE r.participant = ?1"
				    " ORDER BY c.response, c.position", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	size_t at = 0;
	rc = sqlite3_bind_int64(stmt, 1, participant);
	while (!*oom && (rc == SQLITE_OK || rc == SQLITE_ROW) &&
	       (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		while (at < n && ids[at] != id)
			at++;
		if (at == n)
			break;
		struct stored_response *r = &list[at];
		char **grown = realloc(r->choices, (r->choice_count + 1) * sizeof *grown);
		if (!grown) {
			*oom = true;
			break;
		}
		r->choices = grown;
		grown[r->choice_count++] = store_column_dup(stmt, 1, oom);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? SQLITE_DONE : rc;
}

bool store_load_responses(struct store *store, int64_t participant,
			  struct stored_response **out, size_t *count, struct rjk_error *err)
{
	const char *what = "read the answers";
	sqlite3_stmt *stmt;
	*out = NULL;
	*count = 0;
	if (!store_prepare(store, "SELECT id, step_id, kind, prompt, status, text, scale, video_ms,"
			   " first_edit_ms, last_edit_ms, statement_id, statement_ms FROM responses WHERE participant = ?1"
			   " ORDER BY id", &stmt, what, err))
		return false;
	if (!STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, participant))) {
		sqlite3_finalize(stmt);
		return false;
	}
	struct stored_response *list = NULL;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	bool oom = false;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		size_t ids_cap = cap;
		if (!array_grow(&ids, &ids_cap, n, sizeof *ids) ||
		    !array_grow(&list, &cap, n, sizeof *list)) {
			oom = true;
			break;
		}
		ids[n] = sqlite3_column_int64(stmt, 0);
		read_row(stmt, &list[n++], &oom);
	}
	sqlite3_finalize(stmt);
	if (!oom && rc == SQLITE_DONE && n > 0)
		rc = load_choices(store, participant, list, ids, n, &oom);
	free(ids);
	if (!store_rows_done(store, rc, oom, what, err)) {
		store_responses_free(list, n);
		return false;
	}
	*out = list;
	*count = n;
	return true;
}
