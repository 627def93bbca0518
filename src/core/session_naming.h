/* The names facilitators give sessions: the default one made from when a session starts and
 * its scenario's title ("Sat 5 Dec, 14:05 · Harm and repair"), and a typed one made tidy. */
#ifndef RJK_CORE_SESSION_NAMING_H
#define RJK_CORE_SESSION_NAMING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Writes the default name of a session started at ms (Unix time in milliseconds, shown in
 * local time) on a scenario titled title (may be NULL) into out: "Sat 5 Dec, 14:05 · title",
 * the title cut between characters so that the whole has at most max_chars characters (and
 * fits size bytes). Returns out. */
const char *session_naming_default(char *out, size_t size, int64_t ms, const char *title,
				   size_t max_chars);

/* Writes when ms (Unix time in milliseconds) was in local time, as the default name begins:
 * "Sat 5 Dec, 14:05". Returns out. */
const char *session_naming_time(char *out, size_t size, int64_t ms);

/* Copies a typed name into out without the spaces around it (runs of spaces inside kept as
 * typed). False when nothing but spaces was typed, or when it does not fit size. */
bool session_naming_tidy(const char *typed, char *out, size_t size);

#endif
