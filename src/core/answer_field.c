/* The answer field's text kept by the session: loaded from an answer, edited in place, copied
 * back when saved or read. */
#include "core/answer_field.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

struct answer_field {
	struct textedit *edit;
	size_t step;             /* the step whose text edit holds, while open */
	bool open;
	unsigned long synced;    /* edit's revision when the answer's string last matched it */
};

struct answer_field *answer_field_new(void)
{
	return calloc(1, sizeof(struct answer_field));
}

void answer_field_free(struct answer_field *f)
{
	if (!f)
		return;
	textedit_free(f->edit);
	free(f);
}

bool answer_field_holds(const struct answer_field *f, size_t index)
{
	return f->open && f->step == index;
}

void answer_field_sync(struct answer_field *f, struct session_answer *answers)
{
	unsigned long rev;
	char *copy;

	if (!f->open || (rev = textedit_revision(f->edit)) == f->synced)
		return;
	if (!(copy = strdup(textedit_text(f->edit))))
		return;
	free(answers[f->step].text);
	answers[f->step].text = copy;
	f->synced = rev;
}

void answer_field_close(struct answer_field *f, struct session_answer *answers)
{
	answer_field_sync(f, answers);
	f->open = false;
}

struct textedit *answer_field_open(struct answer_field *f, size_t index,
				   const struct step *step, struct session_answer *answers)
{
	const char *text = answers[index].text;
	size_t max, chars;

	if (!step || !(step->kind == STEP_TEXT || (step->kind == STEP_DISCUSSION && step->notes)))
		return NULL;
	if (answer_field_holds(f, index))
		return f->edit;
	answer_field_close(f, answers);
	max = step->kind == STEP_TEXT && step->max_chars > 0 ? (size_t)step->max_chars :
		STEP_TEXT_LIMIT_MAX_CHARS;
	chars = utf8_count(text, strlen(text));
	/* A saved answer longer than the limit (the scenario was edited since) is kept whole
	 * rather than cut. */
	if (chars > max)
		max = chars;
	if (!f->edit || textedit_max_chars(f->edit) != max) {
		struct textedit *edit = textedit_new(max);

		if (!edit)
			return NULL;
		textedit_free(f->edit);
		f->edit = edit;
	}
	/* A text the editor refuses opens empty; the answer's string stays until typing
	 * replaces it. */
	if (!textedit_set(f->edit, text))
		textedit_set(f->edit, "");
	f->step = index;
	f->open = true;
	f->synced = textedit_revision(f->edit);
	return f->edit;
}
