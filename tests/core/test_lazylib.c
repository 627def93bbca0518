/* Tests for libraries opened at their first call (core/lazylib): a library the machine lacks
 * is a clear error, not a crash, and a function of a library the program does not link is
 * called through its header's prototype. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <curl/curl.h>

#include "core/lazylib.h"

#define curl_version(...) LAZYLIB_CALL(curl, curl_version)(__VA_ARGS__)

static struct lazylib missing = LAZYLIB_INIT("librjk-not-installed.so.1");
static struct lazylib curl = LAZYLIB_INIT(RJK_SONAME_CURL);

static void test_a_missing_library_is_an_error_naming_it(void **state)
{
	struct rjk_error err = {{0}};

	assert_false(lazylib_open(&missing, &err));
	assert_non_null(strstr(err.message, "librjk-not-installed.so.1"));
	assert_false(lazylib_is_open(&missing));
	/* Asking again says the same: nothing half-open is left behind. */
	memset(&err, 0, sizeof err);
	assert_false(lazylib_open(&missing, &err));
	assert_non_null(strstr(err.message, "librjk-not-installed.so.1"));
}

static void test_a_function_is_called_from_a_library_opened_on_first_use(void **state)
{
	assert_false(lazylib_is_open(&curl));
	/* The first call opens libcurl (the program is not linked with it) and finds it. */
	const char *version = curl_version();
	assert_true(lazylib_is_open(&curl));
	assert_non_null(version);
	assert_int_equal(strncmp(version, "libcurl/", 8), 0);
	/* Later calls from the same place use what was found. */
	assert_string_equal(curl_version(), version);
	struct rjk_error err = {{0}};
	assert_true(lazylib_open(&curl, &err));
	assert_string_equal(err.message, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_missing_library_is_an_error_naming_it),
		cmocka_unit_test(test_a_function_is_called_from_a_library_opened_on_first_use),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
