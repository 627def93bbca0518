/* The facilitator's sessions: naming a new session, renaming the running one or a past one,
 * the picker (every stored session, newest first, a page at a time), what can be done with a
 * picked session, and deleting one with confirmation. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/facil_impl.h"
#include "core/export_name.h"
#include "core/session_naming.h"
#include "core/words.h"

/* What the picked session's page offers, in order: adding a purpose (a debrief) is one line
 * here and one in enum facil_pick, and its page reads f->picked_id. */
static const struct {
	const char *label;
	enum facil_mode page;
} picks[PICK_COUNT] = {
	[PICK_DEBRIEF] = {"Debrief", FACIL_DEBRIEF},
	[PICK_EXPORT] = {"Export", FACIL_EXPORT},
	[PICK_RENAME] = {"Rename", FACIL_RENAME},
	[PICK_DELETE] = {"Delete this session", FACIL_DELETE},
};

/* The picker's list: newest first, a page at a time. */
static const struct facil_list picker = {
	.mode = FACIL_SESSIONS,
	.entry_id = ID_SESSION_BASE,
	.earlier = "Newer sessions",
	.earlier_id = ID_NEWER,
	.later = "Older sessions",
	.later_id = ID_OLDER,
};

static int64_t now_ms(const struct facil_context *c)
{
	return c->store ? store_now(c->store) : (int64_t)time(NULL) * 1000;
}

/* A session's name as people read it: its label, or "Session N" for one never named. */
static const char *name_of(const struct store_session_info *s, char *out, size_t size)
{
	export_name_session(s, out, size);
	return out;
}

const char *facil_session_name(const struct facil_context *c, char *out, size_t size)
{
	struct store_session_info *info = NULL;
	struct rjk_error err = {{0}};
	size_t n = 0;

	out[0] = '\0';
	if (c->session && c->store &&
	    store_list_sessions(c->store, session_store_id(c->session), &info, &n, &err) && n)
		name_of(&info[0], out, size);
	store_sessions_free(info, n);
	return out;
}

/* "12 participants, 140 answers" (every stored answer, drafts and passes included: what a
 * deletion deletes). */
static const char *counts(size_t participants, size_t answers, char *out, size_t size)
{
	char p[64], a[64];

	snprintf(out, size, "%s, %s",
		 words_count(p, sizeof p, (long long)participants, "participant", "participants", 0),
		 words_count(a, sizeof a, (long long)answers, "answer", "answers", 0));
	return out;
}

static size_t answers_of(const struct store_session_info *s)
{
	return s->answered + s->passed + s->drafts;
}

/* One session's line under its name: counts, open or ended, when it started, scenario. */
static const char *details(const struct store_session_info *s, char *out, size_t size)
{
	char when[64], ended[64] = "", n[160];

	session_naming_time(when, sizeof when, s->started);
	if (s->ended)
		session_naming_time(ended, sizeof ended, s->ended);
	snprintf(out, size, "%s \xc2\xb7 %s%s \xc2\xb7 started %s \xc2\xb7 %s",
		 counts(s->participants, answers_of(s), n, sizeof n),
		 s->ended ? "ended " : "open", ended, when, s->title);
	return out;
}

void facil_sessions_release(struct facil *f)
{
	store_sessions_free(f->sessions, f->session_count);
	f->sessions = NULL;
	f->session_count = 0;
	textedit_free(f->name_edit);
	f->name_edit = NULL;
}

/* Reads every stored session, newest first. */
static bool list_sessions(struct facil *f, const struct facil_context *c, struct rjk_error *err)
{
	store_sessions_free(f->sessions, f->session_count);
	f->sessions = NULL;
	f->session_count = 0;
	if (!c->store)
		return rjk_error_set(err, "no answers can be read on this machine");
	if (!store_list_sessions(c->store, 0, &f->sessions, &f->session_count, err))
		return false;
	for (size_t i = 0, j = f->session_count; i + 1 < j; i++, j--) {
		struct store_session_info t = f->sessions[i];

		f->sessions[i] = f->sessions[j - 1];
		f->sessions[j - 1] = t;
	}
	pager_fit(&f->session_pages, f->session_count);
	return true;
}

/* The name page: the field prefilled with name. */
static void open_name_page(struct facil *f, const struct facil_context *c,
			   enum facil_mode mode, const char *name)
{
	textedit_free(f->name_edit);
	f->name_edit = textedit_new(FACIL_NAME_MAX_CHARS);
	f->name_error[0] = '\0';
	if (f->name_edit && !textedit_set(f->name_edit, name))
		textedit_set(f->name_edit, "");
	facil_show(f, c, mode);
}

/* The name page renaming stored session id (now called name); Cancel goes to back. */
static void open_rename_page(struct facil *f, const struct facil_context *c, int64_t id,
			     const char *name, int back)
{
	f->rename_id = id;
	f->rename_back = back;
	open_name_page(f, c, FACIL_RENAME, name);
}

static void name_page(struct facil *f, const struct facil_context *c)
{
	struct ui_page *p = &f->page;
	char running[FACIL_NAME_MAX_CHARS * 4 + 1];

	if (f->mode == FACIL_NAME_SESSION) {
		p->heading = "Name this session";
		if (c->session)
			snprintf(f->body, sizeof f->body, "A name the class can be found by later, "
				 "such as \xe2\x80\x9cIntake 24-07, group B\xe2\x80\x9d. Starting ends "
				 "\xe2\x80\x9c%s\xe2\x80\x9d; its answers stay on this machine.",
				 facil_session_name(c, running, sizeof running));
		else
			snprintf(f->body, sizeof f->body, "A name the class can be found by later, "
				 "such as \xe2\x80\x9cIntake 24-07, group B\xe2\x80\x9d.");
		p->main = "Start";
	} else {
		p->heading = "Rename this session";
		snprintf(f->body, sizeof f->body, "The name shows on the menu, on the Sessions page "
			 "and in exports.");
		p->main = "Rename";
	}
	p->body = f->body;
	p->text = (struct ui_page_text){
		.edit = f->name_edit,
		.label = "Name",
		.hint = "The session's name",
		.error = f->name_error[0] ? f->name_error : NULL,
	};
	p->main_id = ID_NAME_OK;
	p->back = "Cancel";
	p->back_id = f->mode == FACIL_RENAME ? f->rename_back : ID_BACK_TO_MENU;
}

/* Start or Rename on the name page. */
static void name_ok(struct facil *f, const struct facil_context *c, struct request_list *out)
{
	const char *typed = f->name_edit ? textedit_text(f->name_edit) : "";

	if (!session_naming_tidy(typed, f->name, sizeof f->name)) {
		snprintf(f->name_error, sizeof f->name_error, "Type a name, or press Cancel.");
		f->generation++; /* focus goes back to the field, to type it */
		facil_show(f, c, f->mode);
		return;
	}
	request_add(out, (struct request){
		.kind = f->mode == FACIL_NAME_SESSION ? REQUEST_NEW_SESSION :
			REQUEST_RENAME_SESSION,
		.ms = f->mode == FACIL_RENAME ? f->rename_id : 0,
		.path = f->name,
	});
}

void facil_sessions_typed(struct facil *f, const struct facil_context *c)
{
	if ((f->mode == FACIL_NAME_SESSION || f->mode == FACIL_RENAME) && f->name_error[0]) {
		f->name_error[0] = '\0';
		facil_show(f, c, f->mode);
	}
}

static void picker_page(struct facil *f, const struct facil_context *c)
{
	struct ui_page *p = &f->page;
	size_t first = f->session_pages.first;
	size_t last = pager_end(&f->session_pages, f->session_count);
	char n[64], shown[64], name[FACIL_NAME_MAX_CHARS * 4 + 1];
	const char *choose = "Choose one for its debrief, or to export, rename or delete it.";

	p->heading = "Sessions";
	words_count(n, sizeof n, (long long)f->session_count, "session", "sessions", 1);
	facil_list_shown(&f->session_pages, f->session_count, shown, sizeof shown);
	if (!f->session_count)
		snprintf(f->body, sizeof f->body, "No sessions are stored on this machine.");
	else if (f->session_count <= f->session_pages.per_page)
		snprintf(f->body, sizeof f->body, "%c%s on this machine, newest first. %s",
			 n[0] == 'n' ? 'N' : n[0], n + 1, choose);
	else
		snprintf(f->body, sizeof f->body, "%s on this machine, newest first: %s. %s", n,
			 shown, choose);
	p->body = f->body;
	for (size_t i = first; i < last; i++) {
		const struct store_session_info *s = &f->sessions[i];
		struct ui_page_button *b;
		bool running = c->session && session_store_id(c->session) == s->id;

		name_of(s, name, sizeof name);
		b = facil_add(f, facil_label(f, "%s%s", name, running ? " (running now)" : ""),
			      picker.entry_id + (int)(i - first));
		if (b) {
			/* The note's text lives past the labels of this page's buttons. */
			char *note = f->labels[UI_PAGE_BUTTONS - 1 - (i - first)];

			b->note = details(s, note, sizeof f->labels[0]);
		}
	}
	facil_list_turns(f, &picker, &f->session_pages, f->session_count);
	p->back = "Back";
	p->back_id = ID_BACK_TO_MENU;
}

/* The picked session as listed now (NULL when it has gone). */
static const struct store_session_info *picked(const struct facil *f)
{
	for (size_t i = 0; i < f->session_count; i++)
		if (f->sessions[i].id == f->picked_id)
			return &f->sessions[i];
	return NULL;
}

static void session_page(struct facil *f, const struct facil_context *c)
{
	const struct store_session_info *s = picked(f);
	struct ui_page *p = &f->page;
	char line[512];

	p->back = "Back";
	p->back_id = ID_BACK_TO_SESSIONS;
	if (!s) {
		p->heading = "This session is no longer stored";
		return;
	}
	p->heading = f->picked_name;
	snprintf(f->body, sizeof f->body, "%s.%s", details(s, line, sizeof line),
		 c->session && session_store_id(c->session) == s->id ?
		 "\nIt is the session running now." : "");
	p->body = f->body;
	p->columns = 2; /* under a long name in large type, every choice still in sight */
	for (int i = 0; i < PICK_COUNT; i++)
		facil_add(f, picks[i].label, ID_PICK_BASE + i);
}

/* Asks to delete session id (named name), coming back to back on Cancel. */
static void confirm_delete(struct facil *f, const struct facil_context *c, int64_t id,
			   const char *name, enum facil_mode back)
{
	f->picked_id = id;
	if (name != f->picked_name)
		snprintf(f->picked_name, sizeof f->picked_name, "%s", name);
	f->delete_back = back;
	facil_show(f, c, FACIL_DELETE);
}

static void delete_page(struct facil *f, const struct facil_context *c)
{
	struct store_purge_request req = {.scope = STORE_PURGE_SESSION, .session = f->picked_id};
	struct rjk_error err = {{0}};
	struct ui_page *p = &f->page;
	size_t sessions = 0, people = 0, answers = 0;
	char n[160];

	p->heading = "Delete this session?";
	p->alarm = true;
	p->back = "Cancel";
	p->back_id = f->delete_back == FACIL_PURGE ? ID_PURGE : ID_BACK_TO_SESSION;
	if (!c->store || !store_purge_preview(c->store, &req, &sessions, &people, &answers, &err)) {
		snprintf(f->body, sizeof f->body, "%s", c->store ? err.message :
			 "No answers are stored.");
		p->body = f->body;
		return;
	}
	snprintf(f->deleted, sizeof f->deleted, "\xe2\x80\x9c%s\xe2\x80\x9d: %s", f->picked_name,
		 counts(people, answers, n, sizeof n));
	snprintf(f->body, sizeof f->body, "Delete %s? This cannot be undone.%s", f->deleted,
		 c->session && session_store_id(c->session) == f->picked_id ?
		 "\n\nIt is the session running now: it ends first." : "");
	p->body = f->body;
	facil_add(f, "Yes, delete", ID_DELETE_YES);
}

bool facil_sessions_page(struct facil *f, const struct facil_context *c)
{
	switch (f->mode) {
	case FACIL_NAME_SESSION:
	case FACIL_RENAME:
		name_page(f, c);
		return true;
	case FACIL_SESSIONS:
		picker_page(f, c);
		return true;
	case FACIL_SESSION:
		session_page(f, c);
		return true;
	case FACIL_DELETE:
		delete_page(f, c);
		return true;
	default:
		return false;
	}
}

static void show_picker(struct facil *f, const struct facil_context *c)
{
	struct rjk_error err = {{0}};

	if (!list_sessions(f, c, &err))
		facil_result(f, c, false, "The sessions cannot be listed: %s", err.message);
	else
		facil_show(f, c, FACIL_SESSIONS);
}

static void pick(struct facil *f, const struct facil_context *c, size_t index)
{
	char name[FACIL_NAME_MAX_CHARS * 4 + 1];

	if (index >= f->session_count)
		return;
	f->picked_id = f->sessions[index].id;
	snprintf(f->picked_name, sizeof f->picked_name, "%s",
		 name_of(&f->sessions[index], name, sizeof name));
	facil_show(f, c, FACIL_SESSION);
}

bool facil_sessions_press(struct facil *f, const struct facil_context *c, int id,
			  struct request_list *out)
{
	char name[FACIL_NAME_MAX_CHARS * 4 + 1];
	size_t index;

	if (id >= ID_PICK_BASE && id < ID_PICK_BASE + PICK_COUNT) {
		f->export_session = f->picked_id;
		if (picks[id - ID_PICK_BASE].page == FACIL_DELETE)
			confirm_delete(f, c, f->picked_id, f->picked_name, FACIL_SESSION);
		else if (picks[id - ID_PICK_BASE].page == FACIL_RENAME)
			open_rename_page(f, c, f->picked_id, f->picked_name, ID_BACK_TO_SESSION);
		else if (picks[id - ID_PICK_BASE].page == FACIL_DEBRIEF)
			facil_debrief_open(f, c, f->picked_id);
		else
			facil_show(f, c, picks[id - ID_PICK_BASE].page);
		return true;
	}
	if (facil_list_entry(&picker, &f->session_pages, f->session_count, id, &index)) {
		pick(f, c, index);
		return true;
	}
	if (facil_list_turn(f, c, &picker, &f->session_pages, f->session_count, id))
		return true;
	switch (id) {
	case ID_NEW_SESSION:
		if (!c->scenario) {
			facil_result(f, c, false, "No scenario is loaded: choose one first.");
			return true;
		}
		session_naming_default(name, sizeof name, now_ms(c), c->scenario->title,
				       FACIL_NAME_MAX_CHARS);
		open_name_page(f, c, FACIL_NAME_SESSION, name);
		return true;
	case ID_RENAME:
		if (c->session)
			open_rename_page(f, c, session_store_id(c->session),
					 facil_session_name(c, name, sizeof name), ID_BACK_TO_MENU);
		return true;
	case ID_NAME_OK:
		name_ok(f, c, out);
		return true;
	case ID_SESSIONS:
		f->session_pages.first = 0;
		show_picker(f, c);
		return true;
	case ID_BACK_TO_SESSIONS:
		show_picker(f, c);
		return true;
	case ID_BACK_TO_SESSION:
		facil_show(f, c, FACIL_SESSION);
		return true;
	case ID_PURGE_THIS:
		if (c->session)
			confirm_delete(f, c, session_store_id(c->session),
				       facil_session_name(c, name, sizeof name), FACIL_PURGE);
		return true;
	case ID_DELETE_YES:
		request_add(out, (struct request){.kind = REQUEST_DELETE_SESSION,
						  .ms = f->picked_id});
		return true;
	default:
		return false;
	}
}
