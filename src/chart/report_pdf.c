/* The session report as an A4 PDF: cairo's PDF surface, pango's text layout, the debrief's
 * own charts, written to memory and then into place atomically. */
#include "chart/report_pdf.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>

#include "chart/cairo_lazy.h"
#include "chart/chart.h"
#include "chart/room.h"
#include "core/answer.h"
#include "core/debrief.h"
#include "core/durable.h"
#include "core/store.h"
#include "core/wordfreq.h"
#include "core/words.h"

#define PAGE_W 595.276  /* A4 in points */
#define PAGE_H 841.890
#define MARGIN 56.0
#define BODY 11.0

struct pdf {
	cairo_t *cr;
	double y;
	int page;
	struct chart_style style;
};

struct buffer {
	unsigned char *data;
	size_t len, cap;
	bool failed;
};

static cairo_status_t write_buffer(void *closure, const unsigned char *data, unsigned int len)
{
	struct buffer *b = closure;

	if (b->len + len > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 65536;
		unsigned char *d;

		while (cap < b->len + len)
			cap *= 2;
		d = realloc(b->data, cap);
		if (!d) {
			b->failed = true;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
	return CAIRO_STATUS_SUCCESS;
}

static void footer(struct pdf *p)
{
	char n[32];

	snprintf(n, sizeof n, "%d", p->page);
	chart_text(p->cr, n, PAGE_W / 2 - 10, PAGE_H - MARGIN * 0.6, -1, BODY * 0.8,
		   p->style.muted, false, 0);
}

static void new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN;
}

/* Starts a new page unless h more fits on this one. */
static void need(struct pdf *p, double h)
{
	if (p->y + h > PAGE_H - MARGIN && p->y > MARGIN)
		new_page(p);
}

static void para(struct pdf *p, const char *text, double px, bool bold, uint32_t rgb,
		 double after)
{
	double w = PAGE_W - 2 * MARGIN, h = chart_text_height(p->cr, text, w, px, bold, 60);

	need(p, h);
	p->y += chart_text(p->cr, text, MARGIN, p->y, w, px, rgb, bold, 60) + after;
}

static const char *when(int64_t ms, char *out, size_t size)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (!ms || !localtime_r(&t, &tm) || !strftime(out, size, "%Y-%m-%d %H:%M", &tm))
		snprintf(out, size, "-");
	return out;
}

static void cover(struct pdf *p, const struct debrief *d)
{
	char line[1024], a[64], b[64];

	p->y = MARGIN * 2;
	para(p, "Session report", BODY * 1.2, false, p->style.muted, 8);
	para(p, d->title, BODY * 2.4, true, p->style.text, 16);
	snprintf(line, sizeof line, "Session: %s", d->label && *d->label ? d->label : "(no name)");
	para(p, line, BODY * 1.3, false, p->style.text, 6);
	snprintf(line, sizeof line, "Started %s%s%s", when(d->started, a, sizeof a),
		 d->ended ? ", ended " : ", still open", d->ended ? when(d->ended, b, sizeof b) : "");
	para(p, line, BODY * 1.3, false, p->style.text, 6);
	words_count(a, sizeof a, (long long)d->participants, "participant", "participants", 0);
	para(p, a, BODY * 1.3, false, p->style.text, 6);
	words_count(a, sizeof a, (long long)d->answered, "answer", "answers", 0);
	words_count(b, sizeof b, (long long)d->passed, "pass", "passes", 0);
	snprintf(line, sizeof line, "%s, %s", a, b);
	para(p, line, BODY * 1.3, false, p->style.text, 6);
	words_count(a, sizeof a, (long long)d->count, "question", "questions", 0);
	para(p, a, BODY * 1.3, false, p->style.text, 20);
	para(p, "Answers are shown without names. Answers the facilitator hid during the debrief "
	     "are left out, and a question with too few answers to keep them anonymous shows "
	     "none.", BODY, false, p->style.muted, 0);
	new_page(p);
}

static void words_line(struct pdf *p, const struct debrief_question *q)
{
	size_t n = debrief_shown_texts(q, NULL, 0), count, len = 0;
	const char **texts = calloc(n ? n : 1, sizeof *texts);
	struct word_count *words;
	char line[1024];

	if (!texts)
		abort();
	debrief_shown_texts(q, texts, n);
	wordfreq_count(texts, n, 12, &words, &count);
	free(texts);
	len = (size_t)snprintf(line, sizeof line, "Most frequent words:");
	/* Whole words only: a cut inside a character would leave text cairo cannot draw. */
	for (size_t i = 0; i < count; i++) {
		int wrote = snprintf(line + len, sizeof line - len, "%s %s (%zu)", i ? "," : "",
				 words[i].word, words[i].count);

		if (wrote < 0 || (size_t)wrote >= sizeof line - len) {
			line[len] = '\0';
			break;
		}
		len += (size_t)wrote;
	}
	para(p, count ? line : chart_no_words, BODY, false, p->style.muted, 8);
	wordfreq_free(words, count);
}

static void question(struct pdf *p, const struct debrief *d, size_t index, int min_n)
{
	const struct debrief_question *q = &d->questions[index];
	char line[512];

	/* The question's text stays on the page of its chart (or its first answers). */
	need(p, BODY * 8 + (q->kind == STEP_SCALE || q->kind == STEP_CHOICE
				    ? (double)q->bar_count * BODY * 2.2 + BODY * 5 : 0));
	snprintf(line, sizeof line, "%zu. %s", index + 1, q->prompt);
	para(p, line, BODY * 1.35, true, p->style.text, 4);
	room_counts(d, q, line, sizeof line);
	para(p, line, BODY, false, p->style.muted, 8);
	if (!debrief_shown(q, min_n)) {
		char n[64];

		words_count(n, sizeof n, min_n, "answer", "answers", 0);
		snprintf(line, sizeof line, "Not shown: fewer than %s.", n);
		para(p, line, BODY, false, p->style.text, 18);
		return;
	}
	if (q->kind == STEP_SCALE || q->kind == STEP_CHOICE) {
		double h = (double)q->bar_count * BODY * 2.2 + BODY * 5;

		need(p, h);
		p->y += chart_bars(p->cr, q, &p->style, MARGIN, p->y, PAGE_W - 2 * MARGIN, h) +
			BODY * 1.6;
		return;
	}
	words_line(p, q);
	for (size_t i = 0; i < q->answer_count; i++) {
		if (q->answers[i].hidden)
			continue;
		snprintf(line, sizeof line, "\xe2\x80\x94");
		need(p, BODY * 2);
		chart_text(p->cr, line, MARGIN, p->y, -1, BODY, p->style.muted, false, 0);
		double w = PAGE_W - 2 * MARGIN - BODY * 1.5;
		double h = chart_text_height(p->cr, q->answers[i].text, w, BODY, false, 60);
		need(p, h);
		p->y += chart_text(p->cr, q->answers[i].text, MARGIN + BODY * 1.5, p->y, w, BODY,
				   p->style.text, false, 60) + BODY * 0.6;
	}
	p->y += BODY;
}

/* The appendix: one trainee a section, their answers under the questions, hidden ones out. */
static bool appendix(struct pdf *p, struct store *store, const struct debrief *d,
		     struct rjk_error *err)
{
	struct store_participant_info *people;
	size_t n;

	if (!store_list_participants(store, d->session, &people, &n, err))
		return false;
	new_page(p);
	para(p, "Appendix: answers by trainee", BODY * 1.8, true, p->style.text, 12);
	for (size_t i = 0; i < n; i++) {
		struct stored_response *rs;
		size_t rn;

		if (!store_load_responses(store, people[i].id, &rs, &rn, err)) {
			store_participants_free(people, n);
			return false;
		}
		need(p, BODY * 6);
		para(p, people[i].name, BODY * 1.35, true, p->style.text, 6);
		for (size_t r = 0; r < rn; r++) {
			struct response view = answer_stored_view(&rs[r]);
			bool hidden = false;
			size_t size;
			char *value, *line;

			if (!store_debrief_is_hidden(store, people[i].id, rs[r].step_id, &hidden, err)) {
				store_responses_free(rs, rn);
				store_participants_free(people, n);
				return false;
			}
			if (hidden || rs[r].status == RESPONSE_DRAFT)
				continue;
			/* Sized to the answer: a fixed buffer cut long answers short, even inside a
			 * character. */
			size = answer_summary(NULL, 0, &view, NULL, 0) + 1;
			value = malloc(size);
			line = malloc(strlen(rs[r].prompt) + size + 16);
			if (!value || !line) {
				free(value);
				free(line);
				store_responses_free(rs, rn);
				store_participants_free(people, n);
				return rjk_error_set(err, "out of memory for an answer of %zu bytes",
						     size);
			}
			answer_summary(value, size, &view, NULL, 0);
			sprintf(line, "%s: %s", rs[r].prompt,
				rs[r].status == RESPONSE_PASSED ? "(passed)" : value);
			para(p, line, BODY, false, p->style.text, 4);
			free(line);
			free(value);
		}
		p->y += BODY;
		store_responses_free(rs, rn);
	}
	store_participants_free(people, n);
	return true;
}

bool report_write(struct store *store, const struct report_request *req, const char *path,
		  struct rjk_error *err)
{
	struct debrief d;
	struct buffer buf = {0};
	cairo_surface_t *surface;
	struct pdf p = {.y = MARGIN, .page = 1, .style = chart_print_style(BODY)};
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	bool ok;

	if (!debrief_load(store, req->session, &d, err))
		return false;
	surface = cairo_pdf_surface_create_for_stream(write_buffer, &buf, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, d.title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "rjkiosk");
	p.cr = cairo_create(surface);
	cover(&p, &d);
	for (size_t i = 0; i < d.count; i++)
		question(&p, &d, i, req->min_n);
	ok = !req->names || appendix(&p, store, &d, err);
	footer(&p);
	/* A drawing error stops all drawing after it: the report would lack its end. */
	cairo_status_t drawn = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(surface);
	if (drawn == CAIRO_STATUS_SUCCESS)
		drawn = cairo_surface_status(surface);
	if (ok && (buf.failed || drawn != CAIRO_STATUS_SUCCESS))
		ok = rjk_error_set(err, "cannot make the report: %s",
				   buf.failed ? "out of memory" : cairo_status_to_string(drawn));
	cairo_surface_destroy(surface);
	debrief_release(&d);
	if (slash)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path) ? (int)(slash - path) : 1,
			 path);
	else
		snprintf(dir, sizeof dir, ".");
	if (ok && !durable_replace(dir, path, buf.data, buf.len))
		ok = rjk_error_set(err, "cannot write %s: %s", path, strerror(errno));
	free(buf.data);
	return ok;
}
