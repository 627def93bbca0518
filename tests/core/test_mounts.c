/* USB sticks as the facilitator sees them: the mounts below /media and /run/media, each shown
 * by its file-system label (from a faked /dev/disk/by-label), else by its folder's name. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mounts.h"

static char dir[64];

/* dir/dev/sdb1, sdc1, sdd1 stand for devices; dir/by-label links to them as udev does. */
static int setup(void **state)
{
	static const char *const links[][2] = {
		{"KINGSTON", "../dev/sdb1"},
		{"MY\\x20STICK", "../dev/sdc1"},
		{"BAD\\x1bLABEL", "../dev/sdd1"},
	};
	char path[256], target[256];

	(void)state;
	strcpy(dir, "/tmp/rjk-mounts-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/dev", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/by-label", dir);
	mkdir(path, 0700);
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		FILE *f;

		snprintf(target, sizeof target, "%s/by-label/%s", dir, links[i][1]);
		f = fopen(target, "w");
		if (!f)
			return -1;
		fclose(f);
		snprintf(path, sizeof path, "%s/by-label/%s", dir, links[i][0]);
		if (symlink(links[i][1], path))
			return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

static const char *const roots[] = {"/media", "/run/media", NULL};

static void test_sticks(void **state)
{
	static const struct {
		const char *mountinfo;   /* "DEV" stands for the fake device folder */
		size_t count;
		const char *path[2], *label[2];
		bool read_only[2];
	} cases[] = {
		/* a desktop's udisks mount, labelled */
		{"36 25 8:17 / /run/media/alex/KINGSTON rw,nosuid,nodev - vfat DEV/sdb1 rw\n", 1,
		 {"/run/media/alex/KINGSTON"}, {"KINGSTON"}, {false}},
		/* usbmount's /media/usb0: the label, not the folder's name */
		{"36 25 8:17 / /media/usb0 rw,noexec - vfat DEV/sdb1 rw,fmask=0022\n", 1,
		 {"/media/usb0"}, {"KINGSTON"}, {false}},
		/* a label with a space (udev's \x20) on a mount point with one (the kernel's \040) */
		{"40 25 8:33 / /media/alex/MY\\040STICK rw - exfat DEV/sdc1 rw\n", 1,
		 {"/media/alex/MY STICK"}, {"MY STICK"}, {false}},
		/* no label: the folder's name; read-only */
		{"41 25 8:49 / /media/usb1 ro,relatime shared:5 - vfat /dev/nonexistent ro\n", 1,
		 {"/media/usb1"}, {"usb1"}, {true}},
		/* a label's control character is dropped */
		{"42 25 8:50 / /media/x rw - vfat DEV/sdd1 rw\n", 1, {"/media/x"}, {"BADLABEL"}, {false}},
		/* the system's own mounts and /media itself are not sticks */
		{"1 0 8:1 / / rw - ext4 /dev/sda1 rw\n"
		 "2 1 0:5 / /proc rw - proc proc rw\n"
		 "3 1 0:6 / /media rw - tmpfs tmpfs rw\n"
		 "4 1 0:7 / /mediafoo/x rw - tmpfs tmpfs rw\n"
		 "5 1 8:17 / /run/media/alex/KINGSTON rw - vfat DEV/sdb1 rw\n"
		 "6 1 8:33 / /media/alex/MY\\040STICK rw - vfat DEV/sdc1 rw", 2,
		 {"/run/media/alex/KINGSTON", "/media/alex/MY STICK"}, {"KINGSTON", "MY STICK"}, {false, false}},
		/* an fstab automount point, then the stick mounted on it: listed once, labelled */
		{"50 1 0:40 / /media/usb rw,relatime - autofs systemd-1 rw,fd=1\n"
		 "51 50 8:17 / /media/usb rw - vfat DEV/sdb1 rw\n", 1, {"/media/usb"},
		 {"KINGSTON"}, {false}},
		/* damaged lines are skipped */
		{"garbage\n\n36 25\n- - - - - -\n", 0, {NULL}, {NULL}, {false}},
		{"", 0, {NULL}, {NULL}, {false}},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[2048], by_label[128];
		struct mounts_stick got[4];
		size_t n, at = 0;

		/* DEV in the table becomes the fake device folder. */
		for (const char *p = cases[i].mountinfo; *p && at + 64 < sizeof text;) {
			if (!strncmp(p, "DEV", 3)) {
				at += (size_t)snprintf(text + at, sizeof text - at, "%s/dev", dir);
				p += 3;
			} else {
				text[at++] = *p++;
			}
		}
		text[at] = '\0';
		snprintf(by_label, sizeof by_label, "%s/by-label", dir);
		n = mounts_sticks(text, by_label, roots, got, 4);
		if (n != cases[i].count)
			fail_msg("case %zu: %zu sticks, want %zu", i, n, cases[i].count);
		for (size_t j = 0; j < n; j++) {
			assert_string_equal(got[j].path, cases[i].path[j]);
			assert_string_equal(got[j].label, cases[i].label[j]);
			assert_int_equal(got[j].read_only, cases[i].read_only[j]);
		}
	}
}

/* No more than asked for, and the real system's table reads without trouble. */
static void test_limits(void **state)
{
	struct mounts_stick got[1];
	char *text;

	(void)state;
	assert_int_equal(mounts_sticks("1 0 0:1 / /media/a rw - vfat x rw\n"
				       "2 0 0:1 / /media/b rw - vfat y rw\n", "/nonexistent", roots,
				       got, 1), 1);
	text = mounts_read_file(MOUNTS_INFO);
	assert_non_null(text);
	mounts_sticks(text, MOUNTS_BY_LABEL, roots, got, 1);
	free(text);
	assert_null(mounts_read_file("/nonexistent/mountinfo"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sticks, setup, teardown),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
