/* Streaming JSON output with escaping of every string (see json_writer.h). */
#include "core/json_writer.h"

#include <inttypes.h>
#include <string.h>

#include "core/utf8.h"

void json_writer_init(struct json_writer *w, FILE *out)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	w->pretty_depth = JSON_WRITER_MAX_DEPTH;
}

void json_writer_compact_below(struct json_writer *w, int depth)
{
	w->pretty_depth = depth;
}

/* Writes the gathered text to out. */
static void flush(struct json_writer *w)
{
	/* Unlocked: the writer's stream belongs to one thread. */
	if (!w->failed && w->used && fwrite_unlocked(w->buffer, 1, w->used, w->out) != w->used)
		w->failed = true;
	w->used = 0;
}

/* Gathers text in the buffer: an export makes many small writes, each of which would cost
 * more through stdio than its copy. */
static void put(struct json_writer *w, const char *s, size_t len)
{
	if (w->used + len > sizeof w->buffer) {
		flush(w);
		if (len > sizeof w->buffer) {
			if (!w->failed && fwrite_unlocked(s, 1, len, w->out) != len)
				w->failed = true;
			return;
		}
	}
	memcpy(w->buffer + w->used, s, len);
	w->used += len;
}

static void puts_raw(struct json_writer *w, const char *s)
{
	put(w, s, strlen(s));
}

/* A new line and two spaces per level, in one write. */
static void indent(struct json_writer *w)
{
	static const char line[2 * JSON_WRITER_MAX_DEPTH + 2] =
		"\n                                                                ";
	put(w, line, 1 + 2 * (size_t)w->depth);
}

/* Separator and indentation before a value (or a key) at the current level. */
static void before_value(struct json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth > 0) {
		if (w->has_items[w->depth])
			put(w, ",", 1);
		w->has_items[w->depth] = true;
		if (w->depth <= w->pretty_depth)
			indent(w);
	}
}

static void open_level(struct json_writer *w, const char *bracket)
{
	before_value(w);
	puts_raw(w, bracket);
	if (w->depth + 1 >= JSON_WRITER_MAX_DEPTH) {
		w->failed = true;
		return;
	}
	w->has_items[++w->depth] = false;
}

static void close_level(struct json_writer *w, const char *bracket)
{
	if (w->depth == 0) {
		w->failed = true;
		return;
	}
	bool had = w->has_items[w->depth--];
	if (had && w->depth + 1 <= w->pretty_depth)
		indent(w);
	puts_raw(w, bracket);
	if (w->depth == 0)
		flush(w);
}

void json_begin_object(struct json_writer *w) { open_level(w, "{"); }
void json_end_object(struct json_writer *w) { close_level(w, "}"); }
void json_begin_array(struct json_writer *w) { open_level(w, "["); }
void json_end_array(struct json_writer *w) { close_level(w, "]"); }

/* True for the bytes written as they are without decoding: printable ASCII but '"' and '\\'. */
static bool plain_ascii(unsigned char c)
{
	return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
}

static void quoted(struct json_writer *w, const char *s)
{
	size_t len = strlen(s), i = 0, run = 0;
	put(w, "\"", 1);
	while (i < len) {
		/* Most text is plain ASCII: it needs no decoding and goes out in one run. */
		if (plain_ascii((unsigned char)s[i])) {
			run++;
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		const char *esc = NULL;
		char buf[8];
		if (n == 0) {
			esc = "\xEF\xBF\xBD";
			n = 1;
		} else if (cp == '"') {
			esc = "\\\"";
		} else if (cp == '\\') {
			esc = "\\\\";
		} else if (cp == '\n') {
			esc = "\\n";
		} else if (cp == '\r') {
			esc = "\\r";
		} else if (cp == '\t') {
			esc = "\\t";
		} else if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029) {
			/* U+2028/2029 are valid JSON but end lines in JavaScript. */
			snprintf(buf, sizeof buf, "\\u%04x", (unsigned)cp);
			esc = buf;
		}
		if (esc) {
			put(w, s + i - run, run);
			run = 0;
			puts_raw(w, esc);
		} else {
			run += n;
		}
		i += n;
	}
	put(w, s + len - run, run);
	put(w, "\"", 1);
}

void json_key(struct json_writer *w, const char *key)
{
	before_value(w);
	quoted(w, key);
	if (w->depth <= w->pretty_depth)
		put(w, ": ", 2);
	else
		put(w, ":", 1);
	w->after_key = true;
}

void json_string(struct json_writer *w, const char *s)
{
	before_value(w);
	if (s)
		quoted(w, s);
	else
		puts_raw(w, "null");
}

void json_int(struct json_writer *w, int64_t v)
{
	/* Digits from the end, without printf's parsing of a format for every number. */
	char buf[24], *at = buf + sizeof buf;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	before_value(w);
	do {
		*--at = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--at = '-';
	put(w, at, (size_t)(buf + sizeof buf - at));
}

void json_bool(struct json_writer *w, bool v)
{
	before_value(w);
	puts_raw(w, v ? "true" : "false");
}

void json_null(struct json_writer *w)
{
	before_value(w);
	puts_raw(w, "null");
}

void json_member_string(struct json_writer *w, const char *key, const char *value)
{
	json_key(w, key);
	json_string(w, value);
}

void json_member_int(struct json_writer *w, const char *key, int64_t value)
{
	json_key(w, key);
	json_int(w, value);
}

void json_member_bool(struct json_writer *w, const char *key, bool value)
{
	json_key(w, key);
	json_bool(w, value);
}

bool json_writer_finish(struct json_writer *w)
{
	if (w->depth != 0)
		w->failed = true;
	put(w, "\n", 1);
	flush(w);
	return !w->failed;
}
