/* The text of the step being written (a text answer or discussion notes) as the session keeps
 * it while the answer field edits it in place: a textedit, with the answer's own string brought
 * up to date only when it is saved or read, so that a keystroke costs no copy of the text. */
#ifndef RJK_CORE_ANSWER_FIELD_H
#define RJK_CORE_ANSWER_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/scenario.h"
#include "core/session.h"
#include "core/textedit.h"

struct answer_field;

/* A closed field; NULL when out of memory. */
struct answer_field *answer_field_new(void);
/* Frees the field and its text (the answers are the caller's). NULL is a no-op. */
void answer_field_free(struct answer_field *field);

/* The text of step index (answers is the session's array, answers[index] that step's answer)
 * to edit in place: the one open when it holds that step's, else the answer's string loaded,
 * limited to the step's max_chars (or the string's own length when longer: the trainee's
 * words are never cut). Any other step's text is synced first. NULL for a step with no text
 * to write, or when memory runs out. Borrowed until the field is closed or opened for another
 * step. */
struct textedit *answer_field_open(struct answer_field *field, size_t index,
				   const struct step *step, struct session_answer *answers);

/* True while the field holds step index's text. */
bool answer_field_holds(const struct answer_field *field, size_t index);

/* Copies the edited text into its answer's string when it changed since the last copy (kept
 * as it was when memory runs out). */
void answer_field_sync(struct answer_field *field, struct session_answer *answers);

/* Syncs, then closes: the next open loads the answer's string again (the caller is about to
 * write it). */
void answer_field_close(struct answer_field *field, struct session_answer *answers);

#endif
