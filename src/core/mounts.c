/* Removable file systems and their labels (see mounts.h). */
#include "core/mounts.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decodes the kernel's octal escapes in a mountinfo field ("\040" for a space) in place. */
static void unescape_octal(char *s)
{
	char *w = s;

	for (char *r = s; *r; r++) {
		if (r[0] == '\\' && r[1] >= '0' && r[1] <= '3' && r[2] >= '0' && r[2] <= '7' &&
		    r[3] >= '0' && r[3] <= '7') {
			*w++ = (char)((r[1] - '0') * 64 + (r[2] - '0') * 8 + (r[3] - '0'));
			r += 3;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A by-label link's name as the label it stands for: udev writes "\x20" for a space, "\x2f"
 * for '/'. Control characters are dropped. */
static void label_from_link(const char *name, char *out, size_t size)
{
	size_t n = 0;

	for (const char *p = name; *p && n + 1 < size; p++) {
		unsigned char c = (unsigned char)*p;

		if (p[0] == '\\' && p[1] == 'x' && hex(p[2]) >= 0 && hex(p[3]) >= 0) {
			c = (unsigned char)(hex(p[2]) * 16 + hex(p[3]));
			p += 3;
		}
		if (c >= 0x20 && c != 0x7f)
			out[n++] = (char)c;
	}
	out[n] = '\0';
}

/* The label of the device source (a path such as /dev/sdb1) from the links in by_label. */
static bool find_label(const char *by_label, const char *source, char *out, size_t size)
{
	char device[PATH_MAX];
	DIR *d;
	struct dirent *de;
	bool found = false;

	if (source[0] != '/' || !realpath(source, device) || !(d = opendir(by_label)))
		return false;
	while (!found && (de = readdir(d))) {
		char link[PATH_MAX], target[PATH_MAX];

		if (de->d_name[0] == '.' ||
		    snprintf(link, sizeof link, "%s/%s", by_label, de->d_name) >= (int)sizeof link ||
		    !realpath(link, target) || strcmp(target, device))
			continue;
		label_from_link(de->d_name, out, size);
		found = out[0] != '\0';
	}
	closedir(d);
	return found;
}

/* True when path is strictly below root. */
static bool below(const char *path, const char *root)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	return !strncmp(path, root, n) && path[n] == '/' && path[n + 1] != '\0';
}

static bool has_option(const char *options, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = options; p; p = strchr(p, ',')) {
		p += *p == ',';
		if (!strncmp(p, name, n) && (p[n] == ',' || p[n] == '\0'))
			return true;
	}
	return false;
}

/* One mountinfo line: "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [TAGS...] - FSTYPE SOURCE
 * SUPEROPTIONS". False when it is not a mount below roots. */
static bool parse_line(char *line, const char *by_label, const char *const *roots,
		       struct mounts_stick *out)
{
	char *field[6], *save = NULL, *tok, *source = NULL;
	size_t n = 0;
	bool in_roots = false;

	for (tok = strtok_r(line, " ", &save); tok && n < 6; tok = strtok_r(NULL, " ", &save))
		field[n++] = tok;
	if (n < 6)
		return false;
	while (tok && strcmp(tok, "-"))
		tok = strtok_r(NULL, " ", &save);
	if (tok && strtok_r(NULL, " ", &save))   /* the file system's type */
		source = strtok_r(NULL, " ", &save);
	unescape_octal(field[4]);
	for (size_t i = 0; roots[i] && !in_roots; i++)
		in_roots = below(field[4], roots[i]);
	if (!in_roots || strlen(field[4]) >= sizeof out->path)
		return false;
	snprintf(out->path, sizeof out->path, "%s", field[4]);
	out->read_only = has_option(field[5], "ro");
	if (source)
		unescape_octal(source);
	if (!source || !find_label(by_label, source, out->label, sizeof out->label)) {
		const char *slash = strrchr(out->path, '/');

		label_from_link(slash ? slash + 1 : out->path, out->label, sizeof out->label);
	}
	return true;
}

size_t mounts_sticks(const char *mountinfo, const char *by_label, const char *const *roots,
		     struct mounts_stick *out, size_t max)
{
	size_t count = 0;

	for (const char *p = mountinfo; p && *p && count < max;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char line[3 * PATH_MAX];

		if (len < sizeof line) {
			memcpy(line, p, len);
			line[len] = '\0';
			if (parse_line(line, by_label, roots, &out[count])) {
				size_t same = 0;

				/* A later mount on the same folder (a stick under its automount
				 * point) hides the earlier one. */
				while (same < count && strcmp(out[same].path, out[count].path))
					same++;
				if (same < count)
					out[same] = out[count];
				else
					count++;
			}
		}
		p = end ? end + 1 : NULL;
	}
	return count;
}

char *mounts_read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	size_t cap = 1 << 20, len;
	char *text;

	if (!f)
		return NULL;
	text = malloc(cap + 1);
	if (text) {
		len = fread(text, 1, cap, f);
		text[len] = '\0';
	}
	fclose(f);
	return text;
}
