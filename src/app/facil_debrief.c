/* The debrief in the facilitator's side: the room view (one question at a time, results hidden
 * until revealed, the anonymity rule, live updates) drawn by chart/room.c into a picture, and
 * the private page where the facilitator reveals results and hides text answers before the
 * room sees them. With a second display the room view goes there (app/room_window.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "app/clock.h"
#include "app/facil_impl.h"
#include "app/room_window.h"
#include "chart/cairo_lazy.h"
#include "chart/room.h"
#include "core/hash.h"
#include "core/words.h"
#include "ui/theme.h"

/* The private page's ids, from ID_DEBRIEF_BASE. */
enum {
	DB_ROOM = ID_DEBRIEF_BASE,
	DB_PREVIOUS,
	DB_NEXT,
	DB_REVEAL,
	DB_MORE,
	DB_ANSWER = ID_DEBRIEF_BASE + 100, /* + index of the answer in the question */
};

/* Text answers listed a page at a time on the private page. */
#define PRIVATE_ANSWERS 16
#define RELOAD_MS 2000

struct facil_debrief {
	int64_t session;
	struct debrief d;
	uint64_t signature;           /* of what was last drawn: a reload that changes nothing
				       * draws nothing */
	size_t index;
	char **revealed;              /* step ids of the questions revealed */
	size_t revealed_count;
	enum chart_text_view view;
	size_t wall_page, answer_page;
	int64_t loaded_at;
	cairo_surface_t *surface;
	struct ui_picture picture;
	struct room_hit hits[ROOM_BUTTONS];
	size_t hit_count;
	float finger_x, finger_y;
	bool finger_down;
	struct room_window *room;     /* the second display's window, in presenter mode */
	char problem[RJK_ERROR_MAX];
};

static const struct debrief_question *current(const struct facil_debrief *db)
{
	return db->index < db->d.count ? &db->d.questions[db->index] : NULL;
}

static bool revealed(const struct facil_debrief *db)
{
	const struct debrief_question *q = current(db);

	for (size_t i = 0; q && i < db->revealed_count; i++)
		if (!strcmp(db->revealed[i], q->step_id))
			return true;
	return false;
}

static void set_revealed(struct facil_debrief *db, bool on)
{
	const struct debrief_question *q = current(db);
	char **list;

	if (!q || on == revealed(db))
		return;
	for (size_t i = 0; !on && i < db->revealed_count; i++)
		if (!strcmp(db->revealed[i], q->step_id)) {
			free(db->revealed[i]);
			db->revealed[i] = db->revealed[--db->revealed_count];
			return;
		}
	list = realloc(db->revealed, (db->revealed_count + 1) * sizeof *list);
	if (!list || !(list[db->revealed_count] = strdup(q->step_id)))
		abort();
	db->revealed = list;
	db->revealed_count++;
}

/* What the drawing depends on, so a reload with nothing new costs no drawing. */
static uint64_t signature(const struct facil_debrief *db)
{
	uint64_t h = hash_bytes(&db->d.participants, sizeof db->d.participants, 0);

	for (size_t i = 0; i < db->d.count; i++) {
		const struct debrief_question *q = &db->d.questions[i];
		size_t v[3] = {q->answered, q->passed, debrief_visible(q)};

		h = hash_bytes(v, sizeof v, h);
	}
	return h;
}

/* Reads the session again, keeping the question on screen by its step id. */
static void load(struct facil_debrief *db, const struct facil_context *c)
{
	const struct debrief_question *q = current(db);
	char *step = q ? strdup(q->step_id) : NULL;
	struct rjk_error err = {{0}};
	struct debrief d;

	db->loaded_at = clock_now_ms();
	if (!c->store) {
		snprintf(db->problem, sizeof db->problem, "No answers can be read: the store is not "
			 "open.");
	} else if (!debrief_load(c->store, db->session, &d, &err)) {
		snprintf(db->problem, sizeof db->problem, "%s", err.message);
	} else {
		debrief_release(&db->d);
		db->d = d;
		db->problem[0] = '\0';
		for (size_t i = 0; step && i < d.count; i++)
			if (!strcmp(d.questions[i].step_id, step))
				db->index = i;
	}
	if (db->index >= db->d.count)
		db->index = 0;
	free(step);
}

static struct chart_style screen_style(const struct facil *f, int w, int h)
{
	const struct theme *t = theme_get(f->settings.high_contrast);
	double px = h / 28.0 < w / 36.0 ? h / 28.0 : w / 36.0;
#define RGB(c) ((uint32_t)(c).r << 16 | (uint32_t)(c).g << 8 | (c).b)
	struct chart_style s = {
		.bg = RGB(t->bg), .panel = RGB(t->panel), .text = RGB(t->text),
		.muted = RGB(t->muted), .bar = RGB(t->primary), .bar_edge = RGB(t->border),
		.accent = RGB(t->notice), .button = RGB(t->panel), .button_text = RGB(t->text),
	};
#undef RGB
	s.font_px = px * f->settings.text_percent / 100.0;
	/* Already large for the back of the room: larger text settings grow it only so far that
	 * a question and its results still share the screen. */
	if (s.font_px > h / 22.0)
		s.font_px = h / 22.0;
	s.line = s.font_px / 12 < 1 ? 1 : s.font_px / 12;
	return s;
}

static struct room room_of(const struct facil *f, const struct facil_debrief *db, bool buttons)
{
	return (struct room){
		.debrief = &db->d, .index = db->index, .revealed = revealed(db),
		.view = db->view, .page = db->wall_page, .min_n = f->settings.min_answers,
		.buttons = buttons,
	};
}

/* Draws the room view at w x h into db's picture. */
static void render(struct facil *f, struct facil_debrief *db, int w, int h)
{
	struct chart_style style = screen_style(f, w, h);
	struct room room = room_of(f, db, true);
	cairo_t *cr;

	if (!db->surface || cairo_image_surface_get_width(db->surface) != w ||
	    cairo_image_surface_get_height(db->surface) != h) {
		cairo_surface_destroy(db->surface);
		db->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	}
	cr = cairo_create(db->surface);
	room_draw(cr, &room, &style, w, h, db->hits, &db->hit_count);
	cairo_destroy(cr);
	cairo_surface_flush(db->surface);
	db->picture = (struct ui_picture){cairo_image_surface_get_data(db->surface), w, h,
					  cairo_image_surface_get_stride(db->surface)};
}

/* The room display in presenter mode shows the room view without buttons. */
static void show_room_window(struct facil *f, struct facil_debrief *db)
{
	int w, h;

	if (!db->room || !room_window_size(db->room, &w, &h))
		return;
	struct chart_style style = screen_style(f, w, h);
	struct room room = room_of(f, db, false);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	struct room_hit unused[ROOM_BUTTONS];
	size_t n;

	room_draw(cr, &room, &style, w, h, unused, &n);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	room_window_show(db->room, &(struct ui_picture){cairo_image_surface_get_data(s), w, h,
							cairo_image_surface_get_stride(s)});
	cairo_surface_destroy(s);
}

static void room_page(struct facil *f, struct facil_debrief *db)
{
	SDL_Renderer *ren = SDL_GetRenderer(f->window);
	int w = 1024, h = 768;

	if (ren)
		SDL_GetRendererOutputSize(ren, &w, &h);
	render(f, db, w < 64 ? 64 : w, h < 64 ? 64 : h);
	f->page.picture = &db->picture;
}

static void private_page(struct facil *f, const struct facil_context *c, struct facil_debrief *db)
{
	struct ui_page *p = &f->page;
	const struct debrief_question *q = current(db);
	char counts[256], n[64];
	size_t shown = 0;

	(void)c;
	p->title = "Debrief \xc2\xb7 private: the room does not see this page";
	p->back = "Menu";
	p->back_id = ID_BACK_TO_MENU;
	p->main = db->room ? NULL : "Show the room view";
	p->main_id = DB_ROOM;
	if (!q) {
		p->heading = "Nothing to debrief";
		p->body = db->problem[0] ? db->problem : "This session's scenario has no questions.";
		return;
	}
	p->heading = q->prompt;
	room_counts(&db->d, q, counts, sizeof counts);
	words_count(n, sizeof n, f->settings.min_answers, "answer", "answers", 0);
	snprintf(f->body, sizeof f->body, "Question %zu of %zu. %s.%s %s%s%s", db->index + 1,
		 db->d.count, counts, debrief_all_in(&db->d, q) ? " Everyone has answered." : "",
		 !debrief_shown(q, f->settings.min_answers) ? "Too few answers to show (fewer than "
		 : revealed(db) ? "The room sees the results." : "Results are hidden from the room.",
		 !debrief_shown(q, f->settings.min_answers) ? n : "",
		 !debrief_shown(q, f->settings.min_answers) ? ")." : "");
	if (q->answer_count)
		snprintf(f->body + strlen(f->body), sizeof f->body - strlen(f->body),
			 " Untick an answer to hide it from the room and the report.");
	p->body = f->body;
	p->columns = 2;
	struct ui_page_button *b = &p->buttons[p->count++];
	*b = (struct ui_page_button){.label = "\xe2\x80\xb9 Previous question", .id = DB_PREVIOUS};
	b = &p->buttons[p->count++];
	*b = (struct ui_page_button){.label = "Next question \xe2\x80\xba", .id = DB_NEXT};
	b = &p->buttons[p->count++];
	*b = (struct ui_page_button){.label = revealed(db) ? "Hide the results" : "Reveal the "
				     "results", .id = DB_REVEAL};
	if (q->answer_count > PRIVATE_ANSWERS) {
		size_t pages = (q->answer_count + PRIVATE_ANSWERS - 1) / PRIVATE_ANSWERS;

		snprintf(f->labels[p->count], sizeof f->labels[0], "More answers (page %zu of %zu)",
			 db->answer_page % pages + 1, pages);
		b = &p->buttons[p->count];
		*b = (struct ui_page_button){.label = f->labels[p->count], .id = DB_MORE};
		p->count++;
	}
	size_t first = q->answer_count > PRIVATE_ANSWERS
			       ? db->answer_page % ((q->answer_count + PRIVATE_ANSWERS - 1) /
						     PRIVATE_ANSWERS) * PRIVATE_ANSWERS : 0;
	for (size_t i = first; i < q->answer_count && shown < PRIVATE_ANSWERS &&
			       p->count < UI_PAGE_BUTTONS; i++, shown++) {
		b = &p->buttons[p->count];
		*b = (struct ui_page_button){
			.label = facil_short_text(f->labels[p->count], sizeof f->labels[0],
						  q->answers[i].text),
			.id = DB_ANSWER + (int)i, .toggle = true, .on = !q->answers[i].hidden,
		};
		p->count++;
	}
}

void facil_debrief_page(struct facil *f, const struct facil_context *c)
{
	struct facil_debrief *db = f->debrief;

	if (!db)
		return;
	if (f->mode == FACIL_DEBRIEF)
		room_page(f, db);
	else
		private_page(f, c, db);
	show_room_window(f, db);
	db->signature = signature(db);
}

void facil_debrief_open(struct facil *f, const struct facil_context *c, int64_t session_id)
{
	struct facil_debrief *db = f->debrief;

	if (db && db->session != session_id) {
		facil_debrief_free(db);
		db = f->debrief = NULL;
	}
	if (!db) {
		db = calloc(1, sizeof *db);
		if (!db)
			abort();
		db->session = session_id;
		f->debrief = db;
	}
	load(db, c);
	if (!db->room)
		db->room = room_window_open();
	/* With a second display the room sees the room view there and this screen is private. */
	facil_show(f, c, db->room ? FACIL_DEBRIEF_PRIVATE : FACIL_DEBRIEF);
}

static void move(struct facil_debrief *db, int by)
{
	if (!db->d.count)
		return;
	db->index = (db->index + db->d.count + (size_t)(by < 0 ? db->d.count - 1 : 1)) %
		    db->d.count;
	db->wall_page = db->answer_page = 0;
}

static void room_press(struct facil *f, const struct facil_context *c, enum room_button b)
{
	struct facil_debrief *db = f->debrief;

	switch (b) {
	case ROOM_PREVIOUS: move(db, -1); break;
	case ROOM_NEXT: move(db, 1); break;
	case ROOM_REVEAL: set_revealed(db, !revealed(db)); break;
	case ROOM_VIEW: db->view = db->view == CHART_WALL ? CHART_WORDS : CHART_WALL; break;
	case ROOM_PAGE: db->wall_page++; break;
	case ROOM_PRIVATE: facil_show(f, c, FACIL_DEBRIEF_PRIVATE); return;
	case ROOM_BUTTONS: return;
	}
	facil_show(f, c, f->mode);
}

/* The button under (x, y) in the picture's pixels, or ROOM_BUTTONS. */
static enum room_button hit(const struct facil_debrief *db, double x, double y)
{
	for (size_t i = 0; i < db->hit_count; i++) {
		const struct room_hit *h = &db->hits[i];

		if (x >= h->x && x < h->x + h->w && y >= h->y && y < h->y + h->h)
			return h->button;
	}
	return ROOM_BUTTONS;
}

bool facil_debrief_event(struct facil *f, const struct facil_context *c, const SDL_Event *ev)
{
	struct facil_debrief *db = f->debrief;
	int ww = 1, wh = 1;

	if (!db)
		return false;
	SDL_GetWindowSize(f->window, &ww, &wh);
	switch (ev->type) {
	case SDL_KEYDOWN:
		switch (ev->key.keysym.sym) {
		case SDLK_LEFT: case SDLK_PAGEUP: room_press(f, c, ROOM_PREVIOUS); break;
		case SDLK_RIGHT: case SDLK_PAGEDOWN: room_press(f, c, ROOM_NEXT); break;
		case SDLK_r: case SDLK_RETURN: case SDLK_SPACE: room_press(f, c, ROOM_REVEAL); break;
		case SDLK_w: room_press(f, c, ROOM_VIEW); break;
		case SDLK_DOWN: room_press(f, c, ROOM_PAGE); break;
		case SDLK_ESCAPE: case SDLK_p: room_press(f, c, ROOM_PRIVATE); break;
		default: break;
		}
		return true;
	case SDL_MOUSEBUTTONUP:
		if (ev->button.which != SDL_TOUCH_MOUSEID && ev->button.button == SDL_BUTTON_LEFT)
			room_press(f, c, hit(db, ev->button.x * (double)db->picture.w / ww,
					     ev->button.y * (double)db->picture.h / wh));
		return true;
	case SDL_FINGERDOWN:
		db->finger_down = true;
		db->finger_x = ev->tfinger.x;
		db->finger_y = ev->tfinger.y;
		return true;
	case SDL_FINGERUP: {
		float dx = ev->tfinger.x - db->finger_x;

		if (!db->finger_down)
			return true;
		db->finger_down = false;
		/* A swipe across a sixth of the screen turns the page; a short touch is a tap. */
		if (dx > 1.0f / 6 || dx < -1.0f / 6)
			room_press(f, c, dx < 0 ? ROOM_NEXT : ROOM_PREVIOUS);
		else
			room_press(f, c, hit(db, ev->tfinger.x * db->picture.w,
					     ev->tfinger.y * db->picture.h));
		return true;
	}
	case SDL_WINDOWEVENT:
		ui_event(f->ui, c->session, ev, NULL);
		if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
			facil_show(f, c, f->mode);
		return true;
	default:
		return ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_MOUSEMOTION ||
		       ev->type == SDL_FINGERMOTION || ev->type == SDL_TEXTINPUT;
	}
}

void facil_debrief_press(struct facil *f, const struct facil_context *c, int id)
{
	struct facil_debrief *db = f->debrief;
	const struct debrief_question *q;
	struct rjk_error err = {{0}};

	if (!db)
		return;
	q = current(db);
	if (id == DB_ROOM) {
		/* In presenter mode the room view is already on the room's display. */
		if (!db->room)
			facil_show(f, c, FACIL_DEBRIEF);
		return;
	}
	if (id == DB_PREVIOUS || id == DB_NEXT)
		move(db, id == DB_PREVIOUS ? -1 : 1);
	else if (id == DB_REVEAL)
		set_revealed(db, !revealed(db));
	else if (id == DB_MORE)
		db->answer_page++;
	else if (q && id >= DB_ANSWER && (size_t)(id - DB_ANSWER) < q->answer_count) {
		const struct debrief_answer *a = &q->answers[id - DB_ANSWER];

		if (!c->store ||
		    !(a->statement_id ? store_debrief_hide_class(c->store, a->statement_id,
								 !a->hidden, &err)
				      : store_debrief_hide(c->store, a->participant, q->step_id,
							   !a->hidden, &err))) {
			facil_result(f, c, false, "The answer could not be %s: %s",
				     a->hidden ? "restored" : "hidden",
				     c->store ? err.message : "the store is not open");
			return;
		}
		load(db, c);
	}
	facil_show(f, c, f->mode);
}

void facil_debrief_tick(struct facil *f, const struct facil_context *c, int64_t now)
{
	struct facil_debrief *db = f->debrief;

	if (!db || (f->mode != FACIL_DEBRIEF && f->mode != FACIL_DEBRIEF_PRIVATE)) {
		/* Leaving the debrief closes the room's window. */
		if (db && db->room && f->mode != FACIL_DEBRIEF && f->mode != FACIL_DEBRIEF_PRIVATE) {
			room_window_close(db->room);
			db->room = NULL;
		}
		return;
	}
	if (now - db->loaded_at < RELOAD_MS)
		return;
	load(db, c);
	/* The private page points into the answers just read again, so it is always built anew;
	 * the room view is a picture of its own, drawn again only when something changed. */
	if (f->mode == FACIL_DEBRIEF_PRIVATE || signature(db) != db->signature)
		facil_show(f, c, f->mode);
}

void facil_debrief_free(struct facil_debrief *db)
{
	if (!db)
		return;
	room_window_close(db->room);
	for (size_t i = 0; i < db->revealed_count; i++)
		free(db->revealed[i]);
	free(db->revealed);
	debrief_release(&db->d);
	cairo_surface_destroy(db->surface);
	free(db);
	chart_release_fonts();
}
