/* Plain-word messages for YAML syntax errors that come from a mistake authors often make, found
 * by looking at the text around the place where libyaml stopped. */
#ifndef RJK_CORE_YHINT_H
#define RJK_CORE_YHINT_H

#include <stdbool.h>
#include <stddef.h>

/* Looks at data[0..len) around a syntax error that libyaml found at *line:*col (1-based,
 * columns in characters; libyaml's problem mark) for:
 * - a value that starts with a curly (typographic) quote, such as “ or ‘, which YAML does not
 *   take for a quote, so a ': ' inside it breaks the line;
 * - an apostrophe that ends a text in single quotes early ('It's fine');
 * - a key with no space after its ':' ("kind:text").
 * When one is found, writes the message into message (size bytes) and moves *line:*col to the
 * spot the author must change, and returns true; otherwise changes nothing and returns false.
 * data must be valid UTF-8. */
bool yhint_syntax(const char *data, size_t len, int *line, int *col, char *message,
		  size_t size);

/* When text[0..len) starts with a curly (typographic) quote, writes the message that says so
 * into message (size bytes) and returns true. For a text that YAML read as a group of keys
 * because the ': ' inside it was not in real quotes. */
bool yhint_curly_quote(const char *text, size_t len, char *message, size_t size);

#endif
