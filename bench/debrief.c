/* Benchmark (not a test): the debrief's room view and the session report.
 * 1. One room-view frame drawn by cairo and pango (what the kiosk shows as a picture) for a
 *    question with 60 answers: the wall, the word view, and a scale's bars, at 1920x1080 and
 *    3840x2160; the slowest of RUNS frames and the median.
 * 2. The PDF report of a session of 30 trainees x 20 questions (scale, choice and text in
 *    turn), read from a real store in a temporary folder, written to that folder.
 * Usage: bench_debrief [RUNS]   (default 20) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cairo.h>

#include "chart/report_pdf.h"
#include "chart/room.h"
#include "core/debrief.h"
#include "core/scenario.h"
#include "core/store.h"

static double clock_ms(clockid_t which)
{
	struct timespec t;

	clock_gettime(which, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

/* This thread's CPU time: what a frame costs whatever else the machine runs. */
static double cpu_ms(void)
{
	return clock_ms(CLOCK_THREAD_CPUTIME_ID);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static const char *const sentences[] = {
	"I felt angry at first, then I started to wonder about his childhood.",
	"Listening before judging is the thing I want to remember on patrol.",
	"The officer's courage in asking to meet him stays with me.",
	"People can change, but it takes years and somebody who believes in them.",
	"I am not sure I could forgive someone who shot a colleague.",
	"Support from the team matters more than I thought.",
};

/* A scale question and a text question of n answers each. */
static void make_debrief(struct debrief *d, size_t n)
{
	memset(d, 0, sizeof *d);
	d->title = strdup("Benchmark");
	d->participants = n;
	d->count = 2;
	d->questions = calloc(2, sizeof *d->questions);
	struct debrief_question *s = &d->questions[0], *t = &d->questions[1];
	s->kind = STEP_SCALE;
	s->step_id = strdup("s");
	s->prompt = strdup("How well do you now understand what restorative justice can offer?");
	s->bar_count = 11;
	s->bars = calloc(11, sizeof *s->bars);
	for (int i = 0; i <= 10; i++) {
		char label[32];
		snprintf(label, sizeof label, "%d", i);
		s->bars[i] = (struct debrief_bar){strdup(label), i, 0};
	}
	t->kind = STEP_TEXT;
	t->step_id = strdup("t");
	t->prompt = strdup("What is one thing from this story that you want to remember?");
	for (size_t i = 0; i < n; i++) {
		struct stored_response r = {.status = RESPONSE_ANSWERED, .has_scale = true,
					    .scale = (int)(i * 7 % 11)};
		debrief_add_response(s, (int64_t)i + 1, 1, &r);
		char text[256];
		snprintf(text, sizeof text, "%s (%zu)", sentences[i % 6], i);
		r = (struct stored_response){.status = RESPONSE_ANSWERED, .text = text};
		debrief_add_response(t, (int64_t)i + 1, 1, &r);
	}
	debrief_finish(s);
	debrief_finish(t);
}

static void frames(const struct debrief *d, int w, int h, size_t index, enum chart_text_view v,
		   const char *what, int runs)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	struct chart_style s = chart_print_style(h / 28.0);
	struct room r = {.debrief = d, .index = index, .revealed = true, .view = v, .min_n = 3,
			 .buttons = true};
	struct room_hit hits[ROOM_BUTTONS];
	double *t = calloc((size_t)runs, sizeof *t), *c = calloc((size_t)runs, sizeof *c);
	size_t n;

	for (int i = 0; i < runs; i++) {
		double start = now_ms(), cpu = cpu_ms();
		cairo_t *cr = cairo_create(surface);
		room_draw(cr, &r, &s, w, h, hits, &n);
		cairo_destroy(cr);
		cairo_surface_flush(surface);
		t[i] = now_ms() - start;
		c[i] = cpu_ms() - cpu;
	}
	qsort(t, (size_t)runs, sizeof *t, by_value);
	qsort(c, (size_t)runs, sizeof *c, by_value);
	printf("room view %-22s %4dx%-4d  CPU median %6.2f ms, slowest %6.2f ms;"
	       " wall clock median %6.2f ms\n", what, w, h, c[runs / 2], c[runs - 1], t[runs / 2]);
	free(t);
	free(c);
	cairo_surface_destroy(surface);
}

static const char *kind_yaml(int q)
{
	switch (q % 3) {
	case 0: return "    kind: scale\n    min: 1\n    max: 5\n";
	case 1: return "    kind: choice\n    options: [Yes, Perhaps, No, I don't know]\n";
	default: return "    kind: text\n";
	}
}

static double report(const char *dir, int trainees, int questions)
{
	char yaml[16384], path[4200];
	size_t len = (size_t)snprintf(yaml, sizeof yaml, "rjkiosk: 1\nid: bench\ntitle: Bench\n"
				      "steps:\n");
	struct rjk_diags diags = {0};
	struct rjk_error err = {{0}};

	for (int q = 0; q < questions; q++)
		len += (size_t)snprintf(yaml + len, sizeof yaml - len,
					"  - id: q%d\n%s    text: \"Question %d, what did you think "
					"of this part of the story?\"\n", q, kind_yaml(q), q + 1);
	struct scenario *sc = scenario_load_buffer("scenario.yaml", "/tmp", yaml, len, &diags);
	struct store *store = sc ? store_open(dir, &err) : NULL;
	int64_t session = store ? store_session_start(store, sc, "Bench group", &err) : 0;
	if (!session) {
		fprintf(stderr, "bench_debrief: %s\n", sc ? err.message : diags.items[0]);
		exit(1);
	}
	for (int p = 0; p < trainees; p++) {
		char name[32];
		snprintf(name, sizeof name, "Trainee %d", p + 1);
		int64_t who = store_participant_add(store, session, name, NULL, 0, &err);
		for (int q = 0; q < questions; q++) {
			const char *choice[] = {q % 2 ? "Yes" : "No"};
			char id[16];
			snprintf(id, sizeof id, "q%d", q);
			struct response r = {.step_id = id, .kind = sc->steps[q].kind,
					     .prompt = sc->steps[q].text,
					     .status = RESPONSE_ANSWERED, .video_ms = -1};
			if (r.kind == STEP_SCALE)
				r.has_scale = true, r.scale = 1 + (p + q) % 5;
			else if (r.kind == STEP_CHOICE)
				r.choices = choice, r.choice_count = 1;
			else
				r.text = sentences[(p + q) % 6];
			if (!who || !store_save_response(store, who, &r, &err)) {
				fprintf(stderr, "bench_debrief: %s\n", err.message);
				exit(1);
			}
		}
	}
	snprintf(path, sizeof path, "%s/report.pdf", dir);
	struct report_request req = {.session = session, .names = true, .min_n = 3};
	double start = now_ms(), cpu = cpu_ms();
	bool ok = report_write(store, &req, path, &err);
	double took = now_ms() - start;
	printf("report 30 trainees x 20 questions (with --names): CPU %.1f ms, wall clock %.1f ms\n",
	       cpu_ms() - cpu, took);
	if (!ok) {
		fprintf(stderr, "bench_debrief: %s\n", err.message);
		exit(1);
	}
	store_close(store);
	scenario_free(sc);
	rjk_diags_release(&diags);
	return took;
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 20;
	char dir[] = "/tmp/rjk-bench-debrief.XXXXXX";
	struct debrief d;

	if (runs < 1 || !mkdtemp(dir))
		return 2;
	make_debrief(&d, 60);
	for (int big = 0; big < 2; big++) {
		int w = big ? 3840 : 1920, h = big ? 2160 : 1080;
		frames(&d, w, h, 1, CHART_WALL, "60 answers, wall", runs);
		frames(&d, w, h, 1, CHART_WORDS, "60 answers, words", runs);
		frames(&d, w, h, 0, CHART_WALL, "60 answers, scale bars", runs);
	}
	debrief_release(&d);
	double worst = 0;
	for (int i = 0; i < 3; i++) {
		char sub[4096];
		snprintf(sub, sizeof sub, "%.4000s/%d", dir, i);
		double t = report(sub, 30, 20);
		worst = t > worst ? t : worst;
	}
	printf("report slowest of 3 (wall clock): %.1f ms\n", worst);
	chart_release_fonts();
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
