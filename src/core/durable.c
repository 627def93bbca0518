/* fsync of folders after creating or renaming files in them (see durable.h). */
#include "core/durable.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
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
