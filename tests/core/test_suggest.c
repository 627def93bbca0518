/* "Did you mean ...?" suggestions for misspelt keys. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/suggest.h"

static const char *const keys[] = {
	"id", "kind", "text", "minutes", "notes", "hint", "required", "max_chars",
	"min", "max", "labels", "options", "multiple", "captions", "skip_ahead",
};

static const struct {
	const char *typo;
	const char *want;   /* NULL: no suggestion */
} cases[] = {
	{"minuts", "minutes"},
	{"mintues", "minutes"},    /* swapped letters count as one edit */
	{"Minutes", "minutes"},    /* case does not matter */
	{"skipahead", "skip_ahead"},
	{"skip-ahead", "skip_ahead"},
	{"caption", "captions"},
	{"option", "options"},
	{"requird", "required"},
	{"maxchars", "max_chars"},
	{"lables", "labels"},
	{"kinds", "kind"},
	{"ID", "id"},
	{"colour", NULL},
	{"question", NULL},
	{"x", NULL},
	{"", NULL},
	{"a_very_long_key_that_is_nothing_like_any_known_key_at_all", NULL},
};

static void suggestion_table(void **state)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = suggest_nearest(cases[i].typo, keys, sizeof keys / sizeof keys[0]);
		if (cases[i].want == NULL ? got != NULL : (!got || strcmp(got, cases[i].want)))
			fail_msg("'%s': got '%s', want '%s'", cases[i].typo, got ? got : "(none)",
				 cases[i].want ? cases[i].want : "(none)");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(suggestion_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
