/* A small streaming JSON writer (pretty-printed, two-space indent, or compact below a chosen
 * level) used by the JSON and xAPI exports, so escaping lives in one place. */
#ifndef RJK_CORE_JSON_WRITER_H
#define RJK_CORE_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_WRITER_MAX_DEPTH 32

#define JSON_WRITER_BUFFER 8192

/* Embedded writer state: json_writer_init it, then emit values. Commas, newlines and
 * indentation are placed automatically. The text is gathered in the writer and reaches out
 * whenever its buffer fills, when a value at the top level is complete, and at
 * json_writer_finish: write nothing else to out in between. */
struct json_writer {
	FILE *out;                      /* borrowed */
	char buffer[JSON_WRITER_BUFFER];
	size_t used;                    /* bytes of buffer not yet written to out */
	int depth;
	bool has_items[JSON_WRITER_MAX_DEPTH];
	bool after_key;
	bool failed;                    /* a write failed or nesting went too deep */
	int pretty_depth;               /* levels up to this one put each item on its own line */
};

/* A writer that pretty-prints every level. */
void json_writer_init(struct json_writer *w, FILE *out);

/* From now on, the levels below depth (nested deeper) are written compactly, with no line
 * breaks or spaces: with 1, each item of the top-level array stands compact on a line of its
 * own. */
void json_writer_compact_below(struct json_writer *w, int depth);

void json_begin_object(struct json_writer *w);
void json_end_object(struct json_writer *w);
void json_begin_array(struct json_writer *w);
void json_end_array(struct json_writer *w);

/* An object member's name; the next call writes its value. */
void json_key(struct json_writer *w, const char *key);

/* A string value. Invalid UTF-8 is written as U+FFFD so the output always parses; NULL writes
 * null. */
void json_string(struct json_writer *w, const char *s);
void json_int(struct json_writer *w, int64_t v);
void json_bool(struct json_writer *w, bool v);
void json_null(struct json_writer *w);

/* An object member: json_key then the value. */
void json_member_string(struct json_writer *w, const char *key, const char *value);
void json_member_int(struct json_writer *w, const char *key, int64_t value);
void json_member_bool(struct json_writer *w, const char *key, bool value);

/* Ends the document with a newline; false when anything failed along the way. */
bool json_writer_finish(struct json_writer *w);

#endif
