/* The data folder's lock: one kiosk (or one purge, or one command upgrading the data format) at
 * a time per data folder, so two processes never resume the same trainee, and no session is
 * deleted and no database upgraded under a running kiosk. */
#ifndef RJK_CORE_DATALOCK_H
#define RJK_CORE_DATALOCK_H

#include <stdbool.h>

#include "core/error.h"

/* The lock file kept in the data folder (0600). It may stay after the kiosk ends: only the
 * kernel's lock on it counts, and that ends with the process, however it ends. */
#define DATALOCK_FILE "rjkiosk.lock"

/* Who holds the lock. */
enum datalock_role {
	DATALOCK_KIOSK,
	DATALOCK_PURGE,
	DATALOCK_UPGRADE, /* a command upgrading the data format (store_open_beside_kiosk) */
};

struct datalock;

/* Takes the lock on data_dir (borrowed; created 0700 with its parents when missing) for role,
 * without waiting. busy (may be NULL) tells whether the failure was another holder. The holder's PID, role and start time are written into the lock file so
 * that a refused process can name it. When another process holds the lock, returns NULL with
 * a message naming it ("another kiosk (PID 1234, started 18:02) is using /var/lib/rjkiosk;
 * close it first."). When root creates the lock file in a folder owned by another user, the
 * file is given to that user, so the kiosk's own user can still take the lock. */
struct datalock *datalock_take(const char *data_dir, enum datalock_role role, bool *busy,
			       struct rjk_error *err);

/* Releases the lock and frees it (NULL is a no-op). */
void datalock_release(struct datalock *lock);

#endif
