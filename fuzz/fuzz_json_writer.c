/* Fuzz target for the exports' JSON writer: any typed text must come out as one valid JSON
 * string (UTF-8, no raw control characters) that decodes back to the text when the text was
 * valid UTF-8. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_writer.h"
#include "core/utf8.h"

/* Checked in every build type (assert vanishes under NDEBUG). */
#define CHECK(cond) ((cond) ? (void)0 : abort())

/* Decodes the JSON string at s (after the opening quote) into out; returns its length. */
static size_t decode(const char *s, size_t len, char *out)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\\') {
			out[n++] = s[i];
			continue;
		}
		char c = s[++i];
		if (c == 'u') {
			char hex[5] = {s[i + 1], s[i + 2], s[i + 3], s[i + 4], 0};
			n += utf8_encode((uint32_t)strtoul(hex, NULL, 16), out + n);
			i += 4;
		} else {
			out[n++] = c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
		}
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	size_t len = strlen(text);
	char *out = NULL;
	size_t out_len = 0;
	FILE *f = open_memstream(&out, &out_len);
	struct json_writer w;
	json_writer_init(&w, f);
	json_string(&w, text);
	CHECK(json_writer_finish(&w));
	fclose(f);

	CHECK(out_len >= 3 && out[0] == '"' && out[out_len - 2] == '"' && out[out_len - 1] == '\n');
	CHECK(utf8_valid(out, out_len, NULL));
	for (size_t i = 0; i + 1 < out_len; i++)
		CHECK((unsigned char)out[i] >= 0x20 && out[i] != 0x7F);
	if (utf8_valid(text, len, NULL)) {
		char *back = malloc(out_len * 2 + 8);
		size_t back_len = decode(out + 1, out_len - 3, back);
		CHECK(back_len == len && memcmp(back, text, len) == 0);
		free(back);
	}
	free(out);
	free(text);
	return 0;
}
