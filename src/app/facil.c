/* The facilitator's way in (chord, corner hold, PIN pad), the blank screen and the inactivity
 * warning: events and timers. The menu's pages are in facil_menu.c. */
#include "app/facil_impl.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/clock.h"
#include "core/deadline.h"

/* The data folder the kiosk's store opens (the store itself opens later). */
static void data_folder(const struct options *o, char *out, size_t size)
{
	struct rjk_error err = {{0}};

	if (o->data)
		snprintf(out, size, "%s", o->data);
	else if (!store_default_dir(out, size, &err))
		snprintf(out, size, ".");
}

void facil_apply_settings(struct facil *f)
{
	struct ui_settings ui = {f->settings.text_percent, f->settings.high_contrast,
				 f->settings.touch_keyboard, ""};

	snprintf(ui.keyboard_layout, sizeof ui.keyboard_layout, "%s", f->settings.keyboard_layout);

	f->trainee_chose = false;
	ui_set_settings(f->ui, &ui);
}

void facil_trainee_view(struct facil *f, struct ui_action a)
{
	if (!f->trainee_chose)
		f->trainee = ui_get_settings(f->ui);
	if (a.kind == UI_TEXT_SIZE)
		f->trainee.text_percent = a.arg;
	else if (a.kind == UI_CONTRAST)
		f->trainee.high_contrast = a.arg != 0;
	else
		return;
	f->trainee_chose = true;
	ui_set_settings(f->ui, &f->trainee);
}

void facil_follow_trainee(struct facil *f, const struct session *session)
{
	enum session_screen now = session ? session_screen(session) : SESSION_START;
	bool back_to_start = now == SESSION_START &&
		(f->seen_screen != SESSION_START || f->seen_session != session);

	f->seen_screen = now;
	f->seen_session = session;
	if (back_to_start && f->trainee_chose)
		facil_apply_settings(f);
}

struct facil *facil_new(const struct options *options, struct ui *ui, SDL_Window *window)
{
	struct facil *f = calloc(1, sizeof *f);
	struct rjk_error err = {{0}};

	if (!f)
		return NULL;
	f->options = options;
	f->ui = ui;
	f->window = window;
	f->hold_since = -1;
	f->session_pages.per_page = FACIL_SESSIONS_PER_PAGE;
	f->scenario_pages.per_page = FACIL_SCENARIOS_PER_PAGE;
	f->shown_second = -1;
	f->export_excel = true;   /* most facilitators open the CSV in Excel */
	f->xapi_edit = textedit_new(IRI_BASE_MAX);
	data_folder(options, f->data_dir, sizeof f->data_dir);
	if (!settings_load(f->data_dir, &f->settings, &err))
		fprintf(stderr, "rjkiosk: %s (using the default settings)\n", err.message);
	/* The command line wins over what was saved. */
	if (f->options->text_percent != 100)
		f->settings.text_percent = f->options->text_percent;
	if (f->options->high_contrast)
		f->settings.high_contrast = true;
	if (f->options->idle_s >= 0)
		f->settings.idle_s = f->options->idle_s;
	if (f->options->touch_keyboard >= 0)
		f->settings.touch_keyboard = (enum keyboard_mode)f->options->touch_keyboard;
	if (f->options->keyboard_layout)
		snprintf(f->settings.keyboard_layout, sizeof f->settings.keyboard_layout, "%s",
			 f->options->keyboard_layout);
	facil_apply_settings(f);
	inactivity_init(&f->idle, (int64_t)f->settings.idle_s * 1000);
	/* The command line's presence time (the test program's) is for this run only. */
	presence_init(&f->present, (int64_t)(f->options->present_s >= 0 ? f->options->present_s :
					     f->settings.present_s) * 1000);
	f->pin = pin_open(f->data_dir, NULL, &err);
	if (!f->pin) {
		fprintf(stderr, "rjkiosk: %s\n", err.message);
		snprintf(f->pin_problem, sizeof f->pin_problem, "%s", err.message);
	}
	return f;
}

void facil_start(struct facil *f, const struct facil_context *c)
{
	if (f->options->kiosk && f->pin && !pin_is_set(f->pin))
		facil_show(f, c, FACIL_NEW_PIN);
}

void facil_free(struct facil *f)
{
	if (!f)
		return;
	pin_free(f->pin);
	textedit_free(f->xapi_edit);
	facil_debrief_free(f->debrief);
	scenario_dir_release(&f->scenarios);
	facil_sessions_release(f);
	free(f);
}

const struct settings *facil_settings(const struct facil *f)
{
	return &f->settings;
}

const char *facil_page_name(const struct facil *f)
{
	static const char *const names[] = {
		[FACIL_NONE] = NULL,
		[FACIL_PIN] = "pin",
		[FACIL_NEW_PIN] = "new-pin",
		[FACIL_NEW_PIN_AGAIN] = "new-pin-again",
		[FACIL_NO_PIN] = "no-pin",
		[FACIL_MENU] = "menu",
		[FACIL_SCENARIOS] = "scenarios",
		[FACIL_SCENARIO_ERRORS] = "scenario-errors",
		[FACIL_PROGRESS] = "progress",
		[FACIL_EXPORT] = "export",
		[FACIL_PURGE] = "purge",
		[FACIL_PURGE_CONFIRM] = "purge-confirm",
		[FACIL_SETTINGS] = "settings",
		[FACIL_XAPI_BASE] = "xapi-base",
		[FACIL_RESULT] = "result",
		[FACIL_NAME_SESSION] = "name-session",
		[FACIL_RENAME] = "rename-session",
		[FACIL_SESSIONS] = "sessions",
		[FACIL_SESSION] = "session",
		[FACIL_DELETE] = "delete-session",
		[FACIL_CHANGE_PIN] = "change-pin",
		[FACIL_POWER] = "power",
		[FACIL_DEBRIEF] = "debrief",
		[FACIL_DEBRIEF_PRIVATE] = "debrief-private",
		[FACIL_LRS] = "lrs",
		[FACIL_CLASS_CODE] = "class-code",
		[FACIL_IMPORT] = "import",
		[FACIL_KIOSK] = "this-kiosk",
		[FACIL_BLANK] = "blank",
		[FACIL_IDLE] = "idle",
		[FACIL_WARNING] = "warning",
	};

	if (f && f->mode == FACIL_RESULT && strcmp(f->notice, "Done"))
		return "result-failed";
	return f ? names[f->mode] : NULL;
}

void facil_show(struct facil *f, const struct facil_context *c, enum facil_mode mode)
{
	if (mode != f->mode || mode == FACIL_RESULT)
		f->generation++;
	f->mode = mode;
	/* With no session the kiosk waits for the facilitator, unless it has a problem to show. */
	if (mode == FACIL_NONE && !c->session && !c->problem[0])
		f->mode = mode = FACIL_IDLE;
	if (mode == FACIL_NONE) {
		ui_show_page(f->ui, NULL);
	} else {
		facil_build_page(f, c);
		ui_show_page(f->ui, &f->page);
	}
	ui_invalidate(f->ui);
}

void facil_result(struct facil *f, const struct facil_context *c, bool ok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(f->body, sizeof f->body, fmt, ap);
	va_end(ap);
	snprintf(f->notice, sizeof f->notice, "%s", ok ? "Done" : "That did not work");
	facil_show(f, c, FACIL_RESULT);
}

static bool pin_mode(enum facil_mode m)
{
	return m == FACIL_PIN || m == FACIL_NEW_PIN || m == FACIL_NEW_PIN_AGAIN ||
	       m == FACIL_CHANGE_PIN || m == FACIL_CLASS_CODE;
}

/* The current PIN, checked before a new one is chosen from the menu: the lockout counts. */
static void check_current_pin(struct facil *f, const struct facil_context *c)
{
	struct rjk_error err = {{0}};

	f->notice[0] = '\0';
	switch (pin_verify(f->pin, f->digits, &err)) {
	case PIN_OK:
		f->mode = FACIL_NEW_PIN;
		f->changing_pin = true;
		break;
	case PIN_WRONG:
		snprintf(f->notice, sizeof f->notice, "That is not the current PIN. Please try again.");
		break;
	case PIN_LOCKED:
		break; /* the page shows the countdown */
	case PIN_NOT_SET:
	case PIN_ERROR:
		snprintf(f->notice, sizeof f->notice, "The PIN cannot be checked: %s",
			 err.message[0] ? err.message : "no PIN is set");
		break;
	}
	memset(f->digits, 0, sizeof f->digits);
	f->generation++;
	facil_show(f, c, f->mode);
}

/* The PIN pad's OK: checks the PIN, or takes a new one (twice). */
static void submit_pin(struct facil *f, const struct facil_context *c, struct request_list *out)
{
	struct rjk_error err = {{0}};

	if (f->mode == FACIL_CHANGE_PIN) {
		check_current_pin(f, c);
		return;
	}
	if (f->mode == FACIL_CLASS_CODE) {
		facil_class_submit(f, c);
		return;
	}
	if (f->mode == FACIL_NEW_PIN) {
		if (!pin_acceptable(f->digits, &err)) {
			/* The rule broken, as a sentence. */
			snprintf(f->notice, sizeof f->notice, "%c%s. Please choose another.",
				 (char)toupper((unsigned char)err.message[0]), err.message + 1);
		} else {
			snprintf(f->first_pin, sizeof f->first_pin, "%s", f->digits);
			f->notice[0] = '\0';
			f->mode = FACIL_NEW_PIN_AGAIN;
		}
	} else if (f->mode == FACIL_NEW_PIN_AGAIN) {
		if (strcmp(f->digits, f->first_pin)) {
			snprintf(f->notice, sizeof f->notice,
				 "The two PINs were different. Please choose a PIN again.");
			f->mode = FACIL_NEW_PIN;
		} else if (!pin_set(f->pin, f->digits, &err)) {
			snprintf(f->notice, sizeof f->notice, "The PIN could not be saved: %s",
				 err.message);
		} else {
			memset(f->first_pin, 0, sizeof f->first_pin);
			memset(f->digits, 0, sizeof f->digits);
			presence_start(&f->present, clock_now_ms());
			if (f->changing_pin) {
				f->changing_pin = false;
				facil_result(f, c, true, "The PIN is changed: only the new PIN opens "
					     "this menu from now on.");
			} else {
				facil_result(f, c, true, "The PIN is set. Ctrl+Alt+F, or holding the "
					     "top-left corner for three seconds, opens this menu from "
					     "now on.");
			}
			return;
		}
	} else {
		switch (pin_verify(f->pin, f->digits, &err)) {
		case PIN_OK:
			memset(f->digits, 0, sizeof f->digits);
			f->notice[0] = '\0';
			facil_pin_accepted(f, c, out);
			return;
		case PIN_WRONG:
			snprintf(f->notice, sizeof f->notice, "That PIN is not right. Please try again.");
			break;
		case PIN_LOCKED:
			f->notice[0] = '\0'; /* the page shows the countdown */
			break;
		case PIN_NOT_SET:
			snprintf(f->notice, sizeof f->notice, "No PIN is set.");
			break;
		case PIN_ERROR:
			snprintf(f->notice, sizeof f->notice, "The PIN cannot be checked: %s",
				 err.message);
			break;
		}
	}
	memset(f->digits, 0, sizeof f->digits);
	f->generation++;
	facil_show(f, c, f->mode);
}

static void pin_key(struct facil *f, const struct facil_context *c, int id)
{
	size_t n = strlen(f->digits);

	if (id == UI_PAGE_ERASE) {
		if (n)
			f->digits[n - 1] = '\0';
	} else if (n < PIN_MAX_DIGITS) {
		f->digits[n] = (char)('0' + id - UI_PAGE_DIGIT);
		f->digits[n + 1] = '\0';
	}
	facil_show(f, c, f->mode);
}

/* A page's button (or the key standing for it). */
static void press(struct facil *f, const struct facil_context *c, int id, struct request_list *out)
{
	if (pin_mode(f->mode) && id >= UI_PAGE_DIGIT && id <= UI_PAGE_ERASE) {
		pin_key(f, c, id);
	} else if (id == ID_UNLOCK) {
		submit_pin(f, c, out);
	} else if (id == ID_CANCEL) {
		memset(f->digits, 0, sizeof f->digits);
		f->after_pin = QUICK_MENU;
		/* Changing the PIN goes back to "This kiosk", where it began, with the old PIN
		 * kept; a kiosk with no PIN yet cannot leave the "choose a PIN" pad. */
		if (f->mode == FACIL_CHANGE_PIN || f->changing_pin) {
			f->changing_pin = false;
			facil_show(f, c, FACIL_KIOSK);
		} else if (f->options->kiosk && f->pin && !pin_is_set(f->pin)) {
			facil_show(f, c, FACIL_NEW_PIN);
		} else {
			facil_show(f, c, FACIL_NONE);
		}
	} else if (id == ID_STILL_HERE) {
		inactivity_touch(&f->idle, clock_now_ms());
		facil_show(f, c, FACIL_NONE);
	} else {
		facil_menu_press(f, c, id, out);
	}
}

static bool in_corner(const struct facil *f, int x, int y)
{
	int w = 0, h = 0, size;

	SDL_GetWindowSize(f->window, &w, &h);
	size = (w < h ? w : h) / 12;
	return x >= 0 && y >= 0 && x < size && y < size;
}

/* Pointer down on the top-left corner starts the hold; anything else cancels it. */
static void track_hold(struct facil *f, const SDL_Event *ev)
{
	int x, y, w = 0, h = 0;

	SDL_GetWindowSize(f->window, &w, &h);
	switch (ev->type) {
	case SDL_MOUSEBUTTONDOWN:
		if (ev->button.which != SDL_TOUCH_MOUSEID)
			f->hold_since = in_corner(f, ev->button.x, ev->button.y) ? clock_now_ms() : -1;
		break;
	case SDL_FINGERDOWN:
		x = (int)(ev->tfinger.x * (float)w);
		y = (int)(ev->tfinger.y * (float)h);
		f->hold_since = in_corner(f, x, y) ? clock_now_ms() : -1;
		break;
	case SDL_MOUSEMOTION:
		if (f->hold_since >= 0 && ev->motion.which != SDL_TOUCH_MOUSEID &&
		    !in_corner(f, ev->motion.x, ev->motion.y))
			f->hold_since = -1;
		break;
	case SDL_FINGERMOTION:
		x = (int)(ev->tfinger.x * (float)w);
		y = (int)(ev->tfinger.y * (float)h);
		if (!in_corner(f, x, y))
			f->hold_since = -1;
		break;
	case SDL_MOUSEBUTTONUP:
	case SDL_FINGERUP:
		f->hold_since = -1;
		break;
	default:
		break;
	}
}

static bool is_input(const SDL_Event *ev)
{
	switch (ev->type) {
	case SDL_KEYDOWN:
	case SDL_TEXTINPUT:
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEWHEEL:
	case SDL_FINGERDOWN:
	case SDL_FINGERMOTION:
		return true;
	default:
		return false;
	}
}

/* Keys the facilitator's pages take before the UI does: digits on the pad, Enter, Escape. */
static bool page_key(struct facil *f, const struct facil_context *c, const SDL_Keysym *key,
		     struct request_list *out)
{
	SDL_Keycode s = key->sym;

	if (pin_mode(f->mode)) {
		if (s >= SDLK_0 && s <= SDLK_9)
			return pin_key(f, c, UI_PAGE_DIGIT + (int)(s - SDLK_0)), true;
		if (s >= SDLK_KP_1 && s <= SDLK_KP_9)
			return pin_key(f, c, UI_PAGE_DIGIT + 1 + (int)(s - SDLK_KP_1)), true;
		if (s == SDLK_KP_0)
			return pin_key(f, c, UI_PAGE_DIGIT), true;
		if (s == SDLK_BACKSPACE)
			return pin_key(f, c, UI_PAGE_ERASE), true;
		if (s == SDLK_RETURN || s == SDLK_KP_ENTER)
			return submit_pin(f, c, out), true;
	}
	/* Escape leaves the menu without locking it (Lock is a button of its own). */
	if (s == SDLK_ESCAPE && f->mode == FACIL_MENU)
		return press(f, c, ID_CLOSE_MENU, out), true;
	if (s == SDLK_ESCAPE && f->page.back)
		return press(f, c, f->page.back_id, out), true;
	return false;
}

bool facil_handle(struct facil *f, const struct facil_context *c, const SDL_Event *ev,
		  struct request_list *out)
{
	struct ui_action act;

	if (!f)
		return false;
	if (ev->type == SDL_KEYDOWN && facil_chord(f, c, &ev->key.keysym, out))
		return true;
	if (is_input(ev))
		facil_present_touch(f);
	track_hold(f, ev);
	if (f->mode == FACIL_NONE) {
		if (is_input(ev))
			inactivity_touch(&f->idle, clock_now_ms());
		return false;
	}
	if (f->mode == FACIL_BLANK || f->mode == FACIL_IDLE) {
		/* Only the facilitator's way in (chord or corner) leaves these screens. */
		if (ev->type == SDL_WINDOWEVENT)
			ui_event(f->ui, c->session, ev, NULL);
		return true;
	}
	if (f->mode == FACIL_WARNING && is_input(ev)) {
		/* Any touch, click or key counts as "I'm still here". */
		press(f, c, ID_STILL_HERE, out);
		return true;
	}
	if (f->mode == FACIL_DEBRIEF && facil_debrief_event(f, c, ev))
		return true;
	if (ev->type == SDL_KEYDOWN && page_key(f, c, &ev->key.keysym, out))
		return true;
	act = ui_event(f->ui, c->session, ev, NULL);
	if (act.kind == UI_PAGE)
		press(f, c, act.arg, out);
	else if (act.kind == UI_TEXT)
		facil_sessions_typed(f, c);
	return true;
}

static int64_t countdown_second(const struct facil *f, int64_t now)
{
	if (f->mode == FACIL_WARNING)
		return (inactivity_warning_left(&f->idle, now) + 999) / 1000;
	if ((f->mode == FACIL_PIN || f->mode == FACIL_CHANGE_PIN) && f->pin)
		return pin_locked_for(f->pin);
	return -1;
}

/* Screens where a quiet kiosk means the trainee has gone: not the start (nobody there yet),
 * the thanks (it returns on its own), the video (watched without touching anything) or a
 * group discussion (the group talks, nobody touches the kiosk). */
static bool watched(const struct session *s)
{
	const struct step *step;

	if (!s)
		return false;
	switch (session_screen(s)) {
	case SESSION_START:
	case SESSION_THANKS:
	case SESSION_VIDEO:
		return false;
	case SESSION_STEP:
		step = session_step(s);
		return step && step->kind != STEP_DISCUSSION;
	default:
		return true;
	}
}

void facil_tick(struct facil *f, const struct facil_context *c, int64_t now,
		struct request_list *out)
{
	bool trainee_screen;

	if (!f)
		return;
	if (f->hold_since >= 0 && now - f->hold_since >= FACIL_HOLD_MS) {
		f->hold_since = -1;
		if (f->mode == FACIL_NONE || f->mode >= FACIL_BLANK)
			facil_way_in(f, c, QUICK_MENU, out);
	}
	trainee_screen = watched(c->session) &&
			 (f->mode == FACIL_NONE || f->mode == FACIL_WARNING);
	inactivity_watch(&f->idle, trainee_screen, now);
	switch (inactivity_state(&f->idle, now)) {
	case INACTIVITY_WARNING:
		if (f->mode == FACIL_NONE)
			facil_show(f, c, FACIL_WARNING);
		break;
	case INACTIVITY_EXPIRED:
		inactivity_watch(&f->idle, false, now);
		request_add(out, (struct request){.kind = REQUEST_TIME_OUT});
		facil_show(f, c, FACIL_NONE);
		break;
	default:
		if (f->mode == FACIL_WARNING)
			facil_show(f, c, FACIL_NONE);
		break;
	}
	facil_present_tick(f, c, now);
	facil_debrief_tick(f, c, now);
	if (countdown_second(f, now) != f->shown_second) {
		f->shown_second = countdown_second(f, now);
		if (f->mode != FACIL_NONE)
			facil_show(f, c, f->mode);
	}
}

int64_t facil_deadline(const struct facil *f, int64_t now)
{
	int64_t due = inactivity_deadline(&f->idle, now);

	if (f->hold_since >= 0)
		due = deadline_earliest(due, f->hold_since + FACIL_HOLD_MS);
	if ((f->mode == FACIL_PIN || f->mode == FACIL_CHANGE_PIN) && f->pin &&
	    pin_locked_for(f->pin))
		due = deadline_earliest(due, now + 1000);
	due = deadline_earliest(due, facil_present_deadline(f, now));
	if (f->mode == FACIL_DEBRIEF || f->mode == FACIL_DEBRIEF_PRIVATE)
		due = deadline_earliest(due, now + 2000); /* answers arriving: live updates */
	return due;
}
