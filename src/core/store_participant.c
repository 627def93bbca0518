/* Participants of a session in the response store: joining, progress, submission, resuming. */
#include "core/store_impl.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void copy_out(char *out, size_t size, const char *s)
{
	if (out && size > 0)
		snprintf(out, size, "%s", s ? s : "");
}

/* The name without surrounding blanks, in a new string (NULL when blank or on no memory). */
static char *trimmed(const char *name)
{
	if (!name)
		return NULL;
	while (isspace((unsigned char)*name))
		name++;
	size_t len = strlen(name);
	while (len > 0 && isspace((unsigned char)name[len - 1]))
		len--;
	return len ? strndup(name, len) : NULL;
}

int64_t store_participant_add(struct store *store, int64_t session, const char *name,
			      char *display, size_t display_size, struct rjk_error *err)
{
	const char *what = "add the participant";
	if (name && !store_check_text(name, STORE_SHORT_MAX_BYTES, STORE_NAME_MAX_CHARS, "name",
				      err))
		return 0;
	char *given = trimmed(name);
	if (!store_begin(store, what, err)) {
		free(given);
		return 0;
	}
	sqlite3_stmt *count = NULL, *ins = NULL;
	int64_t id = 0, number = 0;
	char code[32];
	bool ok = store_prepare(store, "SELECT (SELECT count(*) FROM sessions WHERE id = ?1),"
				" (SELECT count(*) FROM participants WHERE session = ?1)", &count,
				what, err);
	ok = ok && STORE_BOUND(store, what, err, sqlite3_bind_int64(count, 1, session));
	if (ok) {
		int rc = sqlite3_step(count);
		if (rc != SQLITE_ROW)
			ok = store_fail(store, rc, what, err);
		else if (sqlite3_column_int64(count, 0) == 0)
			ok = rjk_error_set(err, "There is no session %lld.", (long long)session);
		else
			number = sqlite3_column_int64(count, 1) + 1;
	}
	snprintf(code, sizeof code, "Trainee %lld", (long long)number);
	ok = ok && store_prepare(store, "INSERT INTO participants(session, number, name,"
				 " automatic, started_ms) VALUES(?1, ?2, ?3, ?4, ?5)", &ins, what,
				 err);
	ok = ok && STORE_BOUND(store, what, err,
			       sqlite3_bind_int64(ins, 1, session),
			       sqlite3_bind_int64(ins, 2, number),
			       store_bind_text(ins, 3, given ? given : code),
			       sqlite3_bind_int(ins, 4, given == NULL),
			       sqlite3_bind_int64(ins, 5, store_now(store)));
	if (ok) {
		int rc = sqlite3_step(ins);
		ok = rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
		id = sqlite3_last_insert_rowid(store->db);
	}
	sqlite3_finalize(count);
	sqlite3_finalize(ins);
	ok = ok && store_commit(store, what, err);
	if (ok)
		copy_out(display, display_size, given ? given : code);
	else
		store_rollback(store);
	free(given);
	return ok ? id : 0;
}

/* Sets one column of a participant in its own transaction. */
static bool participant_update(struct store *store, int64_t participant, const char *sql,
			       const char *text, const char *what, struct rjk_error *err)
{
	sqlite3_stmt *stmt;
	if (!store_begin(store, what, err))
		return false;
	bool ok = store_prepare(store, sql, &stmt, what, err);
	if (ok && !STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, participant),
			       text ? store_bind_text(stmt, 2, text)
				    : sqlite3_bind_int64(stmt, 2, store_now(store)))) {
		sqlite3_finalize(stmt);
		ok = false;
	} else if (ok) {
		int rc = sqlite3_step(stmt);
		ok = rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
		if (ok && sqlite3_changes(store->db) == 0)
			ok = rjk_error_set(err, "There is no participant %lld.",
					   (long long)participant);
		sqlite3_finalize(stmt);
	}
	ok = ok && store_commit(store, what, err);
	if (!ok)
		store_rollback(store);
	return ok;
}

bool store_participant_set_position(struct store *store, int64_t participant,
				    const char *position, struct rjk_error *err)
{
	if (!position)
		position = "";
	if (!store_check_text(position, STORE_SHORT_MAX_BYTES, STORE_SHORT_MAX_BYTES, "position",
			      err))
		return false;
	return participant_update(store, participant,
				  "UPDATE participants SET position = ?2 WHERE id = ?1", position,
				  "save the trainee's place", err);
}

bool store_participant_submit(struct store *store, int64_t participant, struct rjk_error *err)
{
	return participant_update(store, participant,
				  "UPDATE participants SET submitted_ms = coalesce(submitted_ms, ?2)"
				  " WHERE id = ?1", NULL, "submit the answers", err);
}

bool store_find_unfinished_participant(struct store *store, int64_t session,
				       int64_t *participant, char *name, size_t name_size,
				       char *position, size_t position_size,
				       struct rjk_error *err)
{
	const char *what = "look for an unfinished participant";
	sqlite3_stmt *stmt;
	*participant = 0;
	copy_out(name, name_size, NULL);
	copy_out(position, position_size, NULL);
	if (!store_prepare(store, "SELECT id, name, position FROM participants WHERE session = ?1"
			   " AND submitted_ms IS NULL ORDER BY id DESC LIMIT 1", &stmt, what, err))
		return false;
	int rc = sqlite3_bind_int64(stmt, 1, session);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*participant = sqlite3_column_int64(stmt, 0);
		copy_out(name, name_size, (const char *)sqlite3_column_text(stmt, 1));
		copy_out(position, position_size, (const char *)sqlite3_column_text(stmt, 2));
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
}

void store_participants_free(struct store_participant_info *participants, size_t count)
{
	for (size_t i = 0; participants && i < count; i++) {
		free(participants[i].name);
		free(participants[i].position);
	}
	free(participants);
}

bool store_list_participants(struct store *store, int64_t session,
			     struct store_participant_info **out, size_t *count,
			     struct rjk_error *err)
{
	const char *what = "list the participants";
	sqlite3_stmt *stmt;
	*out = NULL;
	*count = 0;
	if (!store_prepare(store, "SELECT id, number, name, automatic, position, started_ms,"
			   " coalesce(submitted_ms, 0) FROM participants WHERE session = ?1"
			   " ORDER BY id", &stmt, what, err))
		return false;
	if (!STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, session))) {
		sqlite3_finalize(stmt);
		return false;
	}
	struct store_participant_info *list = NULL;
	size_t n = 0, cap = 0;
	bool oom = false;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!array_grow(&list, &cap, n, sizeof *list)) {
			oom = true;
			break;
		}
		struct store_participant_info *p = &list[n++];
		p->id = sqlite3_column_int64(stmt, 0);
		p->number = sqlite3_column_int(stmt, 1);
		p->name = store_column_dup(stmt, 2, &oom);
		p->automatic = sqlite3_column_int(stmt, 3);
		p->position = store_column_dup(stmt, 4, &oom);
		p->started = sqlite3_column_int64(stmt, 5);
		p->submitted = sqlite3_column_int64(stmt, 6);
	}
	sqlite3_finalize(stmt);
	if (!store_rows_done(store, rc, oom, what, err)) {
		store_participants_free(list, n);
		return false;
	}
	*out = list;
	*count = n;
	return true;
}
