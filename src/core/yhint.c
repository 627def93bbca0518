/* Plain-word messages for common mistakes behind YAML syntax errors (see yhint.h): each looks
 * at the lines around libyaml's error with the simple rules an author would apply by eye. */
#include "core/yhint.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/report.h"
#include "core/utf8.h"

/* How many lines before the error a key with no space after its ':' is looked for: a plain
 * text swallows the lines after such a key until a ': ' breaks it. */
#define NO_SPACE_LOOKBACK 2

/* One line of the text: bytes [start, end), without its line end. */
struct span {
	size_t start, end;
};

/* The bytes of line (1-based), or false when the text has fewer lines. Line ends are "\n",
 * "\r\n" or "\r", as the reader counts them. */
static bool line_span(const char *data, size_t len, int line, struct span *out)
{
	size_t i = 0;

	for (int l = 1; l < line; l++) {
		while (i < len && data[i] != '\n' && data[i] != '\r')
			i++;
		if (i == len)
			return false;
		i += data[i] == '\r' && i + 1 < len && data[i + 1] == '\n' ? 2 : 1;
	}
	out->start = i;
	while (i < len && data[i] != '\n' && data[i] != '\r')
		i++;
	out->end = i;
	return true;
}

/* The byte offset of column col (1-based, in characters) of a line, at most its end. */
static size_t column_offset(const char *data, struct span s, int col)
{
	size_t i = s.start;

	for (int c = 1; c < col && i < s.end; c++)
		i = s.start + utf8_next(data + s.start, s.end - s.start, i - s.start);
	return i;
}

/* The column (1-based, in characters) of byte offset off of a line. */
static int offset_column(const char *data, struct span s, size_t off)
{
	return 1 + (int)utf8_count(data + s.start, off - s.start);
}

/* True when a value may start at off: only spaces before it since the line's start, a ':',
 * a '- ' or a '[', '{' or ','. */
static bool value_starts(const char *data, struct span s, size_t off)
{
	while (off > s.start && data[off - 1] == ' ')
		off--;
	return off == s.start || strchr(":-[{,", data[off - 1]) != NULL;
}

/* The length of the curly or angle quote at data[off..end), or 0. */
static size_t curly_quote(const char *data, size_t off, size_t end, uint32_t *cp)
{
	size_t n = utf8_decode(data + off, end - off, cp);

	switch (n ? *cp : 0) {
	case 0x201C: /* “ */
	case 0x201D: /* ” */
	case 0x2018: /* ‘ */
	case 0x2019: /* ’ */
	case 0x201E: /* „ */
	case 0x201A: /* ‚ */
	case 0x00AB: /* « */
	case 0x00BB: /* » */
		return n;
	default:
		return 0;
	}
}

bool yhint_curly_quote(const char *text, size_t len, char *message, size_t size)
{
	uint32_t cp;
	size_t n = curly_quote(text, 0, len, &cp);

	if (!n)
		return false;
	snprintf(message, size, "this text starts with a curly (typographic) quote %.*s, which "
		 "does not count as a quote in a scenario file; put the text in straight quotes "
		 "\" or ' instead", (int)n, text);
	return true;
}

/* A value before the error that opens with a curly quote: YAML reads it as plain text, so a
 * ': ' or a '#' inside breaks it. */
static bool curly_quotes(const char *data, struct span s, size_t error, int *col, char *message,
			 size_t size)
{
	for (size_t i = s.start; i < error && i < s.end;) {
		uint32_t cp;
		size_t n = curly_quote(data, i, s.end, &cp);

		if (n && value_starts(data, s, i)) {
			*col = offset_column(data, s, i);
			return yhint_curly_quote(data + i, s.end - i, message, size);
		}
		i = s.start + utf8_next(data + s.start, s.end - s.start, i - s.start);
	}
	return false;
}

/* The quoted text, in quote characters, that the quote just before error (spaces skipped)
 * closes, when it opened at the start of a value on this line: libyaml stops just after such a
 * quote when more text follows it. *open and *close receive the two quotes' offsets. */
static bool quote_before(const char *data, struct span s, size_t error, char quote,
			 size_t *open, size_t *close)
{
	size_t q = error;

	while (q > s.start && data[q - 1] == ' ')
		q--;
	if (q == s.start || data[q - 1] != quote || error >= s.end)
		return false;
	q--;
	/* each opening quote at the start of a value, with '' inside single quotes standing for
	 * one apostrophe and '\' escaping the next character inside double quotes */
	for (size_t i = s.start; i < q; i++) {
		if (data[i] != quote || !value_starts(data, s, i))
			continue;
		size_t j = i + 1;
		while (j < s.end && !(data[j] == quote &&
				      (quote == '"' || j + 1 >= s.end || data[j + 1] != '\''))) {
			bool pair = quote == '"' ? data[j] == '\\' : data[j] == '\'';
			j += pair ? 2 : 1;
		}
		if (j == q) {
			*open = i;
			*close = q;
			return true;
		}
		i = j;
	}
	return false;
}

/* A quote that closes a quoted text too early: an apostrophe inside single quotes, or a text
 * that opens with a quotation in double quotes and goes on after it. The message has the
 * opening quote's column between its two parts. */
static const struct {
	char quote;
	const char *before, *after;
} early_quotes[] = {
	{'\'', "this apostrophe ends the text in single quotes that starts at column ",
	 "; write the apostrophe twice ('') to keep it in the text, or put the whole text in "
	 "double quotes \" instead"},
	{'"', "this quote ends the text in double quotes that starts at column ",
	 ", but the text goes on after it; write \\\" for each quote inside the text, or put "
	 "the whole text in single quotes ' instead"},
};

static bool early_quote(const char *data, struct span s, size_t error, int *col,
			char *message, size_t size)
{
	size_t open, close;

	for (size_t i = 0; i < sizeof early_quotes / sizeof early_quotes[0]; i++) {
		if (!quote_before(data, s, error, early_quotes[i].quote, &open, &close))
			continue;
		*col = offset_column(data, s, close);
		snprintf(message, size, "%s%d%s", early_quotes[i].before,
			 offset_column(data, s, open), early_quotes[i].after);
		return true;
	}
	return false;
}

/* A line that starts, after its indentation and any '- ', with a key whose ':' is followed by
 * something other than a space ("kind:text"). */
static bool no_space_after_colon(const char *data, struct span s, int *col, char *message,
				 size_t size)
{
	size_t i = s.start, key;

	while (i < s.end && data[i] == ' ')
		i++;
	while (i + 1 < s.end && data[i] == '-' && data[i + 1] == ' ')
		for (i += 2; i < s.end && data[i] == ' ';)
			i++;
	key = i;
	while (i < s.end && (strchr("_-", data[i]) || (data[i] >= 'a' && data[i] <= 'z') ||
			     (data[i] >= 'A' && data[i] <= 'Z') || (data[i] >= '0' && data[i] <= '9')))
		i++;
	if (i == key || i - key > 64 || i + 1 >= s.end || data[i] != ':' || data[i + 1] == ' ')
		return false;
	/* a web address in a text is not a key */
	if (i + 2 < s.end && data[i + 1] == '/' && data[i + 2] == '/')
		return false;

	char name[REPORT_EXCERPT_SIZE], rest[REPORT_EXCERPT_SIZE];

	report_escape(name, sizeof name, data + key, i - key, 64);
	report_escape(rest, sizeof rest, data + i + 1, s.end - i - 1, 40);
	*col = offset_column(data, s, i);
	snprintf(message, size, "a space is needed after the ':' of '%s'; write '%s: %s'", name,
		 name, rest);
	return true;
}

bool yhint_syntax(const char *data, size_t len, int *line, int *col, char *message, size_t size)
{
	struct span s;
	int first = *line - NO_SPACE_LOOKBACK;

	if (line_span(data, len, *line, &s)) {
		size_t error = column_offset(data, s, *col);
		if (curly_quotes(data, s, error, col, message, size) ||
		    early_quote(data, s, error, col, message, size))
			return true;
	}
	for (int l = *line; l >= first && l >= 1; l--) {
		if (line_span(data, len, l, &s) && no_space_after_colon(data, s, col, message, size)) {
			*line = l;
			return true;
		}
	}
	return false;
}
