/* One step's answer in the forms the kiosk holds it (the trainee's answer in the session, the
 * response handed to the store, the response read back), converted between them and written
 * out in a few words. */
#ifndef RJK_CORE_ANSWER_H
#define RJK_CORE_ANSWER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/scenario.h"
#include "core/store.h"

struct session_answer; /* core/session.h */

/* Makes *a, all zero, an empty answer to step: no text, no value, nothing chosen. False when
 * out of memory (answer_release then frees what was made). */
bool answer_init(struct session_answer *a, const struct step *step);

/* Frees what a holds. */
void answer_release(struct session_answer *a);

/* Empties a, the answer to step, for the next trainee. */
void answer_clear(struct session_answer *a, const struct step *step);

/* True when a holds an answer to step: a scale value, a chosen option, or text that is not
 * blank. */
bool answer_given(const struct step *step, const struct session_answer *a);

/* Replaces a's text with a copy of text. False when out of memory (a is unchanged). */
bool answer_set_text(struct session_answer *a, const char *text);

/* The response that holds a, the answer to step, with video_ms (-1 when none). Its pointers
 * are borrowed from step and a, valid while they are unchanged; choices receives the chosen
 * option texts and must have room for CHOICE_MAX_OPTIONS. A pass carries no value. */
void answer_to_response(const struct step *step, const struct session_answer *a,
			int64_t video_ms, const char **choices, struct response *out);

/* Sets a, the answer to step, from a stored response to it (of the same kind): status, text,
 * scale value and the chosen options the step still offers. False when out of memory. */
bool answer_from_stored(const struct step *step, const struct stored_response *r,
			struct session_answer *a);

/* A stored response seen as a response: borrowed from r, valid while r is. */
struct response answer_stored_view(const struct stored_response *r);

/* Writes choices joined by sep into out like snprintf: at most size bytes, terminated when
 * size is not 0, and returns the length of the whole text (out may be NULL when size is 0). */
size_t answer_join(char *out, size_t size, const char *const *choices, size_t count,
		   const char *sep);

/* r's value in a few words, written like answer_join: the scale value (with its label, "4:
 * Agree", when step is not NULL and names that value), the chosen options joined by "; ", or
 * the text, cut after max_chars characters with an ellipsis when max_chars is not 0. "" when
 * r has no value (a pass, or nothing given yet). */
size_t answer_summary(char *out, size_t size, const struct response *r, const struct step *step,
		      size_t max_chars);

#endif
