/* What the review lists and what it warns about before Submit: the steps it shows, and which
 * of them are "Not answered yet" (neither answered nor passed). Pure reads of the session. */
#ifndef RJK_CORE_REVIEW_H
#define RJK_CORE_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/session.h"

/* True when the review lists step index: a step of the journey or a cue step that takes an
 * answer (a discussion only when it has notes). */
bool review_listed(const struct session *session, size_t index);

/* True when step index is listed and still waits for an answer: nothing given and not
 * passed (discussion notes are optional and never wait). */
bool review_unanswered(const struct session *session, size_t index);

/* How many listed steps the trainee passed (Pass, or Next with nothing given). */
size_t review_passed_count(const struct session *session);

/* How many listed steps are not answered yet; the first cap of their indices, in order, go
 * into steps (which may be NULL when cap is 0). */
size_t review_unanswered_count(const struct session *session, size_t *steps, size_t cap);

#endif
