/* Tests for the facilitator PIN: rules, hashing, lockout timing, persistence, modes, damage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/pin.h"

struct fixture {
	char dir[64];   /* a fresh temporary folder; the data folder is dir/data */
	char data[80];
	time_t now;     /* the fake wall clock, which anyone can set */
	int64_t boot;   /* the fake boot clock, which only moves forward within a boot */
	char boot_id[40];
};

static time_t fake_wall(void *ctx)
{
	return ((struct fixture *)ctx)->now;
}

static int64_t fake_boot(void *ctx)
{
	return ((struct fixture *)ctx)->boot;
}

static bool fake_boot_id(void *ctx, char *out, size_t size)
{
	const struct fixture *f = ctx;
	if (!f->boot_id[0])
		return false;
	snprintf(out, size, "%s", f->boot_id);
	return true;
}

/* Time passes: both clocks move. */
static void advance(struct fixture *f, int64_t seconds)
{
	f->now += seconds;
	f->boot += seconds;
}

/* The machine restarts: a new boot id, the boot clock starts again. */
static void reboot(struct fixture *f, const char *id)
{
	snprintf(f->boot_id, sizeof f->boot_id, "%s", id);
	f->boot = 7;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	strcpy(f->dir, "/tmp/rjk-pin-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->data, sizeof f->data, "%s/data", f->dir);
	f->now = 1700000000;
	f->boot = 1000;
	strcpy(f->boot_id, "0b5e2f6e-0000-4000-8000-000000000001");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	DIR *d = opendir(f->data);
	if (d) {
		struct dirent *e;
		char path[PATH_MAX];
		while ((e = readdir(d)))
			if (e->d_name[0] != '.') {
				snprintf(path, sizeof path, "%s/%s", f->data, e->d_name);
				unlink(path);
			}
		closedir(d);
		rmdir(f->data);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

static struct pin *open_pin(struct fixture *f)
{
	struct rjk_error err = {{0}};
	const struct pin_clock clock = {fake_wall, fake_boot, fake_boot_id, f};
	struct pin *pin = pin_open(f->data, &clock, &err);
	if (!pin)
		fail_msg("pin_open: %s", err.message);
	return pin;
}

static void set_ok(struct pin *pin, const char *value)
{
	struct rjk_error err = {{0}};
	if (!pin_set(pin, value, &err))
		fail_msg("pin_set(%s): %s", value, err.message);
}

/* Opens the data folder with the PIN 4821 set. */
static struct pin *open_with_pin(struct fixture *f)
{
	struct pin *pin = open_pin(f);
	set_ok(pin, "4821");
	return pin;
}

static void write_file(struct fixture *f, const char *name, const char *text)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", f->data, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static char *read_file(struct fixture *f, const char *name)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", f->data, name);
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	static char buf[8192];
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static void test_rules(void **state)
{
	static const struct {
		const char *pin;
		const char *message; /* a part of the refusal, or NULL when accepted */
	} cases[] = {
		{"4821", NULL},
		{"739164", NULL},
		{"120934781256", NULL},
		{"0000", "too easy"},
		{"1111111", "too easy"},
		{"1234", "too easy"},
		{"0123456789", "too easy"},
		{"9876", "too easy"},
		{"8901", "too easy"},
		{"1212", "too easy"},
		{"123123", "too easy"},
		{"2580", "too easy"},
		{"", "4 to 12 digits"},
		{"482", "4 to 12 digits"},
		{"4821739164205", "4 to 12 digits"},
		{"48 21", "digits (0-9) only"},
		{"48a1", "digits (0-9) only"},
		{"\xd9\xa4\xd9\xa8\xd9\xa2\xd9\xa1", "digits (0-9) only"}, /* Arabic-Indic digits */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rjk_error err = {{0}};
		bool ok = pin_acceptable(cases[i].pin, &err);
		if (!cases[i].message) {
			if (!ok)
				fail_msg("'%s' refused: %s", cases[i].pin, err.message);
			continue;
		}
		if (ok)
			fail_msg("'%s' accepted", cases[i].pin);
		if (!strstr(err.message, cases[i].message))
			fail_msg("'%s': got '%s', want '%s'", cases[i].pin, err.message,
				 cases[i].message);
	}
}

static void test_right_and_wrong(void **state)
{
	struct fixture *f = *state;
	struct pin *pin = open_pin(f);
	struct rjk_error err = {{0}};
	assert_false(pin_is_set(pin));
	assert_int_equal(pin_verify(pin, "4821", &err), PIN_NOT_SET);

	assert_false(pin_set(pin, "1234", &err));
	assert_false(pin_is_set(pin));
	set_ok(pin, "4821");
	assert_true(pin_is_set(pin));
	assert_int_equal(pin_verify(pin, "4822", &err), PIN_WRONG);
	assert_int_equal(pin_failures(pin), 1);
	assert_int_equal(pin_verify(pin, "", &err), PIN_WRONG);
	assert_int_equal(pin_verify(pin, "48210", &err), PIN_WRONG);
	assert_int_equal(pin_verify(pin, "4821", &err), PIN_OK);
	assert_int_equal(pin_failures(pin), 0);

	/* The file holds a self-describing Argon2id string, never the PIN. */
	const char *hash = read_file(f, PIN_HASH_FILE);
	assert_non_null(strstr(hash, "$argon2id$"));
	assert_null(strstr(hash, "4821"));

	/* A new PIN replaces the old one. */
	set_ok(pin, "739164");
	assert_int_equal(pin_verify(pin, "4821", &err), PIN_WRONG);
	assert_int_equal(pin_verify(pin, "739164", &err), PIN_OK);
	pin_free(pin);
}

/* A PIN set by another process ('rjkiosk set-pin' beside the running kiosk) is seen after a
 * refresh; a refresh with nothing changed keeps what was read. */
static void test_refresh_sees_a_pin_set_elsewhere(void **state)
{
	struct fixture *f = *state;
	struct pin *kiosk = open_pin(f), *cli;
	struct rjk_error err = {{0}};

	assert_true(pin_refresh(kiosk, &err));
	assert_false(pin_is_set(kiosk));
	cli = open_pin(f);
	set_ok(cli, "4821");
	assert_false(pin_is_set(kiosk));       /* not read again yet */
	assert_true(pin_refresh(kiosk, &err));
	assert_true(pin_is_set(kiosk));
	/* Changed again elsewhere: the old PIN no longer opens, the new one does. */
	set_ok(cli, "739164");
	assert_true(pin_refresh(kiosk, &err));
	assert_int_equal(pin_verify(kiosk, "4821", &err), PIN_WRONG);
	assert_int_equal(pin_verify(kiosk, "739164", &err), PIN_OK);
	pin_free(cli);
	pin_free(kiosk);
}

static void test_lockout_sequence(void **state)
{
	static const struct {
		int advance;        /* seconds the clock moves before the attempt */
		bool right;         /* the right PIN, or a wrong one */
		enum pin_result result;
		uint32_t locked;    /* pin_locked_for() after the attempt */
	} steps[] = {
		{0, false, PIN_WRONG, 0},
		{1, false, PIN_WRONG, 0},
		{1, false, PIN_WRONG, 0},
		{1, false, PIN_WRONG, 0},
		{1, false, PIN_WRONG, 30},   /* 5th failure: locked 30 s */
		{10, true, PIN_LOCKED, 20},  /* even the right PIN is refused while locked */
		{19, false, PIN_LOCKED, 1},
		{1, false, PIN_WRONG, 60},   /* 6th failure: doubled */
		{60, false, PIN_WRONG, 120}, /* 7th */
		{120, false, PIN_WRONG, 240},
		{240, false, PIN_WRONG, 480},
		{480, false, PIN_WRONG, 960},
		{960, false, PIN_WRONG, 1920},
		{1920, false, PIN_WRONG, 3600}, /* capped at an hour */
		{3600, false, PIN_WRONG, 3600},
		{3599, true, PIN_LOCKED, 1},
		{1, true, PIN_OK, 0},
		{0, false, PIN_WRONG, 0},    /* the count starts again after a right PIN */
	};
	struct fixture *f = *state;
	struct pin *pin = open_with_pin(f);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		struct rjk_error err = {{0}};
		advance(f, steps[i].advance);
		enum pin_result r = pin_verify(pin, steps[i].right ? "4821" : "9999", &err);
		if (r != steps[i].result)
			fail_msg("step %zu: result %d, want %d (%s)", i, r, steps[i].result,
				 err.message);
		if (pin_locked_for(pin) != steps[i].locked)
			fail_msg("step %zu: locked for %u s, want %u", i, pin_locked_for(pin),
				 steps[i].locked);
	}
	pin_free(pin);
}

static void test_lockout_survives_restart(void **state)
{
	struct fixture *f = *state;
	struct rjk_error err = {{0}};
	struct pin *pin = open_with_pin(f);
	for (int i = 0; i < PIN_FREE_ATTEMPTS; i++)
		assert_int_equal(pin_verify(pin, "1357", &err), PIN_WRONG);
	pin_free(pin);

	advance(f, 5);
	pin = open_pin(f);
	assert_true(pin_is_set(pin));
	assert_int_equal(pin_failures(pin), PIN_FREE_ATTEMPTS);
	assert_int_equal(pin_locked_for(pin), PIN_LOCK_FIRST_S - 5);
	assert_int_equal(pin_verify(pin, "4821", &err), PIN_LOCKED);
	pin_free(pin);

	/* A clock set back a year changes nothing: the boot clock times the lock. */
	f->now -= 365 * 24 * 3600;
	pin = open_pin(f);
	assert_int_equal(pin_locked_for(pin), PIN_LOCK_FIRST_S - 5);
	pin_free(pin);
	f->boot += PIN_LOCK_FIRST_S - 5;

	pin = open_pin(f);
	assert_int_equal(pin_verify(pin, "4821", &err), PIN_OK);
	pin_free(pin);
}

/* The wall clock set back or forward during a lock changes nothing; within a boot the lock ends
 * on time, kept or not across restarts of the app; a reboot counts the time left at the last
 * save again from the first read. Each row: clock changes, then whether the app restarts, then what the pad
 * says. The lock starts with five wrong PINs (30 s). */
static void test_clock_shifts(void **state)
{
	static const struct {
		const char *what;
		int64_t wall;      /* the wall clock is set this far (negative: back) */
		int64_t boot;      /* seconds that really pass */
		const char *boot_id; /* a reboot with this id, or NULL */
		bool restart;      /* the app is closed and opened again */
		uint32_t locked;   /* pin_locked_for() then */
	} steps[] = {
		{"locked", 0, 0, NULL, false, 30},
		{"wall clock set back a day", -86400, 0, NULL, false, 30},
		{"and read after a restart", 0, 0, NULL, true, 30},
		{"10 s pass", 0, 10, NULL, true, 20},
		{"wall clock set forward a year", 365 * 86400, 0, NULL, false, 20},
		{"and read after a restart", 0, 0, NULL, true, 20},
		/* A reboot counts again the time the lock had left when last saved. */
		{"the machine restarts", 0, 0, "0b5e2f6e-0000-4000-8000-000000000002", true, 30},
		{"5 s pass", -3600, 5, NULL, true, 25},
		{"restarts, no boot id", 0, 0, "", true, 30},
		{"5 s pass, no boot id", 0, 5, NULL, true, 25},
		{"the time is up", -86400, 25, NULL, false, 0},
		{"still open after a restart", 0, 0, NULL, true, 0},
	};
	struct fixture *f = *state;
	struct rjk_error err = {{0}};
	struct pin *pin = open_with_pin(f);
	for (int i = 0; i < PIN_FREE_ATTEMPTS; i++)
		assert_int_equal(pin_verify(pin, "1357", &err), PIN_WRONG);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		f->now += steps[i].wall;
		f->boot += steps[i].boot;
		if (steps[i].boot_id)
			reboot(f, steps[i].boot_id);
		if (steps[i].restart) {
			pin_free(pin);
			pin = open_pin(f);
		}
		if (pin_locked_for(pin) != steps[i].locked)
			fail_msg("step %zu (%s): locked for %u s, want %u", i, steps[i].what,
				 pin_locked_for(pin), steps[i].locked);
		/* Whatever the clocks did, the file agrees with the pad after a fresh read. */
		struct pin *again = open_pin(f);
		if (pin_locked_for(again) != steps[i].locked)
			fail_msg("step %zu (%s): reopened, locked for %u s, want %u", i,
				 steps[i].what, pin_locked_for(again), steps[i].locked);
		pin_free(again);
	}
	assert_int_equal(pin_verify(pin, "4821", &err), PIN_OK);
	pin_free(pin);
}

/* An attempt refused during a lock saves the time left, so a reboot counts only that again. */
static void test_refused_attempt_saves_time_left(void **state)
{
	struct fixture *f = *state;
	struct rjk_error err = {{0}};
	struct pin *pin = open_with_pin(f);
	for (int i = 0; i < PIN_FREE_ATTEMPTS; i++)
		assert_int_equal(pin_verify(pin, "1357", &err), PIN_WRONG);
	advance(f, 20);
	assert_int_equal(pin_verify(pin, "4821", &err), PIN_LOCKED);
	pin_free(pin);
	reboot(f, "0b5e2f6e-0000-4000-8000-000000000003");
	pin = open_pin(f);
	assert_int_equal(pin_locked_for(pin), PIN_LOCK_FIRST_S - 20);
	pin_free(pin);
}

/* A state file written by the first release (the lock's end in wall-clock seconds) is still
 * read, its lock never longer than the failures give, and rewritten in the current form, so a
 * clock that was set back when it was written does not lock the pad for good. */
static void test_old_state_file(void **state)
{
	static const struct {
		unsigned failures;
		int64_t until;     /* locked_until, relative to the wall clock now */
		uint32_t locked;
	} cases[] = {
		{0, 0, 0},
		{3, -100, 0},
		{5, 20, 20},
		{5, 365 * 86400, 30},  /* written before the clock was set back a year */
		{6, 86400, 60},
		{20, 7200, 3600},
		{5, -20, 0},
	};
	struct fixture *f = *state;
	struct pin *pin = open_with_pin(f);
	pin_free(pin);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[128];
		snprintf(text, sizeof text, "rjkiosk-pin-state 1\nfailures %u\nlocked_until %lld\n",
			 cases[i].failures, (long long)(f->now + cases[i].until));
		write_file(f, PIN_STATE_FILE, text);
		pin = open_pin(f);
		if (pin_failures(pin) != cases[i].failures ||
		    pin_locked_for(pin) != cases[i].locked)
			fail_msg("case %zu: %u failures, locked %u s; want %u, %u", i,
				 pin_failures(pin), pin_locked_for(pin), cases[i].failures,
				 cases[i].locked);
		pin_free(pin);
		assert_non_null(strstr(read_file(f, PIN_STATE_FILE), "rjkiosk-pin-state 2\n"));
		/* The wall clock stays where it is; the lock still ends. */
		f->boot += cases[i].locked;
		pin = open_pin(f);
		if (pin_locked_for(pin) != 0)
			fail_msg("case %zu: still locked %u s after its time", i, pin_locked_for(pin));
		pin_free(pin);
	}
}

static void test_modes(void **state)
{
	struct fixture *f = *state;
	struct rjk_error err = {{0}};
	struct pin *pin = open_with_pin(f);
	pin_verify(pin, "1357", &err);
	pin_free(pin);

	struct stat st;
	assert_int_equal(stat(f->data, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	static const char *const files[] = {PIN_HASH_FILE, PIN_STATE_FILE, PIN_LOG_FILE};
	for (size_t i = 0; i < 3; i++) {
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", f->data, files[i]);
		assert_int_equal(stat(path, &st), 0);
		if ((st.st_mode & 0777) != 0600)
			fail_msg("%s has mode %o", files[i], st.st_mode & 0777);
	}
	/* No temporary files are left behind. */
	DIR *d = opendir(f->data);
	struct dirent *e;
	int count = 0;
	while ((e = readdir(d)))
		count += e->d_name[0] != '.';
	closedir(d);
	assert_int_equal(count, 3);
}

static void test_log(void **state)
{
	struct fixture *f = *state;
	struct rjk_error err = {{0}};
	struct pin *pin = open_with_pin(f);
	for (int i = 0; i < PIN_FREE_ATTEMPTS; i++)
		pin_verify(pin, "7395", &err);
	pin_verify(pin, "4821", &err);
	advance(f, PIN_LOCK_FIRST_S);
	pin_verify(pin, "4821", &err);
	pin_free(pin);

	char *log = read_file(f, PIN_LOG_FILE);
	assert_null(strstr(log, "4821"));
	assert_null(strstr(log, "7395"));
	int lines = 0;
	for (char *p = log; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 1 + PIN_FREE_ATTEMPTS + 2);
	assert_true(strncmp(log, "2023-11-14T22:13:20Z set", 24) == 0);
	assert_non_null(strstr(log, "wrong: failure 5 in a row, locked for 30 s"));
	assert_non_null(strstr(log, "locked: attempt refused, 30 s left"));
	assert_non_null(strstr(log, "2023-11-14T22:13:50Z ok: right PIN"));
}

static void test_damaged_files(void **state)
{
	static const struct {
		const char *file;
		const char *text;
	} cases[] = {
		{PIN_HASH_FILE, "4821\n"},
		{PIN_HASH_FILE, ""},
		{PIN_HASH_FILE, "$argon2id$v=19$m=65536,t=2,p=1$garbage\n"},
		{PIN_STATE_FILE, "failures 0\n"},
		{PIN_STATE_FILE, "rjkiosk-pin-state 1\nfailures x\nlocked_until 0\n"},
		{PIN_STATE_FILE, "rjkiosk-pin-state 1\nfailures 1\nlocked_until 0\nmore\n"},
		{PIN_STATE_FILE, "rjkiosk-pin-state 2\nfailures 5\nremaining -1\nboot_id x\n"
				 "boottime 5\n"},
		{PIN_STATE_FILE, "rjkiosk-pin-state 2\nfailures 5\nremaining 3\nboot_id x\n"},
		{PIN_STATE_FILE, "rjkiosk-pin-state 3\nfailures 0\n"},
	};
	struct fixture *f = *state;
	struct pin *pin = open_with_pin(f);
	pin_free(pin);
	char good_hash[256], good_state[256];
	snprintf(good_hash, sizeof good_hash, "%s", read_file(f, PIN_HASH_FILE));
	snprintf(good_state, sizeof good_state, "%s", read_file(f, PIN_STATE_FILE));
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rjk_error err = {{0}};
		write_file(f, PIN_HASH_FILE, good_hash);
		write_file(f, PIN_STATE_FILE, good_state);
		write_file(f, cases[i].file, cases[i].text);

		pin = open_pin(f);
		assert_int_equal(pin_verify(pin, "4821", &err), PIN_ERROR);
		if (!strstr(err.message, cases[i].file) || !strstr(err.message, "damaged") ||
		    !strstr(err.message, "rjkiosk set-pin"))
			fail_msg("case %zu: unclear message '%s'", i, err.message);
		pin_free(pin);
	}
	/* Setting the PIN again repairs the files. */
	pin = open_pin(f);
	set_ok(pin, "739164");
	assert_int_equal(pin_verify(pin, "739164", NULL), PIN_OK);
	pin_free(pin);
}

static void test_bad_folder(void **state)
{
	struct fixture *f = *state;
	struct rjk_error err = {{0}};
	char path[PATH_MAX];
	/* Missing parents are created, each 0700. */
	snprintf(path, sizeof path, "%s/missing/deeper", f->data);
	struct pin *pin = pin_open(path, NULL, &err);
	assert_non_null(pin);
	pin_free(pin);
	rmdir(path);
	/* A file where the folder should be is refused clearly. */
	write_file(f, "missing/file", "x");
	snprintf(path, sizeof path, "%s/missing/file/deeper", f->data);
	assert_null(pin_open(path, NULL, &err));
	assert_non_null(strstr(err.message, "cannot create the data folder"));
	snprintf(path, sizeof path, "%s/missing/file", f->data);
	assert_null(pin_open(path, NULL, &err));
	assert_non_null(strstr(err.message, "is not a folder"));
	unlink(path);
	snprintf(path, sizeof path, "%s/missing", f->data);
	rmdir(path);
	pin_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules),
		cmocka_unit_test_setup_teardown(test_right_and_wrong, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refresh_sees_a_pin_set_elsewhere, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lockout_sequence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lockout_survives_restart, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clock_shifts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_attempt_saves_time_left, setup, teardown),
		cmocka_unit_test_setup_teardown(test_old_state_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_modes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_log, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_folder, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
