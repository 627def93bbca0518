/* The UI object: builds the current screen, keeps focus and scroll, and turns SDL input into
 * what the trainee did. */
#include "ui/ui.h"

#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/page.h"
#include "ui/screen_video.h"
#include "ui/ui_impl.h"

#define NAME_MAX_CHARS 60

static bool focusable(const struct item *item)
{
	return item->kind == ITEM_BUTTON || item->kind == ITEM_OPTION ||
	       item->kind == ITEM_EDITOR;
}

bool ui_overlay_open(const struct ui *ui)
{
	return ui->settings_open || ui->confirm_open;
}

bool ui_reachable(const struct ui *ui, const struct item *item)
{
	return focusable(item) && (item->region == REGION_OVERLAY) == ui_overlay_open(ui);
}

static bool relayout(struct ui *ui, struct rjk_error *err)
{
	int w = 0, h = 0, px[FONT_ROLE_COUNT];
	int old[FONT_ROLE_COUNT];

	SDL_GetRendererOutputSize(ui->ren, &w, &h);
	if (w <= 0 || h <= 0)
		SDL_GetWindowSize(ui->window, &w, &h);
	/* The whole output, even when SDL has not yet seen the window grow (going full screen). */
	SDL_RenderSetViewport(ui->ren, NULL);
	layout_compute(&ui->lay, w, h, ui->settings.text_percent);
	ui->osk.rect.h = 0; /* the keyboard's room is made again at the next build */
	touch_keyboard_settings(ui);
	px[FONT_BODY] = ui->lay.body_px;
	px[FONT_SMALL] = ui->lay.small_px;
	px[FONT_HEADING] = ui->lay.heading_px;
	px[FONT_PROMPT] = ui->lay.heading_px;
	px[FONT_TITLE] = ui->lay.title_px;
	memcpy(old, ui->fonts.px, sizeof old);
	if (!fonts_resize(&ui->fonts, px, err))
		return false;
	if (memcmp(old, ui->fonts.px, sizeof old)) {
		text_forget(ui->text);
		for (int role = 0; role < FONT_ROLE_COUNT; role++)
			text_font_file(ui->text, ui->fonts.font[role], fonts_path(&ui->fonts, role),
				       ui->fonts.px[role], fonts_bold(role));
		ui->editor.wrap_valid = false;
	}
	ui->theme = theme_get(ui->settings.high_contrast);
	ui->stale = ui->dirty = true;
	return true;
}

struct ui *ui_new(SDL_Window *window, SDL_Renderer *ren, const struct ui_settings *settings,
		  struct rjk_error *err)
{
	struct ui *ui = calloc(1, sizeof *ui);

	if (!ui) {
		rjk_error_set(err, "out of memory");
		return NULL;
	}
	ui->window = window;
	ui->ren = ren;
	ui->settings = *settings;
	ui->focus = ui->hover = ui->pressed = -1;
	ui->osk.pressed = -1;
	ui->osk.repeat_at = -1;
	if (!(ui->text = text_new(ren))) {
		rjk_error_set(err, "out of memory");
		goto fail;
	}
	ui->view.lay = &ui->lay;
	ui->view.fonts = &ui->fonts;
	ui->view.text = ui->text;
	if (!fonts_init(&ui->fonts, err) || !relayout(ui, err))
		goto fail;
	return ui;
fail:
	ui_free(ui);
	return NULL;
}

void ui_free(struct ui *ui)
{
	if (!ui)
		return;
	if (ui->fade)
		SDL_DestroyTexture(ui->fade);
	video_input_release(&ui->seek);
	touch_keyboard_release(&ui->osk);
	editor_release(&ui->editor);
	textwrap_release(&ui->wrap);
	view_release(&ui->view);
	fonts_release(&ui->fonts);
	text_free(ui->text);
	free(ui);
}

void ui_invalidate(struct ui *ui)
{
	ui->stale = ui->dirty = true;
}

bool ui_needs_redraw(const struct ui *ui)
{
	return ui->dirty;
}

struct ui_settings ui_get_settings(const struct ui *ui)
{
	return ui->settings;
}

/* A new screen (or step): the editor takes that step's text, the page scrolls to the top and
 * focus goes to the first thing the trainee will want. */
static void enter_screen(struct ui *ui, const struct session *s)
{
	enum session_screen screen = s ? session_screen(s) : SESSION_START;

	ui->scroll = 0;
	ui->focus = -1;
	ui->want_focus = 0;
	ui->settings_open = ui->confirm_open = false;
	touch_keyboard_enter(ui);
	if (ui->page) {
		/* A page's field edits its maker's text, one line. */
		editor_attach(&ui->editor, ui->page->text.edit, true);
		return;
	}
	if (!s) {
		editor_follow(&ui->editor, NULL);
		return;
	}
	if (screen == SESSION_WHO)
		editor_load(&ui->editor, "", NAME_MAX_CHARS, true);
	else
		editor_attach(&ui->editor, session_text_edit(s), false);
}

static int find_item(const struct ui *ui, int action, int arg)
{
	for (size_t i = 0; i < ui->view.count; i++)
		if (ui_reachable(ui, &ui->view.items[i]) && ui->view.items[i].action == action &&
		    ui->view.items[i].arg == arg)
			return (int)i;
	return -1;
}

static int first_focus(const struct ui *ui)
{
	int option = -1, primary = -1;

	for (size_t i = 0; i < ui->view.count; i++) {
		const struct item *item = &ui->view.items[i];

		if (!ui_reachable(ui, item))
			continue;
		if (item->kind == ITEM_EDITOR)
			return (int)i;
		if (item->kind == ITEM_OPTION && (option < 0 || item->selected) &&
		    (option < 0 || !ui->view.items[option].selected))
			option = (int)i;
		if (item->style == STYLE_PRIMARY && item->kind == ITEM_BUTTON && primary < 0)
			primary = (int)i;
	}
	return option >= 0 ? option : primary;
}

void ui_reveal(struct ui *ui, int index)
{
	const struct item *item;
	int pad, view_h = ui->lay.content.h;

	if (index < 0 || (size_t)index >= ui->view.count)
		return;
	item = &ui->view.items[index];
	if (item->region != REGION_CONTENT)
		return;
	pad = ui->lay.focus * 2 + ui->lay.unit;
	if (item->rect.y - pad < ui->scroll)
		ui->scroll = item->rect.y - pad;
	else if (item->rect.y + item->rect.h + item->reveal_below + pad > ui->scroll + view_h)
		ui->scroll = item->rect.y + item->rect.h + item->reveal_below + pad - view_h;
}

void ui_clamp_scroll(struct ui *ui)
{
	int max = ui->view.content_h - ui->lay.content.h;

	if (ui->scroll > max)
		ui->scroll = max;
	if (ui->scroll < 0)
		ui->scroll = 0;
}

/* A page, or the message about a problem the trainee must see (answers that could not be
 * saved): both come over the journey's screen and go back to it as it was. */
static bool over_journey(const struct ui *ui, const struct session *s)
{
	return ui->page || (s && session_screen(s) == SESSION_MESSAGE);
}

/* True when the items are about to be built for another screen, step or page (the journey's
 * screen and step as last built for it, a page or a message in between or not). */
static bool entering(const struct ui *ui, const struct session *s)
{
	if (ui->page)
		return !ui->built_for_page || ui->page->generation != ui->built_page;
	if (session_screen(s) == SESSION_MESSAGE)
		return !ui->built_message;
	return !ui->built_once || session_screen(s) != ui->built_screen ||
	       (session_screen(s) == SESSION_STEP && session_step_index(s) != ui->built_step);
}

/* Back from a page or a message to the journey's screen it came over: the field (a name
 * being typed, an answer with its caret) and the scroll as it found them, and the focus too
 * from a page; from the message ("Back to my answer") the focus goes to the first control, the
 * answer, as on entering the screen. */
static void return_to_journey(struct ui *ui, const struct session *s, enum session_screen screen,
			      int *focus_action, int *focus_arg, bool *had_focus)
{
	if (screen == SESSION_WHO)
		editor_return(&ui->editor, ui->editor.own, true);
	else
		editor_return(&ui->editor, s ? session_text_edit(s) : NULL, false);
	touch_keyboard_enter(ui);
	ui->scroll = ui->journey_scroll;
	*had_focus = ui->journey_had_focus && !ui->built_message;
	*focus_action = ui->journey_focus_action;
	*focus_arg = ui->journey_focus_arg;
}

static void build_items(struct ui *ui, const struct session *s, int64_t now_ms)
{
	enum session_screen screen = s ? session_screen(s) : SESSION_START;
	int focus_action = 0, focus_arg = 0;
	bool had_focus = ui->focus >= 0 && (size_t)ui->focus < ui->view.count;
	bool over = over_journey(ui, s), was_over = ui->built_for_page || ui->built_message;

	if (had_focus) {
		focus_action = ui->view.items[ui->focus].action;
		focus_arg = ui->view.items[ui->focus].arg;
	}
	if (over && !was_over) {
		ui->journey_scroll = ui->scroll;
		ui->journey_had_focus = had_focus;
		ui->journey_focus_action = focus_action;
		ui->journey_focus_arg = focus_arg;
	}
	if (entering(ui, s)) {
		enter_screen(ui, s);
		had_focus = false;
	} else if (!over && was_over) {
		return_to_journey(ui, s, screen, &focus_action, &focus_arg, &had_focus);
	} else if (s && !ui->page) {
		editor_follow(&ui->editor, session_text_edit(s));
	}
	ui->built_for_page = ui->page != NULL;
	ui->built_page = ui->page ? ui->page->generation : 0;
	ui->built_message = !ui->page && s && screen == SESSION_MESSAGE;
	if (s && !over) {
		ui->built_once = true;
		ui->built_screen = screen;
		ui->built_step = session_step_index(s);
	}

	view_reset(&ui->view);
	if (ui->page)
		screen_page(&ui->view, ui->page);
	else switch (screen) {
	case SESSION_START:
		screen_start(&ui->view, s);
		break;
	case SESSION_WHO:
		screen_who(&ui->view, s, &ui->editor);
		break;
	case SESSION_NOTE:
		screen_note(&ui->view, s);
		break;
	case SESSION_STEP:
		screen_step(&ui->view, s, &ui->editor, now_ms);
		break;
	case SESSION_REVIEW:
		screen_review(&ui->view, s);
		break;
	case SESSION_THANKS:
		screen_thanks(&ui->view, s);
		break;
	case SESSION_VIDEO: /* without a player attached the journey never comes here */
	case SESSION_MESSAGE:
		if (screen == SESSION_VIDEO && ui->video)
			screen_video(&ui->view, s, ui->video);
		else
			screen_message(&ui->view, s);
		break;
	}
	if (ui->settings_open && !ui->page)
		screen_settings(&ui->view, &ui->settings);
	else if (ui->confirm_open && !ui->page && screen == SESSION_REVIEW)
		screen_confirm(&ui->view, s);
	ui->view.content_h += ui->lay.unit * 4;

	ui->focus = -1;
	if (ui->want_focus) {
		ui->focus = find_item(ui, ui->want_focus, ui->want_focus_arg);
		ui->want_focus = 0;
		ui_reveal(ui, ui->focus);
	} else if (ui->next_asked && !ui->page && screen == SESSION_STEP && *session_message(s)) {
		/* Next refused for want of an answer: back to the question, so that what is
		 * typed or chosen next goes into the answer rather than nowhere. */
		ui->focus = first_focus(ui);
		ui_reveal(ui, ui->focus);
	} else if (had_focus) {
		ui->focus = find_item(ui, focus_action, focus_arg);
	}
	ui->next_asked = false;
	if (ui->focus < 0) {
		ui->focus = first_focus(ui);
		/* A field or option below the fold scrolls into sight with the page's arrow
		 * saying there is more above: typing never goes where it cannot be seen. */
		if (!had_focus && ui->focus >= 0 && (ui->view.items[ui->focus].kind == ITEM_OPTION ||
						     ui->view.items[ui->focus].kind == ITEM_EDITOR))
			ui_reveal(ui, ui->focus);
	}
	ui_clamp_scroll(ui);
	ui->hover = -1;
	ui->stale = false;
	ui->dirty = true;
	if (ui->focus >= 0 && ui->view.items[ui->focus].kind == ITEM_EDITOR)
		SDL_StartTextInput();
}

/* Builds the page, and again when the on-screen keyboard comes or goes (its room changes the
 * layout the page is built for). */
static void build(struct ui *ui, const struct session *s, int64_t now_ms)
{
	build_items(ui, s, now_ms);
	if (touch_keyboard_fit(ui))
		build_items(ui, s, now_ms);
}

void ui_sync(struct ui *ui, const struct session *s)
{
	if (ui->stale)
		build(ui, s, ui->now);
}

/* The window can change size before SDL reports it (going full screen): follow the size
 * being drawn into, and make the renderer draw into all of it. */
static void follow_output_size(struct ui *ui)
{
	int w = 0, h = 0;
	struct rjk_error err;

	SDL_GetRendererOutputSize(ui->ren, &w, &h);
	if (w > 0 && h > 0 && (w != ui->lay.w || h != ui->lay.h))
		relayout(ui, &err);
}

/* Draws the page; when the on-screen keyboard shows and the caret's line ended up out of
 * sight, scrolls to it and draws again. */
static void draw_with_caret(struct ui *ui)
{
	for (int pass = 0; pass < 2; pass++) {
		text_frame_begin(ui->text);
		ui->caption_box.w = 0;
		ui->editor.caret.w = 0;
		draw_page(ui);
		text_frame_end(ui->text);
		if (!touch_keyboard_follow_caret(ui))
			break;
	}
}

void ui_draw(struct ui *ui, const struct session *s, int64_t now_ms)
{
	ui->now = now_ms;
	follow_output_size(ui);
	/* The countdown's text changes every second: rebuild so it shows the time now. */
	build(ui, s, now_ms);
	if (session_screen(s) == SESSION_VIDEO && ui->video && !ui->video->error[0]) {
		text_frame_begin(ui->text);
		ui->caption_box.w = 0;
		screen_video_draw(ui);
		text_frame_end(ui->text);
	} else {
		draw_with_caret(ui);
	}
	ui->dirty = false;
}

void ui_draw_problem(struct ui *ui, const char *title, const char *text)
{
	follow_output_size(ui);
	view_reset(&ui->view);
	screen_problem(&ui->view, title, text);
	ui->focus = -1;
	ui->built_once = false;
	text_frame_begin(ui->text);
	draw_page(ui);
	text_frame_end(ui->text);
	ui->dirty = false;
}

static void set_focus(struct ui *ui, int index)
{
	if (index < 0 || index == ui->focus)
		return;
	ui->focus = index;
	ui_reveal(ui, index);
	ui_clamp_scroll(ui);
	ui->dirty = true;
}

static void move_focus(struct ui *ui, int dir)
{
	int n = (int)ui->view.count, i = ui->focus;

	for (int k = 0; k < n; k++) {
		i = (i + dir + n) % n;
		if (ui_reachable(ui, &ui->view.items[i]) && ui_group_tab_stop(ui, i)) {
			set_focus(ui, i);
			return;
		}
	}
}

static struct ui_action activate(struct ui *ui, int index)
{
	struct ui_action act = {UI_NONE, 0, NULL};
	struct item *item;
	int percent;

	if (index < 0 || (size_t)index >= ui->view.count)
		return act;
	item = &ui->view.items[index];

	set_focus(ui, index);
	switch (item->action) {
	case ACT_SETTINGS:
		ui->settings_open = true;
		ui->want_focus = ACT_SETTINGS_CLOSE;
		ui->stale = ui->dirty = true;
		return act;
	case ACT_SETTINGS_CLOSE:
		ui->settings_open = false;
		ui->want_focus = ACT_SETTINGS;
		ui->stale = ui->dirty = true;
		return act;
	case ACT_TEXT_SMALLER:
	case ACT_TEXT_LARGER:
		/* Asked for, not applied: the owner of the settings applies it (ui_set_settings). */
		percent = ui->settings.text_percent +
			(item->action == ACT_TEXT_LARGER ? LAYOUT_TEXT_STEP : -LAYOUT_TEXT_STEP);
		if (percent < LAYOUT_TEXT_MIN)
			percent = LAYOUT_TEXT_MIN;
		if (percent > LAYOUT_TEXT_MAX)
			percent = LAYOUT_TEXT_MAX;
		ui->want_focus = item->action;
		ui->stale = ui->dirty = true;
		return (struct ui_action){UI_TEXT_SIZE, percent, NULL};
	case ACT_CONTRAST:
		ui->want_focus = ACT_CONTRAST;
		ui->stale = ui->dirty = true;
		return (struct ui_action){UI_CONTRAST, !ui->settings.high_contrast, NULL};
	case ACT_SUBMIT_ASK:
	case ACT_CONFIRM_CLOSE:
		/* Submit asks first; going back returns to Submit. */
		ui->confirm_open = item->action == ACT_SUBMIT_ASK;
		ui->want_focus = ui->confirm_open ? ACT_CONFIRM_CLOSE : ACT_SUBMIT_ASK;
		ui->stale = ui->dirty = true;
		return act;
	case UI_SUBMIT:
		ui->confirm_open = false;
		break;
	case UI_NEXT:
		ui->next_asked = true;
		break;
	case UI_TEXT:
		return act; /* the field: focusing it is all a click or Enter does */
	case UI_WHO:
		act.text = editor_text(&ui->editor);
		break;
	default:
		break;
	}
	act.kind = item->action;
	act.arg = item->arg;
	ui->stale = ui->dirty = true;
	return act;
}

static int primary_item(const struct ui *ui)
{
	for (size_t i = 0; i < ui->view.count; i++)
		if (ui_reachable(ui, &ui->view.items[i]) && ui->view.items[i].kind == ITEM_BUTTON &&
		    ui->view.items[i].style == STYLE_PRIMARY)
			return (int)i;
	return -1;
}

/* Arrows inside a scale or choice: move along the group; radio-like groups select as they go
 * (the first arrow in a group with nothing chosen chooses the member focused). */
static struct ui_action group_move(struct ui *ui, int dir)
{
	struct ui_action none = {UI_NONE, 0, NULL};
	int group = ui->view.items[ui->focus].group, n = (int)ui->view.count, i = ui->focus;

	if (ui->view.items[i].style != STYLE_CHECK && !ui_group_chosen(ui, group))
		return activate(ui, i);

	for (int k = 0; k < n; k++) {
		i = (i + dir + n) % n;
		if (ui->view.items[i].group == group && ui_reachable(ui, &ui->view.items[i])) {
			set_focus(ui, i);
			if (ui->view.items[i].style != STYLE_CHECK)
				return activate(ui, i);
			return none;
		}
	}
	return none;
}

struct ui_action ui_edited(struct ui *ui, enum editor_result r)
{
	struct ui_action act = {UI_NONE, 0, NULL};

	if (r == EDITOR_IGNORED)
		return act;
	ui->dirty = true;
	/* Typing into a field scrolled out of view brings it back, so the words can be seen. */
	ui_reveal(ui, ui->focus);
	ui_clamp_scroll(ui);
	if (r == EDITOR_SUBMIT) {
		int primary = primary_item(ui);

		return primary >= 0 ? activate(ui, primary) : act;
	}
	if (r == EDITOR_CHANGED && (ui->page || ui->built_screen == SESSION_STEP)) {
		act.kind = UI_TEXT; /* in the session's or the page's own text: nothing to copy */
		ui->stale = true; /* the character count changes */
	} else if (r == EDITOR_CHANGED) {
		ui->stale = true;
	}
	return act;
}

bool ui_editor_focused(const struct ui *ui)
{
	return ui->focus >= 0 && ui->view.items[ui->focus].kind == ITEM_EDITOR;
}

struct ui_action ui_key(struct ui *ui, const SDL_Keysym *key)
{
	struct ui_action none = {UI_NONE, 0, NULL};
	bool ctrl = key->mod & KMOD_CTRL, shift = key->mod & KMOD_SHIFT;
	bool enter = key->sym == SDLK_RETURN || key->sym == SDLK_KP_ENTER;
	const struct item *focus = ui->focus >= 0 ? &ui->view.items[ui->focus] : NULL;

	if (key->sym == SDLK_ESCAPE) {
		/* Escape only closes a panel: it never leaves the kiosk. */
		if (ui->settings_open)
			return activate(ui, find_item(ui, ACT_SETTINGS_CLOSE, 0));
		if (ui->confirm_open)
			return activate(ui, find_item(ui, ACT_CONFIRM_CLOSE, 0));
		return none;
	}
	if (enter && ctrl) {
		int primary;

		if (ui->settings_open)
			return activate(ui, find_item(ui, ACT_SETTINGS_CLOSE, 0));
		primary = primary_item(ui);
		return primary >= 0 ? activate(ui, primary) : none;
	}
	if (key->sym == SDLK_TAB && !ctrl) {
		move_focus(ui, shift ? -1 : 1);
		return none;
	}
	if (ui_editor_focused(ui)) {
		struct ui_action act = ui_edited(ui, editor_key(&ui->editor, ui->text,
								 ui->fonts.font[FONT_BODY], key));

		if (act.kind != UI_NONE || ui->dirty)
			return act;
	}
	switch (key->sym) {
	case SDLK_RETURN:
	case SDLK_KP_ENTER:
	case SDLK_SPACE:
		if (focus && focus->kind != ITEM_EDITOR)
			return activate(ui, ui->focus);
		return none;
	case SDLK_LEFT:
	case SDLK_UP:
	case SDLK_RIGHT:
	case SDLK_DOWN: {
		int dir = key->sym == SDLK_LEFT || key->sym == SDLK_UP ? -1 : 1;

		if (focus && focus->group)
			return group_move(ui, dir);
		move_focus(ui, dir);
		return none;
	}
	case SDLK_PAGEUP:
	case SDLK_PAGEDOWN:
		ui->scroll += (key->sym == SDLK_PAGEUP ? -1 : 1) * ui->lay.content.h * 3 / 4;
		ui_clamp_scroll(ui);
		ui->dirty = true;
		return none;
	default:
		return none;
	}
}

static int hit(const struct ui *ui, int x, int y)
{
	SDL_Point p = {x, y};

	for (int i = (int)ui->view.count - 1; i >= 0; i--) {
		const struct item *item = &ui->view.items[i];
		SDL_Rect r = draw_screen_rect(ui, item);

		if (!ui_reachable(ui, item) || !SDL_PointInRect(&p, &r))
			continue;
		if (item->region == REGION_CONTENT && !SDL_PointInRect(&p, &ui->lay.content))
			continue;
		return i;
	}
	return -1;
}

void ui_to_pixels(const struct ui *ui, int *x, int *y)
{
	int ww = 0, wh = 0;

	SDL_GetWindowSize(ui->window, &ww, &wh);
	if (ww > 0 && wh > 0) {
		*x = *x * ui->lay.w / ww;
		*y = *y * ui->lay.h / wh;
	}
}

static struct ui_action press(struct ui *ui, SDL_FingerID finger, int x, int y, bool down)
{
	struct ui_action none = {UI_NONE, 0, NULL}, key;
	int index;

	if (touch_keyboard_press(ui, finger, x, y, down, &key))
		return key;
	index = hit(ui, x, y);
	if (down) {
		ui->pressed = index;
		if (index >= 0 && ui->view.items[index].kind == ITEM_EDITOR) {
			/* Pressing the field brings back a keyboard hidden by its Hide key. */
			if (ui->osk.hidden)
				ui->stale = true;
			ui->osk.hidden = false;
			set_focus(ui, index);
			editor_click(&ui->editor, ui->text, ui->fonts.font[FONT_BODY], x, y);
			SDL_StartTextInput();
			ui->dirty = true;
		}
		return none;
	}
	if (index >= 0 && index == ui->pressed && ui->view.items[index].kind != ITEM_EDITOR) {
		ui->pressed = -1;
		return activate(ui, index);
	}
	ui->pressed = -1;
	return none;
}

static void scroll_by(struct ui *ui, int x, int y, int dy)
{
	int index = hit(ui, x, y);

	if (index >= 0 && ui->view.items[index].kind == ITEM_EDITOR) {
		editor_scroll_by(&ui->editor, dy);
	} else {
		ui->scroll += dy;
		ui_clamp_scroll(ui);
	}
	ui->dirty = true;
}

struct ui_action ui_event(struct ui *ui, const struct session *s, const SDL_Event *ev,
			  bool *redraw)
{
	struct ui_action act = {UI_NONE, 0, NULL};
	int x, y;

	ui_sync(ui, s);
	if (ui->video && video_input_pointer(ui, s, ev, &act)) {
		if (redraw)
			*redraw = ui->dirty;
		return act;
	}
	switch (ev->type) {
	case SDL_WINDOWEVENT:
		if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
			struct rjk_error err;

			relayout(ui, &err);
		} else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED ||
			   ev->window.event == SDL_WINDOWEVENT_RESTORED) {
			ui->dirty = true;
		}
		break;
	case SDL_RENDER_TARGETS_RESET:
	case SDL_RENDER_DEVICE_RESET:
		/* The driver lost its textures: render every line again. */
		text_forget(ui->text);
		ui->stale = ui->dirty = true;
		break;
	case SDL_KEYDOWN:
		/* No session runs while the facilitator's pages wait for a new one. */
		if (s && session_screen(s) == SESSION_VIDEO && video_input_key(ui, &ev->key.keysym, &act))
			break;
		touch_keyboard_input(ui, false);
		ui->eat_space = ev->key.keysym.sym == SDLK_SPACE && !ui_editor_focused(ui);
		act = ui_key(ui, &ev->key.keysym);
		break;
	case SDL_TEXTINPUT:
		/* Space on "Start" must not also type a space into the name field it opens. */
		if (ui->eat_space && !strcmp(ev->text.text, " ")) {
			ui->eat_space = false;
			break;
		}
		ui->eat_space = false;
		if (ui_editor_focused(ui))
			act = ui_edited(ui, editor_input(&ui->editor, ev->text.text));
		break;
	case SDL_TEXTEDITING:
		if (ui_editor_focused(ui))
			act = ui_edited(ui, editor_compose(&ui->editor, ev->edit.text));
		break;
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		/* Touches arrive as finger events below; SDL's mouse copies of them are skipped. */
		if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT)
			break;
		x = ev->button.x;
		y = ev->button.y;
		ui_to_pixels(ui, &x, &y);
		act = press(ui, SDL_MOUSE_TOUCHID, x, y, ev->type == SDL_MOUSEBUTTONDOWN);
		/* The kind of input counts once the press is over: the on-screen keyboard never
		 * comes or goes under a pointer or finger that is still down. */
		if (ev->type == SDL_MOUSEBUTTONUP)
			touch_keyboard_input(ui, false);
		break;
	case SDL_MOUSEMOTION: {
		int h;

		if (ev->motion.which == SDL_TOUCH_MOUSEID)
			break;
		x = ev->motion.x;
		y = ev->motion.y;
		ui_to_pixels(ui, &x, &y);
		if (ev->motion.state & SDL_BUTTON_LMASK)
			touch_keyboard_move(ui, SDL_MOUSE_TOUCHID, x, y);
		h = hit(ui, x, y);
		if (h != ui->hover) {
			ui->hover = h;
			ui->dirty = true;
		}
		break;
	}
	case SDL_MOUSEWHEEL:
		SDL_GetMouseState(&x, &y);
		ui_to_pixels(ui, &x, &y);
		scroll_by(ui, x, y, -ev->wheel.y * ui->fonts.line_h[FONT_BODY] * 3);
		break;
	case SDL_FINGERDOWN:
	case SDL_FINGERUP:
		x = (int)(ev->tfinger.x * ui->lay.w);
		y = (int)(ev->tfinger.y * ui->lay.h);
		if (ev->type == SDL_FINGERDOWN) {
			ui->touch_scrolling = false;
			ui->touch_y = ev->tfinger.y;
		} else if (ui->touch_scrolling) {
			ui->pressed = -1;
			touch_keyboard_input(ui, true);
			break;
		}
		act = press(ui, ev->tfinger.fingerId, x, y, ev->type == SDL_FINGERDOWN);
		if (ev->type == SDL_FINGERUP)
			touch_keyboard_input(ui, true);
		break;
	case SDL_FINGERMOTION: {
		int dy = (int)((ui->touch_y - ev->tfinger.y) * ui->lay.h);

		/* A drag longer than a finger's width scrolls instead of tapping (but not from a
		 * key held on the on-screen keyboard). */
		if (touch_keyboard_held(ui)) {
			touch_keyboard_move(ui, ev->tfinger.fingerId, (int)(ev->tfinger.x * ui->lay.w),
					    (int)(ev->tfinger.y * ui->lay.h));
			break;
		}
		if (!ui->touch_scrolling && abs(dy) < ui->lay.target / 3)
			break;
		ui->touch_scrolling = true;
		ui->touch_y = ev->tfinger.y;
		scroll_by(ui, (int)(ev->tfinger.x * ui->lay.w), (int)(ev->tfinger.y * ui->lay.h), dy);
		break;
	}
	default:
		break;
	}
	if (redraw)
		*redraw = ui->dirty;
	return act;
}

void ui_set_settings(struct ui *ui, const struct ui_settings *settings)
{
	struct rjk_error err;

	ui->settings = *settings;
	relayout(ui, &err);
}

void ui_show_page(struct ui *ui, const struct ui_page *page)
{
	/* The session may close behind the page: its text is not kept. A page's own field
	 * (the same text while the page keeps its generation) is followed instead. */
	if (page)
		editor_follow(&ui->editor, page->text.edit);
	ui->page = page;
	ui->stale = ui->dirty = true;
}

const struct ui_page *ui_page(const struct ui *ui)
{
	return ui->page;
}

void ui_draw_picture(SDL_Renderer *ren, const struct ui_picture *p)
{
	SDL_Texture *t = SDL_CreateTexture(ren, SDL_PIXELFORMAT_ARGB8888,
					   SDL_TEXTUREACCESS_STATIC, p->w, p->h);

	SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
	SDL_RenderClear(ren);
	if (!t)
		return;
	SDL_UpdateTexture(t, NULL, p->pixels, p->stride);
	SDL_RenderCopy(ren, t, NULL, NULL);
	SDL_DestroyTexture(t);
}

void ui_draw_page(struct ui *ui)
{
	follow_output_size(ui);
	if (ui->page && ui->page->blank) {
		/* A calm dark screen for a break: nothing to read, nothing to press. */
		SDL_SetRenderDrawColor(ui->ren, 0, 0, 0, 255);
		SDL_RenderClear(ui->ren);
		ui->dirty = false;
		return;
	}
	if (ui->page && ui->page->picture) {
		ui_draw_picture(ui->ren, ui->page->picture);
		ui->dirty = false;
		return;
	}
	build(ui, NULL, ui->now);
	draw_with_caret(ui);
	ui->dirty = false;
}

int64_t ui_deadline(const struct ui *ui)
{
	return touch_keyboard_deadline(ui);
}

struct ui_action ui_tick(struct ui *ui, int64_t now)
{
	return touch_keyboard_tick(ui, now);
}
