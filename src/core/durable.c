/* fsync of folders after creating or renaming files in them, private folder creation, and
 * temporary files that can be told from left-overs (see durable.h). */
#include "core/durable.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

bool durable_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

bool durable_sync_parent(const char *path)
{
	char dir[PATH_MAX];
	if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
		return false;
	char *slash = strrchr(dir, '/');
	if (!slash)
		return durable_sync_dir(".");
	slash[slash == dir] = '\0';     /* keep the "/" of a file in the root folder */
	return durable_sync_dir(dir);
}

bool durable_make_dirs(const char *dir, struct rjk_error *err)
{
	char buf[PATH_MAX];
	size_t len = strlen(dir);
	if (len == 0 || len >= sizeof buf)
		return rjk_error_set(err, "invalid data folder '%s'", dir);
	memcpy(buf, dir, len + 1);
	for (size_t i = 1; i <= len; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		char saved = buf[i];
		buf[i] = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return rjk_error_set(err, "cannot create the data folder %s: %s", buf,
					     strerror(errno));
		buf[i] = saved;
	}
	struct stat st;
	if (stat(dir, &st) != 0)
		return rjk_error_set(err, "cannot use the data folder %s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return rjk_error_set(err, "the data folder %s is not a folder", dir);
	return true;
}

int durable_temp(char *templ)
{
	int fd = mkstemp(templ);

	if (fd < 0)
		return -1;
	if (fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 || flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int e = errno;

		close(fd);
		unlink(templ);
		errno = e;
		return -1;
	}
	return fd;
}

bool durable_has_temp_suffix(const char *name)
{
	size_t len = strlen(name);

	if (len < 7 || name[len - 7] != '.')
		return false;
	for (size_t i = len - 6; i < len; i++)
		if (!isalnum((unsigned char)name[i]))
			return false;
	return true;
}

/* Removes dir/name when it is a regular file of ours that no live writer holds. */
static bool remove_if_stale(int dirfd, const char *name)
{
	struct stat held, now;
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	bool removed = false;

	if (fd < 0)
		return false;
	if (fstat(fd, &held) == 0 && S_ISREG(held.st_mode) && held.st_uid == geteuid() &&
	    flock(fd, LOCK_EX | LOCK_NB) == 0 &&
	    fstatat(dirfd, name, &now, AT_SYMLINK_NOFOLLOW) == 0 &&
	    now.st_dev == held.st_dev && now.st_ino == held.st_ino)
		removed = unlinkat(dirfd, name, 0) == 0;
	close(fd);
	return removed;
}

bool durable_is_temp_of(const char *name, const char *base)
{
	size_t len = strlen(base);

	return !strncmp(name, base, len) && strlen(name) == len + 7 &&
	       durable_has_temp_suffix(name);
}

bool durable_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

void durable_give_to_dir_owner(int fd, const char *dir)
{
	struct stat folder, file;

	if (geteuid() == 0 && stat(dir, &folder) == 0 && folder.st_uid != 0 &&
	    fstat(fd, &file) == 0 && file.st_uid == 0 &&
	    fchown(fd, folder.st_uid, folder.st_gid) != 0) {
		/* The owner's open then fails with the file's name: nothing better to do here. */
	}
}

bool durable_replace(const char *dir, const char *path, const void *data, size_t len)
{
	char tmp[PATH_MAX + 8];
	int fd, e;
	bool ok;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
		errno = ENAMETOOLONG;
		return false;
	}
	fd = durable_temp(tmp);
	if (fd < 0)
		return false;
	/* Renamed before it is closed: while open it is locked, so durable_remove_stale never
	 * takes it. */
	durable_give_to_dir_owner(fd, dir);
	ok = fchmod(fd, 0600) == 0 && durable_write_all(fd, data, len) && fsync(fd) == 0 &&
	     rename(tmp, path) == 0;
	e = errno;
	if (!ok)
		unlink(tmp);
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (ok)
		durable_sync_dir(dir);
	errno = e;
	return ok;
}

size_t durable_remove_stale(const char *dir, bool (*is_temp)(const char *name))
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t removed = 0;

	if (!d)
		return 0;
	while ((de = readdir(d)))
		if (is_temp(de->d_name) && remove_if_stale(dirfd(d), de->d_name))
			removed++;
	closedir(d);
	if (removed)
		durable_sync_dir(dir);
	return removed;
}
