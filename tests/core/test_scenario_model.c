/* What the loader hands to the kiosk: the model built from good scenarios (values, defaults,
 * cue order, resolved media paths, fingerprint), and the file-level rules that need files
 * made on the fly (size limit, symbolic links, step and message caps). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/scenario.h"

#define GOOD RJK_TEST_DATA "/scenarios/good"

static struct scenario *load_ok(const char *path)
{
	struct rjk_diags diags = {0};
	struct scenario *s = scenario_load(path, &diags);
	for (size_t i = 0; i < diags.count; i++)
		print_message("%s\n", diags.items[i]);
	assert_non_null(s);
	rjk_diags_release(&diags);
	return s;
}

static void full_scenario_model(void **state)
{
	struct scenario *s = load_ok(GOOD "/full");
	assert_int_equal(s->version, 1);
	assert_string_equal(s->id, "full-example");
	assert_string_equal(s->title, "Full example: every key");
	assert_string_equal(s->language, "en-GB");
	assert_string_equal(s->description, "For the facilitator only.\nTwo lines.");
	assert_string_equal(s->content_note, "This film describes a shooting and its aftermath.");
	assert_non_null(s->video);
	assert_string_equal(s->video->file, "video.mp4");
	assert_true(s->video->path[0] == '/');
	assert_non_null(strstr(s->video->path, "/good/full/video.mp4"));
	assert_string_equal(s->video->captions, "captions.vtt");
	assert_non_null(strstr(s->video->captions_path, "/good/full/captions.vtt"));
	assert_true(s->video->skip_ahead);
	/* cues come sorted by time, whatever order the file lists them in */
	assert_int_equal(s->video->cue_count, 2);
	assert_int_equal(s->video->cues[0].at_ms, 45500);
	assert_string_equal(s->video->cues[0].step_id, "pause-one");
	assert_int_equal(s->video->cues[0].step, 0);
	assert_int_equal(s->video->cues[1].at_ms, 130000);
	assert_int_equal(s->video->cues[1].step, 1);

	assert_int_equal(s->step_count, 6);
	const struct step *st = s->steps;
	assert_true(st[0].is_cue && st[1].is_cue && !st[2].is_cue);
	assert_int_equal(st[0].kind, STEP_DISCUSSION);
	assert_int_equal(st[0].minutes, 0);
	assert_false(st[0].notes);
	assert_int_equal(st[1].kind, STEP_TEXT);
	assert_int_equal(st[1].max_chars, STEP_TEXT_DEFAULT_MAX_CHARS);
	assert_false(st[1].required);
	assert_null(st[1].hint);
	assert_string_equal(st[2].text, "Who was affected, and how?\nTake turns; anyone may pass.");
	assert_int_equal(st[2].minutes, 10);
	assert_true(st[2].notes);
	assert_string_equal(st[3].hint, "A few sentences are enough.");
	assert_true(st[3].required);
	assert_int_equal(st[3].max_chars, 1500);
	assert_int_equal(st[4].kind, STEP_SCALE);
	assert_int_equal(st[4].min, 1);
	assert_int_equal(st[4].max, 5);
	assert_int_equal(st[4].label_count, 2);
	assert_int_equal(st[4].labels[0].value, 1);   /* sorted by value */
	assert_string_equal(step_scale_label(&st[4], 5), "Fully ready");
	assert_null(step_scale_label(&st[4], 3));
	assert_true(st[4].required);
	assert_int_equal(st[5].kind, STEP_CHOICE);
	assert_int_equal(st[5].option_count, 3);
	assert_string_equal(st[5].options[2], "Support from colleagues");
	assert_true(st[5].multiple);
	assert_false(st[5].required);
	assert_int_equal(st[0].line, 22);
	assert_int_equal(st[0].col, 5);

	size_t index = 99;
	assert_ptr_equal(scenario_find_step(s, "harm", &index), &st[2]);
	assert_int_equal(index, 2);
	assert_null(scenario_find_step(s, "nope", NULL));
	assert_string_equal(step_kind_name(STEP_SCALE), "scale");
	assert_string_equal(step_kind_name(STEP_DISCUSSION), "discussion");

	/* the fingerprint is the SHA-256 of the file's bytes */
	assert_int_equal(strlen(s->sha256), 64);
	assert_int_equal(strspn(s->sha256, "0123456789abcdef"), 64);
	struct scenario *again = load_ok(GOOD "/full/scenario.yaml");
	assert_string_equal(again->sha256, s->sha256);
	assert_string_equal(again->dir, s->dir);
	scenario_free(again);
	struct scenario *other = load_ok(GOOD "/minimal");
	assert_string_not_equal(other->sha256, s->sha256);
	assert_null(other->video);
	assert_null(other->language);
	scenario_free(other);
	scenario_free(s);
	scenario_free(NULL);
}

static void bom_crlf_and_styles(void **state)
{
	struct scenario *s = load_ok(GOOD "/bom-crlf");
	assert_string_equal(s->title, "Saved with a BOM and Windows line endings");
	assert_string_equal(s->steps[0].text, "First line\nsecond line");
	assert_string_equal(s->steps[1].options[0], "Yes");
	scenario_free(s);

	s = load_ok(GOOD "/styles");
	assert_string_equal(s->title,
			    "Caf\xC3\xA9 conversation \xE2\x80\x94 \xC2\xABquotes\xC2\xBB, emoji "
			    "\xF0\x9F\xA4\x9D");
	assert_string_equal(s->steps[0].text, "Line one\nLine two");
	assert_string_equal(s->steps[1].text, "It's a balanced scale");
	assert_int_equal(s->steps[1].min, -2);
	assert_int_equal(s->steps[1].labels[2].value, 2);
	assert_string_equal(s->steps[2].text, "Folded text.");
	assert_string_equal(s->video->file, "media/clip one.webm");
	scenario_free(s);

	s = load_ok(GOOD "/limits");
	assert_int_equal(strlen(s->id), SCENARIO_ID_MAX);
	assert_int_equal(s->video->cues[2].at_ms, 100LL * 3600 * 1000 - 1);
	assert_int_equal(s->steps[1].max_chars, STEP_TEXT_LIMIT_MAX_CHARS);
	scenario_free(s);
}

/* A fresh temporary folder per test, removed afterwards. */
static int make_tmp(void **state)
{
	char tmpl[] = "/tmp/rjk-scenario-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	*state = strdup(tmpl);
	return 0;
}

static int remove_tmp(void **state)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", (char *)*state);
	int rc = system(cmd);
	free(*state);
	return rc;
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
}

/* Loads path and checks the messages, given without the leading prefix (the file name). */
static void expect_messages(const char *path, const char *prefix, const char *const *want,
			    size_t n)
{
	struct rjk_diags diags = {0};
	struct scenario *s = scenario_load(path, &diags);
	assert_null(s);
	for (size_t i = 0; i < diags.count; i++)
		print_message("%s\n", diags.items[i]);
	assert_int_equal(diags.count, n);
	for (size_t i = 0; i < n; i++) {
		assert_true(!strncmp(diags.items[i], prefix, strlen(prefix)));
		assert_string_equal(diags.items[i] + strlen(prefix), want[i]);
	}
	rjk_diags_release(&diags);
}

static const char minimal[] = "rjkiosk: 1\nid: x\ntitle: T\nsteps:\n"
			      "  - {id: q1, kind: text, text: Why?}\n";

static void size_limit(void **state)
{
	const char *dir = *state;
	char file[512];
	snprintf(file, sizeof file, "%s/scenario.yaml", dir);
	/* exactly 1 MiB (a valid scenario padded with a comment) is accepted */
	size_t len = SCENARIO_MAX_FILE_BYTES;
	char *data = malloc(len + 1);
	memset(data, ' ', len);
	memcpy(data, minimal, strlen(minimal));
	data[strlen(minimal)] = '#';
	data[len - 1] = '\n';
	write_file(file, data, len);
	scenario_free(load_ok(dir));
	/* one byte more is refused before it is parsed */
	data[len] = '\n';
	write_file(file, data, len + 1);
	const char *want[] = {": the file is 1025 KiB; a scenario file may be at most 1024 KiB (1 MiB)"};
	expect_messages(dir, file, want, 1);
	struct rjk_diags diags = {0};
	assert_null(scenario_load_buffer("big.yaml", dir, data, len + 1, &diags));
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0], "big.yaml: the file is 1025 KiB; a scenario file may "
					    "be at most 1024 KiB (1 MiB)");
	rjk_diags_release(&diags);
	free(data);
}

static void symlinks(void **state)
{
	const char *dir = *state;
	char path[512], target[512], file[512];
	snprintf(path, sizeof path, "%s/scn", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(target, sizeof target, "%s/outside.mp4", dir);
	write_file(target, "x", 1);
	snprintf(path, sizeof path, "%s/scn/inside.mp4", dir);
	write_file(path, "x", 1);
	/* a link to a file outside the folder, a link to a folder outside, a link inside */
	snprintf(path, sizeof path, "%s/scn/escape.mp4", dir);
	assert_int_equal(symlink("../outside.mp4", path), 0);
	snprintf(path, sizeof path, "%s/scn/media", dir);
	assert_int_equal(symlink(dir, path), 0);
	snprintf(path, sizeof path, "%s/scn/alias.mp4", dir);
	assert_int_equal(symlink("inside.mp4", path), 0);
	snprintf(file, sizeof file, "%s/scn/scenario.yaml", dir);
	const char escape[] = "rjkiosk: 1\nid: x\ntitle: T\nvideo:\n  file: escape.mp4\n"
			      "  captions: media/outside.srt\nsteps:\n  - {id: q1, kind: text, text: Why?}\n";
	snprintf(target, sizeof target, "%s/outside.srt", dir);
	write_file(target, "x", 1);
	write_file(file, escape, strlen(escape));
	const char *want[] = {
		":5:9: video file 'escape.mp4' leads outside the scenario folder through a symbolic "
		"link; copy the file into the scenario folder instead",
		":6:13: captions file 'media/outside.srt' leads outside the scenario folder through "
		"a symbolic link; copy the file into the scenario folder instead",
	};
	snprintf(path, sizeof path, "%s/scn", dir);
	expect_messages(path, file, want, 2);

	const char inside[] = "rjkiosk: 1\nid: x\ntitle: T\nvideo:\n  file: alias.mp4\n"
			      "steps:\n  - {id: q1, kind: text, text: Why?}\n";
	write_file(file, inside, strlen(inside));
	struct scenario *s = load_ok(path);
	assert_non_null(strstr(s->video->path, "/scn/inside.mp4"));
	scenario_free(s);
}

static void missing_paths(void **state)
{
	const char *dir = *state;
	const char *want[] = {": not found; a scenario folder must hold a file named scenario.yaml"};
	char file[512];
	snprintf(file, sizeof file, "%s/scenario.yaml", dir);
	expect_messages(dir, file, want, 1);
	char path[512];
	snprintf(path, sizeof path, "%s/nothing-here", dir);
	const char *want2[] = {": no such scenario folder or file"};
	expect_messages(path, path, want2, 1);
}

static void step_and_message_caps(void **state)
{
	const char *dir = *state;
	char file[512];
	snprintf(file, sizeof file, "%s/scenario.yaml", dir);
	size_t cap = 64 * 1024, len = 0;
	char *text = malloc(cap);
	len += (size_t)snprintf(text, cap, "rjkiosk: 1\nid: x\ntitle: T\nsteps:\n");
	for (int i = 1; i <= 201; i++)
		len += (size_t)snprintf(text + len, cap - len,
					"  - {id: s%d, kind: text, text: Why?}\n", i);
	write_file(file, text, len);
	const char *want[] = {":5:3: 'steps' lists 201 steps; at most 200 are allowed"};
	expect_messages(dir, file, want, 1);
	/* 200 is fine: drop the last line */
	len -= strlen("  - {id: s201, kind: text, text: Why?}\n");
	write_file(file, text, len);
	struct scenario *s = load_ok(dir);
	assert_int_equal(s->step_count, 200);
	scenario_free(s);

	/* a file full of mistakes shows the first 100 and says how many there were */
	len = (size_t)snprintf(text, cap, "%s", minimal);
	for (int i = 0; i < 150; i++)
		len += (size_t)snprintf(text + len, cap - len, "zz%d: 1\n", i);
	write_file(file, text, len);
	struct rjk_diags diags = {0};
	assert_null(scenario_load(dir, &diags));
	assert_int_equal(diags.count, 101);
	assert_non_null(strstr(diags.items[0], ":6:1: unknown key 'zz0'"));
	assert_non_null(strstr(diags.items[100], ": too many problems (150); only the first 100 "
						 "are shown"));
	rjk_diags_release(&diags);
	free(text);
}

/* Loading from memory (the fuzz target's way in): names and folder as given. */
static void load_from_buffer(void **state)
{
	struct rjk_diags diags = {0};
	struct scenario *s = scenario_load_buffer("mem.yaml", GOOD "/minimal", minimal,
						  strlen(minimal), &diags);
	assert_non_null(s);
	assert_string_equal(s->file, "mem.yaml");
	assert_non_null(strstr(s->dir, "/good/minimal"));
	/* `sha256sum` of the same bytes */
	assert_string_equal(s->sha256,
			    "42159e7efc9f44469c75be14968c6876d05ff89159f8e98c5f0581379d8f6de7");
	scenario_free(s);

	assert_null(scenario_load_buffer("mem.yaml", "/nonexistent-rjk", minimal, strlen(minimal),
					 &diags));
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0], "mem.yaml: the scenario folder '/nonexistent-rjk' "
					    "cannot be opened: No such file or directory");
	rjk_diags_release(&diags);

	assert_null(scenario_load_buffer("mem.yaml", ".", "", 0, &diags));
	assert_int_equal(diags.count, 4);
	assert_string_equal(diags.items[0], "mem.yaml:1:1: the scenario has no 'rjkiosk'; add the "
					    "line 'rjkiosk: 1' at the top");
	rjk_diags_release(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_scenario_model),
		cmocka_unit_test(bom_crlf_and_styles),
		cmocka_unit_test(load_from_buffer),
		cmocka_unit_test_setup_teardown(size_limit, make_tmp, remove_tmp),
		cmocka_unit_test_setup_teardown(symlinks, make_tmp, remove_tmp),
		cmocka_unit_test_setup_teardown(missing_paths, make_tmp, remove_tmp),
		cmocka_unit_test_setup_teardown(step_and_message_caps, make_tmp, remove_tmp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
