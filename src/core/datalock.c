/* The data folder's lock (see datalock.h): flock() on a private file in the folder, which the
 * kernel releases when the holder ends, so a lock can never outlive a killed process. */
#include "core/datalock.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/durable.h"

struct datalock {
	int fd;
};

static const char *role_name(enum datalock_role role)
{
	return role == DATALOCK_PURGE ? "purge" : role == DATALOCK_UPGRADE ? "upgrade" : "kiosk";
}

/* Opens (or creates, 0600) the lock file without following a link or blocking on a FIFO.
 * *created tells whether this call made it. A file that cannot be opened for writing is
 * opened read-only: flock() needs no write access, only naming the holder does. */
static int open_lock_file(const char *path, bool *created, struct rjk_error *err)
{
	int flags = O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | flags, 0600);

	*created = fd >= 0;
	if (fd < 0 && errno == EEXIST)
		fd = open(path, O_RDWR | flags);
	if (fd < 0 && errno == EACCES)
		fd = open(path, O_RDONLY | flags);
	if (fd < 0) {
		if (errno == ELOOP || errno == EISDIR || errno == ENXIO)
			return rjk_error_set(err, "%s is not a regular file (a link, a folder or a "
					     "device); remove it (the kiosk makes its own lock file "
					     "there)", path), -1;
		return rjk_error_set(err, "cannot open the lock file %s: %s. Check that the "
				     "kiosk's user owns the data folder and the files in it.", path,
				     strerror(errno)), -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return rjk_error_set(err, "%s is not a regular file (a FIFO or a device); remove "
				     "it (the kiosk makes its own lock file there)", path), -1;
	}
	return fd;
}

/* Writes who holds the lock, for a refused process to read. */
static void write_holder(int fd, enum datalock_role role)
{
	char info[128];
	int n = snprintf(info, sizeof info, "pid %ld\nrole %s\nstarted %lld\n", (long)getpid(),
			 role_name(role), (long long)time(NULL));

	if (ftruncate(fd, 0) == 0 && pwrite(fd, info, (size_t)n, 0) == n) {
		/* Nothing to do: a lock file that says nothing only makes the refusal vaguer. */
	}
}

/* Describes the holder named in the lock file: "another kiosk (PID 1234, started 18:02)". */
static void describe_holder(int fd, enum datalock_role me, char *out, size_t size)
{
	char info[256], role[16] = "", when[32] = "";
	long pid = 0;
	long long started = 0;
	ssize_t n = pread(fd, info, sizeof info - 1, 0);

	info[n > 0 ? n : 0] = '\0';
	if (sscanf(info, "pid %ld\nrole %15s\nstarted %lld", &pid, role, &started) != 3 ||
	    pid <= 0 || (kill((pid_t)pid, 0) != 0 && errno != EPERM)) {
		/* Not written yet, or left by an earlier holder that is gone. */
		snprintf(out, size, "another rjkiosk process");
		return;
	}
	time_t t = (time_t)started, now = time(NULL);
	struct tm tm, today;
	localtime_r(&t, &tm);
	localtime_r(&now, &today);
	strftime(when, sizeof when, tm.tm_yday == today.tm_yday && tm.tm_year == today.tm_year ?
		 "%H:%M" : "%Y-%m-%d %H:%M", &tm);
	if (!strcmp(role, "purge"))
		snprintf(out, size, "'rjkiosk purge' (PID %ld, started %s)", pid, when);
	else if (!strcmp(role, "upgrade"))
		snprintf(out, size, "an rjkiosk command upgrading the data format (PID %ld, started "
			 "%s)", pid, when);
	else
		snprintf(out, size, "%s kiosk (PID %ld, started %s)",
			 me == DATALOCK_KIOSK ? "another" : "a", pid, when);
}

struct datalock *datalock_take(const char *data_dir, enum datalock_role role, bool *busy,
			       struct rjk_error *err)
{
	char path[PATH_MAX], holder[128];
	bool created;

	if (busy)
		*busy = false;
	if (snprintf(path, sizeof path, "%s/%s", data_dir, DATALOCK_FILE) >= (int)sizeof path) {
		rjk_error_set(err, "the data folder's path is too long");
		return NULL;
	}
	if (!durable_make_dirs(data_dir, err))
		return NULL;
	int fd = open_lock_file(path, &created, err);
	if (fd < 0)
		return NULL;
	if (created)
		durable_give_to_dir_owner(fd, data_dir);
	while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno == EINTR)
			continue;
		if (errno == EWOULDBLOCK) {
			if (busy)
				*busy = true;
			describe_holder(fd, role, holder, sizeof holder);
			rjk_error_set(err, "%s is using %s; close it first.", holder, data_dir);
		} else {
			rjk_error_set(err, "cannot lock %s: %s", path, strerror(errno));
		}
		close(fd);
		return NULL;
	}
	write_holder(fd, role);
	struct datalock *lock = malloc(sizeof *lock);
	if (!lock) {
		close(fd);
		rjk_error_set(err, "out of memory");
		return NULL;
	}
	lock->fd = fd;
	return lock;
}

void datalock_release(struct datalock *lock)
{
	if (!lock)
		return;
	/* Closing the last descriptor releases the flock. */
	close(lock->fd);
	free(lock);
}
