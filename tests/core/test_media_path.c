/* Media paths stay inside the scenario folder: the rules a video or captions path must meet. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/media_path.h"

static char root[PATH_MAX], scn[PATH_MAX + 8];

static void touch(const char *rel)
{
	char path[PATH_MAX * 2];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
}

static void link_at(const char *target, const char *rel)
{
	char path[PATH_MAX * 2];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(symlink(target, path), 0);
}

static int setup(void **state)
{
	char tmpl[] = "/tmp/rjk-media-XXXXXX";
	if (!mkdtemp(tmpl) || !realpath(tmpl, root))
		return -1;
	snprintf(scn, sizeof scn, "%s/scn", root);
	mkdir(scn, 0700);
	char sub[PATH_MAX + 16];
	snprintf(sub, sizeof sub, "%s/media", scn);
	mkdir(sub, 0700);
	touch("outside.mp4");
	touch("scn/video.mp4");
	touch("scn/media/clip.mp4");
	link_at("../outside.mp4", "scn/escape.mp4");
	link_at("/", "scn/rootlink");
	link_at("media/clip.mp4", "scn/alias.mp4");
	link_at("missing.mp4", "scn/dangling.mp4");
	link_at(".", "scn/here");
	char pipe[PATH_MAX * 2];
	snprintf(pipe, sizeof pipe, "%s/pipe.mp4", scn);
	if (mkfifo(pipe, 0600) != 0)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd);
}

static const struct {
	const char *rel;
	const char *resolved;   /* relative to the scenario folder; NULL: refused */
	const char *message;    /* the start of the message when refused */
} cases[] = {
	{"video.mp4", "video.mp4", NULL},
	{"media/clip.mp4", "media/clip.mp4", NULL},
	{"./media//clip.mp4", "media/clip.mp4", NULL},
	{"alias.mp4", "media/clip.mp4", NULL},
	{"/etc/hostname", NULL, "is an absolute path"},
	{"../outside.mp4", NULL, "contains '..'"},
	{"media/../video.mp4", NULL, "contains '..'"},
	{"media\\clip.mp4", NULL, "contains '\\'"},
	{"escape.mp4", NULL, "leads outside the scenario folder"},
	{"rootlink/etc/hostname", NULL, "leads outside the scenario folder"},
	{"Video.mp4", NULL, "was not found"},
	{"dangling.mp4", NULL, "was not found"},
	{"video.mp4/x", NULL, "was not found"},
	{"media", NULL, "is not a regular file"},
	/* The scenario folder itself is a folder, not a link leading outside it. */
	{".", NULL, "is not a regular file (a folder?)"},
	{"./", NULL, "is not a regular file (a folder?)"},
	{"media/.", NULL, "is not a regular file (a folder?)"},
	{"here", NULL, "is not a regular file (a folder?)"},
	{"pipe.mp4", NULL, "is not a regular file (a named pipe or a device)"},
	{"..video.mp4", NULL, "was not found"},  /* only a whole '..' part is refused */
};

static void path_table(void **state)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *out = (char *)1;
		struct rjk_error err = {""};
		bool ok = media_path_resolve(scn, cases[i].rel, &out, &err);
		if (cases[i].resolved) {
			if (!ok)
				fail_msg("'%s' refused: %s", cases[i].rel, err.message);
			char want[PATH_MAX * 2];
			snprintf(want, sizeof want, "%s/%s", scn, cases[i].resolved);
			assert_string_equal(out, want);
			free(out);
		} else {
			if (ok)
				fail_msg("'%s' accepted as %s", cases[i].rel, out);
			assert_null(out);
			if (strncmp(err.message, cases[i].message, strlen(cases[i].message)))
				fail_msg("'%s': %s", cases[i].rel, err.message);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(path_table, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
