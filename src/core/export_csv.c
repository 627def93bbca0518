/* CSV export: one row per response, RFC 4180 with every field quoted, guarded against formula
 * injection (OWASP). */
#include "core/export_impl.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/timecode.h"

static const char *const columns[] = {
	"session_id", "scenario_id", "scenario_title", "scenario_sha256", "session_label",
	"session_started", "session_ended", "participant_id", "participant", "participant_submitted",
	"step_id", "step_kind", "prompt", "status", "text", "scale_value", "scale_label", "choices",
	"video_time", "first_edit", "last_edit",
};

/* Writes one quoted field. Text that a spreadsheet would read as a formula (starting with =, +,
 * -, @, tab, CR or LF) gets a leading apostrophe so it is shown as text. Text that already
 * starts with an apostrophe gets one too, so that removing one leading apostrophe from any
 * cell that starts with one always gives back exactly what was typed. */
static void cell(struct export_ctx *ctx, bool first, const char *s)
{
	FILE *out = ctx->out;
	if (!first)
		fputc(',', out);
	fputc('"', out);
	if (s && s[0] && strchr("=+-@\t\r\n'", s[0]))
		fputc('\'', out);
	const char *p = s ? s : "", *quote;
	while ((quote = strchr(p, '"'))) {
		fwrite(p, 1, (size_t)(quote - p) + 1, out);
		fputc('"', out);
		p = quote + 1;
	}
	fputs(p, out);
	fputc('"', out);
}

/* A number the export produced itself: quoted but never guarded, so -2 stays a number. */
static void number_cell(struct export_ctx *ctx, bool first, bool present, int64_t v)
{
	if (!present)
		cell(ctx, first, NULL);
	else
		fprintf(ctx->out, "%s\"%" PRId64 "\"", first ? "" : ",", v);
}

static void time_cell(struct export_ctx *ctx, int64_t ms)
{
	char buf[32];
	export_time_iso(ms, buf, sizeof buf);
	cell(ctx, false, buf);
}

static void csv_begin(struct export_ctx *ctx)
{
	if (ctx->opts->excel_bom)
		fputs("\xEF\xBB\xBF", ctx->out);
	for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
		cell(ctx, i == 0, columns[i]);
	fputs("\r\n", ctx->out);
}

/* Chosen options, one per line inside the cell. */
static void choices_cell(struct export_ctx *ctx, const struct stored_response *r)
{
	struct response value = answer_stored_view(r);
	size_t len = answer_join(NULL, 0, value.choices, value.choice_count, "\n");
	char *joined = malloc(len + 1);
	if (!joined) {
		ctx->failed = true;
		return;
	}
	answer_join(joined, len + 1, value.choices, value.choice_count, "\n");
	cell(ctx, false, joined);
	free(joined);
}

static void video_cell(struct export_ctx *ctx, int64_t ms)
{
	char buf[32] = "";
	if (ms >= 0)
		timecode_format_ms(ms, buf, sizeof buf);
	cell(ctx, false, buf);
}

static void csv_session(struct export_ctx *ctx, const struct export_session *es)
{
	const struct store_session_info *s = es->info;
	for (size_t p = 0; p < es->participant_count; p++) {
		const struct store_participant_info *who = &es->participants[p];
		const struct stored_response *rs;
		size_t count;
		if (!export_participant_responses(ctx, es, p, &rs, &count))
			return;
		for (size_t i = 0; i < count; i++) {
			const struct stored_response *r = &rs[i];
			const struct store_step *step = export_find_step(es, r->step_id);
			number_cell(ctx, true, true, s->id);
			cell(ctx, false, s->scenario_id);
			cell(ctx, false, s->title);
			cell(ctx, false, s->scenario_sha256);
			cell(ctx, false, s->label);
			time_cell(ctx, s->started);
			time_cell(ctx, s->ended);
			number_cell(ctx, false, true, who->id);
			cell(ctx, false, who->name);
			time_cell(ctx, who->submitted);
			cell(ctx, false, r->step_id);
			cell(ctx, false, step_kind_name(r->kind));
			cell(ctx, false, r->prompt);
			cell(ctx, false, response_status_name(r->status));
			cell(ctx, false, r->text);
			number_cell(ctx, false, r->has_scale, r->scale);
			cell(ctx, false, r->has_scale ? export_scale_label(step, r->scale) : NULL);
			choices_cell(ctx, r);
			video_cell(ctx, r->video_ms);
			time_cell(ctx, r->first_edit);
			time_cell(ctx, r->last_edit);
			fputs("\r\n", ctx->out);
		}
	}
}

static void csv_end(struct export_ctx *ctx)
{
}

const struct export_format_ops export_csv_ops = {csv_begin, csv_session, csv_end, NULL};
