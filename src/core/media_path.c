/* Media path resolution with confinement to the scenario folder (see media_path.h). */
#define _GNU_SOURCE /* asprintf */
#include "core/media_path.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool has_dotdot(const char *rel)
{
	for (const char *p = rel; *p;) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return true;
		p += n;
		if (*p == '/')
			p++;
	}
	return false;
}

bool media_path_resolve(const char *dir, const char *rel, char **out, struct rjk_error *err)
{
	*out = NULL;
	if (rel[0] == '/')
		return rjk_error_set(err, "is an absolute path; write the path from the scenario "
					  "folder, e.g. 'media/video.mp4'");
	if (strchr(rel, '\\'))
		return rjk_error_set(err, "contains '\\'; separate folders with '/'");
	if (has_dotdot(rel))
		return rjk_error_set(err, "contains '..'; media files must be inside the scenario "
					  "folder");
	char *joined = NULL;
	if (asprintf(&joined, "%s/%s", dir, rel) < 0)
		return rjk_error_set(err, "out of memory");
	char *real = realpath(joined, NULL);
	int saved = errno;
	free(joined);
	if (!real) {
		if (saved == ENOENT || saved == ENOTDIR)
			return rjk_error_set(err, "was not found in the scenario folder; check the "
						  "spelling (capital letters matter) and that the "
						  "file was copied");
		return rjk_error_set(err, "cannot be opened: %s", strerror(saved));
	}
	size_t dlen = strlen(dir);
	/* The folder itself ('.') is inside: it is refused below as a folder, not as a link. */
	bool inside = !strncmp(real, dir, dlen) &&
		      (real[dlen] == '/' || !real[dlen] || (dlen == 1 && dir[0] == '/'));
	if (!inside) {
		free(real);
		return rjk_error_set(err, "leads outside the scenario folder through a symbolic "
					  "link; copy the file into the scenario folder instead");
	}
	struct stat st;
	if (stat(real, &st) != 0)
		st.st_mode = 0;
	if (!S_ISREG(st.st_mode)) {
		free(real);
		/* A named pipe or a device would block or never end when the player opens it. */
		if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ||
		    S_ISSOCK(st.st_mode))
			return rjk_error_set(err, "is not a regular file (a named pipe or a "
						  "device); name a media file");
		return rjk_error_set(err, "is not a regular file (a folder?); name a media file");
	}
	if (access(real, R_OK) != 0) {
		saved = errno;
		free(real);
		return rjk_error_set(err, "cannot be read: %s", strerror(saved));
	}
	*out = real;
	return true;
}
