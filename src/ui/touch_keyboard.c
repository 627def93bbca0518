/* The on-screen keyboard in the UI: shown with a focused text field, drawn at the bottom of the
 * window, its taps sent down the same editing path as a real keyboard. */
#include "ui/touch_keyboard.h"

#include <stdio.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/ui_impl.h"

#define REPEAT_DELAY_MS 500
#define REPEAT_EVERY_MS 70

void touch_keyboard_settings(struct ui *ui)
{
	struct touch_keyboard *tk = &ui->osk;
	const char *want = ui->settings.keyboard_layout[0] ? ui->settings.keyboard_layout :
		KEYBOARD_DEFAULT_LAYOUT;

	if (!strcmp(tk->layout, want))
		return;
	snprintf(tk->layout, sizeof tk->layout, "%s", want);
	tk->pending = true;
	if (tk->rect.h > 0) {
		tk->rect.h = 0; /* shown now: made again and placed at the next fit */
		ui->stale = ui->dirty = true;
	}
}

/* Makes the keyboard for the layout the settings named. */
static void make_pending(struct touch_keyboard *tk)
{
	struct keyboard kb;
	struct rjk_error err = {{0}};

	tk->pending = false;
	if (!keyboard_init(&kb, tk->layout, &err)) {
		fprintf(stderr, "rjkiosk: on-screen keyboard: %s%s\n", err.message,
			tk->ready ? " (keeping the layout before)" : "");
		return;
	}
	touch_keyboard_release(tk);
	tk->kb = kb;
	tk->ready = true;
}

void touch_keyboard_release(struct touch_keyboard *tk)
{
	if (tk->ready)
		keyboard_release(&tk->kb);
	tk->ready = false;
}

void touch_keyboard_enter(struct ui *ui)
{
	struct touch_keyboard *tk = &ui->osk;

	if (tk->ready)
		keyboard_reset(&tk->kb);
	tk->hidden = false;
	tk->pressed = -1;
	tk->repeat_at = -1;
}

static bool wanted(const struct ui *ui)
{
	const struct touch_keyboard *tk = &ui->osk;
	enum keyboard_mode mode = ui->settings.touch_keyboard;

	return (tk->ready || tk->pending) && mode != KEYBOARD_NEVER && !tk->hidden && !ui->settings_open &&
	       ui_editor_focused(ui) && (mode == KEYBOARD_ALWAYS || tk->last_touch);
}

/* The display's dots per inch in renderer pixels (96 when the system does not say). */
static float display_dpi(const struct ui *ui)
{
	float dpi = 0;
	int ww = 0, wh = 0;
	int index = SDL_GetWindowDisplayIndex(ui->window);

	if (index < 0 || SDL_GetDisplayDPI(index, &dpi, NULL, NULL) || dpi < 48 || dpi > 1000)
		dpi = 96;
	SDL_GetWindowSize(ui->window, &ww, &wh);
	if (ww > 0 && ui->lay.w > ww)
		dpi = dpi * (float)ui->lay.w / (float)ww; /* a high-density output */
	return dpi;
}

bool touch_keyboard_fit(struct ui *ui)
{
	struct touch_keyboard *tk = &ui->osk;
	struct layout *l = &ui->lay;
	int key_h;
	bool want;

	if (tk->pending && wanted(ui))
		make_pending(tk);
	want = wanted(ui);
	if (want == (tk->rect.h > 0))
		return false;
	layout_compute(l, l->w, l->h, ui->settings.text_percent);
	tk->rect = (SDL_Rect){0, l->h, l->w, 0};
	tk->pressed = -1;
	if (want) {
		/* Keys as large as a finger needs, and the keyboard at most two fifths of the
		 * window, so the page keeps room for the field. */
		key_h = keyboard_key_size(display_dpi(ui), ui->settings.text_percent,
					  l->target * 3 / 4, l->h * 2 / 5);
		keyboard_place(&tk->kb, l->w, key_h);
		tk->rect = (SDL_Rect){0, l->h - tk->kb.height, l->w, tk->kb.height};
		layout_reserve_bottom(l, tk->kb.height);
	}
	ui->stale = ui->dirty = true;
	return true;
}

void touch_keyboard_input(struct ui *ui, bool touch)
{
	if (!touch && ui->osk.ready && ui->osk.kb.dead) {
		keyboard_cancel(&ui->osk.kb);
		editor_compose(&ui->editor, NULL);
	}
	if (ui->osk.last_touch == touch)
		return;
	ui->osk.last_touch = touch;
	if (ui->settings.touch_keyboard == KEYBOARD_AUTO)
		ui->stale = ui->dirty = true;
}

bool touch_keyboard_held(const struct ui *ui)
{
	return ui->osk.rect.h > 0 && ui->osk.pressed >= 0;
}

/* The key as a real keyboard's key, down the same path. */
static struct ui_action send_key(struct ui *ui, SDL_Keycode sym)
{
	SDL_Keysym key = {.sym = sym};

	return ui_key(ui, &key);
}

/* What the key pressed does to the text field. */
static struct ui_action apply_key(struct ui *ui, struct keyboard_out out)
{
	struct ui_action act = {UI_NONE, 0, NULL};
	bool one_line = ui->editor.single_line;

	/* A dead key waiting is typed before an editing key acts (keyboard_press said so). */
	if (out.text[0])
		act = ui_edited(ui, editor_input(&ui->editor, out.text));
	switch (out.kind) {
	case KEYBOARD_BACKSPACE:
		return send_key(ui, SDLK_BACKSPACE);
	case KEYBOARD_ENTER:
		/* A new line in an answer; in a one-line field, what Enter does there. */
		return send_key(ui, SDLK_RETURN);
	case KEYBOARD_LEFT:
		return send_key(ui, SDLK_LEFT);
	case KEYBOARD_RIGHT:
		return send_key(ui, SDLK_RIGHT);
	case KEYBOARD_UP:
	case KEYBOARD_DOWN:
		/* Up and Down leave a one-line field on a real keyboard: here they stay in it. */
		return one_line ? act : send_key(ui, out.kind == KEYBOARD_UP ? SDLK_UP : SDLK_DOWN);
	case KEYBOARD_HIDE:
		ui->osk.hidden = true;
		ui->stale = true;
		break;
	default:
		break;
	}
	ui->dirty = true;
	return act;
}

/* Presses key index: a dead key waiting shows in the field as text being composed
 * (underlined at the caret), as an input method's would, until its letter comes. */
static struct ui_action apply(struct ui *ui, size_t index)
{
	struct keyboard_out out = keyboard_press(&ui->osk.kb, index);
	struct ui_action act;

	if (ui->editor.edit && textedit_composition(ui->editor.edit))
		editor_compose(&ui->editor, NULL);
	act = apply_key(ui, out);
	if (ui->osk.kb.dead)
		editor_compose(&ui->editor, keymap_dead_mark(ui->osk.kb.dead));
	return act;
}

/* The index of the key under x, y (window pixels) on the page shown, or -1. */
static int key_at(const struct touch_keyboard *tk, int x, int y)
{
	return keyboard_hit(&tk->kb, x - tk->rect.x - (tk->rect.w - tk->kb.width) / 2,
			    y - tk->rect.y);
}

bool touch_keyboard_press(struct ui *ui, SDL_FingerID finger, int x, int y, bool down,
			  struct ui_action *act)
{
	struct touch_keyboard *tk = &ui->osk;
	SDL_Point p = {x, y};
	int index, was = tk->pressed;
	size_t count;
	const struct keyboard_key *keys = keyboard_keys(&tk->kb, &count);

	if (tk->rect.h <= 0 || (!SDL_PointInRect(&p, &tk->rect) && (down || was < 0)))
		return false;
	*act = (struct ui_action){UI_NONE, 0, NULL};
	ui->dirty = true;
	if (down) {
		/* A fast typist's next key before the last is up: the last is typed now, as its
		 * release would have (Backspace acted when it came down). */
		tk->pressed = -1;
		tk->repeat_at = -1;
		if (was >= 0 && keys[was].kind != KEYBOARD_BACKSPACE)
			*act = apply(ui, (size_t)was);
		/* Enter that went on to another screen: this press is not for it. */
		if (act->kind != UI_NONE && act->kind != UI_TEXT)
			return true;
		index = key_at(tk, x, y); /* on the page that key may have turned to */
		keys = keyboard_keys(&tk->kb, &count);
		tk->pressed = index;
		tk->finger = finger;
		/* Backspace acts at once and repeats while held; other keys act on release, so a
		 * finger that slides off takes the press back. */
		if (index >= 0 && keys[index].kind == KEYBOARD_BACKSPACE) {
			*act = apply(ui, (size_t)index);
			tk->repeat_at = 0;
		}
		return true;
	}
	/* The release of a finger whose key was typed when the next one came down. */
	if (was >= 0 && finger != tk->finger)
		return SDL_PointInRect(&p, &tk->rect);
	index = key_at(tk, x, y);
	tk->pressed = -1;
	tk->repeat_at = -1;
	if (index >= 0 && index == was && keys[index].kind != KEYBOARD_BACKSPACE)
		*act = apply(ui, (size_t)index);
	return true;
}

void touch_keyboard_move(struct ui *ui, SDL_FingerID finger, int x, int y)
{
	struct touch_keyboard *tk = &ui->osk;

	if (touch_keyboard_held(ui) && finger == tk->finger && key_at(tk, x, y) != tk->pressed)
		tk->repeat_at = -1;
}

int64_t touch_keyboard_deadline(const struct ui *ui)
{
	return touch_keyboard_held(ui) ? ui->osk.repeat_at : -1;
}

struct ui_action touch_keyboard_tick(struct ui *ui, int64_t now)
{
	struct touch_keyboard *tk = &ui->osk;
	struct ui_action none = {UI_NONE, 0, NULL};

	if (!touch_keyboard_held(ui) || tk->repeat_at < 0 || now < tk->repeat_at)
		return none;
	if (tk->repeat_at == 0) { /* just pressed: the first repeat waits a little longer */
		tk->repeat_at = now + REPEAT_DELAY_MS;
		return none;
	}
	tk->repeat_at = now + REPEAT_EVERY_MS;
	return send_key(ui, SDLK_BACKSPACE);
}

static SDL_Rect key_rect(const struct ui *ui, const struct keyboard_key *key)
{
	const struct touch_keyboard *tk = &ui->osk;

	return (SDL_Rect){tk->rect.x + (tk->rect.w - tk->kb.width) / 2 + key->x,
			  tk->rect.y + key->y, key->w, key->h};
}

/* The cap drawn on key in r: the first that fits inside its borders of its cap and its sign
 * (keyboard_cap_short: Shift's arrow, "Gr"), in the body font (characters and arrows, when a
 * line of it fits the key) and then in the small one (words such as Shift and Enter, and any
 * cap too wide in the body font: large text on a small screen). False when none fits, or the
 * key has none (the space bar). */
static bool fitting_cap(const struct ui *ui, const struct keyboard *kb,
			const struct keyboard_key *key, SDL_Rect r, char *cap, size_t size,
			enum font_role *role, int *w)
{
	bool body = (key->kind == KEYBOARD_CHAR || key->kind == KEYBOARD_BACKSPACE ||
		     (key->kind >= KEYBOARD_LEFT && key->kind <= KEYBOARD_DOWN)) &&
		    ui->fonts.line_h[FONT_BODY] <= r.h;

	for (int attempt = body ? 0 : 2; attempt < 4; attempt++) {
		*role = attempt < 2 ? FONT_BODY : FONT_SMALL;
		if (attempt % 2)
			keyboard_cap_short(kb, key, cap, size);
		else
			keyboard_cap(kb, key, cap, size);
		*w = cap[0] ? text_width(ui->text, ui->fonts.font[*role], cap, strlen(cap)) : 0;
		if (cap[0] && *w <= r.w - 2 * ui->lay.border && ui->fonts.line_h[*role] <= r.h)
			return true;
	}
	return false;
}

void touch_keyboard_draw(struct ui *ui)
{
	const struct touch_keyboard *tk = &ui->osk;
	const struct theme *t = ui->theme;
	size_t count;
	const struct keyboard_key *keys;

	if (tk->rect.h <= 0)
		return;
	keys = keyboard_keys(&tk->kb, &count);
	draw_fill(ui, t->track, tk->rect);
	for (size_t i = 0; i < count; i++) {
		SDL_Rect r = key_rect(ui, &keys[i]);
		bool pressed = (int)i == tk->pressed, on = keyboard_key_on(&tk->kb, &keys[i]);
		struct theme_color back = pressed ? t->primary : on ? t->selected : t->panel;
		struct theme_color ink = pressed ? t->primary_text : on ? t->selected_text : t->text;
		char cap[32];
		enum font_role role;
		int w;

		draw_fill(ui, back, r);
		draw_frame(ui, pressed || on ? back : t->border, r, ui->lay.border);
		/* A cap that cannot fit is left out rather than drawn over its key (check-frame
		 * fails on that: see touch_keyboard_check). */
		if (!fitting_cap(ui, &tk->kb, &keys[i], r, cap, sizeof cap, &role, &w))
			continue;
		text_draw(ui->text, ui->fonts.font[role], theme_sdl_color(ink), cap, strlen(cap),
			  r.x + (r.w - w) / 2, r.y + (r.h - ui->fonts.line_h[role]) / 2);
	}
}

bool touch_keyboard_follow_caret(struct ui *ui)
{
	const SDL_Rect *c = &ui->editor.caret, *content = &ui->lay.content;
	int before = ui->scroll, pad = ui->lay.focus * 2 + ui->lay.unit;
	const struct item *field;

	if (ui->osk.rect.h <= 0 || !ui_editor_focused(ui))
		return false;
	field = &ui->view.items[ui->focus];
	/* The whole field when it fits above the keyboard (the focused control whole in sight),
	 * and first when it is out of sight; else the caret's line. */
	if (c->w <= 0 || field->rect.h + 2 * pad <= content->h) {
		ui_reveal(ui, ui->focus);
		/* What lies under the field (its count) gives way to the field's own top. */
		if (field->rect.y - pad < ui->scroll)
			ui->scroll = field->rect.y - pad;
		ui_clamp_scroll(ui);
		if (ui->scroll != before || c->w <= 0)
			return ui->scroll != before;
	}
	if (c->y < content->y)
		ui->scroll -= content->y - c->y;
	else if (c->y + c->h > content->y + content->h)
		ui->scroll += c->y + c->h - (content->y + content->h);
	ui_clamp_scroll(ui);
	return ui->scroll != before;
}

bool touch_keyboard_find(const struct ui *ui, const char *label, int *x, int *y)
{
	const struct touch_keyboard *tk = &ui->osk;
	size_t count;
	const struct keyboard_key *keys;

	if (tk->rect.h <= 0)
		return false;
	keys = keyboard_keys(&tk->kb, &count);
	for (size_t i = 0; i < count; i++) {
		char name[32], cap[32];
		SDL_Rect r;

		if (strcmp(keyboard_name(&tk->kb, &keys[i], name, sizeof name), label) &&
		    strcmp(keyboard_cap(&tk->kb, &keys[i], cap, sizeof cap), label))
			continue;
		r = key_rect(ui, &keys[i]);
		*x = r.x + r.w / 2;
		*y = r.y + r.h / 2;
		return true;
	}
	return false;
}

bool touch_keyboard_check(const struct ui *ui, struct rjk_error *err)
{
	const struct touch_keyboard *tk = &ui->osk;
	const SDL_Rect *c = &ui->editor.caret;
	size_t count;
	const struct keyboard_key *keys;
	char cap[32];
	enum font_role role;
	int w;

	if (tk->rect.h <= 0)
		return true;
	keys = keyboard_keys(&tk->kb, &count);
	for (size_t i = 0; i < count; i++) {
		SDL_Rect r = key_rect(ui, &keys[i]);

		if (r.x < 0 || r.y < 0 || r.x + r.w > ui->lay.w || r.y + r.h > ui->lay.h)
			return rjk_error_set(err, "a key of the on-screen keyboard at %d,%d lies outside "
					     "the %dx%d window", r.x, r.y, ui->lay.w, ui->lay.h);
		if (r.w < 24 || r.h < 24)
			return rjk_error_set(err, "a key of the on-screen keyboard is %dx%d, under "
					     "24 px", r.w, r.h);
		/* A key with no cap at all (the space bar) is blank by design; a character key
		 * never is (core/keymap gives a level that shows nothing another's). */
		if (keys[i].kind == KEYBOARD_CHAR &&
		    !keyboard_cap(&tk->kb, &keys[i], cap, sizeof cap)[0])
			return rjk_error_set(err, "the on-screen keyboard's key of xkb keycode %u "
					     "shows nothing", keys[i].map.keycode);
		if (!fitting_cap(ui, &tk->kb, &keys[i], r, cap, sizeof cap, &role, &w) &&
		    (keyboard_cap(&tk->kb, &keys[i], cap, sizeof cap)[0] ||
		     keyboard_cap_short(&tk->kb, &keys[i], cap, sizeof cap)[0]))
			return rjk_error_set(err, "the key '%s' of the on-screen keyboard shows no cap: "
					     "none fits its %dx%d", cap, r.w, r.h);
	}
	if (ui_editor_focused(ui) && c->w > 0 &&
	    (c->y + c->h > tk->rect.y || c->y < ui->lay.content.y ||
	     c->y + c->h > ui->lay.content.y + ui->lay.content.h))
		return rjk_error_set(err, "the caret's line (%d to %d) is not in sight above the "
				     "on-screen keyboard (content %d to %d, keyboard from %d)", c->y,
				     c->y + c->h, ui->lay.content.y,
				     ui->lay.content.y + ui->lay.content.h, tk->rect.y);
	return true;
}
