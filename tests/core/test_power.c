/* Tests for shutting down and restarting through systemctl, with stand-ins for systemctl first
 * on PATH: the arguments it gets, and what the facilitator is told when it refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/power.h"

static char dir[64];

/* Puts a systemctl stand-in with body (a shell script's lines) first on PATH. */
static void stand_in(const char *body)
{
	char path[128], env[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/systemctl", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	assert_int_equal(chmod(path, 0755), 0);
	snprintf(env, sizeof env, "%s:/usr/bin:/bin", dir);
	setenv("PATH", env, 1);
}

static char *read_args(void)
{
	static char buf[256];
	char path[128];
	FILE *f;
	size_t n;

	snprintf(path, sizeof path, "%s/args", dir);
	f = fopen(path, "r");
	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static const struct {
	const char *what;
	enum power_action action;
	const char *body;       /* %s: the folder */
	bool ok;
	const char *args;       /* what systemctl was given, NULL: not checked */
	const char *message;    /* in the error, NULL when ok */
} cases[] = {
	{"shut down: accepted", POWER_OFF, "echo \"$@\" >%s/args", true,
	 "--no-ask-password poweroff\n", NULL},
	{"restart: accepted", POWER_REBOOT, "echo \"$@\" >%s/args", true,
	 "--no-ask-password reboot\n", NULL},
	{"polkit refuses: its words are kept", POWER_OFF,
	 "echo 'Failed to power off system via logind: Access denied' >&2; exit 1 # %s", false,
	 NULL, "systemctl poweroff was refused: Failed to power off system via logind: Access denied"},
	{"refused on several lines: one line", POWER_REBOOT,
	 "printf 'Failed to reboot system via logind:\\nInteractive authentication required.\\n' >&2;"
	 " exit 1 # %s", false, NULL,
	 "refused: Failed to reboot system via logind: Interactive authentication required."},
	{"refused in silence", POWER_OFF, "exit 1 # %s", false, NULL, "it gave no reason"},
};

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rjk_error err = {{0}};
		char body[512], path[128];
		bool ok;

		snprintf(path, sizeof path, "%s/args", dir);
		unlink(path);
		snprintf(body, sizeof body, cases[i].body, dir);
		stand_in(body);
		ok = power_request(cases[i].action, &err);
		if (ok != cases[i].ok)
			fail_msg("%s: %s (%s)", cases[i].what, ok ? "accepted" : "refused",
				 err.message);
		if (cases[i].args && (!read_args() || strcmp(read_args(), cases[i].args)))
			fail_msg("%s: systemctl was given '%s'", cases[i].what,
				 read_args() ? read_args() : "(not run)");
		if (cases[i].message && !strstr(err.message, cases[i].message))
			fail_msg("%s: the message is '%s'", cases[i].what, err.message);
	}
}

/* No systemctl on PATH: said so, nothing crashes. */
static void test_no_systemctl(void **state)
{
	struct rjk_error err = {{0}};
	char path[128];

	(void)state;
	snprintf(path, sizeof path, "%s/systemctl", dir);
	unlink(path);
	setenv("PATH", dir, 1);
	assert_false(power_request(POWER_OFF, &err));
	assert_non_null(strstr(err.message, "systemctl"));
}

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/rjk-power-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	setenv("PATH", "/usr/bin:/bin", 1);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_no_systemctl),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
