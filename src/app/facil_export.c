/* The facilitator's export page: one session (facil->export_session), in the format chosen
 * (or its PDF report), "for Excel" or not, to the data folder's exports folder or a USB stick
 * shown by its label; then what was written, in plain words. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "app/facil_impl.h"
#include "chart/report_pdf.h"
#include "core/durable.h"
#include "core/export_name.h"
#include "core/iri.h"
#include "core/mounts.h"
#include "core/words.h"

/* Below this much free room a failed write is taken to be a full stick. */
#define NEARLY_FULL (256 * 1024)

static const struct {
	int id;
	enum export_format format;  /* a data export's format */
	bool report;                /* the session's PDF report instead (chart/report_pdf) */
	const char *label, *who;
} formats[] = {
	{ID_FORMAT_CSV, EXPORT_CSV, false, "CSV",
	 "CSV is for the facilitator: a spreadsheet (Excel, LibreOffice), one row per answer."},
	{ID_FORMAT_JSON, EXPORT_JSON, false, "JSON",
	 "JSON is for IT staff and their programs: the whole session in one document."},
	{ID_FORMAT_XAPI, EXPORT_XAPI, false, "xAPI",
	 "xAPI is for the force's learning record store (LRS): xAPI 1.0.3 statements."},
	{ID_FORMAT_REPORT, EXPORT_CSV, true, "PDF report",
	 "The PDF report is to keep and print: each question's results as the debrief shows "
	 "them and the anonymous answers, without those hidden in the debrief."},
};

/* Whether the page's choice is formats[i]. */
static bool chosen(const struct facil *f, size_t i)
{
	return formats[i].report ? f->export_report :
	       !f->export_report && f->export_format == formats[i].format;
}

/* The session the page exports: export_session, else the running one, else the newest.
 * Into *out (freed with store_sessions_free(*list, n)); false when there is none or the
 * store cannot say, with why in err. */
static bool target(struct facil *f, const struct facil_context *c,
		   struct store_session_info **list, size_t *n,
		   const struct store_session_info **out, struct rjk_error *err)
{
	int64_t id = f->export_session ? f->export_session :
		c->session ? session_store_id(c->session) : 0;

	*list = NULL;
	*n = 0;
	if (!c->store)
		return rjk_error_set(err, "No answers can be read on this machine.");
	if (!store_list_sessions(c->store, id, list, n, err))
		return false;
	if (!*n)
		return rjk_error_set(err, "No sessions are stored on this kiosk yet.");
	*out = id ? &(*list)[0] : &(*list)[*n - 1];
	return true;
}

/* "Intake 24-07, group B: Sample scenario, started 09:30 on 5 Dec 2026, ended.\n140 answers
 * from 12 participants." */
static size_t describe(const struct store_session_info *s, bool running, char *out, size_t size)
{
	char name[256], when[64] = "at an unknown time", answers[64], people[64];
	time_t t = (time_t)(s->started / 1000);
	size_t total = s->answered + s->passed + s->drafts;
	struct tm tm;
	bool titled;

	export_name_session(s, name, sizeof name);
	/* A default name holds the scenario's title already. */
	titled = s->title && !strstr(name, s->title);
	if (s->started > 0 && localtime_r(&t, &tm))
		strftime(when, sizeof when, "%H:%M on %-d %b %Y", &tm);
	words_count(answers, sizeof answers, (long long)total, "answer", "answers", 0);
	words_count(people, sizeof people, (long long)s->participants, "participant",
		    "participants", 0);
	return (size_t)snprintf(out, size, "%s%s%s, started %s, %s.\n%s from %s.\n\n", name,
				titled ? ": " : "", titled ? s->title : "", when,
				running ? "running now" : s->ended ? "ended" : "not ended",
				answers, people);
}

/* Lists where the export can go: the data folder's exports folder, then each USB stick
 * mounted under /media or /run/media (or the folder a test program names instead). */
void facil_list_places(struct facil *f)
{
	static const char *const roots[] = {"/media", "/run/media", NULL};
	const char *test_roots[] = {f->options->media_root, NULL};
	char info_path[4096], by_label[4096];
	struct mounts_stick *sticks = calloc(FACIL_FOLDERS, sizeof *sticks);
	struct rjk_error err = {{0}};
	const char *media = f->options->media_root;
	char *text;
	size_t n;

	f->folder_count = 0;
	if (snprintf(f->folders[0], sizeof f->folders[0], "%s/exports", f->data_dir) <
	    (int)sizeof f->folders[0] && durable_make_dirs(f->folders[0], &err)) {
		snprintf(f->folder_labels[0], sizeof f->folder_labels[0], "%s",
			 "this kiosk's exports folder");
		snprintf(f->folder_buttons[0], sizeof f->folder_buttons[0], "%s",
			 "Save in this kiosk's exports folder");
		f->folder_read_only[0] = false;
		f->folder_count = 1;
	}
	snprintf(info_path, sizeof info_path, "%s%s", media ? media : "",
		 media ? "/mountinfo" : MOUNTS_INFO);
	snprintf(by_label, sizeof by_label, "%s%s", media ? media : "",
		 media ? "/by-label" : MOUNTS_BY_LABEL);
	/* An automount point (fstab's x-systemd.automount) is not looked into here: with no
	 * stick in, that would hold the page for the device timeout. It shows its folder's name
	 * until the stick is first used, then the stick's label. */
	text = sticks ? mounts_read_file(info_path) : NULL;
	n = text ? mounts_sticks(text, by_label, media ? test_roots : roots, sticks,
				 FACIL_FOLDERS - f->folder_count) : 0;
	for (size_t i = 0; i < n; i++) {
		size_t at = f->folder_count++;

		snprintf(f->folders[at], sizeof f->folders[at], "%s", sticks[i].path);
		snprintf(f->folder_labels[at], sizeof f->folder_labels[at], "USB stick \"%s\"",
			 sticks[i].label);
		snprintf(f->folder_buttons[at], sizeof f->folder_buttons[at],
			 sticks[i].read_only ? "USB stick \"%s\" is read-only" :
			 "Save to USB stick \"%s\"", sticks[i].label);
		f->folder_read_only[at] = sticks[i].read_only;
	}
	free(text);
	free(sticks);
}

void facil_export_page(struct facil *f, const struct facil_context *c)
{
	struct store_session_info *list;
	const struct store_session_info *s = NULL;
	struct rjk_error err = {{0}};
	size_t n, used = 0, main;

	f->page.heading = "Export answers";
	f->page.body = f->body;
	f->page.columns = 3;
	f->page.back = "Back";
	f->page.back_id = ID_BACK_TO_MENU;
	if (!target(f, c, &list, &n, &s, &err)) {
		snprintf(f->body, sizeof f->body, "%s", err.message);
		store_sessions_free(list, n);
		return;
	}
	used = describe(s, c->session && session_store_id(c->session) == s->id, f->body,
			sizeof f->body);
	store_sessions_free(list, n);
	facil_list_places(f);
	/* Who the chosen format is for, nearest the choices: pressing another says its own. */
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (chosen(f, i) && used < sizeof f->body)
			snprintf(f->body + used, sizeof f->body - used, "Choose the format, then "
				 "where to save the file.\n%s%s", formats[i].who,
				 f->folder_count > 1 ? "" : "\nNo USB stick was found: plug one "
				 "in and press \"Look again for USB sticks\".");
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		struct ui_page_button *b = facil_add(f, formats[i].label, formats[i].id);

		if (b) {
			b->toggle = true;
			b->on = chosen(f, i);
		}
	}
	/* The mark (a UTF-8 byte-order mark) Excel needs to read accents right: CSV only. */
	if (!f->export_report && f->export_format == EXPORT_CSV) {
		struct ui_page_button *b = facil_add(f, "For Excel", ID_EXCEL);

		if (b) {
			b->toggle = true;
			b->on = f->export_excel;
		}
	}
	/* The likeliest place is the page's main button, in sight at the bottom right however
	 * long the page: the first USB stick that takes files, else the exports folder. */
	for (main = 1; main < f->folder_count && f->folder_read_only[main]; main++)
		;
	main = main < f->folder_count ? main : 0;
	f->page.main = f->folder_buttons[main];
	f->page.main_id = ID_FOLDER_BASE + (int)main;
	for (size_t i = 0; i < f->folder_count; i++)
		if (i != main)
			facil_add(f, f->folder_buttons[i], ID_FOLDER_BASE + (int)i);
	facil_add(f, "Look again for USB sticks", ID_EXPORT_LOOK);
}

/* Why an export to folder failed, in plain words; NULL when the reason is not a common one. */
static const char *plain_reason(const char *folder, int error)
{
	struct statvfs vfs;
	struct stat st;

	if (stat(folder, &st) != 0 || !S_ISDIR(st.st_mode) || error == ENODEV ||
	    error == ENXIO || error == EIO)
		return "It was taken out or cannot be read any more. Put it back and try again.";
	if (error == EROFS || (statvfs(folder, &vfs) == 0 && (vfs.f_flag & ST_RDONLY)))
		return "It is read-only (a stick may have a lock switch). Unlock it or use "
		       "another one.";
	if (error == ENOSPC || error == EDQUOT ||
	    (statvfs(folder, &vfs) == 0 && (unsigned long long)vfs.f_bavail * vfs.f_frsize <
	     NEARLY_FULL))
		return "It is full. Make room on it or use another one.";
	return NULL;
}

/* The xAPI base as saved now: 'rjkiosk settings --xapi-base' may have changed it since the
 * kiosk started. */
static void reload_xapi_base(struct facil *f)
{
	struct settings saved;
	struct rjk_error err = {{0}};

	if (settings_load(f->data_dir, &saved, &err))
		snprintf(f->settings.xapi_base, sizeof f->settings.xapi_base, "%s",
			 saved.xapi_base);
}

/* Writes the session to the place at index, with a clearly named file no earlier export has. */
static void write_to(struct facil *f, const struct facil_context *c, size_t index)
{
	const char *folder = f->folders[index], *where = f->folder_labels[index], *reason;
	struct store_session_info *list;
	const struct store_session_info *s = NULL;
	struct export_options opts = {.format = f->export_format,
				      .excel_bom = f->export_format == EXPORT_CSV && f->export_excel,
				      .xapi_base = f->settings.xapi_base[0] ?
						   f->settings.xapi_base : NULL};
	struct export_summary sum = {0};
	struct rjk_error err = {{0}};
	char name[EXPORT_NAME_MAX], path[4096 + EXPORT_NAME_MAX], done[1024];
	size_t n;
	int error = 0;
	bool ok;

	if (!target(f, c, &list, &n, &s, &err)) {
		facil_result(f, c, false, "%s", err.message);
		store_sessions_free(list, n);
		return;
	}
	opts.session = s->id;
	if (opts.format == EXPORT_XAPI) {
		reload_xapi_base(f);
		opts.xapi_base = f->settings.xapi_base[0] ? f->settings.xapi_base : NULL;
	}
	ok = !f->folder_read_only[index] || (errno = EROFS, false);
	ok = ok && export_name_pick(folder, s, f->export_report ? "pdf" :
				    export_name_ending(opts.format), name, sizeof name, &err);
	if (ok) {
		struct report_request report = {.session = s->id,
						.min_n = f->settings.min_answers};

		snprintf(path, sizeof path, "%s/%s", folder, name);
		ok = f->export_report ? report_write(c->store, &report, path, &err) :
		     export_to_path(c->store, &opts, path, &sum, &err);
	}
	error = errno;
	store_sessions_free(list, n);
	if (!ok) {
		reason = plain_reason(folder, error);
		facil_result(f, c, false, "Nothing was written to %s.\n\n%s%s%s", where,
			     reason ? reason : "", reason ? "\n\n" : "",
			     reason && f->folder_read_only[index] ? "" : err.message);
		return;
	}
	durable_sync_dir(folder);
	if (f->export_report)
		snprintf(done, sizeof done, "The session's report was written to %s as %s.", where,
			 name);
	else
		export_name_message(&sum, where, name, done, sizeof done);
	facil_result(f, c, true, "%s%s", done, index ? "\n\nWait for the stick's light to stop "
		     "before you take it out." : "");
}

void facil_open_export(struct facil *f, const struct facil_context *c, int64_t session)
{
	f->export_session = session;
	facil_show(f, c, FACIL_EXPORT);
}

void facil_xapi_page(struct facil *f)
{
	f->page.heading = "xAPI base address";
	f->page.body = "The force's own web address, the start of every id in xAPI exports (for "
		       "the learning record store). Ask IT staff which one to use. Leave it "
		       "empty for the default, " EXPORT_XAPI_DEFAULT_BASE ".";
	f->page.text = (struct ui_page_text){
		.edit = f->xapi_edit,
		.label = "Address",
		.hint = "https://training.example.police.uk/rjkiosk/",
		.error = f->xapi_error[0] ? f->xapi_error : NULL,
	};
	f->page.main = "Save";
	f->page.main_id = ID_XAPI_SAVE;
	f->page.back = "Cancel";
	f->page.back_id = ID_SETTINGS;
}

/* Saves the typed base when iri_check_base takes it (empty: the default); else says why on
 * the page. */
static void save_xapi_base(struct facil *f, const struct facil_context *c)
{
	const char *typed = f->xapi_edit ? textedit_text(f->xapi_edit) : "";
	struct rjk_error err = {{0}};

	if (typed[0] && !iri_check_base(typed, &err)) {
		snprintf(f->xapi_error, sizeof f->xapi_error, "%s", err.message);
		/* Shown as a new page, so the field (which keeps what was typed) has the focus
		 * again for the correction. */
		f->generation++;
		facil_show(f, c, FACIL_XAPI_BASE);
		return;
	}
	snprintf(f->settings.xapi_base, sizeof f->settings.xapi_base, "%s", typed);
	if (!settings_save(f->data_dir, &f->settings, &err)) {
		facil_result(f, c, false, "The xAPI base address could not be saved: %s",
			     err.message);
		return;
	}
	facil_show(f, c, FACIL_SETTINGS);
}

bool facil_export_press(struct facil *f, const struct facil_context *c, int id)
{
	if (id == ID_XAPI_BASE) {
		reload_xapi_base(f);
		if (f->xapi_edit)
			textedit_set(f->xapi_edit, f->settings.xapi_base);
		f->xapi_error[0] = '\0';
		facil_show(f, c, FACIL_XAPI_BASE);
		return true;
	}
	if (id == ID_XAPI_SAVE) {
		save_xapi_base(f, c);
		return true;
	}
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		if (id == formats[i].id) {
			f->export_format = formats[i].format;
			f->export_report = formats[i].report;
			facil_show(f, c, FACIL_EXPORT);
			return true;
		}
	}
	if (id == ID_EXCEL) {
		f->export_excel = !f->export_excel;
		facil_show(f, c, FACIL_EXPORT);
	} else if (id == ID_EXPORT_LOOK) {
		facil_show(f, c, FACIL_EXPORT);
	} else if (id >= ID_FOLDER_BASE && id < ID_FOLDER_BASE + (int)f->folder_count) {
		write_to(f, c, (size_t)(id - ID_FOLDER_BASE));
	} else {
		return false;
	}
	return true;
}
