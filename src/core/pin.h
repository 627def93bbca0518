/* The facilitator's PIN: an Argon2id hash on disk, a lockout throttle that survives restarts,
 * and an append-only log of every attempt. */
#ifndef RJK_CORE_PIN_H
#define RJK_CORE_PIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/error.h"

#define PIN_MIN_DIGITS 4
#define PIN_MAX_DIGITS 12
/* Wrong PINs allowed before the pad locks. */
#define PIN_FREE_ATTEMPTS 5
/* First lock, doubled on every further failure, up to the cap. */
#define PIN_LOCK_FIRST_S 30
#define PIN_LOCK_MAX_S 3600

/* Files kept in the data folder, next to the responses. */
#define PIN_HASH_FILE "pin"
#define PIN_STATE_FILE "pin-state"
#define PIN_LOG_FILE "pin.log"

/* The clocks the lockout reads. The lockout is timed on the boot clock, which nobody can set
 * back or forward; the wall clock only stamps the log. Tests pass their own; NULL members (or a
 * NULL struct) mean the real ones: time(), CLOCK_BOOTTIME and the kernel's boot id. */
struct pin_clock {
	time_t (*wall)(void *ctx);     /* seconds since the epoch (UTC) */
	int64_t (*boot)(void *ctx);    /* seconds since the machine started, including sleep */
	/* Writes this boot's id (a string of at most PIN_BOOT_ID_MAX bytes) into out; false when
	 * it cannot be known. */
	bool (*boot_id)(void *ctx, char *out, size_t size);
	void *ctx;
};

#define PIN_BOOT_ID_MAX 64

struct pin;

enum pin_result {
	PIN_OK,        /* the PIN is right; the failure count is reset */
	PIN_WRONG,     /* the PIN is wrong; the failure is counted */
	PIN_LOCKED,    /* the pad is locked: the PIN was not even checked */
	PIN_NOT_SET,   /* no PIN has been set yet */
	PIN_ERROR,     /* a file could not be read or written: see err */
};

/* Checks the rules for a new PIN (digits only, PIN_MIN_DIGITS to PIN_MAX_DIGITS long, not a
 * trivial one such as 0000, 1234 or 2580). False with a message saying which rule it breaks. */
bool pin_acceptable(const char *pin, struct rjk_error *err);

/* Opens the PIN files in data_dir (borrowed; created 0700 if missing). clock (copied; NULL
 * means the real clocks) times lockouts and stamps the log. Reads the lockout state so a
 * restart does not reset it: within one boot the lock ends when its time has passed on the
 * boot clock, whatever the wall clock says; after a reboot the time that was left is counted
 * again from the first read, and saved so. A state file from an older release is read and
 * rewritten. A corrupt state or hash file is refused with a message saying how to repair it.
 * Returns NULL and fills err on failure. */
struct pin *pin_open(const char *data_dir, const struct pin_clock *clock,
		     struct rjk_error *err);

/* Frees pin (NULL is a no-op). */
void pin_free(struct pin *pin);

/* Reads the PIN files again when the hash file changed on disk since they were last read
 * (another process ran 'rjkiosk set-pin'): one stat when nothing changed. False and err when
 * the files can no longer be read. */
bool pin_refresh(struct pin *pin, struct rjk_error *err);

/* True when a PIN has been set (as last read: see pin_refresh). */
bool pin_is_set(const struct pin *pin);

/* Sets a new PIN (checked with pin_acceptable), replacing any old one: the hash file is written
 * atomically and 0600, the lockout is cleared, and the change is logged. */
bool pin_set(struct pin *pin, const char *new_pin, struct rjk_error *err);

/* Checks an attempt. A locked pad refuses without checking; a wrong PIN counts toward the
 * lockout, and the state is on disk before this returns. Every attempt is logged (never the
 * PIN itself). err is filled only for PIN_ERROR. */
enum pin_result pin_verify(struct pin *pin, const char *attempt, struct rjk_error *err);

/* Removes what a PIN change killed part-way left in data_dir ("pin.XXXXXX",
 * "pin-state.XXXXXX", never a file being written). Returns how many were removed. */
size_t pin_remove_partials(const char *data_dir);

/* Seconds until the pad unlocks; 0 when it is not locked. */
uint32_t pin_locked_for(const struct pin *pin);

/* Wrong PINs in a row since the last right one. */
uint32_t pin_failures(const struct pin *pin);

#endif
