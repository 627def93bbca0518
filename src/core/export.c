/* Runs an export: loads sessions from the store, hands them to a format, writes files safely. */
#include "core/export_impl.h"

#include "core/durable.h"
#include "core/iri.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What a partial export's name holds after ".NAME" (then mkstemp's 6 characters). */
#define PARTIAL_MARK ".rjkiosk-part"
/* The export file's stdio buffer. */
#define EXPORT_BUFFER_SIZE (256 * 1024)

/* The partial file being written, for export_partial_file(); partial_ready is set only once
 * the name is whole, so a signal handler never sees half a name. */
static char partial[PATH_MAX];
static volatile sig_atomic_t partial_ready;

static const struct {
	const char *name;
	const struct export_format_ops *ops;
} formats[] = {
	[EXPORT_CSV] = {"csv", &export_csv_ops},
	[EXPORT_JSON] = {"json", &export_json_ops},
	[EXPORT_XAPI] = {"xapi", &export_xapi_ops},
};

const char *export_format_name(enum export_format format)
{
	return (size_t)format < sizeof formats / sizeof formats[0] ? formats[format].name : "?";
}

bool export_format_parse(const char *name, enum export_format *format)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		if (!strcmp(name, formats[i].name)) {
			*format = (enum export_format)i;
			return true;
		}
	}
	return false;
}

void export_time_iso(int64_t ms, char *buf, size_t size)
{
	if (ms <= 0) {
		snprintf(buf, size, "%s", "");
		return;
	}
	time_t secs = (time_t)(ms / 1000);
	struct tm tm;
	gmtime_r(&secs, &tm);
	if (tm.tm_year + 1900 > 9999 || size < sizeof "2026-03-01T09:30:00.250Z") {
		snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
			 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ms % 1000));
		return;
	}
	/* The same digits without printf, which an export calls for every time of every row. */
	static const char pattern[] = "0000-00-00T00:00:00.000Z";
	const struct {
		int value, at, digits;
	} parts[] = {{tm.tm_year + 1900, 0, 4}, {tm.tm_mon + 1, 5, 2}, {tm.tm_mday, 8, 2},
		     {tm.tm_hour, 11, 2}, {tm.tm_min, 14, 2}, {tm.tm_sec, 17, 2},
		     {(int)(ms % 1000), 20, 3}};
	memcpy(buf, pattern, sizeof pattern);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		for (int d = parts[i].digits - 1, v = parts[i].value; d >= 0; d--, v /= 10)
			buf[parts[i].at + d] = (char)('0' + v % 10);
}

void export_json_time(struct json_writer *w, const char *key, int64_t ms)
{
	char buf[32];
	json_key(w, key);
	if (ms > 0) {
		export_time_iso(ms, buf, sizeof buf);
		json_string(w, buf);
	} else {
		json_null(w);
	}
}

const struct store_step *export_find_step(const struct export_session *session,
					  const char *step_id)
{
	for (size_t i = 0; i < session->step_count; i++)
		if (!strcmp(session->steps[i].step_id, step_id))
			return &session->steps[i];
	return NULL;
}

const char *export_scale_label(const struct store_step *step, int value)
{
	for (size_t i = 0; step && i < step->label_count; i++)
		if (step->labels[i].value == value)
			return step->labels[i].text;
	return NULL;
}

/* Drops the participant's responses held, if any. */
static void drop_loaded(struct export_loaded *loaded)
{
	store_responses_free(loaded->responses, loaded->count);
	loaded->responses = NULL;
	loaded->count = 0;
	loaded->participant = SIZE_MAX;
}

bool export_participant_responses(struct export_ctx *ctx, const struct export_session *es,
				  size_t p, const struct stored_response **responses,
				  size_t *count)
{
	struct export_loaded *loaded = es->loaded;

	*responses = NULL;
	*count = 0;
	if (loaded->participant != p) {
		drop_loaded(loaded);
		if (ctx->failed)
			return false;
		if (!store_load_responses(loaded->store, es->participants[p].id,
					  &loaded->responses, &loaded->count, ctx->err)) {
			loaded->read_failed = ctx->failed = true;
			return false;
		}
		loaded->participant = p;
		size_t written = 0;
		for (size_t i = 0; i < loaded->count; i++)
			written += !loaded->writes || loaded->writes(ctx, &loaded->responses[i]);
		loaded->total += written;
		loaded->people += written > 0;
	}
	*responses = loaded->responses;
	*count = loaded->count;
	return true;
}

/* Loads one session (its steps and participants; the format reads each participant's
 * responses when it comes to them) and hands it to the format. */
static bool export_session(struct store *store, struct export_ctx *ctx,
			   const struct export_format_ops *ops, const struct store_session_info *info,
			   struct export_summary *sum, struct rjk_error *err)
{
	struct export_loaded loaded = {.store = store, .participant = SIZE_MAX,
				       .writes = ops->writes};
	struct export_session es = {.info = info, .loaded = &loaded};
	struct store_step *steps = NULL;
	struct store_participant_info *people = NULL;
	size_t nsteps = 0, npeople = 0;
	bool ok = store_load_steps(store, info->id, &steps, &nsteps, err) &&
		  store_list_participants(store, info->id, &people, &npeople, err);
	if (ok) {
		es.steps = steps;
		es.step_count = nsteps;
		es.participants = people;
		es.participant_count = npeople;
		ops->session(ctx, &es);
		drop_loaded(&loaded);
		ok = !loaded.read_failed;       /* err says why; the export stops */
		sum->sessions++;
		sum->participants += loaded.people;
		sum->responses += loaded.total;
	}
	store_participants_free(people, npeople);
	store_steps_free(steps, nsteps);
	return ok;
}

/* Writes the export to out; dest names out in messages. */
static bool write_export(struct store *store, const struct export_options *opts, FILE *out,
			 const char *dest, struct export_summary *sum, struct rjk_error *err)
{
	struct export_ctx ctx = {.out = out, .opts = opts, .now = store_now(store), .err = err};
	struct store_session_info *sessions = NULL;
	size_t count = 0;
	if ((size_t)opts->format >= sizeof formats / sizeof formats[0])
		return rjk_error_set(err, "unknown export format");
	const struct export_format_ops *ops = formats[opts->format].ops;
	if (opts->format == EXPORT_XAPI && opts->xapi_base &&
	    !iri_check_base(opts->xapi_base, err))
		return false;
	if (!store_kiosk_id(store, ctx.kiosk_id, err) ||
	    !store_list_sessions(store, opts->session, &sessions, &count, err))
		return false;
	json_writer_init(&ctx.json, out);
	ops->begin(&ctx);
	bool ok = true;
	for (size_t i = 0; ok && i < count; i++)
		ok = export_session(store, &ctx, ops, &sessions[i], sum, err);
	store_sessions_free(sessions, count);
	if (!ok)
		return false;
	ops->end(&ctx);
	if (ctx.failed || fflush(out) != 0 || ferror(out))
		return rjk_error_set(err, "Could not write the export to %s: %s", dest,
				     strerror(errno));
	return true;
}

bool export_statements(struct store *store, const char *xapi_base, const char *const *ids,
		       const int64_t *sessions, size_t count, FILE *out, struct rjk_error *err)
{
	struct export_options opts = {.format = EXPORT_XAPI, .xapi_base = xapi_base};
	struct export_ctx ctx = {.out = out, .opts = &opts, .now = store_now(store), .err = err,
				 .only_ids = ids, .only_count = count};
	struct export_summary sum = {0};
	if (!store_kiosk_id(store, ctx.kiosk_id, err))
		return false;
	json_writer_init(&ctx.json, out);
	export_xapi_ops.begin(&ctx);
	bool ok = true;
	for (size_t i = 0; ok && i < count; i++) {
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = sessions[j] == sessions[i];
		if (seen)
			continue;
		struct store_session_info *info = NULL;
		size_t n = 0;
		ok = store_list_sessions(store, sessions[i], &info, &n, err) &&
		     export_session(store, &ctx, &export_xapi_ops, &info[0], &sum, err);
		store_sessions_free(info, n);
	}
	if (!ok)
		return false;
	export_xapi_ops.end(&ctx);
	if (ctx.failed || fflush(out) != 0 || ferror(out))
		return rjk_error_set(err, "Could not write the statements: %s", strerror(errno));
	return true;
}

/* Records a finished export in the event log. */
static bool log_export(struct store *store, const struct export_options *opts,
		       const char *dest, const struct export_summary *sum, struct rjk_error *err)
{
	char detail[PATH_MAX + 128];
	snprintf(detail, sizeof detail, "%s%s, %zu sessions, %zu responses, to %s",
		 export_format_name(opts->format), opts->session ? "" : " of all sessions",
		 sum->sessions, sum->responses, dest);
	struct rjk_error log_err;
	if (!store_log_event(store, "export", opts->session, detail, &log_err))
		return rjk_error_set(err, "The export was written to %s, but it could not be "
				     "recorded in the event log: %s", dest, log_err.message);
	return true;
}

bool export_write(struct store *store, const struct export_options *opts, FILE *out,
		  struct export_summary *summary, struct rjk_error *err)
{
	struct export_summary sum = {0};
	const char *dest = out == stdout ? "standard output" : "a stream";
	if (!write_export(store, opts, out, dest, &sum, err))
		return false;
	if (summary)
		*summary = sum;
	return log_export(store, opts, dest, &sum, err);
}

static bool ends_with(const char *s, size_t len, const char *tail)
{
	size_t n = strlen(tail);

	return len >= n && !memcmp(s + len - n, tail, n);
}

bool export_is_partial(const char *name)
{
	size_t len = strlen(name);

	if (name[0] != '.' || !durable_has_temp_suffix(name))
		return false;
	len -= 7;       /* the ".XXXXXX" */
	/* ".X" at least before the mark or the extension. */
	if (ends_with(name, len, PARTIAL_MARK))
		return len > strlen(PARTIAL_MARK) + 1;
	if (ends_with(name, len, ".csv"))
		return len > strlen(".csv") + 1;
	if (ends_with(name, len, ".json"))
		return len > strlen(".json") + 1;
	return false;
}

size_t export_remove_partials(const char *folder)
{
	return durable_remove_stale(folder, export_is_partial);
}

const char *export_partial_file(void)
{
	return partial_ready ? partial : NULL;
}

/* Refuses to replace anything at path but a regular file. */
static bool check_target(const char *path, struct rjk_error *err)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? true : rjk_error_set(err, "Cannot use %s for the export: "
							      "%s", path, strerror(errno));
	if (S_ISREG(st.st_mode))
		return true;
	return rjk_error_set(err, "%s is not an ordinary file (it is %s); the export will not "
			     "replace it. Nothing was written: name a new file.", path,
			     S_ISLNK(st.st_mode) ? "a symbolic link" :
			     S_ISDIR(st.st_mode) ? "a folder" :
			     S_ISFIFO(st.st_mode) ? "a FIFO" :
			     S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device" : "not a file");
}

bool export_to_path(struct store *store, const struct export_options *opts, const char *path,
		    struct export_summary *summary, struct rjk_error *err)
{
	char tmp[PATH_MAX], folder[PATH_MAX];
	const char *slash = strrchr(path, '/');
	int dir_len = slash ? (int)(slash - path + 1) : 0;
	if (snprintf(tmp, sizeof tmp, "%.*s.%s" PARTIAL_MARK ".XXXXXX", dir_len, path,
		     slash ? slash + 1 : path) >= (int)sizeof tmp)
		return rjk_error_set(err, "The export file name is too long: %s", path);
	if (!check_target(path, err))
		return false;
	snprintf(folder, sizeof folder, "%.*s", dir_len ? dir_len : 1, dir_len ? path : ".");
	export_remove_partials(folder);
	int fd = durable_temp(tmp);      /* created 0600 */
	if (fd < 0)
		return rjk_error_set(err, "Cannot create the export file next to %s: %s", path,
				     strerror(errno));
	memcpy(partial, tmp, sizeof partial);
	partial_ready = 1;
	FILE *out = fdopen(fd, "w");
	/* Big enough that an export of hundreds of MB makes a few thousand writes, not a hundred
	 * thousand of the default 4 KiB. */
	if (out)
		setvbuf(out, NULL, _IOFBF, EXPORT_BUFFER_SIZE);
	if (!out) {
		partial_ready = 0;
		unlink(tmp);
		close(fd);
		return rjk_error_set(err, "Cannot write the export: %s", strerror(errno));
	}
	struct export_summary sum = {0};
	bool ok = write_export(store, opts, out, path, &sum, err);
	if (ok && (fflush(out) != 0 || fsync(fd) != 0))
		ok = rjk_error_set(err, "Could not write the export to %s: %s (nothing was "
				   "replaced)", path, strerror(errno));
	/* Checked again: something may have been put there while the export was written. */
	ok = ok && check_target(path, err);
	partial_ready = 0;
	/* Renamed while still open, so the file stays locked (see durable_temp) until it is in
	 * place. */
	if (ok && rename(tmp, path) != 0)
		ok = rjk_error_set(err, "Could not save the export as %s: %s", path,
				   strerror(errno));
	if (!ok)
		unlink(tmp);
	if (fclose(out) != 0 && ok)
		ok = rjk_error_set(err, "Could not write the export to %s: %s", path,
				   strerror(errno));
	if (!ok)
		return false;
	durable_sync_parent(path);
	if (summary)
		*summary = sum;
	return log_export(store, opts, path, &sum, err);
}
