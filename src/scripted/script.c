/* Scripted input: reads a file of commands and plays them into the kiosk as SDL events, with
 * checks of what the kiosk shows (through the probe). Used by the tests and to make the
 * documentation's screenshots. */
#include "scripted/script.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_image.h>

#include "app/clock.h"
#include "app/facil.h"
#include "core/answer.h"
#include "scripted/fault.h"
#include "scripted/input.h"
#include "scripted/probe.h"

struct script {
	char **lines;
	size_t count, next;
	char *path;
	char *shot_dir;
	int64_t due;
	int64_t wait_until;  /* deadline of the polling command running now, 0 for none */
	bool polling;        /* that command runs again after every turn of the loop */
	SDL_Rect seek_bar;   /* where the video's progress bar was last seen (w 0: never) */
	char held[4][32];    /* the labels fingers 1 to 4 are held on ("" for a free finger) */
};

struct script *script_open(const char *path, const char *shot_dir, struct rjk_error *err)
{
	FILE *f = fopen(path, "r");
	struct script *s;
	char buf[4096];

	if (!f) {
		rjk_error_set(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path)) || (shot_dir && !(s->shot_dir = strdup(shot_dir))))
		goto oom;
	while (fgets(buf, sizeof buf, f)) {
		char **lines;

		buf[strcspn(buf, "\r\n")] = '\0';
		lines = realloc(s->lines, (s->count + 1) * sizeof *lines);
		if (!lines)
			goto oom;
		s->lines = lines;
		if (!(s->lines[s->count] = strdup(buf)))
			goto oom;
		s->count++;
	}
	fclose(f);
	return s;
oom:
	fclose(f);
	script_free(s);
	rjk_error_set(err, "out of memory reading %s", path);
	return NULL;
}

void script_free(struct script *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->count; i++)
		free(s->lines[i]);
	free(s->lines);
	free(s->path);
	free(s->shot_dir);
	free(s);
}

/* Reports a failed command as "FILE:LINE: message" and ends the kiosk with status 1. Returns
 * false, for `return failed(...)` in a command. */
static bool failed(struct script *s, struct kiosk *k, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool failed(struct script *s, struct kiosk *k, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%zu: ", s->path, s->next);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	k->status = 1;
	k->quit = true;
	return false;
}

static void finger_id(struct kiosk *k, Uint32 type, SDL_FingerID id, int x, int y)
{
	int w = 1, h = 1;

	probe_output_size(k, &w, &h);
	input_finger(type, id, x, y, w, h);
}

static void finger(struct kiosk *k, Uint32 type, int x, int y)
{
	finger_id(k, type, 0, x, y);
}

/* A click ("click") or a tap (any other command) at a pixel. */
static void click_or_tap(struct kiosk *k, const char *cmd, int x, int y)
{
	if (cmd[0] == 'c') {
		input_mouse(SDL_MOUSEBUTTONDOWN, x, y);
		input_mouse(SDL_MOUSEBUTTONUP, x, y);
	} else {
		finger(k, SDL_FINGERDOWN, x, y);
		finger(k, SDL_FINGERUP, x, y);
	}
}

/* "swipe X1 Y1 X2 Y2": a finger put down at one pixel, moved to another and lifted there. */
static bool run_swipe(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	int x1, y1, x2, y2;

	if (sscanf(arg, "%d %d %d %d", &x1, &y1, &x2, &y2) != 4)
		return failed(s, k, "%s wants X1 Y1 X2 Y2, got '%s'", cmd, arg);
	finger(k, SDL_FINGERDOWN, x1, y1);
	finger(k, SDL_FINGERMOTION, x2, y2);
	finger(k, SDL_FINGERUP, x2, y2);
	return false;
}

/* "\\n" in a script line stands for a line break. */
static void unescape(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			*out++ = '\n';
			s++;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

/* A polling command: true when cond holds; otherwise runs the same line again soon, and
 * fails once timeout_ms have passed. */
static bool poll_until(struct script *s, struct kiosk *k, bool cond, int timeout_ms,
		       const char *what, const char *arg)
{
	int64_t now = clock_now_ms();

	s->polling = false;
	if (cond) {
		s->wait_until = 0;
		return true;
	}
	if (!s->wait_until)
		s->wait_until = now + timeout_ms;
	if (now >= s->wait_until) {
		s->wait_until = 0;
		return failed(s, k, "timed out waiting for %s %s", what, arg);
	}
	/* Checked again after every event or timer; the slow tick only bounds the wait for a
	 * change that wakes nothing. A fast tick kept the kiosk busy for the whole wait. */
	s->next--;
	s->polling = true;
	s->due = now + 100 < s->wait_until ? now + 100 : s->wait_until;
	return false;
}

/* The commands. Each returns true when the next command may run at once, false when the loop
 * must run first (events to handle, time to pass, or the kiosk to end after a failure). */

static bool run_key(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	if (!input_key(arg))
		return failed(s, k, "unknown key '%s'", arg);
	return false;
}

static bool run_text(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	input_text(arg);
	return false;
}

/* What an input method sends while a word is being composed. */
static bool run_compose(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	input_compose(arg);
	return false;
}

static bool run_paste(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	SDL_SetClipboardText(arg);
	input_key("ctrl+V");
	return false;
}

/* "click X Y", "tap X Y". */
static bool run_click(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	int x, y;

	if (sscanf(arg, "%d %d", &x, &y) != 2)
		return failed(s, k, "%s wants X Y, got '%s'", cmd, arg);
	click_or_tap(k, cmd, x, y);
	return false;
}

/* "click-button LABEL", "tap-button LABEL". */
static bool run_click_button(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	int x, y;

	if (!probe_find_control(k, arg, &x, &y))
		return failed(s, k, "no button '%s' on screen", arg);
	click_or_tap(k, cmd, x, y);
	return false;
}

/* A finger held on a control or key ("hold-button Backspace", "wait MS", "release-button
 * Backspace"): a held key of the on-screen keyboard repeats. Each label held gets a finger of
 * its own, so two keys can be down at once (a fast typist's next key before the last is up). */
static bool run_hold_button(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	bool hold = cmd[0] == 'h';
	size_t slot = 0;
	int x, y;

	if (!probe_find_control(k, arg, &x, &y))
		return failed(s, k, "no button '%s' on screen", arg);
	while (slot < 4 && strcmp(s->held[slot], hold ? "" : arg))
		slot++;
	if (slot == 4)
		return failed(s, k, hold ? "four fingers are held already" :
			      "no finger is held on '%s'", arg);
	snprintf(s->held[slot], sizeof s->held[slot], "%s", hold ? arg : "");
	finger_id(k, hold ? SDL_FINGERDOWN : SDL_FINGERUP, (SDL_FingerID)slot + 1, x, y);
	return false;
}

/* "slide-button FROM TO": the finger held on FROM slides to TO and is held there (lifted by
 * "release-button TO"). */
static bool run_slide_button(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	char *to = strchr(arg, ' ');
	size_t slot = 0;
	int x, y;

	if (!to)
		return failed(s, k, "%s wants FROM TO, got '%s'", cmd, arg);
	*to++ = '\0';
	while (slot < 4 && strcmp(s->held[slot], arg))
		slot++;
	if (slot == 4)
		return failed(s, k, "no finger is held on '%s'", arg);
	if (!probe_find_control(k, to, &x, &y))
		return failed(s, k, "no button '%s' on screen", to);
	snprintf(s->held[slot], sizeof s->held[slot], "%s", to);
	finger_id(k, SDL_FINGERMOTION, (SDL_FingerID)slot + 1, x, y);
	return false;
}

/* "expect-keyboard shown" or "expect-keyboard hidden": the on-screen keyboard. */
static bool run_expect_keyboard(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	bool want = !strcmp(arg, "shown");

	if (!want && strcmp(arg, "hidden"))
		return failed(s, k, "expect-keyboard wants shown or hidden, got '%s'", arg);
	if (probe_keyboard_shown(k) != want)
		return failed(s, k, "the on-screen keyboard is not %s", arg);
	return true;
}

/* A mouse button held down ("press X Y", "wait MS", "release X Y"). */
static bool run_press(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	int x, y;

	if (sscanf(arg, "%d %d", &x, &y) != 2)
		return failed(s, k, "%s wants X Y, got '%s'", cmd, arg);
	input_mouse(cmd[0] == 'p' ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP, x, y);
	return false;
}

/* A window manager's event: "window focus-lost", "window minimized", "window close". */
static bool run_window(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	static const struct {
		const char *name;
		Uint8 event;
	} events[] = {
		{"focus-lost", SDL_WINDOWEVENT_FOCUS_LOST},
		{"minimized", SDL_WINDOWEVENT_MINIMIZED},
		{"close", SDL_WINDOWEVENT_CLOSE},
	};

	for (size_t i = 0; i < sizeof events / sizeof events[0]; i++) {
		if (!strcmp(arg, events[i].name)) {
			input_window(probe_window_id(k), events[i].event);
			return false;
		}
	}
	return failed(s, k, "unknown window event '%s'", arg);
}

/* What SDL makes of a window manager's close request on the only window. */
static bool run_close(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	input_close(probe_window_id(k));
	return false;
}

static bool run_wait(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	s->due = clock_now_ms() + atoi(arg);
	return false;
}

static bool run_screenshot(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	char path[4096];
	int w, h;
	SDL_Surface *shot;
	bool ok;

	if (arg[0] != '/' && s->shot_dir)
		snprintf(path, sizeof path, "%s/%s", s->shot_dir, arg);
	else
		snprintf(path, sizeof path, "%s", arg);
	probe_draw(k);
	probe_output_size(k, &w, &h);
	shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!shot)
		return failed(s, k, "screenshot %s: %s", path, SDL_GetError());
	ok = probe_pixels(k, NULL, shot->pixels, shot->pitch) && IMG_SavePNG(shot, path) == 0;
	SDL_FreeSurface(shot);
	probe_present(k);
	if (!ok)
		return failed(s, k, "screenshot %s: %s", path, SDL_GetError());
	return true;
}

static bool run_check_frame(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	struct rjk_error err = {{0}};
	bool ok;

	probe_draw(k);
	ok = probe_check_frame(k, &err);
	probe_present(k);
	return ok || failed(s, k, "check-frame: %s", err.message);
}

static bool run_expect_screen(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	char buf[128];

	if (probe_screen_is(k, arg))
		return true;
	return failed(s, k, "expected screen '%s', got '%s'", arg, probe_screen(k, buf, sizeof buf));
}

/* "expect-text TEXT": a line on the page holds TEXT now; "expect-no-text TEXT": none does. */
static bool run_expect_text(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	bool want = !strcmp(cmd, "expect-text");

	if (probe_shows_text(k, arg) == want)
		return true;
	return failed(s, k, want ? "no text '%s' on screen" : "text '%s' is on screen", arg);
}

/* "expect-fits": the screen shows whole, nothing below the fold. */
static bool run_expect_fits(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	return probe_fits(k) || failed(s, k, "the screen does not fit: part of it needs scrolling");
}

static bool run_expect_focus(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	if (strcmp(probe_focus_label(k), arg))
		return failed(s, k, "expected focus on '%s', got '%s'", arg, probe_focus_label(k));
	return true;
}

/* "expect-editor TEXT": the text field holds TEXT; "expect-editor-whole": a frame drawn now
 * shows all of the field's text, none of it scrolled out of sight. */
static bool run_expect_editor(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	bool whole;

	if (!strcmp(cmd, "expect-editor-whole")) {
		probe_draw(k);
		whole = probe_editor_shows_whole(k);
		probe_present(k);
		return whole || failed(s, k, "the text field hides part of '%s'",
				       probe_editor_text(k));
	}
	if (strcmp(probe_editor_text(k), arg))
		return failed(s, k, "expected the text field to hold '%s', got '%s'", arg,
			      probe_editor_text(k));
	return true;
}

/* Reads the answer back through a second connection to the store, as any later reader would:
 * "expect-stored STEP STATUS [VALUE]". */
static bool run_expect_stored(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	char *step = strtok(arg, " "), *status = strtok(NULL, " "), *want = strtok(NULL, "");
	struct rjk_error err = {{0}};
	struct stored_response *r = NULL;
	size_t n = 0;
	char got[4096];

	if (!step || !status || !k->session)
		return failed(s, k, "expect-stored wants STEP STATUS [VALUE]");
	if (!probe_stored_responses(k, &r, &n, &err))
		return failed(s, k, "expect-stored: %s", err.message);
	for (size_t i = 0; i < n; i++) {
		const char *have;
		bool ok;

		struct response value = answer_stored_view(&r[i]);

		if (strcmp(r[i].step_id, step))
			continue;
		answer_summary(got, sizeof got, &value, NULL, 0);
		have = response_status_name(r[i].status);
		ok = !strcmp(have, status) && (!want || !strcmp(got, want));
		if (!ok)
			failed(s, k, "stored answer to %s is %s '%s'", step, have, got);
		store_responses_free(r, n);
		return ok;
	}
	store_responses_free(r, n);
	return failed(s, k, "no stored answer to %s", step);
}

static bool run_fill_disk(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	fault_disk_full(!strcmp(cmd, "fill-disk"));
	return true;
}

/* As abrupt as a power cut for the process: no cleanup runs. */
static bool run_kill(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	fault_kill();
	return false;
}

static bool run_quit(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	k->quit = true;
	return false;
}

/* "export-session ID": opens the export page for that session, as the session picker does (0:
 * the running one, or the newest). */
static bool run_export_session(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	char *end;
	long long id = strtoll(arg, &end, 10);

	if (end == arg || *end || id < 0)
		return failed(s, k, "%s wants a session id, got '%s'", cmd, arg);
	struct facil_context context = kiosk_facil_context(k);

	facil_open_export(k->facil, &context, (int64_t)id);
	return false; /* the page is laid out (and focused) before the next line */
}

/* "skip-time MS": the kiosk's clock jumps forward, so that a script reaches a timer (the
 * facilitator's presence running out, a countdown) without waiting for it. */
static bool run_skip_time(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	clock_skip_ms(atoll(arg));
	return false;
}

/* "run COMMAND": a shell command beside the running kiosk (another rjkiosk command such as
 * set-pin); the script fails when it does. */
static bool run_shell(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	int status = system(arg);

	if (status != 0)
		return failed(s, k, "'%s' failed (status %d)", arg, status);
	return false;
}

/* "wait-screen NAME [TIMEOUT_MS]": as expect-screen, waiting up to TIMEOUT_MS (10 s). */
static bool run_wait_screen(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	char want[128];
	int timeout = 10000;

	if (sscanf(arg, "%127s %d", want, &timeout) < 1)
		return failed(s, k, "%s wants NAME [TIMEOUT_MS], got '%s'", cmd, arg);
	return poll_until(s, k, probe_screen_is(k, want), timeout, "screen", arg);
}

/* "wait-text TEXT": waits up to 10 s for a line of text on the screen holding TEXT. */
static bool run_wait_text(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	return poll_until(s, k, probe_shows_text(k, arg), 10000, "text", arg);
}

/* "copy-file FROM TO": writes TO with FROM's bytes the way many editors save, into a new file
 * renamed over TO (for the preview's tests). */
static bool run_copy_file(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	char *to = strchr(arg, ' '), tmp[4096], buf[4096];
	FILE *in, *out;
	size_t n;
	bool ok;

	if (!to)
		return failed(s, k, "%s wants FROM TO, got '%s'", cmd, arg);
	*to++ = '\0';
	snprintf(tmp, sizeof tmp, "%s.saving", to);
	if (!(in = fopen(arg, "rb")))
		return failed(s, k, "%s: cannot read %s", cmd, arg);
	if (!(out = fopen(tmp, "wb"))) {
		fclose(in);
		return failed(s, k, "%s: cannot write %s", cmd, tmp);
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	ok = !ferror(in) && fclose(out) == 0 && rename(tmp, to) == 0;
	fclose(in);
	return ok ? true : failed(s, k, "%s: cannot write %s", cmd, to);
}

/* "wait-video-error [TIMEOUT_MS]" (6 s when not given). */
static bool run_wait_video_error(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	return poll_until(s, k, probe_video_error(k)[0] != '\0', atoi(arg) > 0 ? atoi(arg) : 6000,
			  "the video's error message within (ms)", arg);
}

/* "wait-video-time MS" (fails after 20 s). */
static bool run_wait_video_time(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	return poll_until(s, k, probe_video_time_ms(k) >= atoll(arg), 20000, "video time", arg);
}

/* "expect-video-time MS TOLERANCE". */
static bool run_expect_video_time(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	long long want, tolerance, t = probe_video_time_ms(k);

	if (sscanf(arg, "%lld %lld", &want, &tolerance) != 2)
		return failed(s, k, "%s wants MS TOLERANCE, got '%s'", cmd, arg);
	if (t < want - tolerance || t > want + tolerance)
		return failed(s, k, "video time %lld, expected %s", t, arg);
	return true;
}

/* "expect-video-frames MIN". */
static bool run_expect_video_frames(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	if (probe_video_frames(k) < (unsigned long)atol(arg))
		return failed(s, k, "fewer than %s pictures shown", arg);
	return true;
}

/* "expect-video-notice TEXT"; with no text: no notice shows. */
static bool run_expect_video_notice(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	const char *notice = probe_video_notice(k);

	if (!*arg ? notice[0] != '\0' : !strstr(notice, arg))
		return failed(s, k, "expected a notice with '%s', got '%s'", arg, notice);
	return true;
}

/* "expect-captions shown|whole|hidden": draws a frame and reads back the caption box: shown
 * means dark box pixels and bright text pixels inside it; whole means shown, with every word of
 * the caption; hidden means no box was drawn. */
static bool run_expect_captions(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	bool shown = strcmp(arg, "hidden") != 0, whole = !strcmp(arg, "whole");
	SDL_Rect box;
	Uint32 *px;
	size_t bright = 0, dark = 0;
	bool has, all;

	probe_draw(k);
	has = probe_caption_box(k, &box, &all);
	if (!shown) {
		probe_present(k);
		return !has || failed(s, k, "captions shown, expected none");
	}
	if (!has) {
		probe_present(k);
		return failed(s, k, "no caption drawn");
	}
	px = malloc((size_t)box.w * (size_t)box.h * 4);
	if (px && probe_pixels(k, &box, px, box.w * 4))
		for (size_t i = 0; i < (size_t)box.w * (size_t)box.h; i++) {
			int r = (px[i] >> 16) & 255, g = (px[i] >> 8) & 255, b = px[i] & 255;

			bright += r > 200 && g > 200;
			dark += r < 80 && g < 80 && b < 80;
		}
	free(px);
	probe_present(k);
	if (!bright || !dark)
		return failed(s, k, "the caption box holds no readable text (%s bright, %s dark)",
			      bright ? "some" : "no", dark ? "some" : "no");
	return !whole || all || failed(s, k, "the caption was cut: its last words do not show");
}

/* "seekbar VERB PERCENT [DY]": the pointer on the video's progress bar, PERCENT of the way
 * along it and DY pixels below its centre line (above when negative). VERB is click or tap
 * (press and release), press, move and release (the mouse), or finger-down, finger-move and
 * finger-up. Where the bar is not shown now (a page over the video), the point is where it
 * was last seen, as a trainee would aim. */
static bool run_seekbar(struct script *s, struct kiosk *k, const char *cmd, char *arg)
{
	static const struct {
		const char *verb;
		Uint32 types[2];
	} verbs[] = {
		{"click", {SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP}},
		{"tap", {SDL_FINGERDOWN, SDL_FINGERUP}},
		{"press", {SDL_MOUSEBUTTONDOWN, 0}},
		{"move", {SDL_MOUSEMOTION, 0}},
		{"release", {SDL_MOUSEBUTTONUP, 0}},
		{"finger-down", {SDL_FINGERDOWN, 0}},
		{"finger-move", {SDL_FINGERMOTION, 0}},
		{"finger-up", {SDL_FINGERUP, 0}},
	};
	char verb[32];
	double percent;
	SDL_Rect bar;
	int x, y, dy = 0;

	if (sscanf(arg, "%31s %lf %d", verb, &percent, &dy) < 2)
		return failed(s, k, "seekbar wants VERB PERCENT [DY], got '%s'", arg);
	if (probe_seek_bar(k, &bar))
		s->seek_bar = bar;
	if (!s->seek_bar.w)
		return failed(s, k, "no progress bar on screen");
	x = s->seek_bar.x + (int)(s->seek_bar.w * percent / 100 + 0.5);
	y = s->seek_bar.y + s->seek_bar.h / 2 + dy;
	for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
		if (strcmp(verb, verbs[i].verb))
			continue;
		for (int j = 0; j < 2 && verbs[i].types[j]; j++) {
			if (verbs[i].types[j] >= SDL_FINGERDOWN && verbs[i].types[j] <= SDL_FINGERMOTION)
				finger(k, verbs[i].types[j], x, y);
			else
				input_mouse(verbs[i].types[j], x, y);
		}
		return false;
	}
	return failed(s, k, "unknown seekbar action '%s'", verb);
}

/* Every command a script line may start with (docs/using-the-kiosk.md lists them). */
static const struct {
	const char *name;
	bool (*run)(struct script *s, struct kiosk *k, const char *cmd, char *arg);
} commands[] = {
	{"key", run_key},
	{"text", run_text},
	{"compose", run_compose},
	{"paste", run_paste},
	{"click", run_click},
	{"tap", run_click},
	{"click-button", run_click_button},
	{"tap-button", run_click_button},
	{"hold-button", run_hold_button},
	{"release-button", run_hold_button},
	{"slide-button", run_slide_button},
	{"expect-keyboard", run_expect_keyboard},
	{"swipe", run_swipe},
	{"press", run_press},
	{"release", run_press},
	{"window", run_window},
	{"close", run_close},
	{"wait", run_wait},
	{"screenshot", run_screenshot},
	{"check-frame", run_check_frame},
	{"expect-screen", run_expect_screen},
	{"expect-focus", run_expect_focus},
	{"expect-text", run_expect_text},
	{"expect-no-text", run_expect_text},
	{"expect-fits", run_expect_fits},
	{"expect-editor", run_expect_editor},
	{"expect-editor-whole", run_expect_editor},
	{"expect-stored", run_expect_stored},
	{"fill-disk", run_fill_disk},
	{"free-disk", run_fill_disk},
	{"kill", run_kill},
	{"quit", run_quit},
	{"export-session", run_export_session},
	{"skip-time", run_skip_time},
	{"run", run_shell},
	{"wait-screen", run_wait_screen},
	{"wait-text", run_wait_text},
	{"copy-file", run_copy_file},
	{"wait-video-error", run_wait_video_error},
	{"wait-video-time", run_wait_video_time},
	{"expect-video-time", run_expect_video_time},
	{"expect-video-frames", run_expect_video_frames},
	{"expect-video-notice", run_expect_video_notice},
	{"expect-captions", run_expect_captions},
	{"seekbar", run_seekbar},
};

/* Runs one line; returns false when the loop must run before the next one. */
static bool run(struct script *s, struct kiosk *k, char *line)
{
	char *arg = line + strcspn(line, " ");

	if (*arg)
		*arg++ = '\0';
	unescape(arg);
	if (!*line || line[0] == '#')
		return true;
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(line, commands[i].name))
			return commands[i].run(s, k, line, arg);
	return failed(s, k, "unknown command '%s'", line);
}

static void step(void *data, struct kiosk *k)
{
	struct script *s = data;

	s->due = 0;
	while (s->next < s->count && !k->quit) {
		char *line = s->lines[s->next++];
		char *copy = strdup(line);
		bool go_on;

		if (!copy)
			return;
		go_on = run(s, k, copy);
		free(copy);
		if (!go_on)
			return;
	}
	k->quit = true;
}

static int64_t due(void *data)
{
	const struct script *s = data;

	return s->due;
}

static bool ready(void *data, int64_t now_ms)
{
	const struct script *s = data;

	return s->polling || s->due <= now_ms;
}

struct loop_feed script_feed(struct script *s)
{
	return (struct loop_feed){.ready = ready, .due = due, .run = step, .data = s};
}
