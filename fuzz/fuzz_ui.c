/* libFuzzer target for the kiosk's input: the real kiosk and event loop driven by a sequence of
 * keys, typed text, clicks, taps, resizes, clock jumps and facilitator actions decoded from the
 * input bytes. No input may crash it, hang it or leave its store failing integrity_check.
 *
 * Each input starts from a known state: a fresh data folder holding only the PIN (2468) and a
 * kiosk opened on it, closed at the end; the first byte picks the scenario (the bundled sample,
 * or the test scenario with every step kind) and the on-screen keyboard's layout (gb or fr)
 * and mode (after a touch, or always). Run with SDL_VIDEODRIVER=dummy (set here when
 * unset), the software renderer and no video (--no-video). */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>
#include <sqlite3.h>

#include "app/clock.h"
#include "app/kiosk.h"
#include "app/loop.h"
#include "core/keyboard.h"
#include "core/pin.h"
#include "core/store.h"
#include "scripted/input.h"
#include "ui/page.h"

/* Bounds per input, so that no input can run for long. */
#define MAX_OPS 160
#define PASSES_PER_OP 2
#define MAX_PIN_ENTRIES 2 /* each costs an Argon2id hash */

static char root[] = "/tmp/rjk-fuzz-ui-XXXXXX";
static char pin_dir[sizeof root + 8];  /* a data folder holding only the PIN, copied per input */
static char data_dir[sizeof root + 8]; /* the input's data folder */

/* Reads the input a byte at a time; 0 once it has run out. */
struct reader {
	const uint8_t *p;
	size_t left;
};

static uint8_t next(struct reader *r)
{
	if (!r->left)
		return 0;
	r->left--;
	return *r->p++;
}

static int remove_one(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	return remove(path);
}

/* Removes path and everything under it (gone already is fine). */
static void remove_tree(const char *path)
{
	if (nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0 && errno != ENOENT)
		abort();
}

static void remove_root(void)
{
	remove_tree(root);
}

/* The menu's "Shut down the PC now" runs systemctl from PATH: a stand-in that refuses as
 * polkit does comes first, so no input ever switches the fuzzing machine off. */
static void refuse_power(void)
{
	char bin[sizeof root + 8], path[sizeof bin + 16], env[sizeof bin + 64];
	FILE *f;

	snprintf(bin, sizeof bin, "%s/bin", root);
	snprintf(path, sizeof path, "%s/systemctl", bin);
	if (mkdir(bin, 0700) != 0 || !(f = fopen(path, "w")))
		abort();
	fputs("#!/bin/sh\necho 'Failed to power off system via logind: Access denied' >&2\n"
	      "exit 1\n", f);
	if (fclose(f) != 0 || chmod(path, 0700) != 0)
		abort();
	snprintf(env, sizeof env, "%s:/usr/bin:/bin", bin);
	setenv("PATH", env, 1);
}

static void setup_once(void)
{
	struct rjk_error err = {{0}};
	struct pin *pin;

	setenv("SDL_VIDEODRIVER", "dummy", 0);
	setenv("SDL_RENDER_DRIVER", "software", 0);
	setenv("SDL_AUDIODRIVER", "dummy", 0);
	if (!mkdtemp(root))
		abort();
	snprintf(pin_dir, sizeof pin_dir, "%s/pin", root);
	snprintf(data_dir, sizeof data_dir, "%s/data", root);
	if (mkdir(pin_dir, 0700) != 0)
		abort();
	atexit(remove_root);
	refuse_power();
	pin = pin_open(pin_dir, NULL, &err);
	if (!pin || !pin_set(pin, "2468", &err)) {
		fprintf(stderr, "fuzz_ui: cannot set the PIN: %s\n", err.message);
		abort();
	}
	pin_free(pin);
}

/* The data folder, made again from the PIN folder alone (in process: a fork of this large
 * process for rm and cp cost more than the rest of an input). */
static void fresh_data(void)
{
	char from[sizeof pin_dir + 256], to[sizeof data_dir + 256], buf[4096];
	struct dirent *e;
	DIR *dir;

	remove_tree(data_dir);
	if (mkdir(data_dir, 0700) != 0 || !(dir = opendir(pin_dir)))
		abort();
	while ((e = readdir(dir))) {
		FILE *in, *out;
		size_t n;

		if (e->d_name[0] == '.')
			continue;
		snprintf(from, sizeof from, "%s/%s", pin_dir, e->d_name);
		snprintf(to, sizeof to, "%s/%s", data_dir, e->d_name);
		if (!(in = fopen(from, "rb")) || !(out = fopen(to, "wb")))
			abort();
		while ((n = fread(buf, 1, sizeof buf, in)) > 0)
			if (fwrite(buf, 1, n, out) != n)
				abort();
		fclose(in);
		if (fclose(out) != 0 || chmod(to, 0600) != 0)
			abort();
	}
	closedir(dir);
}

static void text(const char *s, size_t len)
{
	SDL_Event ev = {.type = SDL_TEXTINPUT};

	if (len > SDL_TEXTINPUTEVENT_TEXT_SIZE - 1)
		len = SDL_TEXTINPUTEVENT_TEXT_SIZE - 1;
	memcpy(ev.text.text, s, len);
	SDL_PushEvent(&ev);
}

static void click(int x, int y)
{
	input_mouse(SDL_MOUSEBUTTONDOWN, x, y);
	input_mouse(SDL_MOUSEBUTTONUP, x, y);
}

static void tap(struct kiosk *k, int x, int y)
{
	int w, h;

	SDL_GetWindowSize(k->window, &w, &h);
	w = w > 0 ? w : 1;
	h = h > 0 ? h : 1;
	input_finger(SDL_FINGERDOWN, 1, x, y, w, h);
	input_finger(SDL_FINGERUP, 1, x, y, w, h);
}

/* A point anywhere in the window, from two bytes. */
static void point(struct kiosk *k, struct reader *r, int *x, int *y)
{
	int w, h;

	SDL_GetWindowSize(k->window, &w, &h);
	*x = next(r) * (w + 8) / 256 - 4;
	*y = next(r) * (h + 8) / 256 - 4;
}

/* The centre of a control on screen: a button of the facilitator's page, or one the trainee's
 * screens draw, picked by a byte. False when the one picked is not on screen. */
static bool control(struct kiosk *k, uint8_t pick, int *x, int *y)
{
	static const char *const labels[] = {
		"Start", "Next", "Back", "Pass", "Continue", "Submit", "Done", "Edit", "Aa",
		"Review answers", "Review", "Save and return", "Back to my answer", "Close",
		"Larger", "Smaller", "High contrast", "Continue the video", "editor",
		/* keys of the on-screen keyboard (shown after a tap on a text field) */
		"Shift", "Caps", "AltGr", "Backspace", "Enter", "Space", "Symbols", "Letters",
		"Left", "Right", "Up", "Down", "Hide", "e", "E", "^", "1", "\xc3\xa9",
	};
	const struct ui_page *page = ui_page(k->ui);
	const char *label;

	if (page) {
		size_t n = page->count + 2;
		size_t i = pick % n;

		label = i < page->count ? page->buttons[i].label :
			i == page->count ? page->back : page->main;
	} else if (k->session) {
		label = labels[pick % (sizeof labels / sizeof labels[0])];
	} else {
		return false;
	}
	return label && ui_find_control(k->ui, k->session, label, x, y);
}

static void one_key(struct reader *r)
{
	static const struct {
		SDL_Keycode sym;
		Uint16 mod;
	} keys[] = {
		{SDLK_RETURN, 0}, {SDLK_TAB, 0}, {SDLK_TAB, KMOD_LSHIFT}, {SDLK_ESCAPE, 0},
		{SDLK_f, KMOD_LCTRL | KMOD_LALT}, {SDLK_UP, 0}, {SDLK_DOWN, 0}, {SDLK_LEFT, 0},
		{SDLK_RIGHT, 0}, {SDLK_RETURN, KMOD_LCTRL}, {SDLK_BACKSPACE, 0}, {SDLK_SPACE, 0},
		{SDLK_HOME, 0}, {SDLK_END, 0}, {SDLK_PAGEUP, 0}, {SDLK_PAGEDOWN, 0},
		{SDLK_DELETE, 0}, {SDLK_KP_ENTER, 0}, {SDLK_a, KMOD_LCTRL}, {SDLK_v, KMOD_LCTRL},
		/* the facilitator's quick keys: next discussion prompt, blank / unblank */
		{SDLK_n, KMOD_LCTRL | KMOD_LALT}, {SDLK_b, KMOD_LCTRL | KMOD_LALT},
	};
	uint8_t b = next(r);
	size_t i = b % (sizeof keys / sizeof keys[0]);

	input_keycode(keys[i].sym, keys[i].mod);
}

static void some_text(struct reader *r)
{
	static const char *const samples[] = {
		"a", "Hello, world", "é", "e\xcc\x81", "\xe4\xb8\xad\xe6\x96\x87",
		"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xf0\x9f\x87\xac\xf0\x9f\x87\xa7", "\r\n", " ",
		"\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9", "=1+1", "\t",
	};
	uint8_t b = next(r);

	if (b < 128) {
		const char *s = samples[b % (sizeof samples / sizeof samples[0])];

		text(s, strlen(s));
	} else {
		/* raw bytes, valid UTF-8 or not, as a broken input method might send */
		char buf[SDL_TEXTINPUTEVENT_TEXT_SIZE];
		size_t n = b % 12 + 1, i;

		for (i = 0; i < n; i++)
			buf[i] = (char)next(r);
		text(buf, n);
	}
}

static void resize(struct kiosk *k, struct reader *r)
{
	SDL_Event ev = {.type = SDL_WINDOWEVENT};
	int w = 160 + next(r) * 8, h = 120 + next(r) * 6;

	SDL_SetWindowSize(k->window, w, h);
	ev.window.windowID = SDL_GetWindowID(k->window);
	ev.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
	ev.window.data1 = w;
	ev.window.data2 = h;
	SDL_PushEvent(&ev);
}

/* Moves the clock past the kiosk's timers: autosave (2 s), the thanks screen, countdowns,
 * the inactivity warning and reset, the corner hold. */
static void jump(struct reader *r)
{
	static const int64_t steps[] = {
		100, 1000, 2100, 3100, 10000, 30000, 61000, 5 * 60000, 16 * 60000, 61 * 60000,
	};

	clock_skip_ms(steps[next(r) % (sizeof steps / sizeof steps[0])]);
}

/* With FUZZ_UI_TRACE set, what each action did: its code and the page or screen after it. */
static void trace(struct kiosk *k, int op, uint8_t code)
{
	static int on = -1;
	const struct ui_page *page;

	if (on < 0)
		on = getenv("FUZZ_UI_TRACE") != NULL;
	if (!on)
		return;
	page = ui_page(k->ui);
	fprintf(stderr, "fuzz_ui: %3d op %2d -> %s %s%s%.160s\n", op, code % 12,
		page ? "page" : k->session ? session_screen_name(session_screen(k->session)) : "problem",
		page ? (page->heading ? page->heading : "(blank)") : ui_focus_label(k->ui),
		page && page->body ? ": " : "", page && page->body ? page->body : "");
}

static void passes(struct kiosk *k, int n)
{
	for (int i = 0; i < n && !k->quit; i++)
		loop_iterate(k, 0);
}

/* PRAGMA integrity_check through a second connection: abort() unless "ok". */
static void check_store(void)
{
	char path[sizeof data_dir + 32];
	sqlite3 *db;
	sqlite3_stmt *st;
	struct stat sb;

	snprintf(path, sizeof path, "%s/%s", data_dir, STORE_DB_NAME);
	if (stat(path, &sb) != 0)
		return; /* no store was opened (the kiosk quit first) */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		abort();
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW ||
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		fprintf(stderr, "fuzz_ui: the store fails integrity_check\n");
		abort();
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* The debrief and the menu's export (its PDF report) draw with pango, which keeps fontconfig's
 * font list for the process's life: not a leak of the kiosk's (tests/debrief/lsan.supp). */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	struct reader r = {data, size};
	struct options options = {0};
	struct rjk_error err = {{0}};
	struct kiosk k;
	int pins = 0;
	uint8_t first;

	if (!ready) {
		setup_once();
		ready = true;
	}
	fresh_data();
	first = next(&r);
	options.scenario = first & 1 ? RJK_SOURCE_DIR "/tests/data/scenarios/good/full" :
				       RJK_SOURCE_DIR "/scenarios/sample";
	/* The on-screen keyboard: after a touch (or always), gb (or fr, with dead keys). */
	options.touch_keyboard = first & 4 ? KEYBOARD_ALWAYS : KEYBOARD_AUTO;
	options.keyboard_layout = first & 2 ? "fr" : NULL;
	options.scenarios = RJK_SOURCE_DIR "/scenarios";
	options.data = data_dir;
	options.windowed = true;
	options.width = 800;
	options.height = 600;
	options.kiosk = true;
	options.text_percent = 100;
	options.idle_s = -1;
	options.present_s = -1; /* the saved setting: 10 minutes on a fresh data folder */
	options.volume = -1;
	options.no_video = true;
	options.silent = true;
	if (!kiosk_open(&k, &options, &err)) {
		fprintf(stderr, "fuzz_ui: %s\n", err.message);
		abort();
	}
	passes(&k, 1);
	for (int op = 0; op < MAX_OPS && r.left && !k.quit; op++) {
		int x, y;
		uint8_t b = next(&r);

		switch (b % 12) {
		case 0:
		case 1:
			one_key(&r);
			break;
		case 2:
			input_keycode(SDLK_0 + next(&r) % 10, 0);
			break;
		case 3:
			some_text(&r);
			break;
		case 4:
			point(&k, &r, &x, &y);
			click(x, y);
			break;
		case 5:
			point(&k, &r, &x, &y);
			tap(&k, x, y);
			break;
		case 6:
		case 7:
			if (control(&k, next(&r), &x, &y)) {
				if (b & 0x80)
					tap(&k, x, y);
				else
					click(x, y);
			}
			break;
		case 8:
			resize(&k, &r);
			break;
		case 9:
			jump(&r);
			break;
		case 10:
			/* the PIN pad and the right PIN: the menu behind it */
			if (pins++ < MAX_PIN_ENTRIES) {
				input_keycode(SDLK_f, KMOD_LCTRL | KMOD_LALT);
				input_keycode(SDLK_2, 0);
				input_keycode(SDLK_4, 0);
				input_keycode(SDLK_6, 0);
				input_keycode(SDLK_8, 0);
				input_keycode(SDLK_RETURN, 0);
			}
			break;
		case 11:
			passes(&k, 1 + next(&r) % 4);
			break;
		}
		passes(&k, PASSES_PER_OP);
		trace(&k, op, b);
	}
	kiosk_close(&k);
	check_store();
	return 0;
}
