/* Checks a video file before libvlc sees it. */
#include "media/media_file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* libvlc "plays" a still picture as a silent 10 second video, which a trainee would take for
 * a frozen kiosk: recognise the common picture formats by their first bytes. */
static bool is_picture(const unsigned char *head, size_t n)
{
	static const struct {
		size_t at, len;
		const char *magic;
	} sigs[] = {
		{ 0, 8, "\x89PNG\r\n\x1a\n" }, { 0, 3, "\xff\xd8\xff" }, { 0, 4, "GIF8" },
		{ 0, 2, "BM" }, { 8, 4, "WEBP" }, { 0, 4, "II*\0" }, { 0, 4, "MM\0*" },
	};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (n >= sigs[i].at + sigs[i].len &&
		    memcmp(head + sigs[i].at, sigs[i].magic, sigs[i].len) == 0)
			return true;
	return false;
}

bool media_file_check(const char *path, struct rjk_error *err)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			return rjk_error_set(err, "%s: video file not found", path);
		return rjk_error_set(err, "%s: cannot open video file: %s", path, strerror(errno));
	}
	if (!S_ISREG(st.st_mode))
		return rjk_error_set(err, "%s: not a video file (it is a folder or device)", path);
	if (st.st_size == 0)
		return rjk_error_set(err, "%s: video file is empty (0 bytes)", path);
	/* O_NONBLOCK: a file swapped for a named pipe since the stat is refused, not waited on. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return rjk_error_set(err, "%s: cannot read video file: %s", path, strerror(errno));
	unsigned char head[16];
	ssize_t n = read(fd, head, sizeof head);
	int read_errno = errno;
	close(fd);
	if (n < 0)
		return rjk_error_set(err, "%s: cannot read video file: %s", path, strerror(read_errno));
	if (is_picture(head, (size_t)n))
		return rjk_error_set(err, "%s: this file is a still picture, not a video", path);
	return true;
}
