/* Sessions and their scenario snapshot in the response store. */
#include "core/store_impl.h"

#include <stdlib.h>
#include <string.h>

static bool snapshot_step(struct store *store, int64_t session, size_t position,
			  const struct step *step, sqlite3_stmt *ins_step, sqlite3_stmt *ins_opt,
			  struct rjk_error *err)
{
	const char *what = "save the new session";
	bool has_text = step->kind == STEP_TEXT || step->kind == STEP_DISCUSSION;
	bool scale = step->kind == STEP_SCALE;
	sqlite3_reset(ins_step);
	sqlite3_clear_bindings(ins_step);
	if (!STORE_BOUND(store, what, err,
			 sqlite3_bind_int64(ins_step, 1, session),
			 sqlite3_bind_int64(ins_step, 2, (int64_t)position),
			 store_bind_text(ins_step, 3, step->id),
			 store_bind_text(ins_step, 4, step_kind_name(step->kind)),
			 store_bind_text(ins_step, 5, step->text ? step->text : ""),
			 sqlite3_bind_int(ins_step, 6, step->is_cue),
			 has_text ? sqlite3_bind_int(ins_step, 7, step->max_chars > 0
						 ? step->max_chars : STEP_TEXT_LIMIT_MAX_CHARS)
				  : SQLITE_OK,
			 scale ? sqlite3_bind_int(ins_step, 8, step->min) : SQLITE_OK,
			 scale ? sqlite3_bind_int(ins_step, 9, step->max) : SQLITE_OK,
			 sqlite3_bind_int(ins_step, 10,
					  step->kind == STEP_CHOICE && step->multiple)))
		return false;
	int rc = sqlite3_step(ins_step);
	if (rc != SQLITE_DONE)
		return store_fail(store, rc, what, err);
	size_t n = step->kind == STEP_SCALE ? step->label_count
		 : step->kind == STEP_CHOICE ? step->option_count : 0;
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(ins_opt);
		sqlite3_clear_bindings(ins_opt);
		if (!STORE_BOUND(store, what, err,
				 sqlite3_bind_int64(ins_opt, 1, session),
				 store_bind_text(ins_opt, 2, step->id),
				 sqlite3_bind_int64(ins_opt, 3, (int64_t)i),
				 scale ? sqlite3_bind_int(ins_opt, 4, step->labels[i].value) : SQLITE_OK,
				 store_bind_text(ins_opt, 5, scale ? step->labels[i].text
								   : step->options[i])))
			return false;
		rc = sqlite3_step(ins_opt);
		if (rc != SQLITE_DONE)
			return store_fail(store, rc, what, err);
	}
	return true;
}

int64_t store_session_start(struct store *store, const struct scenario *scenario,
			    const char *label, struct rjk_error *err)
{
	const char *what = "save the new session";
	if (label && !store_check_text(label, STORE_SHORT_MAX_BYTES, STORE_NAME_MAX_CHARS,
				       "session label", err))
		return 0;
	if (!store_begin(store, what, err))
		return 0;
	sqlite3_stmt *ins = NULL, *ins_step = NULL, *ins_opt = NULL;
	int64_t id = 0;
	bool ok = store_prepare(store,
				"INSERT INTO sessions(scenario_id, scenario_sha256, title, language,"
				" label, started_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6)", &ins, what, err) &&
		  store_prepare(store,
				"INSERT INTO steps(session, position, step_id, kind, prompt, is_cue,"
				" max_chars, scale_min, scale_max, multiple)"
				" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &ins_step, what,
				err) &&
		  store_prepare(store,
				"INSERT INTO step_options(session, step_id, position, value, text)"
				" VALUES(?1, ?2, ?3, ?4, ?5)", &ins_opt, what, err);
	ok = ok && STORE_BOUND(store, what, err,
			       store_bind_text(ins, 1, scenario->id),
			       store_bind_text(ins, 2, scenario->sha256),
			       store_bind_text(ins, 3, scenario->title ? scenario->title
								       : scenario->id),
			       store_bind_text(ins, 4, scenario->language),
			       store_bind_text(ins, 5, label && label[0] ? label : NULL),
			       sqlite3_bind_int64(ins, 6, store_now(store)));
	if (ok) {
		int rc = sqlite3_step(ins);
		ok = rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
		id = sqlite3_last_insert_rowid(store->db);
	}
	for (size_t i = 0; ok && i < scenario->step_count; i++)
		ok = snapshot_step(store, id, i, &scenario->steps[i], ins_step, ins_opt, err);
	sqlite3_finalize(ins);
	sqlite3_finalize(ins_step);
	sqlite3_finalize(ins_opt);
	ok = ok && store_session_class_new(store, id, err) &&
	     store_log_event_locked(store, "session-start", id, scenario->id, err) &&
	     store_commit(store, what, err);
	if (!ok) {
		store_rollback(store);
		return 0;
	}
	return id;
}

/* Runs a one-row UPDATE (in its own transaction) and reports a missing row as `missing`. */
static bool update_one(struct store *store, sqlite3_stmt *stmt, const char *what,
		       const char *missing, int64_t id, struct rjk_error *err)
{
	int rc = sqlite3_step(stmt);
	bool ok = rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
	if (ok && sqlite3_changes(store->db) == 0)
		ok = rjk_error_set(err, missing, (long long)id);
	sqlite3_finalize(stmt);
	return ok;
}

bool store_session_rename(struct store *store, int64_t session, const char *name,
			  struct rjk_error *err)
{
	const char *what = "rename the session";
	sqlite3_stmt *stmt;
	if (name && !store_check_text(name, STORE_SHORT_MAX_BYTES, STORE_NAME_MAX_CHARS,
				      "session name", err))
		return false;
	if (!store_begin(store, what, err))
		return false;
	bool ok = store_prepare(store, "UPDATE sessions SET label = ?2 WHERE id = ?1", &stmt, what,
				err);
	if (ok && !STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, session),
			       store_bind_text(stmt, 2, name && name[0] ? name : NULL))) {
		sqlite3_finalize(stmt);
		ok = false;
	} else if (ok) {
		ok = update_one(store, stmt, what, "There is no session %lld.", session, err);
	}
	ok = ok && store_log_event_locked(store, "session-rename", session, name, err) &&
	     store_commit(store, what, err);
	if (!ok)
		store_rollback(store);
	return ok;
}

bool store_session_end(struct store *store, int64_t session, struct rjk_error *err)
{
	const char *what = "end the session";
	sqlite3_stmt *stmt;
	if (!store_begin(store, what, err))
		return false;
	bool ok = store_prepare(store, "UPDATE sessions SET ended_ms = ?2 WHERE id = ?1"
				" AND ended_ms IS NULL", &stmt, what, err);
	if (ok && !STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, session),
			       sqlite3_bind_int64(stmt, 2, store_now(store)))) {
		sqlite3_finalize(stmt);
		ok = false;
	} else if (ok) {
		ok = update_one(store, stmt, what, "There is no open session %lld.", session, err);
	}
	ok = ok && store_log_event_locked(store, "session-end", session, NULL, err) &&
	     store_commit(store, what, err);
	if (!ok)
		store_rollback(store);
	return ok;
}

bool store_find_open_session(struct store *store, const char *scenario_id, int64_t *session,
			     struct rjk_error *err)
{
	const char *what = "look for an unfinished session";
	sqlite3_stmt *stmt;
	*session = 0;
	if (!store_prepare(store, "SELECT id FROM sessions WHERE (?1 IS NULL OR scenario_id = ?1)"
			   " AND ended_ms IS NULL ORDER BY id DESC LIMIT 1", &stmt, what, err))
		return false;
	int rc = store_bind_text(stmt, 1, scenario_id);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*session = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(store, rc, what, err);
}

void store_sessions_free(struct store_session_info *sessions, size_t count)
{
	for (size_t i = 0; sessions && i < count; i++) {
		free(sessions[i].scenario_id);
		free(sessions[i].scenario_sha256);
		free(sessions[i].title);
		free(sessions[i].language);
		free(sessions[i].label);
		free(sessions[i].registration);
		free(sessions[i].class_code);
	}
	free(sessions);
}

bool store_list_sessions(struct store *store, int64_t only, struct store_session_info **out,
			 size_t *count, struct rjk_error *err)
{
	const char *what = "list the sessions";
	sqlite3_stmt *stmt;
	*out = NULL;
	*count = 0;
	if (!store_prepare(store,
			   "SELECT s.id, s.scenario_id, s.scenario_sha256, s.title, s.language,"
			   " s.label, s.started_ms, coalesce(s.ended_ms, 0),"
			   " (SELECT count(*) FROM participants p WHERE p.session = s.id),"
			   " count(r.id) FILTER (WHERE r.status = 'answered'),"
			   " count(r.id) FILTER (WHERE r.status = 'passed'),"
			   " count(r.id) FILTER (WHERE r.status = 'draft'),"
			   " s.registration, s.class_code"
			   " FROM sessions s LEFT JOIN participants p ON p.session = s.id"
			   " LEFT JOIN responses r ON r.participant = p.id"
			   " WHERE ?1 = 0 OR s.id = ?1 GROUP BY s.id ORDER BY s.id", &stmt, what, err))
		return false;
	if (!STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, only))) {
		sqlite3_finalize(stmt);
		return false;
	}
	struct store_session_info *list = NULL;
	size_t n = 0, cap = 0;
	bool oom = false;
	int rc;
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!array_grow(&list, &cap, n, sizeof *list)) {
			oom = true;
			break;
		}
		struct store_session_info *s = &list[n++];
		s->id = sqlite3_column_int64(stmt, 0);
		s->scenario_id = store_column_dup(stmt, 1, &oom);
		s->scenario_sha256 = store_column_dup(stmt, 2, &oom);
		s->title = store_column_dup(stmt, 3, &oom);
		s->language = store_column_dup(stmt, 4, &oom);
		s->label = store_column_dup(stmt, 5, &oom);
		s->started = sqlite3_column_int64(stmt, 6);
		s->ended = sqlite3_column_int64(stmt, 7);
		s->participants = (size_t)sqlite3_column_int64(stmt, 8);
		s->answered = (size_t)sqlite3_column_int64(stmt, 9);
		s->passed = (size_t)sqlite3_column_int64(stmt, 10);
		s->drafts = (size_t)sqlite3_column_int64(stmt, 11);
		s->registration = store_column_dup(stmt, 12, &oom);
		s->class_code = store_column_dup(stmt, 13, &oom);
	}
	sqlite3_finalize(stmt);
	bool ok = store_rows_done(store, rc, oom, what, err);
	if (ok && only > 0 && n == 0)
		ok = rjk_error_set(err, "There is no session %lld in %s; 'rjkiosk sessions' lists "
				   "them.", (long long)only, store->path);
	if (!ok) {
		store_sessions_free(list, n);
		return false;
	}
	*out = list;
	*count = n;
	return true;
}

void store_steps_free(struct store_step *steps, size_t count)
{
	for (size_t i = 0; steps && i < count; i++) {
		free(steps[i].step_id);
		free(steps[i].prompt);
		for (size_t j = 0; j < steps[i].label_count; j++)
			free(steps[i].labels[j].text);
		free(steps[i].labels);
		for (size_t j = 0; j < steps[i].option_count; j++)
			free(steps[i].options[j]);
		free(steps[i].options);
	}
	free(steps);
}

/* Attaches one step_options row to its step (steps and options both come in step order). */
static bool add_option(struct store_step *step, sqlite3_stmt *stmt, bool *oom)
{
	if (step->kind == STEP_SCALE) {
		struct scale_label *grown = realloc(step->labels,
						    (step->label_count + 1) * sizeof *grown);
		if (!grown)
			return !(*oom = true);
		step->labels = grown;
		grown[step->label_count].value = sqlite3_column_int(stmt, 1);
		grown[step->label_count++].text = store_column_dup(stmt, 2, oom);
	} else {
		char **grown = realloc(step->options, (step->option_count + 1) * sizeof *grown);
		if (!grown)
			return !(*oom = true);
		step->options = grown;
		grown[step->option_count++] = store_column_dup(stmt, 2, oom);
	}
	return !*oom;
}

bool store_load_steps(struct store *store, int64_t session, struct store_step **out,
		      size_t *count, struct rjk_error *err)
{
	const char *what = "read the session's steps";
	sqlite3_stmt *stmt;
	struct store_step *steps = NULL;
	size_t n = 0, cap = 0;
	bool oom = false;
	int rc;
	*out = NULL;
	*count = 0;
	if (!store_prepare(store, "SELECT step_id, kind, prompt, is_cue, coalesce(scale_min, 0),"
			   " coalesce(scale_max, 0), multiple FROM steps WHERE session = ?1"
			   " ORDER BY position", &stmt, what, err))
		return false;
	if (!STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, session))) {
		sqlite3_finalize(stmt);
		return false;
	}
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!array_grow(&steps, &cap, n, sizeof *steps)) {
			oom = true;
			break;
		}
		struct store_step *s = &steps[n++];
		memset(s, 0, sizeof *s);
		s->step_id = store_column_dup(stmt, 0, &oom);
		if (!store_kind_parse((const char *)sqlite3_column_text(stmt, 1), &s->kind))
			s->kind = STEP_TEXT;
		s->prompt = store_column_dup(stmt, 2, &oom);
		s->is_cue = sqlite3_column_int(stmt, 3);
		s->min = sqlite3_column_int(stmt, 4);
		s->max = sqlite3_column_int(stmt, 5);
		s->multiple = sqlite3_column_int(stmt, 6);
	}
	sqlite3_finalize(stmt);
	bool ok = store_rows_done(store, rc, oom, what, err) &&
		  store_prepare(store, "SELECT o.step_id, o.value, o.text FROM step_options o"
				" JOIN steps s ON s.session = o.session AND s.step_id = o.step_id"
				" WHERE o.session = ?1 ORDER BY s.position, o.position", &stmt, what,
				err);
	if (ok && !STORE_BOUND(store, what, err, sqlite3_bind_int64(stmt, 1, session))) {
		sqlite3_finalize(stmt);
		ok = false;
	} else if (ok) {
		size_t at = 0;
		while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			const char *id = (const char *)sqlite3_column_text(stmt, 0);
			while (at < n && strcmp(steps[at].step_id, id))
				at++;
			if (at < n)
				add_option(&steps[at], stmt, &oom);
		}
		sqlite3_finalize(stmt);
		ok = store_rows_done(store, rc, oom, what, err);
	}
	if (!ok) {
		store_steps_free(steps, n);
		return false;
	}
	*out = steps;
	*count = n;
	return true;
}
