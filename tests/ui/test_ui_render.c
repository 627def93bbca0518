/* Tests of drawing with SDL's dummy video driver and the software renderer: an unchanged
 * screen is drawn again without rendering any text, a key press renders only what changed,
 * every screen of the sample fits the window with a visible focus ring, the video's
 * controls fade evenly, and characters the kiosk's font lacks are drawn in a fallback font. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <SDL.h>
#include <SDL_ttf.h>

#include "core/scenario.h"
#include "core/session.h"
#include "core/store.h"
#include "core/textedit.h"
#include "ui/font.h"
#include "ui/page.h"
#include "ui/screen_video.h"
#include "ui/ui.h"
#include "ui/ui_impl.h" /* the items a page was built from */

struct fixture {
	char dir[64];
	SDL_Window *window;
	SDL_Renderer *ren;
	struct scenario *scenario;
	struct store *store;
	struct session *session;
	struct ui *ui;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct rjk_diags diags = {0};
	struct rjk_error err = {{0}};
	struct ui_settings settings = {100, false, KEYBOARD_AUTO, KEYBOARD_DEFAULT_LAYOUT};

	assert_non_null(f);
	SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
	assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
	assert_int_equal(TTF_Init(), 0);
	f->window = SDL_CreateWindow("test", 0, 0, 1024, 768, 0);
	assert_non_null(f->window);
	f->ren = SDL_CreateRenderer(f->window, -1, SDL_RENDERER_SOFTWARE);
	assert_non_null(f->ren);
	strcpy(f->dir, "/tmp/rjk-ui-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->scenario = scenario_load(RJK_SCENARIOS "/sample", &diags);
	assert_non_null(f->scenario);
	f->store = store_open(f->dir, &err);
	assert_non_null(f->store);
	f->session = session_open(f->scenario, f->store, false, NULL, &err);
	assert_non_null(f->session);
	f->ui = ui_new(f->window, f->ren, &settings, &err);
	assert_non_null(f->ui);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	struct rjk_error err = {{0}};
	char cmd[96];

	ui_free(f->ui);
	assert_true(session_close(f->session, true, &err));
	store_close(f->store);
	scenario_free(f->scenario);
	SDL_DestroyRenderer(f->ren);
	SDL_DestroyWindow(f->window);
	TTF_Quit();
	SDL_Quit();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static void key(struct fixture *f, SDL_Keycode sym, const char *text)
{
	SDL_Event ev = {.type = SDL_KEYDOWN};
	bool redraw;
	struct ui_action act;

	ev.key.keysym.sym = sym;
	act = ui_event(f->ui, f->session, &ev, &redraw);
	if (text) {
		memset(&ev, 0, sizeof ev);
		ev.type = SDL_TEXTINPUT;
		snprintf(ev.text.text, sizeof ev.text.text, "%s", text);
		act = ui_event(f->ui, f->session, &ev, &redraw);
	}
	if (act.kind == UI_TEXT)
		session_text_edited(f->session, 0);
	ui_invalidate(f->ui);
}

/* A left click at a pixel of the window. */
static void click(struct fixture *f, int x, int y)
{
	SDL_Event ev = {.type = SDL_MOUSEBUTTONDOWN};
	bool redraw;

	ev.button.button = SDL_BUTTON_LEFT;
	ev.button.x = x;
	ev.button.y = y;
	ui_event(f->ui, f->session, &ev, &redraw);
	ev.type = SDL_MOUSEBUTTONUP;
	ui_event(f->ui, f->session, &ev, &redraw);
	ui_invalidate(f->ui);
}

static void test_unchanged_screen_renders_no_text(void **state)
{
	struct fixture *f = *state;
	unsigned long first, again;

	ui_draw(f->ui, f->session, 0);
	first = ui_text_renders(f->ui);
	assert_true(first > 0);
	ui_invalidate(f->ui);
	ui_draw(f->ui, f->session, 0);
	again = ui_text_renders(f->ui);
	assert_int_equal(again, first);
}

static void test_typing_renders_only_what_changed(void **state)
{
	struct fixture *f = *state;
	unsigned long before;

	assert_true(session_start(f->session, 0));
	assert_true(session_set_who(f->session, "", 0));
	assert_true(session_note_continue(f->session, 0));
	ui_draw(f->ui, f->session, 0);
	key(f, SDLK_a, "a");
	ui_draw(f->ui, f->session, 0);
	before = ui_text_renders(f->ui);
	key(f, SDLK_b, "b");
	ui_draw(f->ui, f->session, 0);
	/* The line typed on and the character count: nothing else on the page. */
	assert_in_range(ui_text_renders(f->ui) - before, 1, 2);
	assert_string_equal(ui_editor_text(f->ui), "ab");
}

static struct ui_action press(struct ui *ui, struct session *session, SDL_Keycode sym,
			      SDL_Keymod mod)
{
	SDL_Event ev = {.type = SDL_KEYDOWN};
	bool redraw;

	ev.key.keysym.sym = sym;
	ev.key.keysym.mod = mod;
	return ui_event(ui, session, &ev, &redraw);
}

/* Long texts, up to the size limit: a 60,000-character title and prompts of 3 to 120,000
 * lines. The title is cut with an ellipsis (before, it was shortened a byte at a time, each
 * time measured whole: minutes), and each prompt is laid out, drawn and scrolled to its end
 * without an int overflow (the ASan+UBSan build runs this too). Every frame passes
 * ui_check_frame, focus ring and focused control whole in sight included: on the step, at
 * once, the field below a prompt taller than the screen scrolled into view. The page has a few items, not one per line
 * of the prompt. */
static void test_long_title_and_prompt(void **state)
{
	static const struct {
		size_t title, lines;
		bool field_shows; /* the text field is on the first screen of the step */
	} cases[] = {{40, 3, true}, {60000, 3, true}, {60000, 120000, false}};
	struct fixture *f = *state;
	const char head[] = "rjkiosk: 1\nid: long\ntitle: ";
	const char mid[] = "\nsteps:\n  - id: q1\n    kind: text\n    text: |\n";

	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct rjk_diags diags = {0};
		struct rjk_error err = {{0}};
		size_t title = cases[c].title, lines = cases[c].lines, n = 0;
		char *yaml = malloc(sizeof head + title + sizeof mid + lines * 8);
		struct scenario *sc;
		struct session *session;

		assert_non_null(yaml);
		memcpy(yaml, head, sizeof head - 1);
		n = sizeof head - 1;
		for (size_t i = 0; i < title; i++)
			yaml[n++] = i % 8 == 7 ? ' ' : 'a' + i % 26;
		yaml[n - 1] = 'z';
		memcpy(yaml + n, mid, sizeof mid - 1);
		n += sizeof mid - 1;
		/* sentences, one a line: the prompt keeps its line breaks */
		for (size_t i = 0; i < lines; i++, n += 8)
			memcpy(yaml + n, "      w.\n" + 1, 8);
		sc = scenario_load_buffer("scenario.yaml", f->dir, yaml, n, &diags);
		free(yaml);
		for (size_t i = 0; i < diags.count; i++)
			print_message("%s\n", diags.items[i]);
		assert_non_null(sc);
		session = session_open(sc, f->store, false, NULL, &err);
		assert_non_null(session);
		ui_draw(f->ui, session, 0);
		if (!ui_check_frame(f->ui, &err))
			fail_msg("case %zu, start screen: %s", c, err.message);
		assert_true(session_start(session, 0));
		assert_true(session_set_who(session, "", 0)); /* no content note: on to the step */
		ui_draw(f->ui, session, 0);
		/* Below a prompt taller than the screen, the focused field is scrolled into
		 * sight at once: typing never goes where it cannot be seen. */
		assert_true(cases[c].field_shows ? f->ui->scroll == 0 : f->ui->scroll > 0);
		if (!ui_check_frame(f->ui, &err))
			fail_msg("case %zu, step: %s", c, err.message);
		/* a long prompt is one item, however many lines it has */
		assert_true(f->ui->view.count < 50);
		/* to the end of the page and back: the scrollbar's thumb on a long page */
		press(f->ui, session, SDLK_END, KMOD_NONE);
		ui_draw(f->ui, session, 0);
		press(f->ui, session, SDLK_PAGEUP, KMOD_NONE);
		ui_draw(f->ui, session, 0);
		press(f->ui, session, SDLK_HOME, KMOD_CTRL);
		ui_draw(f->ui, session, 0);
		assert_true(session_close(session, true, &err));
		scenario_free(sc);
		rjk_diags_release(&diags);
	}
}

static void test_every_screen_fits_with_visible_focus(void **state)
{
	struct fixture *f = *state;
	struct rjk_error err = {{0}};
	int screens = 0;

	/* Walk the whole journey with Next, checking each frame. */
	for (int i = 0; i < 40 && session_screen(f->session) != SESSION_THANKS; i++) {
		ui_draw(f->ui, f->session, 0);
		if (!ui_check_frame(f->ui, &err))
			fail_msg("%s screen: %s", session_screen_name(session_screen(f->session)),
				 err.message);
		screens++;
		key(f, SDLK_RETURN, NULL); /* Enter on the focused control */
		switch (session_screen(f->session)) {
		case SESSION_START:
			session_start(f->session, 0);
			break;
		case SESSION_WHO:
			session_set_who(f->session, NULL, 0);
			break;
		case SESSION_NOTE:
			session_note_continue(f->session, 0);
			break;
		case SESSION_STEP:
			session_next(f->session, 0);
			break;
		case SESSION_REVIEW:
			session_submit(f->session, 0);
			break;
		default:
			break;
		}
	}
	assert_int_equal(session_screen(f->session), SESSION_THANKS);
	assert_true(screens > 10);
}


/* A facilitator page's one-line text field: focused first, edited in place in the page
 * maker's textedit (typing, Backspace, Home, Delete, the character limit, a pasted line break
 * made a space), Enter presses the main button, Tab comes round to the field, and a click on the field
 * takes focus back with the caret where it was clicked. The page is built again with the same
 * generation (as the facilitator's side does) without losing the caret. */
static void test_page_text_field(void **state)
{
	struct fixture *f = *state;
	struct textedit *edit = textedit_new(10);
	struct ui_page page = {.generation = 1, .heading = "Name this session", .main = "Start",
			       .main_id = 7, .back = "Cancel", .back_id = 8};
	struct rjk_error err = {{0}};
	struct ui_action act;
	SDL_Event ev = {0};
	bool redraw;
	int x, y;

	assert_non_null(edit);
	assert_true(textedit_set(edit, "Group"));
	page.text = (struct ui_page_text){edit, "Name", "Type a name", NULL};
	ui_show_page(f->ui, &page);
	ui_draw_page(f->ui);
	assert_string_equal(ui_focus_label(f->ui), "editor");
	if (!ui_check_frame(f->ui, &err))
		fail_msg("%s", err.message);
	key(f, SDLK_UNKNOWN, " B\u00e9");
	assert_string_equal(textedit_text(edit), "Group B\u00e9");
	press(f->ui, NULL, SDLK_BACKSPACE, 0);
	press(f->ui, NULL, SDLK_HOME, 0);
	press(f->ui, NULL, SDLK_DELETE, 0);
	assert_string_equal(textedit_text(edit), "roup B");
	/* Rebuilt as the same page: the caret stays at the start. */
	page.text.error = "A name is needed.";
	ui_show_page(f->ui, &page);
	ui_draw_page(f->ui);
	key(f, SDLK_UNKNOWN, "G");
	assert_string_equal(textedit_text(edit), "Group B");
	press(f->ui, NULL, SDLK_END, 0);
	key(f, SDLK_UNKNOWN, "\n12345");
	assert_string_equal(textedit_text(edit), "Group B 12"); /* the limit: 10 characters */
	act = press(f->ui, NULL, SDLK_RETURN, 0);
	assert_int_equal(act.kind, UI_PAGE);
	assert_int_equal(act.arg, 7);
	assert_string_equal(ui_focus_label(f->ui), "Start");
	press(f->ui, NULL, SDLK_TAB, 0); /* round to the field */
	assert_string_equal(ui_focus_label(f->ui), "editor");
	press(f->ui, NULL, SDLK_TAB, KMOD_LSHIFT);
	assert_string_equal(ui_focus_label(f->ui), "Start");
	ui_draw_page(f->ui);
	/* A click at the field's left edge focuses it with the caret at the start. */
	assert_true(ui_find_control(f->ui, NULL, "editor", &x, &y));
	x = f->ui->lay.column_x + f->ui->lay.unit * 2;
	ev.type = SDL_MOUSEBUTTONDOWN;
	ev.button.button = SDL_BUTTON_LEFT;
	ev.button.x = x;
	ev.button.y = y;
	ui_event(f->ui, NULL, &ev, &redraw);
	ev.type = SDL_MOUSEBUTTONUP;
	ui_event(f->ui, NULL, &ev, &redraw);
	assert_string_equal(ui_focus_label(f->ui), "editor");
	press(f->ui, NULL, SDLK_DELETE, 0);
	assert_string_equal(textedit_text(edit), "roup B 12");
	ui_show_page(f->ui, NULL);
	textedit_free(edit);
}

/* A facilitator's page of settings in a grid (as Settings and the menu are built) at a screen
 * size and text size: how many buttons a row it shows, and that its body keeps to about 80
 * characters a line (two buttons' width), however wide the grid. */
static const struct grid_case {
	int w, h, text_percent;
	int asked, columns; /* buttons a row asked for, and expected */
} grid_cases[] = {
	{1920, 1080, 100, 3, 3},
	{1920, 1080, 100, 2, 2},
	{1280, 800, 150, 3, 2}, /* a label too wide for a third of the screen */
	{1280, 800, 150, 2, 2},
	{1024, 768, 100, 2, 2},
	{1024, 768, 200, 2, 2},
	{768, 1024, 200, 2, 1}, /* two a row would wrap each label to three lines */
	{1080, 1920, 200, 2, 1},
	{1080, 1920, 100, 2, 2},
};

static void test_grid_page_columns_and_text_width(void **state)
{
	struct fixture *f = *state;
	static const char *const labels[] = {
		"Text size: 100%", "High contrast", "Inactivity timeout: 5 minutes",
		"Menu stays unlocked", "Keyboard: US", "Captions",
	};
	struct ui_page page = {
		.generation = 1, .heading = "Settings", .back = "Back",
		.body = "Press a setting to change it; it is kept after a restart. The text size "
			"and the contrast are what every trainee starts with; each trainee can "
			"still change them for themselves with the Aa button.",
	};

	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		page.buttons[page.count++] = (struct ui_page_button){.label = labels[i],
								     .id = (int)i + 1};
	for (size_t c = 0; c < sizeof grid_cases / sizeof *grid_cases; c++) {
		const struct grid_case *g = &grid_cases[c];
		struct ui_settings settings = {g->text_percent, false, KEYBOARD_AUTO,
					       KEYBOARD_DEFAULT_LAYOUT};
		struct rjk_error err = {{0}};
		SDL_Window *window = SDL_CreateWindow("grid", 0, 0, g->w, g->h, 0);
		SDL_Renderer *ren = window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE)
					   : NULL;
		struct ui *ui = ren ? ui_new(window, ren, &settings, &err) : NULL;
		int lefts[UI_PAGE_BUTTONS], count = 0, body_lines = 0;

		(void)f;
		assert_non_null(ui);
		page.columns = g->asked;
		ui_show_page(ui, &page);
		ui_draw_page(ui);
		for (size_t i = 0; i < ui->view.count; i++) {
			const struct item *item = &ui->view.items[i];
			bool known = false;

			if (item->region != REGION_CONTENT)
				continue;
			if (item->kind == ITEM_TEXT && item->font == FONT_BODY) {
				if (item->rect.w > ui->lay.body_px * 44)
					fail_msg("%dx%d at %d%%: a body line %d px wide, %d em", g->w,
						 g->h, g->text_percent, item->rect.w,
						 item->rect.w / ui->lay.body_px);
				body_lines++;
			}
			if (item->kind != ITEM_BUTTON && item->kind != ITEM_OPTION)
				continue;
			for (int k = 0; k < count; k++)
				known = known || lefts[k] == item->rect.x;
			if (!known)
				lefts[count++] = item->rect.x;
		}
		if (count != g->columns)
			fail_msg("%dx%d at %d%%, %d asked: %d buttons a row, expected %d", g->w,
				 g->h, g->text_percent, g->asked, count, g->columns);
		assert_true(body_lines >= 2);
		/* The body reads whole across its wrapped lines, as a user reads it. */
		assert_true(ui_shows_text(ui, NULL, "kept after a restart. The text size and the "
					  "contrast are what every trainee starts with"));
		press(ui, NULL, SDLK_TAB, 0); /* a focus ring to check */
		ui_draw_page(ui);
		if (!ui_check_frame(ui, &err))
			fail_msg("%dx%d at %d%%: %s", g->w, g->h, g->text_percent, err.message);
		ui_show_page(ui, NULL);
		ui_free(ui);
		SDL_DestroyRenderer(ren);
		SDL_DestroyWindow(window);
	}
}

/* A list built in pieces in the view's arena (the review's options chosen): each piece goes on
 * the end of the last string, another string first is copied, and a full arena cuts. */
static void test_text_size_and_contrast_are_asked_for(void **state)
{
	struct fixture *f = *state;
	struct ui_action act;
	struct ui_settings now;

	ui_draw(f->ui, f->session, 0);
	press(f->ui, f->session, SDLK_TAB, KMOD_NONE);
	assert_string_equal(ui_focus_label(f->ui), "Aa");
	press(f->ui, f->session, SDLK_RETURN, KMOD_NONE);
	ui_draw(f->ui, f->session, 0);
	assert_string_equal(ui_focus_label(f->ui), "Close");
	press(f->ui, f->session, SDLK_TAB, KMOD_NONE);
	press(f->ui, f->session, SDLK_TAB, KMOD_NONE);
	assert_string_equal(ui_focus_label(f->ui), "Larger");
	act = press(f->ui, f->session, SDLK_RETURN, KMOD_NONE);
	assert_int_equal(act.kind, UI_TEXT_SIZE);
	assert_int_equal(act.arg, 125);
	assert_int_equal(ui_get_settings(f->ui).text_percent, 100);
	now = (struct ui_settings){act.arg, false, KEYBOARD_AUTO, KEYBOARD_DEFAULT_LAYOUT};
	ui_set_settings(f->ui, &now);
	ui_draw(f->ui, f->session, 0);
	assert_int_equal(ui_get_settings(f->ui).text_percent, 125);
	/* Focus stays on the button pressed, for the next press. */
	assert_string_equal(ui_focus_label(f->ui), "Larger");
	press(f->ui, f->session, SDLK_TAB, KMOD_NONE);
	assert_string_equal(ui_focus_label(f->ui), "High contrast");
	act = press(f->ui, f->session, SDLK_SPACE, KMOD_NONE);
	assert_int_equal(act.kind, UI_CONTRAST);
	assert_int_equal(act.arg, 1);
	assert_false(ui_get_settings(f->ui).high_contrast);
}

/* Pixels of colour c in r of the frame drawn last. */
static int count_color(struct fixture *f, SDL_Rect r, struct theme_color c)
{
	Uint32 *pixels = malloc((size_t)r.w * r.h * sizeof *pixels);
	int n = 0;

	assert_non_null(pixels);
	assert_int_equal(SDL_RenderReadPixels(f->ren, &r, SDL_PIXELFORMAT_ARGB8888, pixels,
					      r.w * (int)sizeof *pixels), 0);
	for (int i = 0; i < r.w * r.h; i++)
		n += (pixels[i] & 0xffffffu) == ((Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b);
	free(pixels);
	return n;
}

/* The right-hand padding of the answer field as drawn: where its scroll bar goes. */
static SDL_Rect field_bar_area(struct fixture *f)
{
	for (size_t i = 0; i < f->ui->view.count; i++) {
		const struct item *item = &f->ui->view.items[i];

		if (item->kind == ITEM_EDITOR) {
			int pad = f->ui->lay.unit * 2, b = f->ui->lay.border;

			return (SDL_Rect){item->rect.x + item->rect.w - pad, item->rect.y +
					  f->ui->lay.content.y - f->ui->scroll + b, pad - b,
					  item->rect.h - 2 * b};
		}
	}
	fail_msg("no answer field on the page");
	return (SDL_Rect){0, 0, 0, 0};
}

/* A long answer shows that there is more: an arrow and a scroll bar in the field's padding;
 * a short one shows neither. */
static void test_long_answer_shows_more(void **state)
{
	struct fixture *f = *state;
	char text[2000] = "";

	assert_true(session_start(f->session, 0));
	assert_true(session_set_who(f->session, "", 0));
	assert_true(session_note_continue(f->session, 0));
	assert_true(session_set_text(f->session, "A short answer.", 0));
	ui_invalidate(f->ui);
	ui_draw(f->ui, f->session, 0);
	assert_int_equal(count_color(f, field_bar_area(f), f->ui->theme->text), 0);
	for (int i = 0; i < 30; i++)
		strcat(text, "One more line of a long answer.\n");
	assert_true(session_set_text(f->session, text, 0));
	ui_invalidate(f->ui);
	ui_draw(f->ui, f->session, 0);
	assert_true(count_color(f, field_bar_area(f), f->ui->theme->text) > 10);   /* arrow */
	assert_true(count_color(f, field_bar_area(f), f->ui->theme->border) > 10); /* thumb */
}

/* End on a line that wraps with no space to hang (inside a long word, after a hyphen, between
 * ideographs) puts the caret at that line's end, where typing goes on, not at the start of the
 * next line; End again stays there, Home goes back to that line's start, and Down moves on. A
 * click past that end, or Up to it, puts the caret there too, not before the line's last
 * character. */
static void test_end_keeps_the_caret_on_its_line(void **state)
{
	static const char *const texts[] = {
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"well-meaning-but-unhelpful-advice-from-colleagues-who-had-never-been-there-themselves-"
		"at-all",
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85"
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85"
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85"
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85"
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85"
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85"
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85"
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85"
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85"
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85"
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85"
		"\xe6\x88\x91\xe4\xbb\xac\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe5\xbe\x88\xe4\xb9\x85",
	};
	struct fixture *f = *state;
	const struct editor *ed = &f->ui->editor;

	assert_true(session_start(f->session, 0));
	assert_true(session_set_who(f->session, "", 0));
	assert_true(session_note_continue(f->session, 0));
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		SDL_Rect first;
		size_t end_of_first;

		print_message("text %zu\n", i);
		assert_true(session_set_text(f->session, texts[i], 0));
		ui_invalidate(f->ui);
		ui_draw(f->ui, f->session, 0);
		assert_true(ed->wrap.count >= 2);
		end_of_first = ed->wrap.lines[0].end;
		assert_int_equal(end_of_first, ed->wrap.lines[1].start); /* nothing hangs */

		key(f, SDLK_PAGEUP, NULL); /* to the first line: Home and End act on lines */
		key(f, SDLK_HOME, NULL);
		ui_draw(f->ui, f->session, 0);
		first = ed->caret;
		assert_int_equal(first.x, ed->rect.x);

		key(f, SDLK_END, NULL);
		ui_draw(f->ui, f->session, 0);
		assert_int_equal(textedit_caret(ed->edit), end_of_first);
		assert_int_equal(ed->caret.y, first.y);
		assert_true(ed->caret.x > first.x + ed->rect.w / 2);

		key(f, SDLK_END, NULL);
		ui_draw(f->ui, f->session, 0);
		assert_int_equal(textedit_caret(ed->edit), end_of_first);
		assert_int_equal(ed->caret.y, first.y);

		key(f, SDLK_HOME, NULL);
		ui_draw(f->ui, f->session, 0);
		assert_int_equal(textedit_caret(ed->edit), 0);
		assert_int_equal(ed->caret.y, first.y);

		key(f, SDLK_END, NULL);
		key(f, SDLK_DOWN, NULL);
		ui_draw(f->ui, f->session, 0);
		assert_int_equal(ed->caret.y, first.y + ed->line_h);

		/* A click past the line's end, and Up back to it from the line below. */
		click(f, ed->rect.x + ed->rect.w - 1, first.y + ed->line_h / 2);
		ui_draw(f->ui, f->session, 0);
		assert_int_equal(textedit_caret(ed->edit), end_of_first);
		assert_int_equal(ed->caret.y, first.y);
		key(f, SDLK_DOWN, NULL);
		key(f, SDLK_UP, NULL);
		ui_draw(f->ui, f->session, 0);
		assert_int_equal(textedit_caret(ed->edit), end_of_first);
		assert_int_equal(ed->caret.y, first.y);
	}
}

/* The controls strip (over a black screen) read back as bytes 0xRRGGBB per pixel. */
static Uint32 *read_strip(struct fixture *f, SDL_Rect r)
{
	Uint32 *pixels = malloc((size_t)r.w * r.h * sizeof *pixels);

	assert_non_null(pixels);
	assert_int_equal(SDL_RenderReadPixels(f->ren, &r, SDL_PIXELFORMAT_ARGB8888, pixels,
					      r.w * (int)sizeof *pixels), 0);
	return pixels;
}

/* While the video's controls fade out, every pixel of them shows at the fading opacity: over
 * black, the strip drawn at alpha 128 is the strip at full opacity, halved, pixel for pixel
 * (the buttons and the progress bar fade together; nothing is lost or drawn twice). */
static void test_video_controls_fade_evenly(void **state)
{
	struct fixture *f = *state;
	struct rjk_error err = {{0}};
	struct screen_video_state v = {.playing = true, .controls = true, .controls_alpha = 255,
				       .volume = 80, .time_ms = 5000, .length_ms = 60000,
				       .watched_ms = 20000, .notice = "", .caption = "",
				       .error = ""};
	SDL_Rect bar;
	int w, h, lit = 0;

	assert_true(session_close(f->session, true, &err));
	f->session = session_open(f->scenario, f->store, true, NULL, &err);
	assert_non_null(f->session);
	assert_true(session_start(f->session, 0));
	assert_true(session_set_who(f->session, "", 0));
	assert_true(session_note_continue(f->session, 0));
	assert_int_equal(session_screen(f->session), SESSION_VIDEO);
	screen_video_attach(f->ui, &v);
	ui_invalidate(f->ui);
	ui_draw(f->ui, f->session, 0);
	assert_true(screen_video_seek_bar(f->ui, &bar));
	SDL_GetRendererOutputSize(f->ren, &w, &h);
	/* From well above the bar (black in both frames) to the bottom: the whole strip. */
	SDL_Rect r = {0, bar.y - bar.h * 8, w, h - (bar.y - bar.h * 8)};
	Uint32 *full = read_strip(f, r);

	v.controls_alpha = 128;
	ui_invalidate(f->ui);
	ui_draw(f->ui, f->session, 0);
	Uint32 *half = read_strip(f, r);
	for (int i = 0; i < r.w * r.h; i++) {
		for (int shift = 0; shift <= 16; shift += 8) {
			int want = (int)(full[i] >> shift & 0xff) * 128 / 255;
			int got = (int)(half[i] >> shift & 0xff);

			if (got < want - 2 || got > want + 2)
				fail_msg("pixel (%d,%d): %06x at full opacity, %06x at half",
					 r.x + i % r.w, r.y + i / r.w, full[i] & 0xffffffu,
					 half[i] & 0xffffffu);
		}
		lit += (full[i] & 0xffffffu) != 0;
	}
	/* The strip has something on it to fade: buttons, their labels, the bar. */
	assert_true(lit > r.w);
	free(full);
	free(half);
	screen_video_attach(f->ui, NULL);
}

/* A line of right-to-left text is drawn as the same letters laid out left to right in the
 * order they are seen: its first letter at the right end; Arabic letters joined (their
 * presentation forms, seen order, drawn one by one: what a reader sees) and a Latin word or
 * number in a Hebrew line in its own order. */
static void test_rtl_lines_read_right_to_left(void **state)
{
	static const struct {
		const char *logical, *seen;
	} cases[] = {
		/* shin lamed vav final-mem: "shalom" */
		{"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "\xd7\x9d\xd7\x95\xd7\x9c\xd7\xa9"},
		/* seen lam alef meem: "salam", as meem (isolated), lam-alef (final), seen (initial) */
		{"\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", "\xef\xbb\xa1\xef\xbb\xbc\xef\xba\xb3"},
		/* beh (initial) teh (medial) beh (final) */
		{"\xd8\xa8\xd8\xaa\xd8\xa8", "\xef\xba\x90\xef\xba\x98\xef\xba\x91"},
	};
	struct fixture *f = *state;
	TTF_Font *font = f->ui->fonts.font[FONT_BODY];
	SDL_Color white = {255, 255, 255, 255};

	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		SDL_Surface *want = TTF_RenderUTF8_Blended(font, cases[c].seen, white);
		SDL_Surface *argb;
		SDL_Rect r;
		Uint32 *got;
		int lit = 0;

		assert_non_null(want);
		argb = SDL_ConvertSurfaceFormat(want, SDL_PIXELFORMAT_ARGB8888, 0);
		assert_non_null(argb);
		r = (SDL_Rect){20, 20, argb->w, argb->h};
		SDL_SetRenderDrawColor(f->ren, 0, 0, 0, 255);
		SDL_RenderClear(f->ren);
		assert_int_equal(text_width(f->ui->text, font, cases[c].logical,
					    strlen(cases[c].logical)), argb->w);
		text_draw(f->ui->text, font, white, cases[c].logical, strlen(cases[c].logical), r.x,
			  r.y);
		got = read_strip(f, r);
		for (int y = 0; y < r.h; y++)
			for (int x = 0; x < r.w; x++) {
				Uint32 a = ((Uint32 *)((char *)argb->pixels + y * argb->pitch))[x] >> 24;
				Uint32 g = got[y * r.w + x] >> 16 & 0xff;

				if (g + 2 < a || g > a + 2)
					fail_msg("case %zu: pixel (%d,%d) is %u, %u as seen", c, x, y,
						 g, a);
				lit += a > 128;
			}
		assert_true(lit > 20);
		free(got);
		SDL_FreeSurface(argb);
		SDL_FreeSurface(want);
	}
}

/* The first question's answer field showing text, drawn: one line. */
static void answer_on_one_line(struct fixture *f, const char *text)
{
	assert_true(session_start(f->session, 0));
	assert_true(session_set_who(f->session, "", 0));
	assert_true(session_note_continue(f->session, 0));
	assert_true(session_set_text(f->session, text, 0));
	ui_invalidate(f->ui);
	ui_draw(f->ui, f->session, 0);
	assert_int_equal(f->ui->editor.wrap.count, 1);
}

/* An answer in Hebrew lines up on the right of the field; the caret at its end stands at its
 * left, a click at the field's right puts the caret before the first letter, and a click on
 * the space between the words puts it there. */
static void test_click_places_caret_in_rtl_line(void **state)
{
	/* alef bet gimel, space, dalet he vav */
	static const char text[] = "\xd7\x90\xd7\x91\xd7\x92 \xd7\x93\xd7\x94\xd7\x95";
	struct fixture *f = *state;
	const struct editor *ed = &f->ui->editor;
	int right, space_x;

	answer_on_one_line(f, text);
	right = ed->rect.x + ed->rect.w;
	/* the caret at the end: left of the text, which ends at the field's right */
	assert_int_equal(textedit_caret(ed->edit), strlen(text));
	assert_int_equal(ed->caret.x, right - ed->wrap.lines[0].width);

	click(f, right - 2, ed->caret.y + ed->line_h / 2);
	ui_draw(f->ui, f->session, 0);
	assert_int_equal(textedit_caret(ed->edit), 0);
	assert_true(ed->caret.x >= right - ed->caret.w - 1);

	/* between gimel and the space: the space's right edge, the first word's width from the
	 * field's right */
	space_x = ed->rect.w - text_width(f->ui->text, f->ui->fonts.font[FONT_BODY], text, 6);
	assert_true(space_x > ed->rect.w / 2 && space_x < ed->rect.w);
	click(f, ed->rect.x + space_x, ed->caret.y + ed->line_h / 2);
	ui_draw(f->ui, f->session, 0);
	assert_int_equal(textedit_caret(ed->edit), 6);
	assert_int_equal(ed->caret.x, ed->rect.x + space_x);

	click(f, ed->rect.x + 2, ed->caret.y + ed->line_h / 2);
	ui_draw(f->ui, f->session, 0);
	assert_int_equal(textedit_caret(ed->edit), strlen(text));
}

/* A fallback font for cp at role's size and weight, opened as the kiosk opens it; skips the
 * test when no installed font has cp (scripts/setup.sh installs them). */
static TTF_Font *open_fallback(struct fixture *f, uint32_t cp, int role)
{
	struct font_face face;
	TTF_Font *font;

	if (!fonts_fallback(cp, fonts_bold(role), &face)) {
		print_message("skipped: no installed font has U+%04X (install fonts-droid-fallback "
			      "and fonts-noto-ui-core)\n", (unsigned)cp);
		skip();
	}
	font = TTF_OpenFontIndex(face.path, f->ui->fonts.px[role], face.index);
	assert_non_null(font);
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	if (fonts_bold(role) && !face.bold)
		TTF_SetFontStyle(font, TTF_STYLE_BOLD);
	return font;
}

/* Adds the coverage of s rendered white in font (right to left in Arabic script when rtl)
 * to canvas (w × h) at x, y; returns its width as SDL_ttf measures it. */
static int paste(Uint8 *canvas, int w, int h, TTF_Font *font, const char *s, bool rtl, int x,
		 int y)
{
	SDL_Surface *rendered, *argb;
	int width;

	TTF_SetFontDirection(font, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
	TTF_SetFontScriptName(font, rtl ? "Arab" : "Zzzz");
	rendered = TTF_RenderUTF8_Blended(font, s, (SDL_Color){255, 255, 255, 255});
	assert_int_equal(TTF_SizeUTF8(font, s, &width, NULL), 0);
	TTF_SetFontDirection(font, TTF_DIRECTION_LTR);
	TTF_SetFontScriptName(font, "Zzzz");
	assert_non_null(rendered);
	argb = SDL_ConvertSurfaceFormat(rendered, SDL_PIXELFORMAT_ARGB8888, 0);
	assert_non_null(argb);
	for (int sy = 0; sy < argb->h; sy++)
		for (int sx = 0; sx < argb->w; sx++) {
			Uint32 a = ((Uint32 *)((char *)argb->pixels + sy * argb->pitch))[sx] >> 24;
			int cx = x + sx, cy = y + sy;

			/* white over what is there, as the renderer blends it */
			if (cx >= 0 && cx < w && cy >= 0 && cy < h)
				canvas[cy * w + cx] = (Uint8)(canvas[cy * w + cx] + a -
							      canvas[cy * w + cx] * a / 255);
		}
	SDL_FreeSurface(argb);
	SDL_FreeSurface(rendered);
	return width;
}

/* A text in the kiosk's font followed by one only a fallback font has is drawn as the first
 * in the kiosk's font and the second in the fallback, side by side on one baseline, and
 * measured as wide as drawn: a Chinese name (alone, after Latin letters, in a bold heading)
 * and the Urdu letters heh goal and yeh barree (joined) instead of missing-glyph boxes. */
static void test_fallback_draws_what_the_font_lacks(void **state)
{
	static const struct {
		int role;
		const char *main_part, *fallback_part;
		uint32_t cp;
		bool rtl;
	} cases[] = {
		{FONT_BODY, "", "\xe7\x8e\x8b\xe4\xbc\x9f", 0x738B, false},      /* wang wei */
		{FONT_BODY, "Ab ", "\xe7\x8e\x8b\xe4\xbc\x9f", 0x738B, false},
		{FONT_HEADING, "Ab ", "\xe7\x8e\x8b\xe4\xbc\x9f", 0x738B, false},
		{FONT_BODY, "", "\xdb\x81\xdb\x92", 0x6C1, true}, /* heh goal, yeh barree */
	};
	struct fixture *f = *state;
	SDL_Color white = {255, 255, 255, 255};

	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		TTF_Font *font = f->ui->fonts.font[cases[c].role];
		TTF_Font *fallback = open_fallback(f, cases[c].cp, cases[c].role);
		int rise = TTF_FontAscent(font) - TTF_FontAscent(fallback);
		int top = rise < 0 ? rise : 0;
		SDL_Rect r = {20, 60 + top, 0, 0};
		char line[64];
		int main_w = 0, fb_w, w, h;
		Uint8 *want;
		Uint32 *got;

		assert_false(TTF_GlyphIsProvided32(font, cases[c].cp));
		snprintf(line, sizeof line, "%s%s", cases[c].main_part, cases[c].fallback_part);
		w = text_width(f->ui->text, font, line, strlen(line));
		h = TTF_FontHeight(font) > rise + TTF_FontHeight(fallback) ?
			    TTF_FontHeight(font) - top : rise + TTF_FontHeight(fallback) - top;
		r.w = w + 8;
		r.h = h;
		want = calloc((size_t)r.w * r.h, 1);
		assert_non_null(want);
		if (*cases[c].main_part)
			main_w = paste(want, r.w, r.h, font, cases[c].main_part, false, 0, -top);
		fb_w = paste(want, r.w, r.h, fallback, cases[c].fallback_part, cases[c].rtl, main_w,
			     rise - top);
		if (main_w + fb_w != w)
			fail_msg("case %zu: %d wide, drawn %d + %d", c, w, main_w, fb_w);
		SDL_SetRenderDrawColor(f->ren, 0, 0, 0, 255);
		SDL_RenderClear(f->ren);
		text_draw(f->ui->text, font, white, line, strlen(line), 20, 60);
		got = read_strip(f, r);
		for (int y = 0; y < r.h; y++)
			for (int x = 0; x < r.w; x++) {
				Uint32 g = got[y * r.w + x] >> 16 & 0xff, a = want[y * r.w + x];

				if (g + 2 < a || g > a + 2)
					fail_msg("case %zu: pixel (%d,%d) is %u, %u in the fonts", c, x,
						 y, g, a);
			}
		free(got);
		free(want);
		TTF_CloseFont(fallback);
	}
}

/* In an answer of Chinese characters, the caret stands at the edges of the glyphs as the
 * fallback font draws them: after the first, and at the end; at a larger text size the line
 * is as wide as the fallback draws it at that size. */
static void test_caret_in_fallback_text(void **state)
{
	static const char text[] = "\xe7\x8e\x8b\xe4\xbc\x9f"; /* wang wei */
	struct fixture *f = *state;
	const struct editor *ed = &f->ui->editor;
	struct ui_settings larger = {150, false, KEYBOARD_AUTO, KEYBOARD_DEFAULT_LAYOUT};
	TTF_Font *fallback = open_fallback(f, 0x738B, FONT_BODY);
	int first = 0, both = 0, h, px;

	assert_int_equal(TTF_SizeUTF8(fallback, "\xe7\x8e\x8b", &first, &h), 0);
	assert_int_equal(TTF_SizeUTF8(fallback, text, &both, &h), 0);
	assert_true(first > 0 && both > first);
	answer_on_one_line(f, text);
	assert_int_equal(ed->wrap.lines[0].width, both);
	assert_int_equal(ed->caret.x, ed->rect.x + both);
	key(f, SDLK_LEFT, NULL);
	ui_draw(f->ui, f->session, 0);
	assert_int_equal(textedit_caret(ed->edit), 3);
	assert_int_equal(ed->caret.x, ed->rect.x + first);
	TTF_CloseFont(fallback);

	/* A larger text size reopens the fallback at the new size too. */
	px = f->ui->fonts.px[FONT_BODY];
	ui_set_settings(f->ui, &larger);
	ui_draw(f->ui, f->session, 0);
	assert_true(f->ui->fonts.px[FONT_BODY] > px);
	fallback = open_fallback(f, 0x738B, FONT_BODY);
	assert_int_equal(TTF_SizeUTF8(fallback, text, &both, &h), 0);
	assert_int_equal(ed->wrap.lines[0].width, both);
	assert_int_equal(text_width(f->ui->text, f->ui->fonts.font[FONT_BODY], text,
				    strlen(text)), both);
	TTF_CloseFont(fallback);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_unchanged_screen_renders_no_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_typing_renders_only_what_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_title_and_prompt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_answer_shows_more, setup, teardown),
		cmocka_unit_test_setup_teardown(test_end_keeps_the_caret_on_its_line, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_every_screen_fits_with_visible_focus, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_page_text_field, setup, teardown),
		cmocka_unit_test_setup_teardown(test_grid_page_columns_and_text_width, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_text_size_and_contrast_are_asked_for, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_video_controls_fade_evenly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rtl_lines_read_right_to_left, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fallback_draws_what_the_font_lacks, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_caret_in_fallback_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_click_places_caret_in_rtl_line, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
