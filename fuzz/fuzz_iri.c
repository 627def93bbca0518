/* libFuzzer target for the xAPI base address the facilitator types (core/iri.c) and the session
 * label that names an export file (core/export_name.c): any text is refused or accepted without a
 * crash; an accepted base is an http(s) address with no space, query or fragment; a file name
 * holds only letters, digits, '-' and '.'. */
/* The checks below are the point of this target: keep them in release builds too. */
#undef NDEBUG
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/export_name.h"
#include "core/iri.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), name[EXPORT_NAME_MAX];
	struct rjk_error err = {{0}};

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (iri_check_base(text, &err)) {
		size_t len = strlen(text);

		assert(len <= IRI_BASE_MAX && utf8_valid(text, len, NULL));
		assert(!strncasecmp(text, "http://", 7) || !strncasecmp(text, "https://", 8));
		assert(!strpbrk(text, " ?#\t\r\n"));
	} else {
		assert(err.message[0] && utf8_valid(err.message, strlen(err.message), NULL));
	}
	struct store_session_info s = {.id = 7, .started = 1796463000000LL, .label = text};
	const char *endings[] = {export_name_ending(EXPORT_CSV), export_name_ending(EXPORT_JSON),
				 export_name_ending(EXPORT_XAPI), "pdf"};
	for (size_t f = 0; f < sizeof endings / sizeof endings[0]; f++) {
		export_name_file(&s, endings[f], 2, name, sizeof name);
		assert(!strncmp(name, "rjkiosk-", 8) && !strstr(name, ".."));
		for (const char *p = name; *p; p++)
			assert(strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.",
				      *p));
	}
	free(text);
	return 0;
}
