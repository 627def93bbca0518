/* The facilitator's pages for the learning record store and classes across kiosks: the
 * sending status, joining a class by its code on the PIN pad's digits, and importing another
 * kiosk's export from a USB stick. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "app/clock.h"
#include "app/facil_impl.h"
#include "app/lrs_worker.h"
#include "core/lrs_class.h"
#include "core/store_lrs.h"
#include "core/words.h"

/* Export files found on the export folders, for the import page. */
#define IMPORT_FILES 16
static char import_files[IMPORT_FILES][4096];
static size_t import_count;

static void local_time(int64_t ms, char *buf, size_t size)
{
	clock_local_text(ms, "at %H:%M on %d %b", "none yet", buf, size);
}

/* The running session's class code, "" when none. */
static void class_code_of(const struct facil_context *c, char *out, size_t size)
{
	struct store_session_info *info = NULL;
	struct rjk_error err = {{0}};
	size_t n = 0;
	out[0] = '\0';
	if (c->store && c->session &&
	    store_list_sessions(c->store, session_store_id(c->session), &info, &n, &err) && n &&
	    info[0].class_code)
		snprintf(out, size, "%.4s %.4s", info[0].class_code, info[0].class_code + 4);
	store_sessions_free(info, n);
}

/* The sending status in one or two sentences. */
static void status_text(const struct facil_context *c, char *out, size_t size)
{
	const struct lrs_status *s = c->lrs;
	char when[64], queued[64], parked[64];
	if (!s || !s->running) {
		snprintf(out, size, "Sending to a learning record store: not started.");
		return;
	}
	if (!s->configured) {
		snprintf(out, size, "No learning record store is set: answers stay on this kiosk "
			 "(IT sets one with 'rjkiosk lrs').");
		return;
	}
	local_time(s->last_success_ms, when, sizeof when);
	words_count(queued, sizeof queued, (long long)s->queued, "answer", "answers", 1);
	words_count(parked, sizeof parked, (long long)s->parked, "answer", "answers", 1);
	size_t at = (size_t)snprintf(out, size, "Learning record store: last delivery %s; %s "
				     "waiting, %s refused.", when, queued, parked);
	if (at < size && s->outcome == LRS_CREDENTIALS)
		snprintf(out + at, size - at, " Sending has stopped: check the LRS credentials.");
	else if (at < size && s->message[0])
		snprintf(out + at, size - at, " %s; it tries again by itself.", s->message);
}

void facil_lrs_menu_note(struct facil *f, const struct facil_context *c)
{
	char code[16], status[512];
	size_t at = strlen(f->body);
	class_code_of(c, code, sizeof code);
	status_text(c, status, sizeof status);
	if (code[0] && at < sizeof f->body)
		at += (size_t)snprintf(f->body + at, sizeof f->body - at,
				       "\nClass code: %s (other kiosks join this class with it).",
				       code);
	/* Only a kiosk with an LRS shows its status here (its page says more): a line that came
	 * and went with the sending thread's first look would move the buttons under a finger. */
	if (c->lrs && c->lrs->configured && at < sizeof f->body)
		snprintf(f->body + at, sizeof f->body - at, "\n%s", status);
}

static void add_button(struct facil *f, const char *label, int id)
{
	if (f->page.count >= UI_PAGE_BUTTONS)
		return;
	struct ui_page_button *b = &f->page.buttons[f->page.count++];
	memset(b, 0, sizeof *b);
	b->label = label;
	b->id = id;
}

static void find_imports(struct facil *f)
{
	import_count = 0;
	facil_list_places(f);
	for (size_t i = 0; i < f->folder_count && import_count < IMPORT_FILES; i++) {
		DIR *d = opendir(f->folders[i]);
		struct dirent *e;
		while (d && (e = readdir(d)) && import_count < IMPORT_FILES) {
			size_t len = strlen(e->d_name);
			if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".json"))
				continue;
			int n = snprintf(import_files[import_count], sizeof import_files[0], "%s/%s",
					 f->folders[i], e->d_name);
			/* A path too long to open is not offered. */
			if (n > 0 && (size_t)n < sizeof import_files[0])
				import_count++;
		}
		if (d)
			closedir(d);
	}
}

void facil_lrs_page(struct facil *f, const struct facil_context *c)
{
	struct ui_page *p = &f->page;
	/* Back to where each page is opened from: the menu, the LRS's page, "This kiosk". */
	p->back = "Back";
	p->back_id = f->mode == FACIL_CLASS_CODE ? ID_BACK_TO_MENU :
		f->mode == FACIL_IMPORT ? ID_LRS : ID_BACK_TO_KIOSK;
	if (f->mode == FACIL_CLASS_CODE) {
		size_t n = strlen(f->digits);
		p->heading = "Join a class";
		p->keypad = true;
		snprintf(f->mask, sizeof f->mask, "%s", f->digits);
		p->field = f->mask;
		snprintf(f->body, sizeof f->body, "%s", f->notice[0] ? f->notice :
			 "Type the class code that the kiosk starting the class shows in its "
			 "facilitator menu. This session's answers then join that class.");
		p->alarm = f->notice[0] != '\0';
		p->body = f->body;
		p->main = n == CLASS_CODE_DIGITS ? "Join" : NULL;
		p->main_id = ID_UNLOCK;
	} else if (f->mode == FACIL_IMPORT) {
		p->heading = "Import another kiosk's answers";
		snprintf(f->body, sizeof f->body, "%s", import_count ?
			 "Export files found in the export folders and on USB sticks. Importing "
			 "one adds its answers to the class debrief; importing it again changes "
			 "nothing." : "No export files (.json) were found in the export folders or "
			 "on a USB stick.");
		p->body = f->body;
		for (size_t i = 0; i < import_count; i++) {
			const char *slash = strrchr(import_files[i], '/');
			add_button(f, slash ? slash + 1 : import_files[i], ID_IMPORT_BASE + (int)i);
		}
	} else {
		p->heading = "Learning record store";
		status_text(c, f->body, sizeof f->body);
		p->body = f->body;
		add_button(f, "Import from a USB stick", ID_IMPORT);
	}
}

void facil_class_submit(struct facil *f, const struct facil_context *c)
{
	struct rjk_error err = {{0}};
	char code[CLASS_CODE_SIZE] = "";
	if (strlen(f->digits) == CLASS_CODE_DIGITS)
		memcpy(code, f->digits, CLASS_CODE_SIZE);
	memset(f->digits, 0, sizeof f->digits);
	if (!c->session || !c->store) {
		facil_result(f, c, false, "No session is running: start one, then join the class.");
	} else if (!class_code_valid(code)) {
		snprintf(f->notice, sizeof f->notice, "A class code has %d digits.",
			 CLASS_CODE_DIGITS);
		facil_show(f, c, FACIL_CLASS_CODE);
	} else if (!store_session_join_class(c->store, session_store_id(c->session), code, &err)) {
		facil_result(f, c, false, "%s", err.message);
	} else {
		facil_result(f, c, true, "This session is in class %.4s %.4s: its answers join "
			     "the class's debrief on every kiosk.", code, code + 4);
	}
}

void facil_lrs_press(struct facil *f, const struct facil_context *c, int id)
{
	if (id == ID_LRS) {
		facil_show(f, c, FACIL_LRS);
	} else if (id == ID_JOIN_CLASS) {
		memset(f->digits, 0, sizeof f->digits);
		f->notice[0] = '\0';
		facil_show(f, c, FACIL_CLASS_CODE);
	} else if (id == ID_IMPORT) {
		find_imports(f);
		facil_show(f, c, FACIL_IMPORT);
	} else if (id >= ID_IMPORT_BASE && id < ID_IMPORT_BASE + (int)import_count) {
		struct rjk_error err = {{0}};
		size_t added = 0, skipped = 0;
		const char *path = import_files[id - ID_IMPORT_BASE];
		char words[64];
		if (!c->store)
			facil_result(f, c, false, "No answers can be kept on this machine.");
		else if (!lrs_class_import(c->store, path, &added, &skipped, &err) ||
			 !store_log_event(c->store, "import", 0, path, &err))
			facil_result(f, c, false, "%s", err.message);
		else
			facil_result(f, c, true, "%s added from %s (%zu already here).",
				     words_count(words, sizeof words, (long long)added, "answer",
						 "answers", 1), path, skipped);
	}
}

void facil_refresh(struct facil *f, const struct facil_context *c)
{
	if (f->mode == FACIL_MENU || f->mode == FACIL_LRS)
		facil_show(f, c, f->mode);
}
