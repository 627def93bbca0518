/* Long-text benchmark (not a test): the slowest frame of the real kiosk at 1024x768 showing a
 * scenario whose title fills the whole 1 MiB a scenario file may hold, a step prompt of 1 MiB,
 * a prompt of 120,000 lines, and a 1 MiB answer in the text field: the first frame, a scroll to
 * the middle and to the end, keystrokes in the answer. Each frame is timed by the wall clock
 * and by the main thread's CPU time (steadier on a shared machine); goal: every frame under
 * 50 ms of both. Runs on any SDL video driver (SDL_VIDEODRIVER=dummy needs no display).
 * Usage: bench_long_text [TEXT_PERCENT...]; BENCH_VERBOSE=1 prints every frame, BENCH_CASE=N
 * runs case N (0 title, 1 prompt, 2 lines, 3 answer) alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/clock.h"
#include "app/kiosk.h"
#include "app/loop.h"
#include "keys.h"
#include "core/scenario.h"
#include "core/textedit.h"
#include "ui/ui_impl.h"

#define GOAL_MS 50.0
#define MIB (1024 * 1024)

static double clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The slowest frame of a case, by each clock, and which frame it was. */
struct worst {
	double wall, cpu;
	const char *wall_what, *cpu_what;
};

struct stopwatch {
	double wall, cpu;
};

static struct stopwatch start_watch(void)
{
	return (struct stopwatch){clock_ms(CLOCK_MONOTONIC), clock_ms(CLOCK_THREAD_CPUTIME_ID)};
}

static void stop_watch(struct stopwatch w, const char *what, struct worst *worst)
{
	double wall = clock_ms(CLOCK_MONOTONIC) - w.wall;
	double cpu = clock_ms(CLOCK_THREAD_CPUTIME_ID) - w.cpu;

	if (getenv("BENCH_VERBOSE"))
		fprintf(stderr, "  %-28s wall %7.2f ms  cpu %7.2f ms\n", what, wall, cpu);
	if (wall > worst->wall) {
		worst->wall = wall;
		worst->wall_what = what;
	}
	if (cpu > worst->cpu) {
		worst->cpu = cpu;
		worst->cpu_what = what;
	}
}

/* Fills out[0..n) with prose: words of 2 to 9 letters, one accented now and then, in an
 * order that does not repeat (so no line is measured twice thanks to a cache). */
static void prose(char *out, size_t n)
{
	static const char *const words[] = {"the", "officer", "listened", "because", "harm",
					    "community", "we", "talked", "about", "it", "caf\xc3\xa9"};
	size_t o = 0;
	unsigned long r = 12345;

	for (size_t i = 0; o < n; i++) {
		const char *w;

		r = r * 6364136223846793005UL + 1442695040888963407UL;
		w = words[(r >> 33) % 11];
		size_t wl = strlen(w);

		if (o + wl + 1 > n) {
			memset(out + o, 'x', n - o);
			break;
		}
		memcpy(out + o, w, wl);
		o += wl;
		out[o++] = ' ';
	}
	if (n)
		out[n - 1] = 'x';
}

/* Writes dir/scenario.yaml: head, then body (size bytes made by fill), then tail; the body
 * takes whatever the 1 MiB file limit leaves when size is 0. */
static bool write_scenario(const char *dir, const char *head, size_t size,
			   void (*fill)(char *, size_t), const char *tail)
{
	char path[256];
	FILE *f;
	char *body;

	if (!size)
		size = SCENARIO_MAX_FILE_BYTES - strlen(head) - strlen(tail);
	body = malloc(size);
	snprintf(path, sizeof path, "%s/scenario.yaml", dir);
	if (!body || !(f = fopen(path, "w"))) {
		free(body);
		return false;
	}
	fill(body, size);
	fputs(head, f);
	fwrite(body, 1, size, f);
	fputs(tail, f);
	free(body);
	return fclose(f) == 0;
}

/* Lines of a literal block under "    text: |", each "     w." (a sentence: the prompt's
 * reflow keeps the line breaks after it, so the page has every line). */
static void many_lines(char *out, size_t n)
{
	for (size_t o = 0; o < n; o += 8)
		memcpy(out + o, "     w.\n", n - o < 8 ? n - o : 8);
}

/* Times the frame that shows what is pending (events already pushed, or a rebuild). */
static void frame(struct kiosk *k, const char *what, struct worst *worst)
{
	struct stopwatch w = start_watch();

	loop_iterate(k, 0);
	stop_watch(w, what, worst);
}

/* Times an action of the trainee's and the frame that shows it. */
static void apply(struct kiosk *k, struct ui_action action, const char *what,
		  struct worst *worst)
{
	struct stopwatch w = start_watch();

	loop_apply(k, action);
	loop_iterate(k, 0);
	stop_watch(w, what, worst);
}

enum journey { TO_START, TO_STEP };

/* Opens the kiosk on dir, goes to the first step when asked, and draws the first frame. */
static bool open_on(struct kiosk *k, const char *dir, const char *data, int percent,
		    enum journey to, struct worst *worst)
{
	struct options options = {
		.scenario = dir, .data = data, .windowed = true, .width = 1024, .height = 768,
		.text_percent = percent, .no_video = true, .volume = -1, .idle_s = -1,
	};
	struct rjk_error err = {{0}};

	if (!kiosk_open(k, &options, &err) || !k->session) {
		fprintf(stderr, "bench_long_text: %s%s\n", err.message, k->problem);
		return false;
	}
	/* The first frame, as loop_run draws it. */
	{
		struct stopwatch w = start_watch();

		ui_invalidate(k->ui);
		loop_render(k);
		loop_present(k);
		stop_watch(w, "first frame (start)", worst);
	}
	if (to == TO_STEP) {
		apply(k, (struct ui_action){UI_START, 0, NULL}, "start -> who", worst);
		apply(k, (struct ui_action){UI_WHO, 0, ""}, "who -> step", worst);
		apply(k, (struct ui_action){UI_NOTE_CONTINUE, 0, NULL}, "(no content note)", worst);
	}
	return true;
}

/* The page scrolled to fraction num/den of its length (as a drag of the scrollbar would). */
static void scroll_to(struct kiosk *k, int num, int den, const char *what, struct worst *worst)
{
	struct ui *ui = k->ui;
	int max = ui->view.content_h - ui->lay.content.h;

	ui->scroll = max > 0 ? (int)((long long)max * num / den) : 0;
	ui->dirty = true;
	frame(k, what, worst);
}

/* The trainee reads down a long page: a page, to the middle, to the end and back. */
static void scroll_page(struct kiosk *k, struct worst *worst)
{
	bench_push_key(SDLK_PAGEDOWN, KMOD_NONE, NULL);
	frame(k, "page down", worst);
	scroll_to(k, 1, 2, "scroll to the middle", worst);
	bench_push_key(SDLK_PAGEDOWN, KMOD_NONE, NULL);
	frame(k, "page down in the middle", worst);
	bench_push_key(SDLK_END, KMOD_NONE, NULL);
	frame(k, "End (to the end)", worst);
	scroll_to(k, 1, 1, "scroll to the end", worst);
	bench_push_key(SDLK_HOME, KMOD_NONE, NULL);
	frame(k, "Home (to the top)", worst);
}

/* A keystroke in the step's answer field (the page rebuilds: the character count changes). */
static void type_key(struct kiosk *k, struct worst *worst)
{
	bench_push_key(SDLK_x, KMOD_NONE, "x");
	frame(k, "keystroke in the answer", worst);
	bench_push_key(SDLK_BACKSPACE, KMOD_NONE, NULL);
	frame(k, "backspace in the answer", worst);
}

/* The trainee moves about and types in a long answer. */
static void edit_answer(struct kiosk *k, struct worst *worst)
{
	static const struct {
		SDL_Keycode key;
		SDL_Keymod mod;
		const char *text, *what;
	} keys[] = {
		{SDLK_a, KMOD_NONE, "a", "keystroke at the end"},
		{SDLK_UP, KMOD_NONE, NULL, "Up"}, {SDLK_DOWN, KMOD_NONE, NULL, "Down"},
		{SDLK_HOME, KMOD_NONE, NULL, "Home"}, {SDLK_END, KMOD_NONE, NULL, "End"},
		{SDLK_PAGEUP, KMOD_NONE, NULL, "Page Up"},
		{SDLK_HOME, KMOD_CTRL, NULL, "Ctrl+Home (to the top)"},
		{SDLK_DOWN, KMOD_NONE, NULL, "Down at the top"},
		{SDLK_b, KMOD_NONE, "b", "keystroke at the top"},
		{SDLK_BACKSPACE, KMOD_NONE, NULL, "Backspace at the top"},
		{SDLK_END, KMOD_CTRL, NULL, "Ctrl+End (to the end)"},
	};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		bench_push_key(keys[i].key, keys[i].mod, keys[i].text);
		frame(k, keys[i].what, worst);
	}
}

/* A text step whose prompt is the rest of the file. */
static const char step_head[] = "rjkiosk: 1\nid: long\ntitle: Long texts\nsteps:\n"
				"  - id: q1\n    kind: text\n    text: ";

static bool run_case(const char *name, int percent, const char *base, int which)
{
	char dir[300], data[300], cmd[1300];
	struct kiosk k;
	struct worst worst = {0, 0, "", ""};
	bool ok, pass;

	snprintf(dir, sizeof dir, "%s/scenario", base);
	snprintf(data, sizeof data, "%s/data-%d-%d", base, which, percent);
	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s' && mkdir -p '%s' '%s'", dir, data, dir, data);
	if (system(cmd) != 0)
		return false;
	switch (which) {
	case 0:
		ok = write_scenario(dir, "rjkiosk: 1\nid: long\ntitle: ", 0, prose,
				    "\nsteps:\n  - id: q1\n    kind: text\n    text: Why?\n");
		break;
	case 1:
		ok = write_scenario(dir, step_head, 0, prose, "\n");
		break;
	case 2:
		ok = write_scenario(dir, "rjkiosk: 1\nid: long\ntitle: Long texts\nsteps:\n"
				    "  - id: q1\n    kind: text\n    text: |\n", 120000 * 8,
				    many_lines, "");
		break;
	default:
		ok = write_scenario(dir, step_head, 5, prose, "\n");
		break;
	}
	if (!ok || !open_on(&k, dir, data, percent, which == 0 ? TO_START : TO_STEP, &worst))
		return false;
	if (which == 0) {
		/* The title on the start screen, then in the header of the next screens. */
		apply(&k, (struct ui_action){UI_START, 0, NULL}, "start -> who (header)", &worst);
		apply(&k, (struct ui_action){UI_WHO, 0, ""}, "who -> step (header)", &worst);
		type_key(&k, &worst);
	} else if (which == 1 || which == 2) {
		scroll_page(&k, &worst);
		type_key(&k, &worst);
	} else {
		/* A 1 MiB answer put straight into the field (a scenario's limit is 20,000
		 * characters, so this is 50 times what a trainee can type or paste). */
		char *answer = malloc(MIB + 1);
		struct textedit *edit;

		if (!answer)
			return false;
		prose(answer, MIB);
		answer[MIB] = '\0';
		session_set_text(k.session, answer, clock_now_ms());
		free(answer);
		/* The session keeps a saved answer longer than the step's limit whole, at its own
		 * length: two characters off make room for the two typed below. */
		if ((edit = session_text_edit(k.session))) {
			textedit_delete(edit, TEXTEDIT_DELETE_BACK);
			textedit_delete(edit, TEXTEDIT_DELETE_BACK);
			session_text_edited(k.session, clock_now_ms());
		}
		ui_invalidate(k.ui);
		frame(&k, "first frame of the answer", &worst);
		edit_answer(&k, &worst);
	}
	pass = worst.wall < GOAL_MS && worst.cpu < GOAL_MS;
	printf("%-24s %3d%%: slowest wall %6.2f ms %s (%s), cpu %6.2f ms %s (%s)\n", name,
	       percent, worst.wall, worst.wall < GOAL_MS ? "PASS" : "FAIL", worst.wall_what,
	       worst.cpu, worst.cpu < GOAL_MS ? "PASS" : "FAIL", worst.cpu_what);
	fflush(stdout);
	kiosk_close(&k);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", data);
	return system(cmd) == 0 && pass;
}

int main(int argc, char **argv)
{
	static const char *const names[] = {"title of 1 MiB", "prompt of 1 MiB",
					    "prompt of 120,000 lines", "answer of 1 MiB"};
	char base[] = "/tmp/rjk-bench-long-XXXXXX", cmd[64];
	int percents[8] = {100, 200}, count = 2;
	bool all = true;

	if (argc > 1) {
		count = 0;
		for (int i = 1; i < argc && count < 8; i++)
			percents[count++] = atoi(argv[i]);
	}
	if (!mkdtemp(base))
		return 1;
	printf("Slowest frame at 1024x768 by wall clock and by main-thread CPU time (goal < %.0f "
	       "ms), video driver %s\n", GOAL_MS,
	       getenv("SDL_VIDEODRIVER") ? getenv("SDL_VIDEODRIVER") : "default");
	for (int p = 0; p < count; p++)
		for (int c = 0; c < 4; c++)
			if (!getenv("BENCH_CASE") || atoi(getenv("BENCH_CASE")) == c)
				all &= run_case(names[c], percents[p], base, c);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
	if (system(cmd) != 0)
		return 1;
	printf("%s\n", all ? "PASS" : "FAIL");
	return all ? 0 : 1;
}
