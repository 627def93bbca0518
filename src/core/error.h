/* Error reports for anything that can fail for outside reasons: one message a person can act on. */
#ifndef RJK_CORE_ERROR_H
#define RJK_CORE_ERROR_H

#include <stdbool.h>
#include <stddef.h>

#define RJK_ERROR_MAX 1024

/* Filled by a failing call, passed last. An empty message means no error. */
struct rjk_error {
	char message[RJK_ERROR_MAX];
};

/* Sets err's message (printf format). err may be NULL. Always returns false, so a failing
 * function can end with `return rjk_error_set(err, ...);`. */
bool rjk_error_set(struct rjk_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Clears err (may be NULL). */
void rjk_error_clear(struct rjk_error *err);

/* A growable list of messages, for checks that report every problem they find
 * (scenario validation). */
struct rjk_diags {
	char **items;
	size_t count;
	size_t cap;
};

/* Appends a formatted message. Returns false only when memory runs out. */
bool rjk_diags_add(struct rjk_diags *diags, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Frees every message and leaves the list empty and reusable. */
void rjk_diags_release(struct rjk_diags *diags);

#endif
