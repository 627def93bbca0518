/* Answers converted between the session, the store and the page, and summed up in a few words
 * (see answer.h). */
#include "core/answer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/session.h"

bool answer_init(struct session_answer *a, const struct step *step)
{
	if (!(a->text = calloc(1, 1)))
		return false;
	if (step->kind == STEP_CHOICE)
		a->chosen = calloc(step->option_count, sizeof *a->chosen);
	return step->kind != STEP_CHOICE || a->chosen != NULL;
}

void answer_release(struct session_answer *a)
{
	free(a->text);
	free(a->chosen);
}

void answer_clear(struct session_answer *a, const struct step *step)
{
	a->status = RESPONSE_DRAFT;
	a->touched = false;
	a->text[0] = '\0';
	a->has_scale = false;
	a->scale = 0;
	if (a->chosen)
		memset(a->chosen, 0, step->option_count * sizeof *a->chosen);
}

bool answer_given(const struct step *step, const struct session_answer *a)
{
	switch (step->kind) {
	case STEP_SCALE:
		return a->has_scale;
	case STEP_CHOICE:
		for (size_t i = 0; i < step->option_count; i++)
			if (a->chosen[i])
				return true;
		return false;
	default:
		return a->text[strspn(a->text, " \t\r\n")] != '\0';
	}
}

bool answer_set_text(struct session_answer *a, const char *text)
{
	char *copy = strdup(text);

	if (!copy)
		return false;
	free(a->text);
	a->text = copy;
	return true;
}

void answer_to_response(const struct step *step, const struct session_answer *a,
			int64_t video_ms, const char **choices, struct response *out)
{
	size_t n = 0;

	*out = (struct response){
		.step_id = step->id,
		.kind = step->kind,
		.prompt = step->text,
		.status = a->status,
		.video_ms = video_ms,
	};
	if (a->status == RESPONSE_PASSED)
		return;
	if (step->kind == STEP_SCALE) {
		out->has_scale = a->has_scale;
		out->scale = a->scale;
	} else if (step->kind == STEP_CHOICE) {
		for (size_t i = 0; i < step->option_count && n < CHOICE_MAX_OPTIONS; i++)
			if (a->chosen[i])
				choices[n++] = step->options[i];
		out->choices = choices;
		out->choice_count = n;
	} else {
		out->text = a->text;
	}
}

bool answer_from_stored(const struct step *step, const struct stored_response *r,
			struct session_answer *a)
{
	a->status = r->status;
	a->touched = true;
	if (r->text && !answer_set_text(a, r->text))
		return false;
	a->has_scale = r->has_scale;
	a->scale = r->scale;
	for (size_t c = 0; a->chosen && c < r->choice_count; c++)
		for (size_t o = 0; o < step->option_count; o++)
			if (!strcmp(r->choices[c], step->options[o]))
				a->chosen[o] = true;
	return true;
}

struct response answer_stored_view(const struct stored_response *r)
{
	return (struct response){
		.step_id = r->step_id,
		.kind = r->kind,
		.prompt = r->prompt,
		.status = r->status,
		.text = r->text,
		.has_scale = r->has_scale,
		.scale = r->scale,
		.choices = (const char *const *)r->choices,
		.choice_count = r->choice_count,
		.video_ms = r->video_ms,
	};
}

/* Appends to out like snprintf, counting in *len what would be written with room enough. */
static void put(char *out, size_t size, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void put(char *out, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(*len < size ? out + *len : NULL, *len < size ? size - *len : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		*len += (size_t)n;
}

size_t answer_join(char *out, size_t size, const char *const *choices, size_t count,
		   const char *sep)
{
	size_t len = 0;

	if (size)
		out[0] = '\0';
	for (size_t i = 0; i < count; i++)
		put(out, size, &len, "%s%s", i ? sep : "", choices[i]);
	return len;
}

/* Bytes of the first max_chars characters of UTF-8 text (all of it when it is shorter). */
static size_t cut_after(const char *text, size_t max_chars)
{
	size_t len = strlen(text), cut = 0, chars = 0;

	while (cut < len && chars < max_chars) {
		cut++;
		while (cut < len && (text[cut] & 0xc0) == 0x80)
			cut++;
		chars++;
	}
	return cut;
}

size_t answer_summary(char *out, size_t size, const struct response *r, const struct step *step,
		      size_t max_chars)
{
	size_t len = 0, cut;
	const char *label;

	if (size)
		out[0] = '\0';
	switch (r->kind) {
	case STEP_SCALE:
		if (!r->has_scale)
			break;
		label = step ? step_scale_label(step, r->scale) : NULL;
		if (label)
			put(out, size, &len, "%d: %s", r->scale, label);
		else
			put(out, size, &len, "%d", r->scale);
		break;
	case STEP_CHOICE:
		len = answer_join(out, size, r->choices, r->choice_count, "; ");
		break;
	default:
		if (!r->text)
			break;
		cut = max_chars ? cut_after(r->text, max_chars) : strlen(r->text);
		put(out, size, &len, "%.*s%s", (int)cut, r->text,
		    r->text[cut] ? "\xe2\x80\xa6" : "");
		break;
	}
	return len;
}
