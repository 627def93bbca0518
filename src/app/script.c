/* Scripted input: reads a file of commands and plays them into the kiosk as SDL events, with
 * checks of what the kiosk shows. Used by the tests and to make the documentation's
 * screenshots. */
#include "app/script.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <SDL_image.h>

#include "app/facil.h"
#include "app/loop.h"
#include "core/answer.h"
#include "ui/page.h"
#include "app/video_glue.h"
#include "ui/screen_video.h"

struct script {
	char **lines;
	size_t count, next;
	char *path;
	char *shot_dir;
	int64_t due;
	int64_t wait_until;  /* deadline of the polling command running now, 0 for none */
	bool polling;        /* that command runs again after every turn of the loop */
	SDL_Rect seek_bar;   /* where the video's progress bar was last seen (w 0: never) */
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

int64_t script_due(const struct script *s)
{
	return s->due;
}

bool script_polling(const struct script *s)
{
	return s->polling;
}

static bool failed(struct script *s, struct kiosk *k, const char *fmt, const char *a,
		   const char *b)
{
	fprintf(stderr, "%s:%zu: ", s->path, s->next);
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	k->status = 1;
	k->quit = true;
	return false;
}

static bool push_key(const char *spec)
{
	SDL_Event ev = {0};
	Uint16 mod = 0;
	const char *plus;
	SDL_Keycode key;

	while ((plus = strchr(spec, '+')) && plus[1]) {
		if (!SDL_strncasecmp(spec, "ctrl+", 5))
			mod |= KMOD_LCTRL;
		else if (!SDL_strncasecmp(spec, "shift+", 6))
			mod |= KMOD_LSHIFT;
		else if (!SDL_strncasecmp(spec, "alt+", 4))
			mod |= KMOD_LALT;
		else
			return false;
		spec = plus + 1;
	}
	key = SDL_GetKeyFromName(spec);
	if (key == SDLK_UNKNOWN)
		return false;
	ev.type = SDL_KEYDOWN;
	ev.key.state = SDL_PRESSED;
	ev.key.keysym.sym = key;
	ev.key.keysym.scancode = SDL_GetScancodeFromKey(key);
	ev.key.keysym.mod = mod;
	SDL_PushEvent(&ev);
	ev.type = SDL_KEYUP;
	ev.key.state = SDL_RELEASED;
	SDL_PushEvent(&ev);
	return true;
}

/* SDL_TEXTINPUT carries at most 31 bytes: split at character boundaries, as SDL does. */
static void push_text(const char *text)
{
	size_t len = strlen(text), at = 0;

	while (at < len) {
		SDL_Event ev = {0};
		size_t n = len - at < SDL_TEXTINPUTEVENT_TEXT_SIZE - 1 ?
			len - at : SDL_TEXTINPUTEVENT_TEXT_SIZE - 1;

		while (n > 0 && at + n < len && (text[at + n] & 0xc0) == 0x80)
			n--;
		ev.type = SDL_TEXTINPUT;
		memcpy(ev.text.text, text + at, n);
		SDL_PushEvent(&ev);
		at += n;
	}
}

static void push_mouse(Uint32 type, int x, int y)
{
	SDL_Event ev = {.type = type};

	if (type == SDL_MOUSEMOTION) {
		ev.motion.x = x;
		ev.motion.y = y;
		ev.motion.state = SDL_BUTTON_LMASK;
	} else {
		ev.button.button = SDL_BUTTON_LEFT;
		ev.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
		ev.button.clicks = 1;
		ev.button.x = x;
		ev.button.y = y;
	}
	SDL_PushEvent(&ev);
}

static void push_finger(struct kiosk *k, Uint32 type, int x, int y)
{
	SDL_Event ev = {.type = type};
	int w = 1, h = 1;

	SDL_GetRendererOutputSize(k->ren, &w, &h);
	ev.tfinger.x = (float)x / (float)w;
	ev.tfinger.y = (float)y / (float)h;
	ev.tfinger.pressure = 1;
	SDL_PushEvent(&ev);
}

static void push_click(int x, int y)
{
	push_mouse(SDL_MOUSEBUTTONDOWN, x, y);
	push_mouse(SDL_MOUSEBUTTONUP, x, y);
}

static void push_tap(struct kiosk *k, int x, int y)
{
	push_finger(k, SDL_FINGERDOWN, x, y);
	push_finger(k, SDL_FINGERUP, x, y);
}

static bool screenshot(struct script *s, struct kiosk *k, const char *name)
{
	char path[4096];
	int w, h;
	SDL_Surface *shot;
	bool ok;

	if (name[0] != '/' && s->shot_dir)
		snprintf(path, sizeof path, "%s/%s", s->shot_dir, name);
	else
		snprintf(path, sizeof path, "%s", name);
	ui_invalidate(k->ui);
	loop_render(k);
	SDL_GetRendererOutputSize(k->ren, &w, &h);
	shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!shot)
		return failed(s, k, "screenshot %s: %s", path, SDL_GetError());
	ok = SDL_RenderReadPixels(k->ren, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels,
				  shot->pitch) == 0 && IMG_SavePNG(shot, path) == 0;
	SDL_FreeSurface(shot);
	loop_present(k);
	if (!ok)
		return failed(s, k, "screenshot %s: %s", path, SDL_GetError());
	return true;
}

static bool check_frame(struct script *s, struct kiosk *k)
{
	struct rjk_error err = {{0}};
	bool ok;

	ui_invalidate(k->ui);
	loop_render(k);
	ok = ui_check_frame(k->ui, &err);
	loop_present(k);
	return ok || failed(s, k, "check-frame: %s%s", err.message, "");
}

static const char *screen_now(const struct kiosk *k, char *buf, size_t size)
{
	const struct session *ses = k->session;

	if (facil_page_name(k->facil)) {
		snprintf(buf, size, "facilitator:%s", facil_page_name(k->facil));
		return buf;
	}
	if (!ses)
		return "problem";
	if (session_screen(ses) == SESSION_STEP)
		snprintf(buf, size, "step:%s", session_step(ses)->id);
	else
		snprintf(buf, size, "%s", session_screen_name(session_screen(ses)));
	return buf;
}

static bool expect_screen(struct script *s, struct kiosk *k, const char *want)
{
	char buf[128];
	const char *now = screen_now(k, buf, sizeof buf);

	/* "step" matches any step; "step:ID" one of them. */
	if (!strcmp(now, want) || (!strcmp(want, "step") && !strncmp(now, "step:", 5)))
		return true;
	return failed(s, k, "expected screen '%s', got '%s'", want, now);
}

static const char *view_ms(char *buf, int64_t ms)
{
	snprintf(buf, 32, "%lld", (long long)ms);
	return buf;
}

/* Draws a frame and reads back the caption box: shown means dark box pixels and bright text
 * pixels inside it; whole means shown, with every word of the caption; hidden means no box was
 * drawn. */
static bool expect_captions(struct script *s, struct kiosk *k, bool shown, bool whole)
{
	SDL_Rect box;
	Uint32 *px;
	size_t bright = 0, dark = 0;
	bool has, all;

	ui_invalidate(k->ui);
	loop_render(k);
	has = screen_video_caption_box(k->ui, &box, &all);
	if (!shown) {
		loop_present(k);
		return !has || failed(s, k, "captions shown, expected none%s%s", "", "");
	}
	if (!has) {
		loop_present(k);
		return failed(s, k, "no caption drawn%s%s", "", "");
	}
	px = malloc((size_t)box.w * (size_t)box.h * 4);
	if (px && SDL_RenderReadPixels(k->ren, &box, SDL_PIXELFORMAT_ARGB8888, px, box.w * 4) == 0)
		for (size_t i = 0; i < (size_t)box.w * (size_t)box.h; i++) {
			int r = (px[i] >> 16) & 255, g = (px[i] >> 8) & 255, b = px[i] & 255;

			bright += r > 200 && g > 200;
			dark += r < 80 && g < 80 && b < 80;
		}
	free(px);
	loop_present(k);
	if (!bright || !dark)
		return failed(s, k, "the caption box holds no readable text (%s bright, %s dark)",
			      bright ? "some" : "no", dark ? "some" : "no");
	return !whole || all || failed(s, k, "the caption was cut: its last words do not show%s%s",
				       "", "");
}

/* Reads the answer back through a second connection to the store, as any later reader would:
 * "expect-stored STEP STATUS [VALUE]". */
static bool expect_stored(struct script *s, struct kiosk *k, char *arg)
{
	char *step = strtok(arg, " "), *status = strtok(NULL, " "), *want = strtok(NULL, "");
	struct rjk_error err = {{0}};
	struct store *store;
	struct stored_response *r = NULL;
	size_t n = 0;
	bool ok;
	char got[4096];

	if (!step || !status || !k->session)
		return failed(s, k, "expect-stored wants STEP STATUS [VALUE]%s%s", "", "");
	store = store_open(store_dir(k->store), &err);
	if (!store)
		return failed(s, k, "expect-stored: %s%s", err.message, "");
	ok = store_load_responses(store, session_participant(k->session), &r, &n, &err);
	store_close(store);
	if (!ok)
		return failed(s, k, "expect-stored: %s%s", err.message, "");
	for (size_t i = 0; i < n; i++) {
		struct response value = answer_stored_view(&r[i]);

		if (strcmp(r[i].step_id, step))
			continue;
		answer_summary(got, sizeof got, &value, NULL, 0);
		ok = !strcmp(response_status_name(r[i].status), status) &&
		     (!want || !strcmp(got, want));
		if (!ok) {
			char have[4200];

			snprintf(have, sizeof have, "%s '%s'", response_status_name(r[i].status), got);
			store_responses_free(r, n);
			return failed(s, k, "stored answer to %s is %s", step, have);
		}
		store_responses_free(r, n);
		return true;
	}
	store_responses_free(r, n);
	return failed(s, k, "no stored answer to %s%s", step, "");
}

/* Makes every later file write past a few bytes fail, as on a full disk (works as root too);
 * "free-disk" lifts it again. Only the soft limit changes, so it can be raised back. */
static void disk_limit(bool full)
{
	struct rlimit limit;

	if (getrlimit(RLIMIT_FSIZE, &limit))
		return;
	signal(SIGXFSZ, SIG_IGN);
	limit.rlim_cur = full ? 1024 : limit.rlim_max;
	setrlimit(RLIMIT_FSIZE, &limit);
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
	int64_t now = kiosk_now();

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

/* "seekbar VERB PERCENT [DY]": the pointer on the video's progress bar, PERCENT of the way
 * along it and DY pixels below its centre line (above when negative). VERB is click or tap
 * (press and release), press, move and release (the mouse), or finger-down, finger-move and
 * finger-up. Where the bar is not shown now (a page over the video), the point is where it
 * was last seen, as a trainee would aim. */
static bool seekbar(struct script *s, struct kiosk *k, const char *arg)
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
		return failed(s, k, "seekbar wants VERB PERCENT [DY], got '%s'%s", arg, "");
	if (k->ui && screen_video_seek_bar(k->ui, &bar))
		s->seek_bar = bar;
	if (!s->seek_bar.w)
		return failed(s, k, "no progress bar on screen%s%s", "", "");
	x = s->seek_bar.x + (int)(s->seek_bar.w * percent / 100 + 0.5);
	y = s->seek_bar.y + s->seek_bar.h / 2 + dy;
	for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
		if (strcmp(verb, verbs[i].verb))
			continue;
		for (int j = 0; j < 2 && verbs[i].types[j]; j++) {
			if (verbs[i].types[j] >= SDL_FINGERDOWN && verbs[i].types[j] <= SDL_FINGERMOTION)
				push_finger(k, verbs[i].types[j], x, y);
			else
				push_mouse(verbs[i].types[j], x, y);
		}
		return false;
	}
	return failed(s, k, "unknown seekbar action '%s'%s", verb, "");
}

/* Video checks: "wait-video-time MS", "expect-video-time MS TOLERANCE",
 * "wait-screen NAME [TIMEOUT_MS]",
 * "wait-video-error [TIMEOUT_MS]", "expect-video-frames MIN", "expect-video-notice TEXT",
 * "expect-captions shown|whole|hidden".
 * -1 when line is none of them. */
static int run_video(struct script *s, struct kiosk *k, const char *line, const char *arg)
{
	char buf[128];
	long long a = 0, b = 0;
	int64_t t = video_glue_time_ms(k);

	if (!strcmp(line, "wait-screen")) {
		const char *now = screen_now(k, buf, sizeof buf);
		char want[128];
		int timeout = 10000;

		if (sscanf(arg, "%127s %d", want, &timeout) < 1)
			return failed(s, k, "%s wants NAME [TIMEOUT_MS], got '%s'", line, arg);
		return poll_until(s, k, !strcmp(now, want) ||
				  (!strcmp(want, "step") && !strncmp(now, "step:", 5)),
				  timeout, "screen", arg);
	}
	if (!strcmp(line, "wait-video-error"))
		return poll_until(s, k, video_glue_error(k)[0] != '\0', atoi(arg) > 0 ? atoi(arg) : 6000,
				  "the video's error message within (ms)", arg);
	if (!strcmp(line, "wait-video-time"))
		return poll_until(s, k, t >= atoll(arg), 20000, "video time", arg);
	if (!strcmp(line, "expect-video-time")) {
		if (sscanf(arg, "%lld %lld", &a, &b) != 2)
			return failed(s, k, "%s wants MS TOLERANCE, got '%s'", line, arg);
		if (t < a - b || t > a + b)
			return failed(s, k, "video time %s, expected %s", view_ms(buf, t), arg);
		return true;
	}
	if (!strcmp(line, "expect-video-frames")) {
		if (video_glue_frames(k) < (unsigned long)atol(arg))
			return failed(s, k, "fewer than %s pictures shown%s", arg, "");
		return true;
	}
	if (!strcmp(line, "expect-video-notice")) {
		/* With no text: no notice shows. */
		if (!*arg ? video_glue_notice(k)[0] != '\0' : !strstr(video_glue_notice(k), arg))
			return failed(s, k, "expected a notice with '%s', got '%s'", arg,
				      video_glue_notice(k));
		return true;
	}
	if (!strcmp(line, "expect-captions"))
		return expect_captions(s, k, strcmp(arg, "hidden") != 0, !strcmp(arg, "whole"));
	if (!strcmp(line, "seekbar"))
		return seekbar(s, k, arg);
	return -1;
}

/* Runs one command; returns false when the loop must run before the next one. */
static bool run(struct script *s, struct kiosk *k, char *line)
{
	char *arg = line + strcspn(line, " ");
	int x, y;

	if (*arg)
		*arg++ = '\0';
	unescape(arg);
	if (!*line || line[0] == '#')
		return true;
	if ((x = run_video(s, k, line, arg)) >= 0)
		return x;
	if (!strcmp(line, "key")) {
		if (!push_key(arg))
			return failed(s, k, "unknown key '%s'%s", arg, "");
		return false;
	}
	if (!strcmp(line, "text")) {
		push_text(arg);
		return false;
	}
	if (!strcmp(line, "compose")) {
		/* What an input method sends while a word is being composed. */
		SDL_Event ev = {.type = SDL_TEXTEDITING};

		snprintf(ev.edit.text, sizeof ev.edit.text, "%s", arg);
		ev.edit.start = (Sint32)strlen(arg);
		SDL_PushEvent(&ev);
		return false;
	}
	if (!strcmp(line, "paste")) {
		SDL_SetClipboardText(arg);
		push_key("ctrl+V");
		return false;
	}
	if (!strcmp(line, "click") || !strcmp(line, "tap")) {
		if (sscanf(arg, "%d %d", &x, &y) != 2)
			return failed(s, k, "%s wants X Y, got '%s'", line, arg);
		if (line[0] == 't')
			push_tap(k, x, y);
		else
			push_click(x, y);
		return false;
	}
	if (!strcmp(line, "click-button") || !strcmp(line, "tap-button")) {
		if ((!k->session && !ui_page(k->ui)) ||
		    !ui_find_control(k->ui, k->session, arg, &x, &y))
			return failed(s, k, "no button '%s' on screen%s", arg, "");
		if (line[0] == 't')
			push_tap(k, x, y);
		else
			push_click(x, y);
		return false;
	}
	if (!strcmp(line, "press") || !strcmp(line, "release")) {
		/* A mouse button held down ("press X Y", "wait MS", "release X Y"). */
		if (sscanf(arg, "%d %d", &x, &y) != 2)
			return failed(s, k, "%s wants X Y, got '%s'", line, arg);
		push_mouse(line[0] == 'p' ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP, x, y);
		return false;
	}
	if (!strcmp(line, "window")) {
		/* A window manager's event: "window focus-lost", "window minimized", "window close". */
		SDL_Event ev = {.type = SDL_WINDOWEVENT};

		ev.window.windowID = SDL_GetWindowID(k->window);
		if (!strcmp(arg, "focus-lost"))
			ev.window.event = SDL_WINDOWEVENT_FOCUS_LOST;
		else if (!strcmp(arg, "minimized"))
			ev.window.event = SDL_WINDOWEVENT_MINIMIZED;
		else if (!strcmp(arg, "close"))
			ev.window.event = SDL_WINDOWEVENT_CLOSE;
		else
			return failed(s, k, "unknown window event '%s'%s", arg, "");
		SDL_PushEvent(&ev);
		return false;
	}
	if (!strcmp(line, "wait")) {
		s->due = kiosk_now() + atoi(arg);
		return false;
	}
	if (!strcmp(line, "screenshot"))
		return screenshot(s, k, arg);
	if (!strcmp(line, "check-frame"))
		return check_frame(s, k);
	if (!strcmp(line, "expect-screen"))
		return expect_screen(s, k, arg);
	if (!strcmp(line, "expect-focus")) {
		if (strcmp(ui_focus_label(k->ui), arg))
			return failed(s, k, "expected focus on '%s', got '%s'", arg,
				      ui_focus_label(k->ui));
		return true;
	}
	if (!strcmp(line, "expect-editor")) {
		if (strcmp(ui_editor_text(k->ui), arg))
			return failed(s, k, "expected the text field to hold '%s', got '%s'", arg,
				      ui_editor_text(k->ui));
		return true;
	}
	if (!strcmp(line, "expect-stored"))
		return expect_stored(s, k, arg);
	if (!strcmp(line, "close")) {
		/* What SDL makes of a window manager's close request on the only window. */
		SDL_Event ev = {.type = SDL_WINDOWEVENT};

		ev.window.event = SDL_WINDOWEVENT_CLOSE;
		ev.window.windowID = SDL_GetWindowID(k->window);
		SDL_PushEvent(&ev);
		if (SDL_GetHintBoolean(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, SDL_TRUE)) {
			ev = (SDL_Event){.type = SDL_QUIT};
			SDL_PushEvent(&ev);
		}
		return false;
	}
	if (!strcmp(line, "fill-disk") || !strcmp(line, "free-disk")) {
		disk_limit(line[1] == 'i');
		return true;
	}
	if (!strcmp(line, "kill")) {
		/* As abrupt as a power cut for the process: no cleanup runs. */
		raise(SIGKILL);
		return false;
	}
	if (!strcmp(line, "quit")) {
		k->quit = true;
		return false;
	}
	return failed(s, k, "unknown command '%s'%s", line, "");
}

void script_step(struct script *s, struct kiosk *k)
{
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
