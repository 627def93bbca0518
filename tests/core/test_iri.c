/* The xAPI base address: what a learning record store can use as the force's own IRI is
 * accepted, everything else refused with a message naming the problem. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/iri.h"

static const struct {
	const char *base;
	const char *message;  /* part of the refusal; NULL when accepted */
} cases[] = {
	{"https://training.example.police.uk/rjkiosk/", NULL},
	{"https://training.example.org/rjkiosk", NULL},
	{"http://lrs.example.org", NULL},
	{"HTTPS://LRS.EXAMPLE.ORG/", NULL},
	{"https://[2001:db8::1]:8443/xapi", NULL},
	{"https://lrs.example.org:443/a/b%20c", NULL},
	{"https://\xC3\xA9" "cole.example/r\xC3\xA9sum\xC3\xA9", NULL},
	{"", "is empty"},
	{"example.org", "is not an absolute address"},
	{"/relative", "is not an absolute address"},
	{"not a url", "is not an absolute address"},
	{"lrs.example.org/rjkiosk", "is not an absolute address"},
	{"//lrs.example.org", "is not an absolute address"},
	{"1http://x.org", "is not an absolute address"},
	{"urn:rjkiosk", "is not an absolute address"},
	{"javascript:alert(1)", "is not an absolute address"},
	{"javascript://x.org/%0Aalert(1)", "is not a web address"},
	{"ftp://files.example.org/", "is not a web address"},
	{"file:///var/lib", "is not a web address"},
	{"http://", "names no host"},
	{"https:///path", "names no host"},
	{"https://user:secret@lrs.example.org/", "user name"},
	{"https://lrs.example.org:0/", "host or port"},
	{"https://lrs.example.org:99999/", "host or port"},
	{"https://lrs.example.org:8x/", "host or port"},
	{"https://lrs.example.org:/", "host or port"},
	{"https://[]/", "host or port"},
	{"https://[zz::1]/", "host or port"},
	{"https://lrs.example.org/a b", "contains a space"},
	{"https://lrs.example.org/\tx", "contains a space"},
	{"https://lrs.example.org/\x1b[2J", "contains a space or a character"},
	{"https://lrs.example.org/\xC2\x85", "contains a space or a character"},
	{"https://lrs.example.org/<x>", "a character an address cannot hold"},
	{"https://lrs.example.org/%zz", "a character an address cannot hold"},
	{"https://lrs.example.org/50%", "a character an address cannot hold"},
	{"https://lrs.example.org/?x=1", "has a '?' part"},
	{"https://lrs.example.org/#top", "has a '#' part"},
	{"https://lrs.example.org/\xff", "not valid UTF-8"},
	{"https://lrs.example.org/\xC3", "not valid UTF-8"},
};

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rjk_error err = {{0}};
		bool ok = iri_check_base(cases[i].base, &err);

		if (!cases[i].message) {
			if (!ok)
				fail_msg("'%s' refused: %s", cases[i].base, err.message);
			continue;
		}
		if (ok)
			fail_msg("'%s' accepted", cases[i].base);
		if (!strstr(err.message, cases[i].message))
			fail_msg("'%s': got '%s', want '%s'", cases[i].base, err.message,
				 cases[i].message);
		/* The refused text is never echoed raw. */
		assert_null(strchr(err.message, '\x1b'));
		assert_null(strchr(err.message, '\t'));
	}
}

/* The limit is on the whole address, and a long one is refused without being quoted whole. */
static void test_length(void **state)
{
	char base[IRI_BASE_MAX + 2];
	struct rjk_error err = {{0}};

	(void)state;
	memset(base, 'a', sizeof base - 1);
	base[sizeof base - 1] = '\0';
	memcpy(base, "https://x.org/", 14);
	base[IRI_BASE_MAX] = '\0';
	assert_true(iri_check_base(base, &err));
	base[IRI_BASE_MAX] = 'a';
	assert_false(iri_check_base(base, &err));
	assert_non_null(strstr(err.message, "longer than 512"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_length),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
