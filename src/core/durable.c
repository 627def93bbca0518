/* fsync of folders after creating or renaming files in them, and private folder creation (see
 * durable.h). */
#include "core/durable.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
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
