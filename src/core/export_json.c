/* JSON export: one document, sessions > participants > responses (documented in
 * docs/exports.md). */
#include "core/export_impl.h"

/* 2: the kiosk id, each session's registration and class code, each answer's statement id. */
#define EXPORT_JSON_FORMAT_VERSION 2

static void json_begin(struct export_ctx *ctx)
{
	struct json_writer *w = &ctx->json;
	json_begin_object(w);
	json_member_string(w, "format", "rjkiosk-responses");
	json_member_int(w, "format_version", EXPORT_JSON_FORMAT_VERSION);
	export_json_time(w, "exported_at", ctx->now);
	json_member_string(w, "kiosk_id", ctx->kiosk_id);
	json_key(w, "sessions");
	json_begin_array(w);
}

static void write_step(struct json_writer *w, const struct store_step *step)
{
	json_begin_object(w);
	json_member_string(w, "id", step->step_id);
	json_member_string(w, "kind", step_kind_name(step->kind));
	json_member_string(w, "prompt", step->prompt);
	json_member_bool(w, "cue", step->is_cue);
	if (step->kind == STEP_SCALE) {
		json_member_int(w, "min", step->min);
		json_member_int(w, "max", step->max);
		json_key(w, "labels");
		json_begin_array(w);
		for (size_t i = 0; i < step->label_count; i++) {
			json_begin_object(w);
			json_member_int(w, "value", step->labels[i].value);
			json_member_string(w, "text", step->labels[i].text);
			json_end_object(w);
		}
		json_end_array(w);
	} else if (step->kind == STEP_CHOICE) {
		json_member_bool(w, "multiple", step->multiple);
		json_key(w, "options");
		json_begin_array(w);
		for (size_t i = 0; i < step->option_count; i++)
			json_string(w, step->options[i]);
		json_end_array(w);
	}
	json_end_object(w);
}

static void write_response(struct json_writer *w, const struct export_session *es,
			   const struct stored_response *r)
{
	json_begin_object(w);
	json_member_string(w, "step", r->step_id);
	json_member_string(w, "kind", step_kind_name(r->kind));
	json_member_string(w, "prompt", r->prompt);
	json_member_string(w, "status", response_status_name(r->status));
	json_member_string(w, "text", r->text);
	json_key(w, "scale");
	if (r->has_scale)
		json_int(w, r->scale);
	else
		json_null(w);
	json_member_string(w, "scale_label", r->has_scale ? export_scale_label(
					     export_find_step(es, r->step_id), r->scale) : NULL);
	json_key(w, "choices");
	json_begin_array(w);
	for (size_t i = 0; i < r->choice_count; i++)
		json_string(w, r->choices[i]);
	json_end_array(w);
	json_key(w, "video_ms");
	if (r->video_ms >= 0)
		json_int(w, r->video_ms);
	else
		json_null(w);
	export_json_time(w, "first_edit", r->first_edit);
	export_json_time(w, "last_edit", r->last_edit);
	json_member_string(w, "statement_id", r->statement_id);
	export_json_time(w, "statement_time", r->statement_ms);
	json_end_object(w);
}

static void write_participant(struct export_ctx *ctx, const struct export_session *es, size_t p)
{
	struct json_writer *w = &ctx->json;
	const struct store_participant_info *who = &es->participants[p];
	const struct stored_response *rs;
	size_t count;
	if (!export_participant_responses(ctx, es, p, &rs, &count))
		return;
	json_begin_object(w);
	json_member_int(w, "id", who->id);
	json_member_int(w, "number", who->number);
	json_member_string(w, "name", who->name);
	json_member_bool(w, "automatic_name", who->automatic);
	json_member_string(w, "position", who->position);
	export_json_time(w, "started", who->started);
	export_json_time(w, "submitted", who->submitted);
	json_key(w, "responses");
	json_begin_array(w);
	for (size_t i = 0; i < count; i++)
		write_response(w, es, &rs[i]);
	json_end_array(w);
	json_end_object(w);
}

static void json_session(struct export_ctx *ctx, const struct export_session *es)
{
	struct json_writer *w = &ctx->json;
	const struct store_session_info *s = es->info;
	json_begin_object(w);
	json_member_int(w, "id", s->id);
	json_key(w, "scenario");
	json_begin_object(w);
	json_member_string(w, "id", s->scenario_id);
	json_member_string(w, "title", s->title);
	json_member_string(w, "sha256", s->scenario_sha256);
	json_member_string(w, "language", s->language);
	json_end_object(w);
	json_member_string(w, "label", s->label);
	json_member_string(w, "registration", s->registration);
	json_member_string(w, "class_code", s->class_code);
	export_json_time(w, "started", s->started);
	export_json_time(w, "ended", s->ended);
	json_key(w, "steps");
	json_begin_array(w);
	for (size_t i = 0; i < es->step_count; i++)
		write_step(w, &es->steps[i]);
	json_end_array(w);
	json_key(w, "participants");
	json_begin_array(w);
	for (size_t p = 0; p < es->participant_count; p++)
		write_participant(ctx, es, p);
	json_end_array(w);
	json_end_object(w);
}

static void json_end(struct export_ctx *ctx)
{
	json_end_array(&ctx->json);
	json_end_object(&ctx->json);
	if (!json_writer_finish(&ctx->json))
		ctx->failed = true;
}

const struct export_format_ops export_json_ops = {json_begin, json_session, json_end, NULL};
