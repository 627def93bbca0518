/* Error collection for checks that report every problem in a file as "FILE:LINE:COL: message",
 * handed over in file order. */
#ifndef RJK_CORE_REPORT_H
#define RJK_CORE_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

/* At most this many messages are handed over, plus one line saying the rest were dropped, so
 * that a badly broken file does not bury its first (most useful) messages. */
#define REPORT_MAX_ERRORS 100

struct report_entry {
	int line, col;             /* 0 for problems that have no place */
	size_t seq;                /* order of reporting, to keep sorting stable */
	char *message;             /* "FILE:LINE:COL: message", owned */
};

/* Initialise with {.file = ..., .diags = ...}; finish with report_finish. */
struct report {
	const char *file;          /* borrowed: the file name written in front of each message */
	struct rjk_diags *diags;   /* borrowed: where messages go on report_finish */
	size_t count;              /* problems reported so far */
	struct report_entry *entries;
	size_t kept, cap;
};

/* Records "FILE:LINE:COL: message" (line and col 1-based). */
void report_at(struct report *r, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Records "FILE: message", for problems that have no place in the file. */
void report_file(struct report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Adds the recorded messages to r->diags sorted by place (those without one first), keeping
 * at most REPORT_MAX_ERRORS, and frees them. */
void report_finish(struct report *r);

/* Writes s[0..len) into out (size outsz, at least 8) as one line safe to print on a terminal:
 * what a terminal or screen would act on instead of showing is written visibly, control
 * characters (NUL, C0, DEL, C1) as \xNN, line and paragraph separators and bidirectional
 * overrides as \uNNNN, a byte that is not UTF-8 as \xNN. Every message that quotes text from a
 * file goes through here. At most max_chars characters are kept (0: as many as fit); a text
 * that is cut ends in "...". */
void report_escape(char *out, size_t outsz, const char *s, size_t len, size_t max_chars);

/* A short copy of user text s for use inside a message: report_escape cut at 40 characters. */
void report_excerpt(char *out, size_t outsz, const char *s);

/* Room for 40 characters, each escaped as at most six bytes, and "...". */
#define REPORT_EXCERPT_SIZE 256

#endif
