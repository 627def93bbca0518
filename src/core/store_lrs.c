/* The response store's side of sending answers to a learning record store (LRS): the outbox of
 * statements waiting to be sent, the sender's saved state, class codes, and statements of a
 * class brought in from other kiosks. */
#include "core/store_lrs.h"

#include <inttypes.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/store_impl.h"

/* Schema version 2's LRS tables: a statement id, its time and a digest of its content on each
 * answered or passed response; a registration and class code on each session; the outbox; the
 * sender's state; statements of a class from other kiosks. */
const char *const store_schema_v2_lrs[] = {
	"ALTER TABLE sessions ADD COLUMN registration TEXT",
	"ALTER TABLE sessions ADD COLUMN class_code TEXT",
	"ALTER TABLE responses ADD COLUMN statement_id TEXT",
	"ALTER TABLE responses ADD COLUMN statement_ms INTEGER",
	"ALTER TABLE responses ADD COLUMN statement_sig TEXT",
	"CREATE UNIQUE INDEX responses_statement ON responses(statement_id)",
	"CREATE TABLE outbox(statement_id TEXT PRIMARY KEY,"
	" response INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,"
	" queued_ms INTEGER NOT NULL,"
	" state TEXT NOT NULL CHECK(state IN ('queued', 'parked')), reason TEXT) STRICT",
	"CREATE INDEX outbox_response ON outbox(response)",
	"CREATE TABLE lrs_state(key TEXT PRIMARY KEY, value INTEGER, text TEXT) STRICT",
	"CREATE TABLE class_statements(statement_id TEXT PRIMARY KEY,"
	" registration TEXT NOT NULL, actor TEXT NOT NULL, step_id TEXT NOT NULL,"
	" response TEXT NOT NULL, passed INTEGER NOT NULL, timestamp TEXT NOT NULL) STRICT",
	"CREATE INDEX class_statements_registration ON class_statements(registration)",
	NULL,
};

void class_registration(const char *scenario_id, const char *code, char out[UUID_TEXT_SIZE])
{
	char name[1200];
	snprintf(name, sizeof name, "rjkiosk class %s %s", scenario_id, code);
	uuid_from_name(name, out);
}

bool class_code_valid(const char *code)
{
	if (!code || strlen(code) != CLASS_CODE_DIGITS)
		return false;
	for (const char *p = code; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	return true;
}

static bool exec_bound(struct store *store, const char *sql, const char *what,
		       struct rjk_error *err, sqlite3_stmt **keep, ...);

void store_set_random(struct store *store, void (*fill)(void *ctx, void *buf, size_t len),
		      void *ctx)
{
	store->random = fill;
	store->random_ctx = ctx;
}

bool store_random(struct store *store, void *buf, size_t len)
{
	if (store->random) {
		store->random(store->random_ctx, buf, len);
		return true;
	}
	return getrandom(buf, len, 0) == (ssize_t)len;
}

/* Sets a session's class code and registration; code NULL: a new random code. */
static bool set_class(struct store *store, int64_t session, const char *code, const char *what,
		      struct rjk_error *err)
{
	char made[CLASS_CODE_SIZE], reg[UUID_TEXT_SIZE];
	if (!code) {
		uint32_t n;
		if (!store_random(store, &n, sizeof n))
			return rjk_error_set(err, "cannot get random bytes for the class code");
		snprintf(made, sizeof made, "%0*" PRIu32, CLASS_CODE_DIGITS, n % 100000000u);
		code = made;
	}
	sqlite3_stmt *stmt;
	if (!store_prepare(store, "UPDATE sessions SET class_code = ?2, registration = ?3"
			   " WHERE id = ?1 RETURNING scenario_id", &stmt, what, err))
		return false;
	/* The registration needs the scenario id: read it in the same statement's row, then set
	 * it with a second UPDATE. */
	bool ok = STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, session),
			      store_bind_text(stmt, 2, code), store_bind_text(stmt, 3, ""));
	int rc = ok ? sqlite3_step(stmt) : SQLITE_OK;
	if (ok && rc == SQLITE_ROW)
		class_registration((const char *)sqlite3_column_text(stmt, 0), code, reg);
	if (ok && rc == SQLITE_ROW)
		rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (ok && rc != SQLITE_DONE)
		return store_fail(store, rc, what, err);
	if (!ok)
		return false;
	return exec_bound(store, "UPDATE sessions SET registration = ?2 WHERE id = ?1", what, err,
			  NULL, "i", session, "t", reg, NULL);
}

bool store_session_class_new(struct store *store, int64_t session, struct rjk_error *err)
{
	return set_class(store, session, NULL, "save the new session", err);
}

bool store_session_join_class(struct store *store, int64_t session, const char *code,
			      struct rjk_error *err)
{
	const char *what = "join the class";
	if (!class_code_valid(code))
		return rjk_error_set(err, "A class code is %d digits, as the facilitator's kiosk "
				     "shows it.", CLASS_CODE_DIGITS);
	if (!store_begin(store, what, err))
		return false;
	sqlite3_stmt *stmt;
	bool ok = store_prepare(store, "SELECT count(*) FROM responses r JOIN participants p"
				" ON p.id = r.participant WHERE p.session = ?1"
				" AND r.statement_id IS NOT NULL", &stmt, what, err);
	int64_t made = 0;
	if (ok) {
		ok = STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, session));
		if (ok && sqlite3_step(stmt) == SQLITE_ROW)
			made = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	}
	if (ok && made > 0)
		ok = rjk_error_set(err, "This session already has answers, which keep their own "
				   "class. Start a new session, then join the class.");
	ok = ok && set_class(store, session, code, what, err) &&
	     store_log_event_locked(store, "class-join", session, code, err) &&
	     store_commit(store, what, err);
	if (!ok)
		store_rollback(store);
	return ok;
}

/* Prepares sql, binds the arguments given as pairs of a type ("i": int64_t, "t": text or
 * NULL) and a value up to a NULL type, and runs it to the end. With keep, the statement is
 * left for the caller (already stepped once, positioned on its first row) instead. */
static bool exec_bound(struct store *store, const char *sql, const char *what,
		       struct rjk_error *err, sqlite3_stmt **keep, ...)
{
	sqlite3_stmt *stmt;
	if (!store_prepare(store, sql, &stmt, what, err))
		return false;
	va_list ap;
	va_start(ap, keep);
	int rc = SQLITE_OK, index = 1;
	for (const char *type; rc == SQLITE_OK && (type = va_arg(ap, const char *)); index++)
		rc = type[0] == 'i' ? sqlite3_bind_int64(stmt, index, va_arg(ap, int64_t))
				    : store_bind_text(stmt, index, va_arg(ap, const char *));
	va_end(ap);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	if (keep && (rc == SQLITE_ROW || rc == SQLITE_DONE)) {
		*keep = stmt;
		return true;
	}
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
}

/* A digest of what a statement says about an answer (status, text, scale, choices): the same
 * answer saved again keeps its statement; a changed one gets a new statement. */
static void answer_sig(const struct response *r, char out[33])
{
	crypto_generichash_state st;
	unsigned char h[16];
	char num[32];
	crypto_generichash_init(&st, NULL, 0, sizeof h);
	const char *status = response_status_name(r->status);
	crypto_generichash_update(&st, (const unsigned char *)status, strlen(status) + 1);
	if (r->text)
		crypto_generichash_update(&st, (const unsigned char *)r->text, strlen(r->text) + 1);
	snprintf(num, sizeof num, "|%d|%d|", r->has_scale, r->has_scale ? r->scale : 0);
	crypto_generichash_update(&st, (const unsigned char *)num, strlen(num));
	for (size_t i = 0; i < r->choice_count; i++)
		crypto_generichash_update(&st, (const unsigned char *)r->choices[i],
					  strlen(r->choices[i]) + 1);
	crypto_generichash_final(&st, h, sizeof h);
	for (size_t i = 0; i < sizeof h; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
}

bool store_outbox_note(struct store *store, int64_t response, const struct response *r,
		       const char *what, struct rjk_error *err)
{
	if (r->status == RESPONSE_DRAFT) {
		/* Reopened for editing: its statement is void until it is answered again. */
		if (!exec_bound(store, "UPDATE responses SET statement_id = NULL,"
				" statement_ms = NULL, statement_sig = NULL"
				" WHERE id = ?1 AND statement_id IS NOT NULL", what, err, NULL,
				"i", response, NULL))
			return false;
		if (sqlite3_changes(store->db) == 0)
			return true;
		return exec_bound(store, "DELETE FROM outbox WHERE response = ?1", what, err, NULL,
				  "i", response, NULL);
	}
	char sig[33], id[UUID_TEXT_SIZE];
	answer_sig(r, sig);
	sqlite3_stmt *stmt = NULL;
	if (!exec_bound(store, "SELECT statement_sig, last_edit_ms FROM responses WHERE id = ?1",
			what, err, &stmt, "i", response, NULL))
		return false;
	const unsigned char *old = sqlite3_column_text(stmt, 0);
	bool same = old && !strcmp((const char *)old, sig);
	/* The statement's time is the answer's: the time it was saved. */
	int64_t now = sqlite3_column_int64(stmt, 1);
	sqlite3_finalize(stmt);
	if (same)
		return true;
	unsigned char raw[16];
	if (!store_random(store, raw, sizeof raw))
		return rjk_error_set(err, "cannot get random bytes for the statement id");
	uuid_from_bytes(raw, id);
	return exec_bound(store, "UPDATE responses SET statement_id = ?2, statement_ms = ?3,"
			  " statement_sig = ?4 WHERE id = ?1", what, err, NULL, "i", response,
			  "t", id, "i", now, "t", sig, NULL) &&
	       exec_bound(store, "DELETE FROM outbox WHERE response = ?1", what, err, NULL, "i",
			  response, NULL) &&
	       exec_bound(store, "INSERT INTO outbox(statement_id, response, queued_ms, state)"
			  " VALUES(?1, ?2, ?3, 'queued')", what, err, NULL, "t", id, "i", response,
			  "i", now, NULL);
}

bool store_lrs_upgrade(struct store *store, struct rjk_error *err)
{
	/* Earlier releases derived the registration and statement ids from the kiosk id and the
	 * row ids when exporting; fixing the same ids now keeps every statement exported before
	 * the same statement. */
	const char *what = "upgrade the database";
	char kiosk[33], name[2048], uuid[UUID_TEXT_SIZE];
	if (sodium_init() < 0)
		return rjk_error_set(err, "cannot start libsodium");
	if (!store_kiosk_id(store, kiosk, err))
		return false;
	sqlite3_stmt *stmt;
	if (!store_prepare(store, "SELECT id FROM sessions", &stmt, what, err))
		return false;
	bool ok = true;
	int rc;
	while (ok && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		snprintf(name, sizeof name, "rjkiosk registration %s %" PRId64, kiosk,
			 (int64_t)sqlite3_column_int64(stmt, 0));
		uuid_from_name(name, uuid);
		ok = exec_bound(store, "UPDATE sessions SET registration = ?2 WHERE id = ?1", what,
				err, NULL, "i", (int64_t)sqlite3_column_int64(stmt, 0), "t", uuid, NULL);
	}
	sqlite3_finalize(stmt);
	if (!ok || !store_prepare(store, "SELECT r.id, p.session, p.id, r.step_id, r.last_edit_ms,"
				  " r.status FROM responses r JOIN participants p"
				  " ON p.id = r.participant WHERE r.status <> 'draft'", &stmt, what,
				  err))
		return false;
	while (ok && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		snprintf(name, sizeof name, "rjkiosk statement %s %" PRId64 " %" PRId64 " %s %" PRId64
			 " %s", kiosk, (int64_t)sqlite3_column_int64(stmt, 1),
			 (int64_t)sqlite3_column_int64(stmt, 2),
			 (const char *)sqlite3_column_text(stmt, 3),
			 (int64_t)sqlite3_column_int64(stmt, 4),
			 (const char *)sqlite3_column_text(stmt, 5));
		uuid_from_name(name, uuid);
		ok = exec_bound(store, "UPDATE responses SET statement_id = ?2,"
				" statement_ms = last_edit_ms WHERE id = ?1", what, err, NULL, "i",
				(int64_t)sqlite3_column_int64(stmt, 0), "t", uuid, NULL);
	}
	sqlite3_finalize(stmt);
	/* Nothing saved is left unqueued: the answers of earlier releases go out too once an
	 * LRS is set. */
	return ok && exec_bound(store, "INSERT INTO outbox(statement_id, response, queued_ms, state)"
				" SELECT statement_id, id, statement_ms, 'queued' FROM responses"
				" WHERE statement_id IS NOT NULL ORDER BY id", what, err, NULL, NULL);
}

bool store_outbox_batch(struct store *store, size_t max, struct outbox_item *items,
			size_t *count, struct rjk_error *err)
{
	const char *what = "read the outbox";
	sqlite3_stmt *stmt;
	*count = 0;
	if (!store_prepare(store, "SELECT o.statement_id, p.session FROM outbox o"
			   " JOIN responses r ON r.id = o.response"
			   " JOIN participants p ON p.id = r.participant"
			   " WHERE o.state = 'queued' ORDER BY o.rowid LIMIT ?1", &stmt, what, err))
		return false;
	int rc = sqlite3_bind_int64(stmt, 1, (int64_t)max);
	while (rc == SQLITE_OK || rc == SQLITE_ROW) {
		rc = sqlite3_step(stmt);
		if (rc != SQLITE_ROW)
			break;
		snprintf(items[*count].statement_id, UUID_TEXT_SIZE, "%s",
			 (const char *)sqlite3_column_text(stmt, 0));
		items[(*count)++].session = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
}

bool store_outbox_delivered(struct store *store, const struct outbox_item *items, size_t count,
			    struct rjk_error *err)
{
	const char *what = "mark statements as sent";
	if (!store_begin(store, what, err))
		return false;
	bool ok = true;
	for (size_t i = 0; ok && i < count; i++)
		ok = exec_bound(store, "DELETE FROM outbox WHERE statement_id = ?1", what, err, NULL,
				"t", items[i].statement_id, NULL);
	ok = ok && store_commit(store, what, err);
	if (!ok)
		store_rollback(store);
	return ok;
}

bool store_outbox_park(struct store *store, const char *statement_id, const char *reason,
		       struct rjk_error *err)
{
	return exec_bound(store, "UPDATE outbox SET state = 'parked', reason = ?2"
			  " WHERE statement_id = ?1", "park a refused statement", err, NULL, "t",
			  statement_id, "t", reason, NULL);
}

bool store_outbox_unpark(struct store *store, size_t *count, struct rjk_error *err)
{
	bool ok = exec_bound(store, "UPDATE outbox SET state = 'queued', reason = NULL"
			     " WHERE state = 'parked'", "queue the parked statements again", err,
			     NULL, NULL);
	*count = ok ? (size_t)sqlite3_changes(store->db) : 0;
	return ok;
}

bool store_outbox_counts(struct store *store, size_t *queued, size_t *parked,
			 struct rjk_error *err)
{
	sqlite3_stmt *stmt = NULL;
	if (!exec_bound(store, "SELECT count(*) FILTER (WHERE state = 'queued'),"
			" count(*) FILTER (WHERE state = 'parked') FROM outbox", "read the outbox",
			err, &stmt, NULL))
		return false;
	*queued = (size_t)sqlite3_column_int64(stmt, 0);
	*parked = (size_t)sqlite3_column_int64(stmt, 1);
	sqlite3_finalize(stmt);
	return true;
}

void store_outbox_parked_free(struct outbox_parked *list, size_t count)
{
	for (size_t i = 0; list && i < count; i++) {
		free(list[i].statement_id);
		free(list[i].reason);
	}
	free(list);
}

bool store_outbox_parked(struct store *store, size_t max, struct outbox_parked **out,
			 size_t *count, struct rjk_error *err)
{
	const char *what = "read the outbox";
	sqlite3_stmt *stmt;
	*out = NULL;
	*count = 0;
	if (!store_prepare(store, "SELECT statement_id, coalesce(reason, '') FROM outbox"
			   " WHERE state = 'parked' ORDER BY rowid LIMIT ?1", &stmt, what, err))
		return false;
	struct outbox_parked *list = NULL;
	size_t n = 0, cap = 0;
	bool oom = false;
	int rc = sqlite3_bind_int64(stmt, 1, (int64_t)max);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!array_grow(&list, &cap, n, sizeof *list)) {
			oom = true;
			break;
		}
		list[n].statement_id = store_column_dup(stmt, 0, &oom);
		list[n++].reason = store_column_dup(stmt, 1, &oom);
	}
	sqlite3_finalize(stmt);
	if (!store_rows_done(store, rc, oom, what, err)) {
		store_outbox_parked_free(list, n);
		return false;
	}
	*out = list;
	*count = n;
	return true;
}

static const char *const state_keys[] = {"failures", "next_ms", "last_success_ms", "stopped",
					 "last_error"};

bool store_lrs_state_load(struct store *store, struct lrs_state *state, struct rjk_error *err)
{
	memset(state, 0, sizeof *state);
	sqlite3_stmt *stmt;
	if (!store_prepare(store, "SELECT key, value, text FROM lrs_state", &stmt,
			   "read the LRS state", err))
		return false;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(stmt, 0);
		int64_t v = sqlite3_column_int64(stmt, 1);
		if (!strcmp(key, "failures"))
			state->failures = (int)v;
		else if (!strcmp(key, "next_ms"))
			state->next_ms = v;
		else if (!strcmp(key, "last_success_ms"))
			state->last_success_ms = v;
		else if (!strcmp(key, "stopped"))
			state->stopped = v != 0;
		else if (!strcmp(key, "last_error") && sqlite3_column_text(stmt, 2))
			snprintf(state->last_error, sizeof state->last_error, "%s",
				 (const char *)sqlite3_column_text(stmt, 2));
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? true : store_fail(store, rc, "read the LRS state", err);
}

bool store_lrs_state_save(struct store *store, const struct lrs_state *state,
			  struct rjk_error *err)
{
	const char *what = "save the LRS state";
	const int64_t values[] = {state->failures, state->next_ms, state->last_success_ms,
				  state->stopped, 0};
	if (!store_begin(store, what, err))
		return false;
	bool ok = true;
	for (size_t i = 0; ok && i < sizeof state_keys / sizeof state_keys[0]; i++)
		ok = exec_bound(store, "INSERT OR REPLACE INTO lrs_state(key, value, text)"
				" VALUES(?1, ?2, ?3)", what, err, NULL, "t", state_keys[i], "i",
				values[i], "t", i == 4 ? state->last_error : NULL, NULL);
	ok = ok && store_commit(store, what, err);
	if (!ok)
		store_rollback(store);
	return ok;
}

void class_statement_release(struct class_statement *s)
{
	free(s->statement_id);
	free(s->registration);
	free(s->actor);
	free(s->step_id);
	free(s->response);
	free(s->timestamp);
	memset(s, 0, sizeof *s);
}

void class_statements_free(struct class_statement *list, size_t count)
{
	for (size_t i = 0; list && i < count; i++)
		class_statement_release(&list[i]);
	free(list);
}

bool store_class_add(struct store *store, const struct class_statement *s, bool *added,
		     struct rjk_error *err)
{
	/* A statement of this kiosk's own answers (its export imported back, or read back from
	 * the LRS) is here already, in responses. */
	bool ok = exec_bound(store, "INSERT OR IGNORE INTO class_statements(statement_id,"
			     " registration, actor, step_id, response, passed, timestamp)"
			     " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS"
			     " (SELECT 1 FROM responses WHERE statement_id = ?1)",
			     "keep the class's statement",
			     err, NULL, "t", s->statement_id, "t", s->registration, "t", s->actor,
			     "t", s->step_id, "t", s->response, "i", (int64_t)s->passed, "t",
			     s->timestamp, NULL);
	*added = ok && sqlite3_changes(store->db) > 0;
	return ok;
}

bool store_class_list(struct store *store, const char *registration,
		      struct class_statement **out, size_t *count, struct rjk_error *err)
{
	const char *what = "read the class's statements";
	sqlite3_stmt *stmt;
	*out = NULL;
	*count = 0;
	if (!store_prepare(store, "SELECT statement_id, registration, actor, step_id, response,"
			   " passed, timestamp FROM class_statements WHERE registration = ?1"
			   " ORDER BY timestamp, statement_id", &stmt, what, err))
		return false;
	struct class_statement *list = NULL;
	size_t n = 0, cap = 0;
	bool oom = false;
	int rc = store_bind_text(stmt, 1, registration);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!array_grow(&list, &cap, n, sizeof *list)) {
			oom = true;
			break;
		}
		struct class_statement *c = &list[n++];
		c->statement_id = store_column_dup(stmt, 0, &oom);
		c->registration = store_column_dup(stmt, 1, &oom);
		c->actor = store_column_dup(stmt, 2, &oom);
		c->step_id = store_column_dup(stmt, 3, &oom);
		c->response = store_column_dup(stmt, 4, &oom);
		c->passed = sqlite3_column_int(stmt, 5) != 0;
		c->timestamp = store_column_dup(stmt, 6, &oom);
	}
	sqlite3_finalize(stmt);
	if (!store_rows_done(store, rc, oom, what, err)) {
		class_statements_free(list, n);
		return false;
	}
	*out = list;
	*count = n;
	return true;
}
