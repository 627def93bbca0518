/* What the review lists and what it warns about before Submit (see review.h). */
#include "core/review.h"

#include "core/answer.h"

bool review_listed(const struct session *s, size_t index)
{
	const struct scenario *sc = session_scenario(s);

	if (index >= sc->step_count || !session_step_in_review(s, index))
		return false;
	return sc->steps[index].kind != STEP_DISCUSSION || sc->steps[index].notes;
}

bool review_unanswered(const struct session *s, size_t index)
{
	const struct step *step;
	const struct session_answer *a;

	if (!review_listed(s, index))
		return false;
	step = &session_scenario(s)->steps[index];
	a = session_answer(s, index);
	return step->kind != STEP_DISCUSSION && a->status != RESPONSE_PASSED &&
	       !answer_given(step, a);
}

size_t review_passed_count(const struct session *s)
{
	size_t n = 0;

	for (size_t i = 0; i < session_scenario(s)->step_count; i++)
		n += review_listed(s, i) && session_answer(s, i)->status == RESPONSE_PASSED;
	return n;
}

size_t review_unanswered_count(const struct session *s, size_t *steps, size_t cap)
{
	size_t n = 0;

	for (size_t i = 0; i < session_scenario(s)->step_count; i++) {
		if (!review_unanswered(s, i))
			continue;
		if (n < cap)
			steps[n] = i;
		n++;
	}
	return n;
}
