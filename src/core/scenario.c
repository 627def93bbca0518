/* Loading a scenario file: reading, the top-level keys, the video and its cues (see
 * scenario.h); the steps are read by scenario_steps.c. */
#define _GNU_SOURCE /* asprintf */
#include "core/scenario.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/media_path.h"
#include "core/report.h"
#include "core/scenario_steps.h"
#include "core/suggest.h"
#include "core/timecode.h"
#include "core/yget.h"
#include "core/ytree.h"

static const char *const top_keys[] = {
	"rjkiosk", "id", "title", "language", "description", "content_note", "video", "steps",
};
static const char *const video_keys[] = {"file", "captions", "skip_ahead", "cues"};
static const char *const cue_keys[] = {"at", "step"};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A BCP 47-shaped tag: a 2 or 3 letter language, then subtags of 1 to 8 letters or digits
 * ("en", "en-GB", "pt-BR", "sr-Latn-RS"). The registry itself is not consulted. */
static bool language_tag_valid(const char *tag)
{
	size_t len = strlen(tag), i = 0, part = 0;
	if (len > 35)
		return false;
	while (i <= len) {
		size_t n = strspn(tag + i, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
					   "0123456789");
		if (n == 0 || n > 8)
			return false;
		if (part == 0) {
			if (n < 2 || n > 3)
				return false;
			for (size_t k = 0; k < n; k++)
				if (!isalpha((unsigned char)tag[k]))
					return false;
		}
		i += n;
		if (tag[i] == '\0')
			return true;
		if (tag[i] != '-')
			return false;
		i++, part++;
	}
	return false;
}

static bool read_version(struct report *r, const struct ytree_node *root, struct scenario *s)
{
	const struct ytree_node *k, *v = ytree_get(root, "rjkiosk", &k);
	if (!v) {
		report_at(r, root->line, root->col, "the scenario has no 'rjkiosk'; add the line "
			  "'rjkiosk: %d' at the top", SCENARIO_FORMAT_VERSION);
		return false;
	}
	long version;
	if (!yget_parse_int(v, &version)) {
		char got[2 * REPORT_EXCERPT_SIZE];
		yget_describe(got, sizeof got, v);
		report_at(r, v->line, v->col, "'rjkiosk' must be the format version %d, not %s",
			  SCENARIO_FORMAT_VERSION, got);
		return false;
	}
	if (version != SCENARIO_FORMAT_VERSION) {
		report_at(r, v->line, v->col, "'rjkiosk' is %ld, but this version of rjkiosk reads "
			  "format %d; write 'rjkiosk: %d' or use a newer rjkiosk", version,
			  SCENARIO_FORMAT_VERSION, SCENARIO_FORMAT_VERSION);
		return false;
	}
	s->version = (int)version;
	return true;
}

/* Reads one media path key of the video and resolves it inside the scenario folder. */
static bool read_media(struct report *r, const char *dir, const struct ytree_node *video,
		       const char *key, const char *what, unsigned flags, char **file, char **path)
{
	if (!yget_string(r, video, key, "the video", flags | YGET_ONE_LINE, file))
		return false;
	if (!*file)
		return true;
	const struct ytree_node *v = ytree_get(video, key, NULL);
	char shown[REPORT_EXCERPT_SIZE];
	report_excerpt(shown, sizeof shown, *file);
	if (!strcmp(key, "captions")) {
		const char *dot = strrchr(*file, '.');
		if (!dot || (strcasecmp(dot, ".srt") && strcasecmp(dot, ".vtt"))) {
			report_at(r, v->line, v->col, "%s '%s' must be a .srt or .vtt file", what,
				  shown);
			return false;
		}
	}
	struct rjk_error err = {""};
	if (!media_path_resolve(dir, *file, path, &err)) {
		report_at(r, v->line, v->col, "%s '%s' %s", what, shown, err.message);
		return false;
	}
	return true;
}

static int compare_cues(const void *a, const void *b)
{
	const struct video_cue *x = a, *y = b;
	return (x->at_ms > y->at_ms) - (x->at_ms < y->at_ms);
}

/* Checks a cue's time; another cue at the same time is refused. */
static bool cue_time(struct report *r, const struct ytree_node *cue, const char *where,
		     const char *at, const struct scenario_video *v, const int *lines, int64_t *ms)
{
	const struct ytree_node *n = ytree_get(cue, "at", NULL);
	if (!timecode_parse(at, ms)) {
		char shown[REPORT_EXCERPT_SIZE];
		report_excerpt(shown, sizeof shown, at);
		report_at(r, n->line, n->col, "time '%s' in %s is not a time; write minutes and "
			  "seconds like 1:30, or hours like 1:02:03 (optionally with "
			  "milliseconds: 1:30.250)", shown, where);
		return false;
	}
	for (size_t i = 0; i < v->cue_count; i++) {
		if (v->cues[i].at_ms == *ms) {
			char t[16];
			report_at(r, n->line, n->col, "another cue is already at %s (line %d); "
				  "give each cue its own time", timecode_format(*ms, t, sizeof t),
				  lines[i]);
			return false;
		}
	}
	return true;
}

/* Checks that a cue names an existing step that no earlier cue names. ids_known: every step
 * has a sound id, so a cue naming none of them is the cue's fault (otherwise the step's own
 * message says it all). */
static bool cue_step(struct report *r, const struct ytree_node *cue, const char *where,
		     const char *step, const struct scenario *s, const int *lines, bool ids_known,
		     size_t *found)
{
	const struct ytree_node *n = ytree_get(cue, "step", NULL);
	if (!scenario_find_step(s, step, found)) {
		if (!ids_known)
			return false;
		char shown[REPORT_EXCERPT_SIZE];
		report_excerpt(shown, sizeof shown, step);
		const char **ids = calloc(s->step_count, sizeof *ids);
		size_t nids = 0;
		for (size_t i = 0; ids && i < s->step_count; i++)
			ids[nids++] = s->steps[i].id;
		const char *near = ids ? suggest_nearest(step, ids, nids) : NULL;
		if (near)
			report_at(r, n->line, n->col, "%s names step '%s', but no step has that "
				  "id; did you mean '%s'?", where, shown, near);
		else
			report_at(r, n->line, n->col, "%s names step '%s', but no step has that id",
				  where, shown);
		free(ids);
		return false;
	}
	for (size_t i = 0; i < s->video->cue_count; i++) {
		if (s->video->cues[i].step == *found) {
			report_at(r, n->line, n->col, "step '%s' already has a cue (line %d); a step "
				  "can be shown by one cue only", step, lines[i]);
			return false;
		}
	}
	return true;
}

/* Reads one cue into v->cues[v->cue_count]; lines[] keeps where each earlier cue was. */
static bool read_cue(struct report *r, const struct ytree_node *cue, size_t index,
		     struct scenario *s, int *lines, bool ids_known)
{
	struct scenario_video *v = s->video;
	char where[64];
	snprintf(where, sizeof where, "cue %zu", index + 1);
	if (cue->type != YTREE_MAP) {
		report_at(r, cue->line, cue->col, "%s must be a group of 'key: value' lines "
			  "(at, step)", where);
		return false;
	}
	bool ok = yget_check_keys(r, cue, where, cue_keys, COUNT(cue_keys));
	char *at = NULL, *step = NULL;
	ok &= yget_string(r, cue, "at", where, YGET_REQUIRED | YGET_ONE_LINE, &at);
	ok &= yget_string(r, cue, "step", where, YGET_REQUIRED | YGET_ONE_LINE, &step);
	int64_t ms = 0;
	size_t found = 0;
	ok &= at && cue_time(r, cue, where, at, v, lines, &ms);
	ok &= step && cue_step(r, cue, where, step, s, lines, ids_known, &found);
	free(at);
	if (!ok) {
		free(step);
		return false;
	}
	lines[v->cue_count] = cue->line;
	const struct ytree_node *at_node = ytree_get(cue, "at", NULL);
	v->cues[v->cue_count++] = (struct video_cue){ms, step, found, at_node->line, at_node->col};
	s->steps[found].is_cue = true;
	return true;
}

static bool read_cues(struct report *r, const struct ytree_node *video, struct scenario *s)
{
	/* a typo in a step's id must not also show up as a cue naming no step */
	bool ids_known = s->step_count > 0;
	for (size_t i = 0; i < s->step_count; i++)
		ids_known &= s->steps[i].id && scenario_id_valid(s->steps[i].id);
	const struct ytree_node *list;
	if (!yget_collection(r, video, "cues", "the video", 0, YTREE_SEQ, &list))
		return false;
	if (!list || list->count == 0)
		return true;
	s->video->cues = calloc(list->count, sizeof *s->video->cues);
	int *lines = calloc(list->count, sizeof *lines);
	if (!s->video->cues || !lines) {
		free(lines);
		report_file(r, "out of memory");
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i < list->count; i++)
		ok &= read_cue(r, list->items[i], i, s, lines, ids_known);
	free(lines);
	qsort(s->video->cues, s->video->cue_count, sizeof *s->video->cues, compare_cues);
	return ok;
}

static bool read_video(struct report *r, const struct ytree_node *root, struct scenario *s)
{
	const struct ytree_node *video;
	if (!yget_collection(r, root, "video", NULL, 0, YTREE_MAP, &video))
		return false;
	if (!video)
		return true;
	s->video = calloc(1, sizeof *s->video);
	if (!s->video) {
		report_file(r, "out of memory");
		return false;
	}
	struct scenario_video *v = s->video;
	bool ok = yget_check_keys(r, video, "the video", video_keys, COUNT(video_keys));
	ok &= read_media(r, s->dir, video, "file", "video file", YGET_REQUIRED, &v->file,
			 &v->path);
	ok &= read_media(r, s->dir, video, "captions", "captions file", 0, &v->captions,
			 &v->captions_path);
	ok &= yget_bool(r, video, "skip_ahead", "the video", &v->skip_ahead);
	if (v->file) {
		const struct ytree_node *file = ytree_get(video, "file", NULL);
		v->file_line = file->line;
		v->file_col = file->col;
	}
	/* cues name steps: they are read once the steps are */
	return ok;
}

/* Reads everything under the root mapping; reports every problem and returns false if any. */
static bool read_scenario(struct report *r, const struct ytree_node *root, struct scenario *s)
{
	if (root->type != YTREE_MAP) {
		report_at(r, root->line, root->col, "a scenario file must be a group of 'key: "
			  "value' lines, starting with 'rjkiosk: %d'", SCENARIO_FORMAT_VERSION);
		return false;
	}
	bool ok = yget_check_keys(r, root, NULL, top_keys, COUNT(top_keys));
	ok &= read_version(r, root, s);
	if (yget_string(r, root, "id", NULL, YGET_REQUIRED | YGET_ONE_LINE, &s->id))
		ok &= scenario_check_id(r, ytree_get(root, "id", NULL), "scenario id", s->id);
	else
		ok = false;
	ok &= yget_string(r, root, "title", NULL, YGET_REQUIRED | YGET_ONE_LINE, &s->title);
	if (yget_string(r, root, "language", NULL, YGET_ONE_LINE, &s->language)) {
		if (s->language && !language_tag_valid(s->language)) {
			const struct ytree_node *v = ytree_get(root, "language", NULL);
			char shown[REPORT_EXCERPT_SIZE];
			report_excerpt(shown, sizeof shown, s->language);
			report_at(r, v->line, v->col, "language '%s' is not a language tag; write "
				  "a tag like 'en', 'en-GB' or 'cy'", shown);
			ok = false;
		}
	} else {
		ok = false;
	}
	ok &= yget_string(r, root, "description", NULL, 0, &s->description);
	ok &= yget_string(r, root, "content_note", NULL, 0, &s->content_note);
	ok &= read_video(r, root, s);
	const struct ytree_node *steps;
	ok &= yget_collection(r, root, "steps", NULL, YGET_REQUIRED, YTREE_SEQ, &steps) &&
	      scenario_steps_read(r, steps, s);
	if (s->video)
		ok &= read_cues(r, ytree_get(root, "video", NULL), s);
	return ok;
}

struct scenario *scenario_load_buffer(const char *name, const char *dir, const char *data,
				      size_t len, struct rjk_diags *diags)
{
	struct report r = {.file = name, .diags = diags};
	if (len > SCENARIO_MAX_FILE_BYTES) {
		report_file(&r, "the file is %zu KiB; a scenario file may be at most %d KiB (1 MiB)",
			    (len + 1023) / 1024, SCENARIO_MAX_FILE_BYTES / 1024);
		report_finish(&r);
		return NULL;
	}
	if (sodium_init() < 0) {
		report_file(&r, "the hashing library could not start");
		report_finish(&r);
		return NULL;
	}
	struct scenario *s = calloc(1, sizeof *s);
	if (!s || !(s->file = strdup(name))) {
		free(s);
		report_file(&r, "out of memory");
		report_finish(&r);
		return NULL;
	}
	s->dir = realpath(dir, NULL);
	if (!s->dir) {
		report_file(&r, "the scenario folder '%s' cannot be opened: %s", dir,
			    strerror(errno));
		report_finish(&r);
		scenario_free(s);
		return NULL;
	}
	unsigned char hash[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(hash, (const unsigned char *)data, len);
	sodium_bin2hex(s->sha256, sizeof s->sha256, hash, sizeof hash);
	struct ytree_node *root = ytree_read(data, len, &r);
	bool ok = root && read_scenario(&r, root, s);
	ytree_free(root);
	report_finish(&r);
	if (!ok || r.count > 0) {
		scenario_free(s);
		return NULL;
	}
	return s;
}

/* What kind of thing a non-regular file is, in words. */
static const char *file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISFIFO(mode))
		return "a named pipe";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	return "not a plain file";
}

/* Reads the whole file, refusing it when it is over the size limit or not a regular file.
 * O_NONBLOCK keeps a FIFO or a device from blocking the open; it changes nothing for the
 * regular files read afterwards. */
static char *read_file(const char *file, size_t *len, struct rjk_diags *diags)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		if (errno == ENOENT)
			rjk_diags_add(diags, "%s: not found; a scenario folder must hold a file "
				      "named scenario.yaml", file);
		else
			rjk_diags_add(diags, "%s: cannot be opened: %s", file, strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		rjk_diags_add(diags, "%s: is not a regular file (%s); a scenario must be a file "
			      "saved from a text editor", file, file_kind(st.st_mode));
		close(fd);
		return NULL;
	}
	if (st.st_size > SCENARIO_MAX_FILE_BYTES) {
		rjk_diags_add(diags, "%s: the file is %lld KiB; a scenario file may be at most %d "
			      "KiB (1 MiB)", file, ((long long)st.st_size + 1023) / 1024,
			      SCENARIO_MAX_FILE_BYTES / 1024);
		close(fd);
		return NULL;
	}
	/* one byte more than allowed, so a file that grew since fstat is still caught */
	char *data = malloc(SCENARIO_MAX_FILE_BYTES + 1);
	size_t got = 0;
	while (data && got < SCENARIO_MAX_FILE_BYTES + 1) {
		ssize_t n = read(fd, data + got, SCENARIO_MAX_FILE_BYTES + 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rjk_diags_add(diags, "%s: cannot be read: %s", file, strerror(errno));
			free(data);
			data = NULL;
		}
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	*len = got;
	return data;
}

struct scenario *scenario_load(const char *path, struct rjk_diags *diags)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		rjk_diags_add(diags, "%s: no such scenario folder or file", path);
		return NULL;
	}
	char *file = NULL, *dir = NULL;
	if (S_ISDIR(st.st_mode)) {
		size_t len = strlen(path);
		bool slash = len > 0 && path[len - 1] == '/';
		if (asprintf(&file, "%s%sscenario.yaml", path, slash ? "" : "/") < 0)
			file = NULL;
		dir = strdup(path);
	} else {
		file = strdup(path);
		const char *slash = strrchr(path, '/');
		dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	}
	struct scenario *s = NULL;
	size_t len = 0;
	char *data = file && dir ? read_file(file, &len, diags) : NULL;
	if (data)
		s = scenario_load_buffer(file, dir, data, len, diags);
	else if (!file || !dir)
		rjk_diags_add(diags, "%s: out of memory", path);
	free(data);
	free(file);
	free(dir);
	return s;
}

static void step_release(struct step *step)
{
	free(step->id);
	free(step->text);
	free(step->title);
	free(step->hint);
	for (size_t i = 0; i < step->label_count; i++)
		free(step->labels[i].text);
	free(step->labels);
	for (size_t i = 0; i < step->option_count; i++)
		free(step->options[i]);
	free(step->options);
}

void scenario_free(struct scenario *s)
{
	if (!s)
		return;
	if (s->video) {
		for (size_t i = 0; i < s->video->cue_count; i++)
			free(s->video->cues[i].step_id);
		free(s->video->cues);
		free(s->video->file);
		free(s->video->path);
		free(s->video->captions);
		free(s->video->captions_path);
		free(s->video);
	}
	for (size_t i = 0; i < s->step_count; i++)
		step_release(&s->steps[i]);
	free(s->steps);
	free(s->id);
	free(s->title);
	free(s->language);
	free(s->description);
	free(s->content_note);
	free(s->dir);
	free(s->file);
	free(s);
}

const struct step *scenario_find_step(const struct scenario *s, const char *id, size_t *index)
{
	for (size_t i = 0; i < s->step_count; i++) {
		if (s->steps[i].id && !strcmp(s->steps[i].id, id)) {
			if (index)
				*index = i;
			return &s->steps[i];
		}
	}
	return NULL;
}

const char *step_scale_label(const struct step *step, int value)
{
	for (size_t i = 0; i < step->label_count; i++)
		if (step->labels[i].value == value)
			return step->labels[i].text;
	return NULL;
}
