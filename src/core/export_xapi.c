/* xAPI 1.0.3 statements: a JSON array of "answered" statements, one per answered or passed
 * response, with pseudonymous actors (documented in docs/exports.md). The one place statements
 * are built, for the export and for sending to an LRS alike. */
#include "core/export_impl.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/utf8.h"

#define VERB_ANSWERED "http://adlnet.gov/expapi/verbs/answered"
#define TYPE_INTERACTION "http://adlnet.gov/expapi/activities/cmi.interaction"
#define TYPE_LESSON "http://adlnet.gov/expapi/activities/lesson"
/* A likert scale longer than this lists only its labelled points. */
#define SCALE_MAX_POINTS 101

static const char *base(const struct export_ctx *ctx)
{
	return ctx->opts->xapi_base ? ctx->opts->xapi_base : EXPORT_XAPI_DEFAULT_BASE;
}

/* The base's length without a trailing '/', so that 'https://x/' and 'https://x' make the same
 * IRIs. */
static int base_len(const struct export_ctx *ctx)
{
	size_t len = strlen(base(ctx));
	return (int)(len && base(ctx)[len - 1] == '/' ? len - 1 : len);
}

/* Appends s to buf percent-encoded as one IRI path segment (RFC 3986 unreserved kept). */
static void append_segment(char *buf, size_t size, const char *s)
{
	size_t at = strlen(buf);
	for (const unsigned char *p = (const unsigned char *)s; *p && at + 4 < size; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			buf[at++] = (char)*p;
		else
			at += (size_t)snprintf(buf + at, size - at, "%%%02X", *p);
	}
	buf[at] = '\0';
}

static void scenario_iri(const struct export_ctx *ctx, const struct store_session_info *s,
			 char *buf, size_t size)
{
	snprintf(buf, size, "%.*s/scenarios/", base_len(ctx), base(ctx));
	append_segment(buf, size, s->scenario_id);
}

static void extension_iri(const struct export_ctx *ctx, const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%.*s/xapi/extensions/%s", base_len(ctx), base(ctx), name);
}

static void xapi_begin(struct export_ctx *ctx)
{
	/* One statement a line, compact: what an LRS reads, a third smaller than indented. */
	json_writer_compact_below(&ctx->json, 1);
	json_begin_array(&ctx->json);
}

/* Whether a statement is among those asked for (every one when no list was given). */
static bool wanted(const struct export_ctx *ctx, const char *statement_id)
{
	if (!ctx->only_ids)
		return true;
	for (size_t i = 0; i < ctx->only_count; i++)
		if (!strcmp(ctx->only_ids[i], statement_id))
			return true;
	return false;
}

/* A language map with one entry. */
static void lang_map(struct json_writer *w, const char *key, const char *lang, const char *text)
{
	json_key(w, key);
	json_begin_object(w);
	json_member_string(w, lang, text);
	json_end_object(w);
}

static void write_scale(struct json_writer *w, const struct store_step *step, const char *lang)
{
	json_key(w, "scale");
	json_begin_array(w);
	bool every_point = step->max - step->min < SCALE_MAX_POINTS;
	for (int v = step->min; every_point && v <= step->max; v++) {
		const char *label = export_scale_label(step, v);
		char id[16];
		snprintf(id, sizeof id, "%d", v);
		json_begin_object(w);
		json_member_string(w, "id", id);
		lang_map(w, "description", lang, label ? label : id);
		json_end_object(w);
	}
	for (size_t i = 0; !every_point && i < step->label_count; i++) {
		char id[16];
		snprintf(id, sizeof id, "%d", step->labels[i].value);
		json_begin_object(w);
		json_member_string(w, "id", id);
		lang_map(w, "description", lang, step->labels[i].text);
		json_end_object(w);
	}
	json_end_array(w);
}

/* The 1-based position of an option text in the step, or 0 when it is not one of them. */
static size_t option_index(const struct store_step *step, const char *text)
{
	for (size_t i = 0; step && i < step->option_count; i++)
		if (!strcmp(step->options[i], text))
			return i + 1;
	return 0;
}

static void write_choices(struct json_writer *w, const struct store_step *step, const char *lang)
{
	json_key(w, "choices");
	json_begin_array(w);
	for (size_t i = 0; step && i < step->option_count; i++) {
		char id[32];
		snprintf(id, sizeof id, "option-%zu", i + 1);
		json_begin_object(w);
		json_member_string(w, "id", id);
		lang_map(w, "description", lang, step->options[i]);
		json_end_object(w);
	}
	json_end_array(w);
}

/* result.response as the interaction type wants it; returns a new string or NULL. */
static char *response_string(const struct store_step *step, const struct stored_response *r)
{
	if (r->status == RESPONSE_PASSED)
		return strdup("");
	if (r->kind == STEP_SCALE) {
		char buf[16] = "";
		if (r->has_scale)
			snprintf(buf, sizeof buf, "%d", r->scale);
		return strdup(buf);
	}
	if (r->kind != STEP_CHOICE)
		return strdup(r->text ? r->text : "");
	/* Choice ids joined by "[,]"; an option missing from the snapshot keeps its text. */
	size_t len = 1;
	for (size_t i = 0; i < r->choice_count; i++)
		len += strlen(r->choices[i]) + 32;
	char *out = malloc(len), *at = out;
	if (!out)
		return NULL;
	*out = '\0';
	for (size_t i = 0; i < r->choice_count; i++) {
		size_t index = option_index(step, r->choices[i]);
		at += index ? snprintf(at, len - (size_t)(at - out), "%soption-%zu", i ? "[,]" : "",
				       index)
			    : snprintf(at, len - (size_t)(at - out), "%s%s", i ? "[,]" : "",
				       r->choices[i]);
	}
	return out;
}

static const char *interaction_type(enum step_kind kind)
{
	switch (kind) {
	case STEP_TEXT: return "long-fill-in";
	case STEP_SCALE: return "likert";
	case STEP_CHOICE: return "choice";
	case STEP_DISCUSSION: return "other";
	}
	return "other";
}

static void write_object(struct export_ctx *ctx, const struct export_session *es,
			 const struct store_step *step, const struct stored_response *r,
			 const char *lang)
{
	struct json_writer *w = &ctx->json;
	char iri[1024], name[512];
	scenario_iri(ctx, es->info, iri, sizeof iri);
	snprintf(iri + strlen(iri), sizeof iri - strlen(iri), "/steps/");
	append_segment(iri, sizeof iri, r->step_id);
	snprintf(name, sizeof name, "%s: %s", es->info->title, r->step_id);
	json_key(w, "object");
	json_begin_object(w);
	json_member_string(w, "objectType", "Activity");
	json_member_string(w, "id", iri);
	json_key(w, "definition");
	json_begin_object(w);
	json_member_string(w, "type", TYPE_INTERACTION);
	lang_map(w, "name", lang, name);
	lang_map(w, "description", lang, r->prompt);
	json_member_string(w, "interactionType", interaction_type(r->kind));
	if (r->kind == STEP_SCALE && step)
		write_scale(w, step, lang);
	else if (r->kind == STEP_CHOICE)
		write_choices(w, step, lang);
	json_end_object(w);
	json_end_object(w);
}

static void write_context(struct export_ctx *ctx, const struct export_session *es,
			  const struct stored_response *r, const char *lang)
{
	struct json_writer *w = &ctx->json;
	const struct store_session_info *s = es->info;
	char buf[1024];
	json_key(w, "context");
	json_begin_object(w);
	if (s->registration)
		json_member_string(w, "registration", s->registration);
	json_member_string(w, "platform", "rjkiosk");
	if (s->language)
		json_member_string(w, "language", s->language);
	json_key(w, "contextActivities");
	json_begin_object(w);
	json_key(w, "parent");
	json_begin_array(w);
	json_begin_object(w);
	json_member_string(w, "objectType", "Activity");
	scenario_iri(ctx, s, buf, sizeof buf);
	json_member_string(w, "id", buf);
	json_key(w, "definition");
	json_begin_object(w);
	json_member_string(w, "type", TYPE_LESSON);
	lang_map(w, "name", lang, s->title);
	json_end_object(w);
	json_end_object(w);
	json_end_array(w);
	json_end_object(w);
	json_key(w, "extensions");
	json_begin_object(w);
	extension_iri(ctx, "scenario-id", buf, sizeof buf);
	json_member_string(w, buf, s->scenario_id);
	extension_iri(ctx, "scenario-sha256", buf, sizeof buf);
	json_member_string(w, buf, s->scenario_sha256);
	if (r->video_ms >= 0) {
		extension_iri(ctx, "video-time-ms", buf, sizeof buf);
		json_member_int(w, buf, r->video_ms);
	}
	extension_iri(ctx, "kiosk-id", buf, sizeof buf);
	json_member_string(w, buf, ctx->kiosk_id);
	json_end_object(w);
	json_end_object(w);
}

static void write_statement(struct export_ctx *ctx, const struct export_session *es,
			    const struct store_participant_info *who,
			    const struct stored_response *r)
{
	struct json_writer *w = &ctx->json;
	const struct store_step *step = export_find_step(es, r->step_id);
	const char *lang = es->info->language ? es->info->language : "und";
	char buf[1024], when[32];
	char *response = response_string(step, r);
	if (!response) {
		ctx->failed = true;
		return;
	}
	json_begin_object(w);
	json_member_string(w, "id", r->statement_id);
	json_key(w, "actor");
	json_begin_object(w);
	json_member_string(w, "objectType", "Agent");
	json_key(w, "account");
	json_begin_object(w);
	json_member_string(w, "homePage", base(ctx));
	snprintf(buf, sizeof buf, "rjkiosk-%.8s-s%" PRId64 "-t%d", ctx->kiosk_id, es->info->id,
		 who->number);
	json_member_string(w, "name", buf);
	json_end_object(w);
	json_end_object(w);
	json_key(w, "verb");
	json_begin_object(w);
	json_member_string(w, "id", VERB_ANSWERED);
	lang_map(w, "display", "en-US", "answered");
	json_end_object(w);
	write_object(ctx, es, step, r, lang);
	json_key(w, "result");
	json_begin_object(w);
	json_member_string(w, "response", response);
	if (r->status == RESPONSE_PASSED) {
		json_key(w, "extensions");
		json_begin_object(w);
		extension_iri(ctx, "passed", buf, sizeof buf);
		json_member_bool(w, buf, true);
		json_end_object(w);
	}
	json_end_object(w);
	write_context(ctx, es, r, lang);
	export_time_iso(r->statement_ms, when, sizeof when);
	json_member_string(w, "timestamp", when);
	json_end_object(w);
	free(response);
}

/* Answered and passed responses are statements; drafts are not. */
static bool xapi_writes(const struct export_ctx *ctx, const struct stored_response *r)
{
	return r->status != RESPONSE_DRAFT && r->statement_id && wanted(ctx, r->statement_id);
}

static void xapi_session(struct export_ctx *ctx, const struct export_session *es)
{
	for (size_t p = 0; p < es->participant_count; p++) {
		const struct stored_response *rs;
		size_t count;
		if (!export_participant_responses(ctx, es, p, &rs, &count))
			return;
		for (size_t i = 0; i < count; i++)
			if (xapi_writes(ctx, &rs[i]))
				write_statement(ctx, es, &es->participants[p], &rs[i]);
	}
}

static void xapi_end(struct export_ctx *ctx)
{
	json_end_array(&ctx->json);
	if (!json_writer_finish(&ctx->json))
		ctx->failed = true;
}

const struct export_format_ops export_xapi_ops = {xapi_begin, xapi_session, xapi_end,
						  xapi_writes};
