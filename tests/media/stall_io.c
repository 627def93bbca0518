/* A test stand-in for a video source that stops delivering data mid-way (a dropped network
 * share): libvlc's reads of the file named by RJK_STALL_FILE return nothing beyond byte
 * RJK_STALL_AFTER and wait there, as a blocked read would, until libvlc interrupts them (stop).
 * Reads at the end of the file still see the end, so libvlc's header and tag readers work. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t vlc_read_i11e(int fd, void *buf, size_t count);

/* Reads this close to the end pass: libvlc looks for tags there before playing. */
#define TAIL 1024

/* How far reads of fd may go: -1 for any file but the stalled one. */
static off_t limit_of(int fd, off_t *size)
{
	const char *path = getenv("RJK_STALL_FILE");
	const char *after = getenv("RJK_STALL_AFTER");
	struct stat want, st;

	if (!path || !after || stat(path, &want) != 0 || fstat(fd, &st) != 0 ||
	    st.st_ino != want.st_ino || st.st_dev != want.st_dev)
		return -1;
	*size = st.st_size;
	return (off_t)atoll(after);
}

ssize_t vlc_read_i11e(int fd, void *buf, size_t count)
{
	/* libvlccore's own functions, found at run time (the kiosk links libvlc only). */
	static ssize_t (*next)(int, void *, size_t);
	static int (*poll_i11e)(struct pollfd *, unsigned, int);
	off_t size = 0, limit = limit_of(fd, &size), at;

	if (!next) {
		next = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "vlc_read_i11e");
		poll_i11e = (int (*)(struct pollfd *, unsigned, int))dlsym(RTLD_DEFAULT,
									  "vlc_poll_i11e");
	}
	if (limit >= 0 && (at = lseek(fd, 0, SEEK_CUR)) >= 0 && at < size - TAIL) {
		if (at + (off_t)count > limit && at < limit)
			count = (size_t)(limit - at);
		/* Waits like a read with no data: only libvlc's interruption ends it. */
		while (at >= limit) {
			struct pollfd none = {.fd = -1};
			if (poll_i11e(&none, 1, 100) < 0 && errno == EINTR)
				return -1;
		}
	}
	return next(fd, buf, count);
}
