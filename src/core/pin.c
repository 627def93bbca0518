/* The facilitator's PIN: rules, Argon2id hash file, persisted lockout and attempt log (see pin.h). */
#include "core/pin.h"
#include "core/durable.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The state file's first line; a different one is refused rather than guessed at. Version 1
 * held the lock's end in wall-clock time, which a clock set back could stretch; version 2 holds
 * the seconds left, the boot they were counted in and the boot clock's reading then. */
#define STATE_MAGIC_V1 "rjkiosk-pin-state 1"
#define STATE_MAGIC "rjkiosk-pin-state 2"
#define BOOT_ID_FILE "/proc/sys/kernel/random/boot_id"

struct pin {
	char *dir;
	struct pin_clock clock;
	char hash[crypto_pwhash_STRBYTES];
	bool has_hash;
	uint32_t failures;
	int64_t locked_until;   /* on the boot clock */
	/* Set when a file is damaged: verify refuses with this message until a new PIN is set. */
	char damage[RJK_ERROR_MAX];
	/* The hash file as last read, so that pin_refresh can tell a change by its stat alone. */
	struct stat seen;
	bool seen_exists;
};

/* The hash file's identity (or its absence) now. */
static bool stat_hash(const struct pin *pin, struct stat *st)
{
	char path[PATH_MAX];

	if (snprintf(path, sizeof path, "%s/%s", pin->dir, PIN_HASH_FILE) >= (int)sizeof path)
		return false;
	return stat(path, st) == 0;
}

static time_t wall_now(const struct pin *pin)
{
	return pin->clock.wall ? pin->clock.wall(pin->clock.ctx) : time(NULL);
}

static int64_t boot_now(const struct pin *pin)
{
	if (pin->clock.boot)
		return pin->clock.boot(pin->clock.ctx);
	struct timespec ts;
	if (clock_gettime(CLOCK_BOOTTIME, &ts) != 0 && clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (int64_t)ts.tv_sec;
}

static bool read_small(const char *path, char *buf, size_t size, bool *missing,
		       struct rjk_error *err);

/* This boot's id, or "-" when it cannot be known. */
static void boot_id(const struct pin *pin, char *out, size_t size)
{
	char buf[PIN_BOOT_ID_MAX + 2];
	bool missing, ok;
	if (pin->clock.boot_id)
		ok = pin->clock.boot_id(pin->clock.ctx, buf, sizeof buf);
	else
		ok = read_small(BOOT_ID_FILE, buf, sizeof buf, &missing, NULL) && !missing;
	size_t len = ok ? strcspn(buf, " \t\r\n") : 0;
	if (len == 0 || len > PIN_BOOT_ID_MAX) {
		snprintf(out, size, "-");
		return;
	}
	snprintf(out, size, "%.*s", (int)len, buf);
}

static bool path_in(const struct pin *pin, const char *name, char *out, size_t size,
		    struct rjk_error *err)
{
	int n = snprintf(out, size, "%s/%s", pin->dir, name);
	if (n < 0 || (size_t)n >= size)
		return rjk_error_set(err, "%s: the data folder's path is too long", pin->dir);
	return true;
}

/* True when every character is a digit and the PIN is one of the easy guesses: one digit
 * repeated, a run up or down (0123, 9876, with wrap-around), a short block repeated (1212,
 * 123123), or a keypad line (2580). */
static bool trivial(const char *pin, size_t len)
{
	static const char *const keypad[] = {"2580", "0852", "1470", "0741", "3690", "0963",
					     "1590", "0951", "3570", "0753"};
	int up = 1, down = 1;
	for (size_t i = 1; i < len; i++) {
		int d = pin[i] - pin[i - 1];
		up &= d == 1 || d == -9;
		down &= d == -1 || d == 9;
	}
	if (up || down)
		return true;
	for (size_t period = 1; period <= len / 2; period++) {
		if (len % period)
			continue;
		if (!memcmp(pin, pin + period, len - period))
			return true;
	}
	for (size_t i = 0; i < sizeof keypad / sizeof keypad[0]; i++)
		if (!strcmp(pin, keypad[i]))
			return true;
	return false;
}

bool pin_acceptable(const char *pin, struct rjk_error *err)
{
	size_t len = strlen(pin);
	for (size_t i = 0; i < len; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return rjk_error_set(err, "the PIN may contain digits (0-9) only");
	if (len < PIN_MIN_DIGITS || len > PIN_MAX_DIGITS)
		return rjk_error_set(err, "the PIN must be %d to %d digits long", PIN_MIN_DIGITS,
				     PIN_MAX_DIGITS);
	if (trivial(pin, len))
		return rjk_error_set(err, "that PIN is too easy to guess: avoid repeated digits, "
					  "runs such as 1234 or 9876, repeated patterns such as "
					  "1212, and keypad lines such as 2580");
	return true;
}

/* Reads a small file whole into buf (NUL-terminated). A missing file gives *missing = true. */
static bool read_small(const char *path, char *buf, size_t size, bool *missing,
		       struct rjk_error *err)
{
	*missing = false;
	/* O_NONBLOCK: a named pipe put in place of a PIN file must not hang the kiosk. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		if (errno == ENOENT) {
			*missing = true;
			return true;
		}
		return rjk_error_set(err, "%s: cannot open: %s", path, strerror(errno));
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return rjk_error_set(err, "%s: is not a regular file; remove it and set the PIN "
					  "again with 'rjkiosk set-pin'", path);
	}
	size_t len = 0;
	for (;;) {
		ssize_t n = read(fd, buf + len, size - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			return rjk_error_set(err, "%s: cannot read: %s", path, strerror(e));
		}
		if (n == 0 || (len += (size_t)n) == size - 1)
			break;
	}
	close(fd);
	buf[len] = '\0';
	return true;
}

/* Replaces the file at name atomically: a 0600 temporary beside it, synced, then renamed over
 * it and the folder synced, so a power cut leaves either the old file or the new one. */
static bool replace_file(const struct pin *pin, const char *name, const char *data,
			 struct rjk_error *err)
{
	char path[PATH_MAX];
	if (!path_in(pin, name, path, sizeof path, err))
		return false;
	if (!durable_replace(pin->dir, path, data, strlen(data)))
		return rjk_error_set(err, "%s: cannot write: %s", path, strerror(errno));
	return true;
}

/* "pin.XXXXXX" or "pin-state.XXXXXX": a replacement killed before its rename. */
static bool is_partial(const char *name)
{
	return durable_is_temp_of(name, PIN_HASH_FILE) || durable_is_temp_of(name, PIN_STATE_FILE);
}

size_t pin_remove_partials(const char *data_dir)
{
	return durable_remove_stale(data_dir, is_partial);
}

/* Appends one line to the attempt log: UTC time, then what happened. The PIN is never logged. */
static bool log_event(const struct pin *pin, const char *what, struct rjk_error *err)
{
	char path[PATH_MAX], line[256], stamp[32];
	if (!path_in(pin, PIN_LOG_FILE, path, sizeof path, err))
		return false;
	time_t t = wall_now(pin);
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(stamp, sizeof stamp, "@%lld", (long long)t);
	snprintf(line, sizeof line, "%s %s\n", stamp, what);
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0)
		return rjk_error_set(err, "%s: cannot open the PIN log: %s", path, strerror(errno));
	durable_give_to_dir_owner(fd, pin->dir);
	bool ok = durable_write_all(fd, line, strlen(line)) && fsync(fd) == 0;
	int e = errno;
	close(fd);
	if (!ok)
		return rjk_error_set(err, "%s: cannot write the PIN log: %s", path, strerror(e));
	return true;
}

static void set_damage(struct pin *pin, const char *file, const char *what)
{
	snprintf(pin->damage, sizeof pin->damage,
		 "%s/%s is damaged (%s); set the PIN again with 'rjkiosk set-pin' to repair it",
		 pin->dir, file, what);
}

static bool load_hash(struct pin *pin, struct rjk_error *err)
{
	char path[PATH_MAX], buf[crypto_pwhash_STRBYTES + 2];
	bool missing;
	if (!path_in(pin, PIN_HASH_FILE, path, sizeof path, err) ||
	    !read_small(path, buf, sizeof buf, &missing, err))
		return false;
	pin->has_hash = !missing;
	if (missing)
		return true;
	size_t len = strcspn(buf, "\n");
	bool one_line = buf[len] == '\0' || buf[len + 1] == '\0';
	buf[len] = '\0';
	/* needs_rehash answers -1 for anything that is not an Argon2id string with sane limits. */
	if (!one_line || len >= sizeof pin->hash ||
	    crypto_pwhash_str_needs_rehash(buf, crypto_pwhash_OPSLIMIT_INTERACTIVE,
					   crypto_pwhash_MEMLIMIT_INTERACTIVE) < 0) {
		set_damage(pin, PIN_HASH_FILE, "not an Argon2id PIN hash");
		return true;
	}
	memcpy(pin->hash, buf, len + 1);
	return true;
}

/* Seconds the pad stays locked after the given number of failures in a row. */
static uint32_t lock_seconds(uint32_t failures)
{
	if (failures < PIN_FREE_ATTEMPTS)
		return 0;
	uint32_t s = PIN_LOCK_FIRST_S;
	for (uint32_t i = PIN_FREE_ATTEMPTS; i < failures && s < PIN_LOCK_MAX_S; i++)
		s *= 2;
	return s < PIN_LOCK_MAX_S ? s : PIN_LOCK_MAX_S;
}

static int64_t remaining(const struct pin *pin, int64_t boot)
{
	return pin->locked_until > boot ? pin->locked_until - boot : 0;
}

static bool save_state(const struct pin *pin, struct rjk_error *err)
{
	char buf[256], id[PIN_BOOT_ID_MAX + 2];
	int64_t boot = boot_now(pin);
	boot_id(pin, id, sizeof id);
	snprintf(buf, sizeof buf,
		 STATE_MAGIC "\nfailures %" PRIu32 "\nremaining %lld\nboot_id %s\nboottime %lld\n",
		 pin->failures, (long long)remaining(pin, boot), id, (long long)boot);
	return replace_file(pin, PIN_STATE_FILE, buf, err);
}

static void set_damaged_state(struct pin *pin)
{
	set_damage(pin, PIN_STATE_FILE, "unreadable lockout state");
	/* Fail closed: a damaged lockout must not hand out free attempts. */
	pin->failures = PIN_FREE_ATTEMPTS;
	pin->locked_until = INT64_MAX;
}

/* Reads the state file. A lock is never longer than the failures give (nor than the cap); a
 * lock whose time had to be counted again (an older file, another boot, a value out of range)
 * is saved at once, so that what the pad shows and what the file says stay the same. */
static bool load_state(struct pin *pin, struct rjk_error *err)
{
	char path[PATH_MAX], buf[320];
	bool missing;
	pin->failures = 0;
	pin->locked_until = 0;
	if (!path_in(pin, PIN_STATE_FILE, path, sizeof path, err) ||
	    !read_small(path, buf, sizeof buf, &missing, err))
		return false;
	if (missing)
		return true;
	unsigned failures;
	long long left, saved_boot;
	char saved_id[PIN_BOOT_ID_MAX + 2];
	int used = 0;
	int64_t boot = boot_now(pin);
	bool recount;
	if (!strncmp(buf, STATE_MAGIC_V1 "\n", strlen(STATE_MAGIC_V1) + 1)) {
		long long until;
		if (sscanf(buf, STATE_MAGIC_V1 "\nfailures %u\nlocked_until %lld\n%n", &failures,
			   &until, &used) != 2 || used == 0 || buf[used] != '\0' || until < 0) {
			set_damaged_state(pin);
			return true;
		}
		/* The wall clock is all an old file has: trust it once, within the cap below. */
		int64_t t = wall_now(pin);
		left = until > t ? until - t : 0;
		recount = true;
	} else {
		if (sscanf(buf, STATE_MAGIC "\nfailures %u\nremaining %lld\nboot_id %64s\n"
			   "boottime %lld\n%n", &failures, &left, saved_id, &saved_boot, &used) != 4 ||
		    used == 0 || buf[used] != '\0' || left < 0 || saved_boot < 0) {
			set_damaged_state(pin);
			return true;
		}
		char id[PIN_BOOT_ID_MAX + 2];
		boot_id(pin, id, sizeof id);
		/* Without a boot id, a boot clock behind the saved reading means a reboot. */
		bool same_boot = !strcmp(id, saved_id) && saved_boot <= boot;
		if (same_boot) {
			left -= boot - saved_boot;
			if (left < 0)
				left = 0;
		}
		recount = !same_boot && left > 0;
	}
	pin->failures = failures;
	int64_t most = lock_seconds(pin->failures);
	if (left > most) {
		left = most;
		recount = true;
	}
	pin->locked_until = left ? boot + left : 0;
	return !recount || save_state(pin, err);
}

static bool load(struct pin *pin, struct rjk_error *err)
{
	pin->damage[0] = '\0';
	pin->seen_exists = stat_hash(pin, &pin->seen);
	return load_hash(pin, err) && load_state(pin, err);
}

struct pin *pin_open(const char *data_dir, const struct pin_clock *clock,
		     struct rjk_error *err)
{
	if (sodium_init() < 0) {
		rjk_error_set(err, "libsodium could not start");
		return NULL;
	}
	if (!durable_make_dirs(data_dir, err))
		return NULL;
	struct pin *pin = calloc(1, sizeof *pin);
	if (!pin) {
		rjk_error_set(err, "out of memory");
		return NULL;
	}
	pin->dir = strdup(data_dir);
	if (!pin->dir) {
		rjk_error_set(err, "out of memory");
		goto fail;
	}
	if (clock)
		pin->clock = *clock;
	if (!load(pin, err))
		goto fail;
	return pin;
fail:
	pin_free(pin);
	return NULL;
}

void pin_free(struct pin *pin)
{
	if (!pin)
		return;
	free(pin->dir);
	sodium_memzero(pin, sizeof *pin);
	free(pin);
}

bool pin_refresh(struct pin *pin, struct rjk_error *err)
{
	struct stat now;
	bool exists = stat_hash(pin, &now);

	if (exists == pin->seen_exists &&
	    (!exists || (now.st_dev == pin->seen.st_dev && now.st_ino == pin->seen.st_ino &&
			 now.st_size == pin->seen.st_size &&
			 now.st_mtim.tv_sec == pin->seen.st_mtim.tv_sec &&
			 now.st_mtim.tv_nsec == pin->seen.st_mtim.tv_nsec)))
		return true;
	return load(pin, err);
}

bool pin_is_set(const struct pin *pin)
{
	return pin->has_hash;
}

bool pin_set(struct pin *pin, const char *new_pin, struct rjk_error *err)
{
	if (!pin_acceptable(new_pin, err))
		return false;
	char hash[crypto_pwhash_STRBYTES], line[crypto_pwhash_STRBYTES + 1];
	if (crypto_pwhash_str(hash, new_pin, strlen(new_pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return rjk_error_set(err, "not enough memory to hash the PIN");
	snprintf(line, sizeof line, "%s\n", hash);
	if (!replace_file(pin, PIN_HASH_FILE, line, err))
		return false;
	memcpy(pin->hash, hash, sizeof hash);
	pin->has_hash = true;
	pin->damage[0] = '\0';
	pin->failures = 0;
	pin->locked_until = 0;
	return save_state(pin, err) && log_event(pin, "set: new PIN stored", err);
}

enum pin_result pin_verify(struct pin *pin, const char *attempt, struct rjk_error *err)
{
	char what[96];
	/* Re-read so that a PIN set or a lockout reached by another process counts here too. */
	if (!load(pin, err))
		return PIN_ERROR;
	if (pin->damage[0]) {
		log_event(pin, "refused: damaged PIN files", NULL);
		rjk_error_set(err, "%s", pin->damage);
		return PIN_ERROR;
	}
	if (!pin->has_hash) {
		log_event(pin, "refused: no PIN set", NULL);
		return PIN_NOT_SET;
	}
	uint32_t wait = pin_locked_for(pin);
	if (wait) {
		snprintf(what, sizeof what, "locked: attempt refused, %" PRIu32 " s left", wait);
		/* Saving the time left keeps what a reboot would count again short. */
		return save_state(pin, err) && log_event(pin, what, err) ? PIN_LOCKED : PIN_ERROR;
	}
	if (crypto_pwhash_str_verify(pin->hash, attempt, strlen(attempt)) == 0) {
		pin->failures = 0;
		pin->locked_until = 0;
		if (!save_state(pin, err) || !log_event(pin, "ok: right PIN", err))
			return PIN_ERROR;
		return PIN_OK;
	}
	if (pin->failures < UINT32_MAX)
		pin->failures++;
	uint32_t lock = lock_seconds(pin->failures);
	pin->locked_until = lock ? boot_now(pin) + lock : 0;
	snprintf(what, sizeof what, "wrong: failure %" PRIu32 " in a row, locked for %" PRIu32 " s",
		 pin->failures, lock);
	if (!save_state(pin, err) || !log_event(pin, what, err))
		return PIN_ERROR;
	return PIN_WRONG;
}

uint32_t pin_locked_for(const struct pin *pin)
{
	int64_t left = remaining(pin, boot_now(pin));
	return left > PIN_LOCK_MAX_S ? PIN_LOCK_MAX_S : (uint32_t)left;
}

uint32_t pin_failures(const struct pin *pin)
{
	return pin->failures;
}
