/* What the facilitator's menu shows and does with the stored answers: progress, export to a
 * chosen folder, purge. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/facil_impl.h"
#include "core/answer.h"
#include "core/durable.h"
#include "core/export.h"

/* Appends to out; stops quietly when it is full. */
static void put(char *out, size_t size, size_t *used, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void put(char *out, size_t size, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*used >= size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(out + *used, size - *used, fmt, ap);
	va_end(ap);
	if (n > 0)
		*used += (size_t)n;
}

/* The first line of a prompt, cut to about a screen line. */
static void put_prompt(char *out, size_t size, size_t *used, const char *prompt)
{
	size_t n = strcspn(prompt, "\n");

	if (n > 48) {
		n = 48;
		while (n > 0 && (prompt[n] & 0xc0) == 0x80)
			n--;
		put(out, size, used, "%.*s…", (int)n, prompt);
	} else {
		put(out, size, used, "%.*s", (int)n, prompt);
	}
}

static void put_answer(char *out, size_t size, size_t *used, const struct stored_response *r)
{
	struct response value = answer_stored_view(r);

	if (r->status == RESPONSE_PASSED)
		put(out, size, used, "(passed)");
	else if (*used < size)
		*used += answer_summary(out + *used, size - *used, &value, NULL, 0);
	if (r->status == RESPONSE_DRAFT)
		put(out, size, used, " (draft)");
}

struct step_count {
	size_t answered, passed;
};

/* One participant's answers: counted per step, and written out when answers is not NULL. */
static void participant(const struct facil_context *c, const struct store_participant_info *who,
			struct step_count *counts, char *answers, size_t size, size_t *used)
{
	struct stored_response *r = NULL;
	struct rjk_error err = {{0}};
	size_t rn = 0, index;

	if (!store_load_responses(c->store, who->id, &r, &rn, &err))
		return;
	if (answers)
		put(answers, size, used, "\n%s%s:\n", who->name,
		    who->submitted ? "" : " (not submitted)");
	for (size_t i = 0; i < rn; i++) {
		if (scenario_find_step(c->scenario, r[i].step_id, &index) && index < 256) {
			counts[index].answered += r[i].status == RESPONSE_ANSWERED;
			counts[index].passed += r[i].status == RESPONSE_PASSED;
		}
		if (answers) {
			put(answers, size, used, "- ");
			put_prompt(answers, size, used, r[i].prompt);
			put(answers, size, used, ": ");
			put_answer(answers, size, used, &r[i]);
			put(answers, size, used, "\n");
		}
	}
	store_responses_free(r, rn);
}

void facil_progress_text(struct facil *f, const struct facil_context *c, char *out, size_t size)
{
	const struct scenario *sc = c->scenario;
	struct store_participant_info *people = NULL;
	struct step_count counts[256] = {{0}};
	struct rjk_error err = {{0}};
	static char answers[FACIL_BODY];
	size_t n = 0, used = 0, answers_used = 0, submitted = 0;
	bool show = f->show_answers;

	out[0] = answers[0] = '\0';
	if (!c->session || !store_list_participants(c->store, session_store_id(c->session), &people,
						    &n, &err)) {
		put(out, size, &used, "%s", c->session ? err.message : "No session is running.");
		return;
	}
	for (size_t p = 0; p < n; p++) {
		submitted += people[p].submitted != 0;
		participant(c, &people[p], counts, show ? answers : NULL, sizeof answers,
			    &answers_used);
	}
	store_participants_free(people, n);
	put(out, size, &used, "%s, session %lld: %zu participant%s, %zu submitted.\n\n"
	    "Answers per question (the question's id in the scenario):\n", sc->title,
	    (long long)session_store_id(c->session), n, n == 1 ? "" : "s", submitted);
	for (size_t i = 0; i < sc->step_count && i < 256; i++) {
		/* Discussion prompts without notes take no answers: nothing to count. */
		if (sc->steps[i].kind == STEP_DISCUSSION && !sc->steps[i].notes)
			continue;
		put(out, size, &used, "%zu answered, %zu passed: %s\n", counts[i].answered,
		    counts[i].passed, sc->steps[i].id);
	}
	if (show)
		put(out, size, &used, "%s", answers);
}

static void add_folder(struct facil *f, const char *path)
{
	struct stat st;

	if (f->folder_count >= FACIL_FOLDERS || stat(path, &st) || !S_ISDIR(st.st_mode) ||
	    access(path, W_OK))
		return;
	snprintf(f->folders[f->folder_count++], sizeof f->folders[0], "%s", path);
}

/* Folders one or two levels below root: /media/usb0, /media/USER/STICK. */
static void add_mounts(struct facil *f, const char *root, int depth)
{
	DIR *d = opendir(root);
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d)) && f->folder_count < FACIL_FOLDERS) {
		char path[4096];
		struct stat st;

		if (de->d_name[0] == '.' ||
		    snprintf(path, sizeof path, "%s/%s", root, de->d_name) >= (int)sizeof path ||
		    stat(path, &st) || !S_ISDIR(st.st_mode))
			continue;
		if (depth > 1 && access(path, W_OK))
			add_mounts(f, path, depth - 1);
		else
			add_folder(f, path);
	}
	closedir(d);
}

void facil_list_folders(struct facil *f)
{
	char exports[sizeof f->data_dir + 16];
	struct rjk_error err = {{0}};

	f->folder_count = 0;
	snprintf(exports, sizeof exports, "%s/exports", f->data_dir);
	if (durable_make_dirs(exports, &err))
		add_folder(f, exports);
	add_mounts(f, "/media", 2);
	add_mounts(f, "/run/media", 2);
}

void facil_export(struct facil *f, const struct facil_context *c, const char *folder)
{
	static const enum export_format formats[] = {EXPORT_CSV, EXPORT_JSON, EXPORT_XAPI};
	static const char *const ext[] = {"csv", "json", "xapi.json"};
	int64_t session = c->session ? session_store_id(c->session) : 0;
	struct export_summary sum = {0};
	struct rjk_error err = {{0}};
	char stamp[32], path[4096], names[3][256];
	time_t now = time(NULL);
	struct tm tm;

	if (!c->store) {
		facil_result(f, c, false, "No answers can be read on this machine.");
		return;
	}
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (size_t i = 0; i < 3; i++) {
		struct export_options opts = {.format = formats[i], .session = session};

		if (session)
			snprintf(names[i], sizeof names[i], "rjkiosk-session-%lld-%s.%s",
				 (long long)session, stamp, ext[i]);
		else
			snprintf(names[i], sizeof names[i], "rjkiosk-all-%s.%s", stamp, ext[i]);
		snprintf(path, sizeof path, "%s/%s", folder, names[i]);
		if (!export_to_path(c->store, &opts, path, &sum, &err)) {
			facil_result(f, c, false, "The export to %s did not finish: %s\n\n%s", folder,
				     err.message, i ? "The files named before it are complete." :
				     "No file was written.");
			return;
		}
	}
	/* With a session, its report (PDF) beside the data (facil_debrief.c). */
	char report[300] = "";
	if (session && !facil_debrief_report(f, c, session, folder, stamp, report, sizeof report,
					     &err)) {
		facil_result(f, c, false, "The report was not written to %s: %s\n\nThe data files "
			     "are complete.", folder, err.message);
		return;
	}
	/* The files are on the stick; their names are too once the folder is synced. */
	durable_sync_dir(folder);
	facil_result(f, c, true, "%zu answer%s from %zu participant%s written to %s:\n%s\n%s\n%s\n%s"
		     "\nIf this is a USB stick, wait for its light to stop before pulling it out.",
		     sum.responses, sum.responses == 1 ? "" : "s", sum.participants,
		     sum.participants == 1 ? " was" : "s were", folder, names[0], names[1], names[2],
		     report);
}

void facil_purge_preview(const struct facil_context *c, int days, char *out, size_t size)
{
	struct store_purge_request req = {.scope = STORE_PURGE_OLDER_THAN, .days = days};
	struct rjk_error err = {{0}};
	size_t s = 0, p = 0, r = 0;

	if (!c->store || !store_purge_preview(c->store, &req, &s, &p, &r, &err))
		snprintf(out, size, "%s", c->store ? err.message : "No answers are stored.");
	else
		snprintf(out, size, "Sessions older than %d days: %zu sessions, %zu participants "
			 "and %zu answers will be deleted for good. This cannot be undone.",
			 days, s, p, r);
}

void facil_purge(struct facil *f, const struct facil_context *c, int days)
{
	struct store_purge_request req = {.scope = STORE_PURGE_OLDER_THAN, .days = days};
	struct rjk_error err = {{0}};
	size_t deleted = 0;

	if (!c->store || !store_purge(c->store, &req, &deleted, &err))
		facil_result(f, c, false, "Nothing was deleted: %s",
			     c->store ? err.message : "no answers are stored.");
	else
		facil_result(f, c, true, "%zu session%s deleted for good.", deleted,
			     deleted == 1 ? " was" : "s were");
}
