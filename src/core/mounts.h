/* The USB sticks (and other removable file systems) mounted on this machine, each with the
 * label people know it by: read from the kernel's mount table and udev's /dev/disk/by-label. */
#ifndef RJK_CORE_MOUNTS_H
#define RJK_CORE_MOUNTS_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

/* Where the system keeps them. */
#define MOUNTS_INFO "/proc/self/mountinfo"
#define MOUNTS_BY_LABEL "/dev/disk/by-label"

struct mounts_stick {
	char path[PATH_MAX];   /* where it is mounted */
	char label[256];       /* its file-system label, else the mount folder's name */
	bool read_only;        /* mounted read-only */
};

/* Lists the file systems in mountinfo (the text of /proc/self/mountinfo) mounted below one of
 * roots (a NULL-terminated list of folders such as "/media" and "/run/media", where desktop
 * and usbmount mounts go), at most max of them into out, in the table's order. Each one's
 * label is the name of the link in by_label (a folder like /dev/disk/by-label, udev's \xNN
 * escapes decoded) that leads to the device mounted there; without one, the mount folder's
 * name. Labels never hold control characters. When a folder is mounted on twice (a stick on
 * its automount point), the later mount is the one listed. Returns how many were found. */
size_t mounts_sticks(const char *mountinfo, const char *by_label, const char *const *roots,
		     struct mounts_stick *out, size_t max);

/* Reads a text file whole (at most 1 MiB) into a new nul-terminated string; NULL when it cannot
 * be read. The caller frees it. */
char *mounts_read_file(const char *path);

#endif
