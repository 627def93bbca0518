/* Opening the store from a command run beside the kiosk (export, report, lrs...): a database
 * in an older data format is upgraded only while the data folder's lock is held, so a kiosk of
 * an older release still running on it never has its database changed under it. */
#include "core/store_impl.h"

#include <limits.h>
#include <stdio.h>

#include "core/datalock.h"

/* The data format the database at path says it is in, read without writing; 0 when it has
 * none yet or cannot be read (store_open then says why). */
static int64_t version_on_disk(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	int64_t version = 0;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) ==
	    SQLITE_OK && sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL) ==
	    SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		version = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return version;
}

struct store *store_open_beside_kiosk(const char *data_dir, struct rjk_error *err)
{
	char dir[PATH_MAX], path[PATH_MAX + 16];

	if (data_dir)
		snprintf(dir, sizeof dir, "%s", data_dir);
	else if (!store_default_dir(dir, sizeof dir, err))
		return NULL;
	snprintf(path, sizeof path, "%s/%s", dir, STORE_DB_NAME);
	int64_t version = version_on_disk(path);
	if (version <= 0 || version >= STORE_SCHEMA_VERSION)
		return store_open(data_dir, err);

	struct rjk_error why = {{0}};
	struct datalock *lock = datalock_take(dir, DATALOCK_UPGRADE, NULL, &why);
	if (!lock) {
		rjk_error_set(err, "%s is in an older data format, which this version of rjkiosk "
			      "must upgrade first, but %s Nothing was changed. Run this command "
			      "again once it has stopped (a kiosk started with this version "
			      "upgrades the data itself).", path, why.message);
		return NULL;
	}
	struct store *store = store_open(data_dir, err);
	datalock_release(lock);
	return store;
}
