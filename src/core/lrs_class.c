/* A class across kiosks: its statements read back from the learning record store, brought in
 * from other kiosks' export files, and merged with this kiosk's own answers without
 * duplicates, for the debrief. */
#include "core/lrs_class.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/export.h"
#include "core/lrs_http.h"
#include "core/uuid.h"

#define VERB_ANSWERED "http://adlnet.gov/expapi/verbs/answered"
/* The most pages of statements read for one class, and the longest page. */
#define PAGES_MAX 10000
#define PAGE_MAX_BYTES (16 << 20)

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

/* The last path segment of an activity IRI: the step id (percent-decoded). */
static char *step_of(const char *iri)
{
	const char *slash = iri ? strrchr(iri, '/') : NULL;
	const char *seg = slash ? slash + 1 : "";
	char *out = malloc(strlen(seg) + 1), *at = out;
	if (!out)
		return NULL;
	for (const char *p = seg; *p; p++) {
		unsigned int c;
		if (p[0] == '%' && p[1] && p[2] && sscanf(p + 1, "%2x", &c) == 1) {
			*at++ = (char)c;
			p += 2;
		} else {
			*at++ = *p;
		}
	}
	*at = '\0';
	return out;
}

/* An "answered" statement with an id and a registration, reduced for the debrief; false for
 * any other statement (which is left out). */
static bool from_statement(json_t *st, struct class_statement *out)
{
	memset(out, 0, sizeof *out);
	const char *id = json_string_value(json_object_get(st, "id"));
	const char *verb = json_string_value(json_object_get(json_object_get(st, "verb"), "id"));
	json_t *context = json_object_get(st, "context");
	const char *reg = json_string_value(json_object_get(context, "registration"));
	if (!id || !uuid_valid(id) || !verb || strcmp(verb, VERB_ANSWERED) || !reg ||
	    !uuid_valid(reg))
		return false;
	json_t *account = json_object_get(json_object_get(st, "actor"), "account");
	json_t *result = json_object_get(st, "result");
	bool passed = false;
	const char *key;
	json_t *value;
	json_object_foreach(json_object_get(result, "extensions"), key, value)
		if (strstr(key, "/xapi/extensions/passed") && json_is_true(value))
			passed = true;
	out->statement_id = strdup(id);
	out->registration = strdup(reg);
	out->actor = dup_or_empty(json_string_value(json_object_get(account, "name")));
	out->step_id = step_of(json_string_value(json_object_get(json_object_get(st, "object"),
								    "id")));
	out->response = dup_or_empty(json_string_value(json_object_get(result, "response")));
	out->passed = passed;
	out->timestamp = dup_or_empty(json_string_value(json_object_get(st, "timestamp")));
	if (!out->statement_id || !out->registration || !out->actor || !out->step_id ||
	    !out->response || !out->timestamp) {
		class_statement_release(out);
		return false;
	}
	return true;
}

static bool keep(struct store *store, json_t *st, size_t *added, size_t *skipped,
		 struct rjk_error *err)
{
	struct class_statement c;
	if (!from_statement(st, &c))
		return true;
	bool was_added = false;
	bool ok = store_class_add(store, &c, &was_added, err);
	class_statement_release(&c);
	if (ok && added && was_added)
		(*added)++;
	if (ok && skipped && !was_added)
		(*skipped)++;
	return ok;
}

/* "more" is a path on the LRS's own host: the endpoint's scheme and host go before it. */
static void more_url(const struct lrs_config *config, const char *more, char *out, size_t size)
{
	if (!strncmp(more, "http", 4)) {
		snprintf(out, size, "%s", more);
		return;
	}
	const char *host = strstr(config->endpoint, "://");
	size_t root = host ? (size_t)(host + 3 - config->endpoint) +
				     strcspn(host + 3, "/")
			   : 0;
	snprintf(out, size, "%.*s%s", (int)root, config->endpoint, more);
}

bool lrs_class_fetch(struct store *store, const struct lrs_config *config,
		     const char *registration, size_t *fetched, struct rjk_error *err)
{
	char url[LRS_FIELD_MAX * 4];
	*fetched = 0;
	if (!uuid_valid(registration))
		return rjk_error_set(err, "'%s' is not a registration (a UUID)", registration);
	snprintf(url, sizeof url, "statements?registration=%s&verb=%s", registration,
		 "http%3A%2F%2Fadlnet.gov%2Fexpapi%2Fverbs%2Fanswered");
	for (int page = 0; page < PAGES_MAX && url[0]; page++) {
		struct lrs_reply reply;
		lrs_http(config, "GET", url, NULL, 0, 30000, PAGE_MAX_BYTES, &reply);
		if (reply.status != 200) {
			bool ok = reply.status == 0
					  ? rjk_error_set(err, "cannot reach the LRS: %s", reply.message)
					  : rjk_error_set(err, "the LRS answered HTTP %ld to the class's "
							  "statements%s", reply.status,
							  reply.status == 401 || reply.status == 403
								  ? ": check the LRS credentials" : "");
			lrs_reply_release(&reply);
			return ok;
		}
		json_error_t jerr;
		json_t *doc = json_loadb(reply.body ? reply.body : "", reply.body_len, 0, &jerr);
		lrs_reply_release(&reply);
		json_t *list = json_object_get(doc, "statements");
		if (!json_is_array(list)) {
			json_decref(doc);
			return rjk_error_set(err, "the LRS's answer is not a list of statements");
		}
		size_t i;
		json_t *st;
		bool ok = true;
		json_array_foreach(list, i, st) {
			if (!ok)
				break;
			ok = keep(store, st, NULL, NULL, err);
			(*fetched)++;
		}
		const char *more = json_string_value(json_object_get(doc, "more"));
		url[0] = '\0';
		if (ok && more && more[0])
			more_url(config, more, url, sizeof url);
		json_decref(doc);
		if (!ok)
			return false;
	}
	return true;
}

/* This kiosk's own statements of the sessions with that registration, built by the export's
 * code and reduced like any other. */
static bool own_statements(struct store *store, const char *base, const char *registration,
			   json_t **out, struct rjk_error *err)
{
	struct store_session_info *sessions = NULL;
	size_t n = 0, m = 0;
	if (!store_list_sessions(store, 0, &sessions, &n, err))
		return false;
	int64_t *ids = calloc(n ? n : 1, sizeof *ids);
	for (size_t i = 0; ids && i < n; i++)
		if (sessions[i].registration && !strcmp(sessions[i].registration, registration))
			ids[m++] = sessions[i].id;
	store_sessions_free(sessions, n);
	if (!ids)
		return rjk_error_set(err, "out of memory");
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	bool ok = mem && export_statements(store, base, NULL, ids, m, mem, err);
	if (mem)
		fclose(mem);
	free(ids);
	json_error_t jerr;
	*out = ok ? json_loadb(text, len, 0, &jerr) : NULL;
	free(text);
	if (ok && !*out)
		ok = rjk_error_set(err, "out of memory");
	return ok;
}

static int by_time(const void *a, const void *b)
{
	const struct class_statement *x = a, *y = b;
	int c = strcmp(x->timestamp, y->timestamp);
	return c ? c : strcmp(x->statement_id, y->statement_id);
}

bool lrs_class_responses(struct store *store, const struct lrs_config *config,
			 const char *registration, struct class_statement **out, size_t *count,
			 bool *offline, char *lrs_error, struct rjk_error *err)
{
	*out = NULL;
	*count = 0;
	if (offline)
		*offline = false;
	if (config) {
		struct rjk_error fetch_err;
		size_t fetched;
		if (!lrs_class_fetch(store, config, registration, &fetched, &fetch_err)) {
			if (offline)
				*offline = true;
			if (lrs_error)
				snprintf(lrs_error, 256, "%.250s", fetch_err.message);
		}
	}
	json_t *own = NULL;
	struct class_statement *kept = NULL;
	size_t nkept = 0;
	if (!own_statements(store, config && config->xapi_base[0] ? config->xapi_base : NULL,
			    registration, &own, err) ||
	    !store_class_list(store, registration, &kept, &nkept, err)) {
		json_decref(own);
		return false;
	}
	size_t cap = json_array_size(own) + nkept, n = 0;
	struct class_statement *list = calloc(cap ? cap : 1, sizeof *list);
	if (!list) {
		json_decref(own);
		class_statements_free(kept, nkept);
		return rjk_error_set(err, "out of memory");
	}
	size_t i;
	json_t *st;
	json_array_foreach(own, i, st)
		if (from_statement(st, &list[n]))
			n++;
	json_decref(own);
	for (i = 0; i < nkept; i++) {
		bool dup = false;
		for (size_t j = 0; j < n && !dup; j++)
			dup = !strcmp(list[j].statement_id, kept[i].statement_id);
		if (dup) {
			class_statement_release(&kept[i]);
		} else {
			list[n++] = kept[i];
		}
	}
	free(kept);
	qsort(list, n, sizeof *list, by_time);
	*out = list;
	*count = n;
	return true;
}

/* A JSON string's text, "" for anything else. */
static const char *text_of(json_t *value)
{
	const char *s = json_string_value(value);
	return s ? s : "";
}

/* The options a JSON export's response chose, as its xAPI statement's result.response has
 * them: "option-N" (N the option's place in the session's step, from 1) joined by "[,]", an
 * option the step does not list by its text. NULL when it chose none (or out of memory). */
static char *choices_of(json_t *session, json_t *r)
{
	json_t *chosen = json_object_get(r, "choices"), *options = NULL, *step, *choice;
	const char *step_id = json_string_value(json_object_get(r, "step"));
	size_t i, j, len = 1;
	if (!json_array_size(chosen))
		return NULL;
	json_array_foreach(json_object_get(session, "steps"), i, step)
		if (step_id && !options && !strcmp(step_id, text_of(json_object_get(step, "id"))))
			options = json_object_get(step, "options");
	json_array_foreach(chosen, i, choice)
		len += strlen(text_of(choice)) + 32;
	char *out = malloc(len), *at = out;
	if (!out)
		return NULL;
	*out = '\0';
	json_array_foreach(chosen, i, choice) {
		const char *text = text_of(choice);
		size_t place = 0;
		json_t *option;
		json_array_foreach(options, j, option)
			if (!place && !strcmp(text, text_of(option)))
				place = j + 1;
		at += place ? snprintf(at, len - (size_t)(at - out), "%soption-%zu", i ? "[,]" : "",
				       place)
			    : snprintf(at, len - (size_t)(at - out), "%s%s", i ? "[,]" : "", text);
	}
	return out;
}

/* A JSON export's answers as statements of the shape from_statement reads. */
static json_t *statements_of_json_export(json_t *doc)
{
	json_t *list = json_array();
	const char *kiosk = json_string_value(json_object_get(doc, "kiosk_id"));
	size_t i, j, k;
	json_t *session, *who, *r;
	json_array_foreach(json_object_get(doc, "sessions"), i, session) {
		const char *reg = json_string_value(json_object_get(session, "registration"));
		json_array_foreach(json_object_get(session, "participants"), j, who) {
			char actor[128];
			snprintf(actor, sizeof actor, "rjkiosk-%.8s-s%lld-t%lld", kiosk ? kiosk : "",
				 (long long)json_integer_value(json_object_get(session, "id")),
				 (long long)json_integer_value(json_object_get(who, "number")));
			json_array_foreach(json_object_get(who, "responses"), k, r) {
				const char *status = json_string_value(json_object_get(r, "status"));
				const char *text = json_string_value(json_object_get(r, "text"));
				json_t *scale = json_object_get(r, "scale");
				char response[64] = "";
				if (json_is_integer(scale))
					snprintf(response, sizeof response, "%lld",
						 (long long)json_integer_value(scale));
				bool passed = status && !strcmp(status, "passed");
				char iri[1200];
				snprintf(iri, sizeof iri, "step/%s",
					 json_string_value(json_object_get(r, "step")));
				char *chosen = passed ? NULL : choices_of(session, r);
				json_t *result = json_pack("{s:s}", "response",
							   passed ? "" : text ? text :
							   chosen ? chosen : response);
				free(chosen);
				if (result && passed)
					json_object_set_new(result, "extensions",
							    json_pack("{s:b}", "/xapi/extensions/passed",
								      1));
				json_t *st = json_pack("{s:O?, s:{s:s}, s:{s:{s:s}}, s:{s:s}, s:{s:s},"
						       " s:O?, s:o?}",
						       "id", json_object_get(r, "statement_id"),
						       "verb", "id", VERB_ANSWERED,
						       "actor", "account", "name", actor,
						       "object", "id", iri,
						       "context", "registration", reg ? reg : "",
						       "timestamp", json_object_get(r, "statement_time"),
						       "result", result);
				if (!st)
					continue;
				json_array_append_new(list, st);
			}
		}
	}
	return list;
}

bool lrs_class_import(struct store *store, const char *path, size_t *added, size_t *skipped,
		      struct rjk_error *err)
{
	*added = *skipped = 0;
	/* O_NONBLOCK: a named pipe is refused, not waited on. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	struct stat info;
	if (fd < 0 || fstat(fd, &info) != 0) {
		bool ok = rjk_error_set(err, "cannot open %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return ok;
	}
	if (!S_ISREG(info.st_mode)) {
		close(fd);
		return rjk_error_set(err, S_ISDIR(info.st_mode) ? "%s is a folder, not an export file"
				     : "%s is not an export file (a named pipe or a device)", path);
	}
	json_error_t jerr;
	json_t *doc = json_loadfd(fd, JSON_REJECT_DUPLICATES, &jerr);
	close(fd);
	if (!doc)
		return rjk_error_set(err, "%s:%d:%d: not an export this kiosk can read: %s", path,
				     jerr.line, jerr.column, jerr.text);
	json_t *statements = NULL;
	const char *format = json_string_value(json_object_get(doc, "format"));
	if (json_is_array(doc)) {
		statements = json_incref(doc);
	} else if (format && !strcmp(format, "rjkiosk-responses")) {
		if (json_integer_value(json_object_get(doc, "format_version")) < 2) {
			json_decref(doc);
			return rjk_error_set(err, "%s is a JSON export from an earlier release, which "
					     "has no statement ids: export again with this release "
					     "(or use its xAPI export)", path);
		}
		statements = statements_of_json_export(doc);
	} else {
		json_decref(doc);
		return rjk_error_set(err, "%s is neither an xAPI export (a list of statements) nor "
				     "a JSON export of rjkiosk", path);
	}
	bool ok = true;
	size_t i;
	json_t *st;
	json_array_foreach(statements, i, st) {
		if (!ok)
			break;
		ok = keep(store, st, added, skipped, err);
	}
	json_decref(statements);
	json_decref(doc);
	return ok;
}
