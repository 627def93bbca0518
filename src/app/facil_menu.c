/* The facilitator's pages: the PIN pad, the menu and its sub-pages, the blank screen and the
 * inactivity warning, and what their buttons do. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/clock.h"
#include "app/facil_impl.h"
#include "core/timecode.h"
#include "core/utf8.h"
#include "core/words.h"

struct ui_page_button *facil_add(struct facil *f, const char *label, int id)
{
	struct ui_page_button *b;

	if (f->page.count >= UI_PAGE_BUTTONS)
		return NULL;
	b = &f->page.buttons[f->page.count++];
	memset(b, 0, sizeof *b);
	b->label = label;
	b->id = id;
	return b;
}

static struct ui_page_button *add(struct facil *f, const char *label, int id)
{
	return facil_add(f, label, id);
}

const char *facil_label(struct facil *f, const char *fmt, ...)
{
	char *out = f->labels[f->page.count < UI_PAGE_BUTTONS ? f->page.count : 0];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, sizeof f->labels[0], fmt, ap);
	va_end(ap);
	return out;
}

#define label facil_label

const char *facil_short_text(char *out, size_t size, const char *text)
{
	size_t len = strlen(text), n = len + 9 <= size ? len : utf8_prev(text, size - 8);

	for (size_t i = 0; i < n; i++)
		out[i] = text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ? ' ' : text[i];
	out[n] = '\0';
	if (n < len)
		strcat(out, "\xe2\x80\xa6");
	return out;
}

/* A sub-page's way back: Back (or Escape) returns to the menu. */
static void back_to_menu(struct facil *f)
{
	f->page.back = "Back";
	f->page.back_id = ID_BACK_TO_MENU;
}

/* The way back from a page "This kiosk" opens. */
static void back_to_kiosk(struct facil *f)
{
	f->page.back = "Back";
	f->page.back_id = ID_BACK_TO_KIOSK;
}

static void toggle(struct facil *f, const char *text, int id, bool on)
{
	struct ui_page_button *b = add(f, text, id);

	if (b) {
		b->toggle = true;
		b->on = on;
	}
}

static void pin_page(struct facil *f)
{
	struct ui_page *p = &f->page;
	bool checks = f->mode == FACIL_PIN || f->mode == FACIL_CHANGE_PIN;
	uint32_t locked = checks && f->pin ? pin_locked_for(f->pin) : 0;
	size_t n = strlen(f->digits);

	p->keypad = true;
	f->mask[0] = '\0';
	for (size_t i = 0; i < n; i++)
		strcat(f->mask, i ? " \xe2\x97\x8f" : "\xe2\x97\x8f"); /* ● */
	p->field = f->mask;
	p->back = "Cancel";
	p->back_id = ID_CANCEL;
	p->main = f->mode == FACIL_PIN ? "Unlock" : "OK";
	p->main_id = ID_UNLOCK;
	if (checks) {
		p->heading = f->mode == FACIL_PIN ? "Facilitator PIN" : "Change the PIN";
		if (locked) {
			char left[16];

			p->alarm = true;
			snprintf(f->body, sizeof f->body,
				 "Too many wrong PINs. The pad is locked for %s more.",
				 timecode_format((int64_t)locked * 1000, left, sizeof left));
		} else {
			snprintf(f->body, sizeof f->body, "%s", f->notice[0] ? f->notice :
				 f->mode == FACIL_CHANGE_PIN ?
				 "Enter the current PIN first, then the new one twice." :
				 f->after_pin == QUICK_NEXT ?
				 "Enter the facilitator's PIN to move on to the next discussion prompt." :
				 f->after_pin == QUICK_BLANK ?
				 "Enter the facilitator's PIN to blank the screen." :
				 f->after_pin == QUICK_UNBLANK ?
				 "Enter the facilitator's PIN to show the kiosk again." :
				 "Enter the facilitator's PIN.");
			p->alarm = f->notice[0] != '\0';
		}
	} else {
		p->heading = f->mode == FACIL_NEW_PIN ?
			(f->changing_pin ? "Choose the new PIN" : "Choose a facilitator PIN") :
			"Enter the same PIN again";
		snprintf(f->body, sizeof f->body, "%s", f->notice[0] ? f->notice :
			 f->mode == FACIL_NEW_PIN ?
			 "The PIN opens the facilitator's menu on this kiosk. Use 4 to 12 digits, "
			 "not an easy one such as 1234." : "So that a mistyped digit cannot lock you out.");
		/* A kiosk that has no PIN yet cannot be left before one is chosen. */
		if (f->options->kiosk && f->pin && !pin_is_set(f->pin))
			p->back = NULL;
		p->alarm = f->notice[0] != '\0';
	}
	p->body = f->body;
}

/* When the running session started, in local time: a session resumed after a crash shows
 * an earlier time than the kiosk's start. */
static const char *started(const struct facil_context *c, char *out, size_t size)
{
	struct store_session_info *info = NULL;
	struct rjk_error err = {{0}};
	size_t n = 0;

	snprintf(out, size, "at an unknown time");
	if (store_list_sessions(c->store, session_store_id(c->session), &info, &n, &err) && n) {
		time_t t = (time_t)(info[0].started / 1000);
		struct tm tm;

		if (localtime_r(&t, &tm))
			strftime(out, size, "%H:%M on %-d %b", &tm);
	}
	store_sessions_free(info, n);
	return out;
}

static void menu_page(struct facil *f, const struct facil_context *c)
{
	struct ui_page *p = &f->page;
	char when[64], name[FACIL_NAME_MAX_CHARS * 4 + 1], present[RJK_ERROR_MAX];
	size_t used;

	p->heading = "Facilitator";
	if (c->session) {
		facil_session_name(c, name, sizeof name);
		/* A default name holds the scenario's title already. */
		used = (size_t)snprintf(f->body, sizeof f->body, "Running: \xe2\x80\x9c%s\xe2\x80"
					"\x9d%s%s, started %s. It stays open, through restarts, "
					"until you end it.", name, strstr(name, c->scenario->title) ?
					"" : " on ", strstr(name, c->scenario->title) ? "" :
					c->scenario->title, started(c, when, sizeof when));
	}
	else if (c->problem[0])
		used = (size_t)snprintf(f->body, sizeof f->body,
					"The scenario could not be loaded: choose one.");
	else
		used = (size_t)snprintf(f->body, sizeof f->body, "No session is running.");
	facil_present_text(f, clock_now_ms(), present, sizeof present);
	if (present[0] && used < sizeof f->body)
		used += (size_t)snprintf(f->body + used, sizeof f->body - used, "\n%s", present);
	if (c->notice && c->notice[0] && used < sizeof f->body)
		snprintf(f->body + used, sizeof f->body - used, "\n\n%s", c->notice);
	facil_lrs_menu_note(f, c);
	p->body = f->body;
	/* Three a row where the labels fit, so that the whole menu shows without scrolling on
	 * a 1280x800 or 1024x768 screen; what is done seldom and concerns the machine rather
	 * than the class is on "This kiosk". */
	p->columns = 3;
	add(f, "Choose a scenario", ID_SCENARIOS);
	add(f, "Start a new session", ID_NEW_SESSION);
	if (c->session) {
		add(f, "Rename this session", ID_RENAME);
		add(f, "End this session", ID_END_SESSION);
		add(f, "Progress", ID_PROGRESS);
		add(f, "Debrief", ID_DEBRIEF);
		add(f, "Next discussion prompt", ID_NEXT_DISCUSSION);
		add(f, "Blank the screen", ID_BLANK);
		add(f, "Join a class", ID_JOIN_CLASS);
	}
	add(f, "Sessions", ID_SESSIONS);
	add(f, "Export answers", ID_EXPORT);
	add(f, "This kiosk", ID_KIOSK);
	p->main = c->session ? "Back to the kiosk" : NULL;
	p->main_id = ID_CLOSE_MENU;
	/* Lock ends the facilitator's presence: the next way in asks for the PIN again. */
	p->back = "Lock";
	p->back_id = ID_LOCK;
}

/* "This kiosk": what concerns the machine rather than one class. */
static void kiosk_page(struct facil *f)
{
	f->page.heading = "This kiosk";
	f->page.body = "For this kiosk rather than one class: its settings and PIN, the learning "
		       "record store its answers go to, old data, and quitting or shutting down.";
	f->page.columns = 3; /* as the menu: the same width from one to the other */
	add(f, "Settings", ID_SETTINGS);
	add(f, "Change the PIN", ID_CHANGE_PIN);
	add(f, "Learning record store", ID_LRS);
	add(f, "Delete old data", ID_PURGE);
	add(f, "Quit the kiosk", ID_QUIT);
	add(f, "Shut down or restart the PC", ID_POWER);
	back_to_menu(f);
}

/* Whether another scenario in the list has entry i's title (a revised copy in a folder of its
 * own, say): then each is told apart by its folder's name. */
static bool title_shared(const struct scenario_dir *list, size_t i)
{
	for (size_t j = 0; j < list->count; j++)
		if (j != i && !strcmp(list->entries[j].title, list->entries[i].title))
			return true;
	return false;
}

/* The scenarios folder's list: by folder name, a page at a time. */
static const struct facil_list scenario_list = {
	.mode = FACIL_SCENARIOS,
	.entry_id = ID_SCENARIO_BASE,
	.earlier = "Previous scenarios",
	.earlier_id = ID_EARLIER_SCENARIOS,
	.later = "Next scenarios",
	.later_id = ID_LATER_SCENARIOS,
};

/* The scenarios page's text: where they come from, which are shown, any left out. */
static void scenarios_text(struct facil *f)
{
	const struct scenario_dir *list = &f->scenarios;
	const char *dir = f->options->scenarios;
	const char *choosing = "Choosing one ends the session running now and starts a new one.";
	char n[64], shown[64];
	size_t used;

	words_count(n, sizeof n, (long long)(list->count + list->omitted), "scenario", "scenarios",
		    0);
	facil_list_shown(&f->scenario_pages, list->count, shown, sizeof shown);
	if (!list->count)
		used = (size_t)snprintf(f->body, sizeof f->body, "No scenarios were found in %s.",
					dir);
	else if (list->count <= f->scenario_pages.per_page)
		used = (size_t)snprintf(f->body, sizeof f->body, "From %s. %s", dir, choosing);
	else
		used = (size_t)snprintf(f->body, sizeof f->body, "From %s: %s by folder name, %s. %s",
					dir, n, shown, choosing);
	if (list->omitted && used < sizeof f->body)
		snprintf(f->body + used, sizeof f->body - used, "\nOnly the first %zu by folder name "
			 "are listed: the other %zu are left out.", list->count, list->omitted);
}

static void scenarios_page(struct facil *f, const struct facil_context *c)
{
	struct ui_page *p = &f->page;
	size_t end = pager_end(&f->scenario_pages, f->scenarios.count);

	p->heading = "Choose a scenario";
	scenarios_text(f);
	p->body = f->body;
	for (size_t i = f->scenario_pages.first; i < end; i++) {
		const struct scenario_entry *e = &f->scenarios.entries[i];
		bool current = c->scenario && e->dir && !strcmp(c->scenario->dir, e->dir);
		bool shared = title_shared(&f->scenarios, i);
		const char *folder = strrchr(e->path, '/');
		struct ui_page_button *b = add(f, label(f, "%s%s%s%s", e->title,
							shared ? " \xc2\xb7 " : "",
							shared ? (folder ? folder + 1 : e->path) : "",
							!e->valid ? " (has errors)" :
							current ? " (in use)" : ""),
					       scenario_list.entry_id +
					       (int)(i - f->scenario_pages.first));

		if (b)
			b->note = e->valid ? e->description : "Cannot be used: press to see why.";
	}
	facil_list_turns(f, &scenario_list, &f->scenario_pages, f->scenarios.count);
	back_to_menu(f);
}

static void errors_page(struct facil *f)
{
	const struct scenario_entry *e = &f->scenarios.entries[f->scenario_pick];
	size_t used = 0;

	f->page.heading = "This scenario has errors";
	f->page.alarm = true;
	used = (size_t)snprintf(f->body, sizeof f->body, "%s was not loaded:\n", e->path);
	/* Whole messages only, with room kept to say how many more there are. */
	size_t i;
	for (i = 0; i < e->errors.count && used < sizeof f->body; i++) {
		size_t len = strlen(e->errors.items[i]) + 1;

		if (used + len + 128 > sizeof f->body)
			break;
		used += (size_t)snprintf(f->body + used, sizeof f->body - used, "%s\n",
					 e->errors.items[i]);
	}
	if (i < e->errors.count && used < sizeof f->body)
		snprintf(f->body + used, sizeof f->body - used, "\xe2\x80\xa6 and %zu more: 'rjkiosk check' "
			 "lists them all.\n", e->errors.count - i);
	f->page.body = f->body;
	f->page.back = "Back";
	f->page.back_id = ID_BACK_TO_SCENARIOS;
}

static const int idle_choices[] = {0, 60, 120, 300, 600, 900, 1800};
static const int present_choices[] = {0, 120, 300, 600, 1200, 1800};
/* The debrief's anonymity rule: results of a question from this many answers. */
static const int min_answers_choices[] = {1, 2, 3, 5, 10};
static const int purge_days[] = {30, 90, 365};

/* A setting's time in words: "off", "45 seconds", "1 minute", "10 minutes". */
static const char *time_text(int s, char *buf, size_t size)
{
	if (!s)
		snprintf(buf, size, "off");
	else if (s % 60)
		snprintf(buf, size, "%d seconds", s);
	else
		words_count(buf, size, s / 60, "minute", "minutes", 0);
	return buf;
}

/* The xAPI base address as a setting's value: cut past 96 bytes (its own page shows it whole). */
static const char *xapi_base_text(const struct facil *f, char *buf, size_t size)
{
	return f->settings.xapi_base[0] ? facil_short_text(buf, size, f->settings.xapi_base) :
	       EXPORT_XAPI_DEFAULT_BASE " (the default)";
}

/* Every setting says its value; pressing one goes on to the next value (or opens its page). */
static void settings_page(struct facil *f, const struct facil_context *c)
{
	char idle[64], present[64], answers[64], base[96 + 9];

	f->page.heading = "Settings";
	snprintf(f->body, sizeof f->body, "Press a setting to change it; it is kept after a "
		 "restart.%s", c->no_sound ?
		 "\nNo sound device was found when the kiosk started: the video plays without "
		 "sound." : "");
	f->page.body = f->body;
	f->page.columns = 2; /* all ten in sight on a classroom screen */
	add(f, label(f, "Text size: %d%%", f->settings.text_percent), ID_TEXT_SIZE);
	toggle(f, "High contrast", ID_CONTRAST, f->settings.high_contrast);
	toggle(f, "Captions on the video by default", ID_CAPTIONS, f->settings.captions);
	add(f, label(f, "Volume: %d%%", f->settings.volume), ID_VOLUME);
	add(f, label(f, "Inactivity timeout: %s",
		     time_text(f->settings.idle_s, idle, sizeof idle)), ID_IDLE);
	add(f, label(f, "Menu stays unlocked: %s",
		     time_text(f->settings.present_s, present, sizeof present)), ID_PRESENT);
	add(f, label(f, "On-screen keyboard: %s",
		     f->settings.touch_keyboard == KEYBOARD_ALWAYS ? "always" :
		     f->settings.touch_keyboard == KEYBOARD_NEVER ? "never" : "after a touch"),
	    ID_TOUCH_KEYBOARD);
	add(f, label(f, "Keyboard layout: %s", f->settings.keyboard_layout), ID_KEYBOARD_LAYOUT);
	add(f, label(f, "Debrief: results from %s", words_count(answers, sizeof answers,
		     f->settings.min_answers, "answer", "answers", 0)), ID_MIN_ANSWERS);
	add(f, label(f, "xAPI base address: %s", xapi_base_text(f, base, sizeof base)),
	    ID_XAPI_BASE);
	back_to_kiosk(f);
}

static void purge_page(struct facil *f, const struct facil_context *c)
{
	char name[FACIL_NAME_MAX_CHARS * 4 + 1];

	f->page.heading = "Delete old data";
	snprintf(f->body, sizeof f->body, "Deletes sessions with their participants and answers "
		 "for good. Export them first if they are needed.");
	f->page.body = f->body;
	if (c->session)
		add(f, label(f, "This session (\xe2\x80\x9c%s\xe2\x80\x9d)",
			     facil_session_name(c, name, sizeof name)), ID_PURGE_THIS);
	for (size_t i = 0; i < sizeof purge_days / sizeof purge_days[0]; i++)
		add(f, label(f, "Sessions older than %d days", purge_days[i]),
		    ID_PURGE_BASE + (int)i);
	back_to_kiosk(f);
}

/* Shut down or restart: pressing one of the two is the confirmation. */
static void power_page(struct facil *f, const struct facil_context *c)
{
	f->page.heading = "Shut down or restart this PC?";
	f->page.alarm = true;
	snprintf(f->body, sizeof f->body, "%sThe kiosk starts again when the PC is switched on, "
		 "or on its own after a restart.",
		 c->session ? "The answer being written is saved first, and the session stays open: "
			      "a trainee part-way through carries on where they were. " : "");
	f->page.body = f->body;
	add(f, "Shut down the PC now", ID_POWER_OFF);
	add(f, "Restart the PC now", ID_RESTART);
	f->page.back = "Cancel";
	f->page.back_id = ID_BACK_TO_KIOSK;
}

void facil_build_page(struct facil *f, const struct facil_context *c)
{
	struct ui_page *p = &f->page;
	unsigned generation = f->generation;

	memset(p, 0, sizeof *p);
	p->generation = generation;
	p->title = "Facilitator";
	/* The menu's pages name the session they act on. */
	if (c->session && f->mode >= FACIL_MENU && f->mode < FACIL_BLANK) {
		char name[FACIL_NAME_MAX_CHARS * 4 + 1];

		snprintf(f->title, sizeof f->title, "Facilitator \xc2\xb7 %s",
			 facil_session_name(c, name, sizeof name));
		p->title = f->title;
	}
	switch (f->mode) {
	case FACIL_NONE:
		break;
	case FACIL_PIN:
	case FACIL_NEW_PIN:
	case FACIL_NEW_PIN_AGAIN:
		pin_page(f);
		break;
	case FACIL_NO_PIN:
		p->heading = f->pin ? "No facilitator PIN is set" : "The PIN cannot be checked";
		if (f->pin)
			/* Non-breaking hyphens (U+2011): an option is not split across lines. */
			p->body = "Set one with 'rjkiosk set-pin' (add \xe2\x80\x91\xe2\x80\x91"
				  "data DIR when the kiosk uses another data folder), then press "
				  "Ctrl+Alt+F again. Started with \xe2\x80\x91\xe2\x80\x91kiosk, the "
				  "kiosk asks for one itself.";
		else
			p->body = f->pin_problem;
		p->main = "Close";
		p->main_id = ID_CANCEL;
		break;
	case FACIL_MENU:
		menu_page(f, c);
		break;
	case FACIL_KIOSK:
		kiosk_page(f);
		break;
	case FACIL_SCENARIOS:
		scenarios_page(f, c);
		break;
	case FACIL_SCENARIO_ERRORS:
		errors_page(f);
		break;
	case FACIL_PROGRESS:
		p->heading = "Progress";
		facil_progress_text(f, c, f->body, sizeof f->body);
		p->body = f->body;
		p->main = f->show_answers ? "Hide the answers" : "Show the answers";
		p->main_id = ID_SHOW_ANSWERS;
		back_to_menu(f);
		break;
	case FACIL_EXPORT:
		facil_export_page(f, c);
		break;
	case FACIL_PURGE:
		purge_page(f, c);
		break;
	case FACIL_PURGE_CONFIRM:
		p->heading = "Delete for good?";
		p->alarm = true;
		facil_purge_preview(c, f->purge_days, f->body, sizeof f->body);
		p->body = f->body;
		add(f, "Yes, delete", ID_PURGE_YES);
		p->back = "Cancel";
		p->back_id = ID_PURGE;
		break;
	case FACIL_SETTINGS:
		settings_page(f, c);
		break;
	case FACIL_XAPI_BASE:
		facil_xapi_page(f);
		break;
	case FACIL_CHANGE_PIN:
		pin_page(f);
		break;
	case FACIL_POWER:
		power_page(f, c);
		break;
	case FACIL_LRS:
	case FACIL_CLASS_CODE:
	case FACIL_IMPORT:
		facil_lrs_page(f, c);
		break;
	case FACIL_RESULT:
		p->heading = f->notice;
		p->alarm = strcmp(f->notice, "Done") != 0;
		p->body = f->body;
		p->main = "Back to the menu";
		p->main_id = ID_BACK_TO_MENU;
		break;
	case FACIL_DEBRIEF:
	case FACIL_DEBRIEF_PRIVATE:
		facil_debrief_page(f, c);
		break;
	case FACIL_BLANK:
		p->blank = true;
		break;
	case FACIL_IDLE:
		p->title = c->scenario ? c->scenario->title : "rjkiosk";
		p->heading = "Please wait";
		p->body = "The facilitator will start the next session.";
		break;
	case FACIL_NAME_SESSION:
	case FACIL_RENAME:
	case FACIL_SESSIONS:
	case FACIL_SESSION:
	case FACIL_DELETE:
		facil_sessions_page(f, c);
		break;
	case FACIL_WARNING: {
		int64_t left = (inactivity_warning_left(&f->idle, clock_now_ms()) + 999) / 1000;

		p->title = c->scenario ? c->scenario->title : NULL;
		p->heading = "Are you still there?";
		snprintf(f->body, sizeof f->body,
			 "Nobody has touched the kiosk for a while. In %lld seconds your answers "
			 "so far are saved and the kiosk goes back to the start for the next person.",
			 (long long)left);
		p->body = f->body;
		p->main = "I'm still here";
		p->main_id = ID_STILL_HERE;
		break;
	}
	}
}

/* The choice after value in choices (ascending), round to the first after the last. */
static int next_choice(const int *choices, size_t n, int value)
{
	size_t i = 0;

	while (i < n && choices[i] <= value)
		i++;
	return choices[i % n];
}

#define NEXT_CHOICE(choices, value) \
	next_choice(choices, sizeof choices / sizeof choices[0], value)

static void change_setting(struct facil *f, const struct facil_context *c, int id)
{
	struct settings *s = &f->settings;
	struct rjk_error err = {{0}};
	size_t i;

	switch (id) {
	case ID_TEXT_SIZE:
		s->text_percent = s->text_percent >= SETTINGS_TEXT_MAX ? SETTINGS_TEXT_MIN :
			s->text_percent + 25;
		break;
	case ID_CONTRAST:
		s->high_contrast = !s->high_contrast;
		break;
	case ID_CAPTIONS:
		s->captions = !s->captions;
		break;
	case ID_VOLUME:
		s->volume = s->volume >= SETTINGS_VOLUME_MAX ? 0 : (s->volume / 20 + 1) * 20;
		break;
	case ID_IDLE:
		s->idle_s = NEXT_CHOICE(idle_choices, s->idle_s);
		inactivity_set_quiet(&f->idle, (int64_t)s->idle_s * 1000, clock_now_ms());
		break;
	case ID_PRESENT:
		s->present_s = NEXT_CHOICE(present_choices, s->present_s);
		/* The facilitator at the menu is present for the new time from this press; with
		 * "off" the menu stays open until closed, and the next way in asks for the PIN. */
		presence_set_span(&f->present, (int64_t)s->present_s * 1000, clock_now_ms());
		presence_start(&f->present, clock_now_ms());
		f->was_present = presence_active(&f->present, clock_now_ms());
		break;
	case ID_MIN_ANSWERS:
		s->min_answers = NEXT_CHOICE(min_answers_choices, s->min_answers);
		break;
	case ID_TOUCH_KEYBOARD:
		s->touch_keyboard = (enum keyboard_mode)((s->touch_keyboard + 1) % 3);
		break;
	case ID_KEYBOARD_LAYOUT:
		/* The next of the usual layouts (a layout set on the command line joins the round
		 * at the first). */
		for (i = 0; i < keyboard_layout_count &&
			    strcmp(keyboard_layouts[i], s->keyboard_layout); i++)
			;
		snprintf(s->keyboard_layout, sizeof s->keyboard_layout, "%s",
			 keyboard_layouts[i < keyboard_layout_count ? (i + 1) % keyboard_layout_count : 0]);
		break;
	}
	facil_apply_settings(f);
	if (!settings_save(f->data_dir, s, &err)) {
		facil_result(f, c, false, "The setting is used now but could not be saved for next "
			     "time: %s", err.message);
		return;
	}
	facil_show(f, c, FACIL_SETTINGS);
}

static void choose_scenario(struct facil *f, const struct facil_context *c, size_t index,
			    struct request_list *out)
{
	const struct scenario_entry *e;

	if (index >= f->scenarios.count)
		return;
	e = &f->scenarios.entries[index];
	f->scenario_pick = index;
	if (!e->valid)
		facil_show(f, c, FACIL_SCENARIO_ERRORS);
	else
		request_add(out, (struct request){.kind = REQUEST_USE_SCENARIO, .path = e->path});
}

/* Reads the scenarios folder again and shows the list, on the page it was on while that page
 * still holds scenarios. */
static void show_scenarios(struct facil *f, const struct facil_context *c)
{
	struct rjk_error err = {{0}};

	scenario_dir_release(&f->scenarios);
	if (!scenario_dir_list(f->options->scenarios, &f->scenarios, &err)) {
		facil_result(f, c, false, "%s", err.message);
		return;
	}
	pager_fit(&f->scenario_pages, f->scenarios.count);
	facil_show(f, c, FACIL_SCENARIOS);
}

/* The scenario the kiosk now runs comes back after a restart. */
static void keep_scenario(struct facil *f, const char *path)
{
	struct rjk_error err = {{0}};

	snprintf(f->settings.scenario, sizeof f->settings.scenario, "%s", path);
	if (!settings_save(f->data_dir, &f->settings, &err))
		fprintf(stderr, "rjkiosk: %s\n", err.message);
}

void facil_done(struct facil *f, const struct facil_context *c, const struct request *r, bool ok,
		const struct rjk_error *err)
{
	char name[FACIL_NAME_MAX_CHARS * 4 + 1];
	const char *title;

	switch (r->kind) {
	case REQUEST_USE_SCENARIO:
		title = f->scenario_pick < f->scenarios.count ?
			f->scenarios.entries[f->scenario_pick].title : r->path;
		/* Kept once loaded, even when no session could start on it. */
		if (c->scenario_path && !strcmp(c->scenario_path, r->path))
			keep_scenario(f, r->path);
		if (ok)
			facil_result(f, c, true, "'%s' is loaded and a new session has started.",
				     title);
		else
			facil_result(f, c, false, "'%s' could not be started: %s", title,
				     err->message);
		break;
	case REQUEST_NEW_SESSION:
		if (ok)
			facil_result(f, c, true, "\xe2\x80\x9c%s\xe2\x80\x9d has started on '%s'.",
				     facil_session_name(c, name, sizeof name), c->scenario->title);
		else
			facil_result(f, c, false, "No session could be started: %s", err->message);
		break;
	case REQUEST_RENAME_SESSION:
		if (ok)
			facil_result(f, c, true, "The session is now called "
				     "\xe2\x80\x9c%s\xe2\x80\x9d.", f->name);
		else
			facil_result(f, c, false, "The session was not renamed: %s", err->message);
		break;
	case REQUEST_DELETE_SESSION:
		if (ok)
			facil_result(f, c, true, "Deleted for good: %s.", f->deleted);
		else
			facil_result(f, c, false, "Nothing was deleted: %s", err->message);
		break;
	case REQUEST_END_SESSION:
		if (ok)
			facil_result(f, c, true, "The session has ended. Its answers stay on this "
				     "machine until exported or deleted.");
		else
			facil_result(f, c, false, "%s", err->message);
		break;
	case REQUEST_NEXT_DISCUSSION:
		if (ok)
			facil_show(f, c, FACIL_NONE);
		else
			facil_result(f, c, false, "Nobody is answering at the kiosk just now, so "
				     "there is no one to move on.");
		break;
	case REQUEST_POWER_OFF:
	case REQUEST_REBOOT:
		if (ok)
			facil_result(f, c, true, "The PC is %s. Every answer is saved.",
				     r->kind == REQUEST_REBOOT ? "restarting" : "shutting down");
		else
			facil_result(f, c, false, "The PC could not be %s from the kiosk: %s.\n\n"
				     "The kiosk keeps running and nothing was lost. IT must allow the "
				     "kiosk user to do this with the polkit rule that rjkiosk's "
				     "install.sh puts in /etc/polkit-1/rules.d (\"Shutting down from "
				     "the menu\" in the deployment guide).",
				     r->kind == REQUEST_REBOOT ? "restarted" : "shut down", err->message);
		break;
	default:
		break;
	}
}

void facil_menu_press(struct facil *f, const struct facil_context *c, int id,
		      struct request_list *out)
{
	size_t index;

	if (facil_sessions_press(f, c, id, out))
		return;
	if (id >= ID_DEBRIEF_BASE) {
		facil_debrief_press(f, c, id);
	} else if (id >= ID_PURGE_BASE && id < ID_PURGE_BASE + 3) {
		f->purge_days = purge_days[id - ID_PURGE_BASE];
		facil_show(f, c, FACIL_PURGE_CONFIRM);
	} else if (facil_export_press(f, c, id)) {
		/* the export page's choices and places */
	} else if (id >= ID_LRS && id < ID_DEBRIEF_BASE) {
		facil_lrs_press(f, c, id);
	} else if (facil_list_entry(&scenario_list, &f->scenario_pages, f->scenarios.count, id,
				    &index)) {
		choose_scenario(f, c, index, out);
	} else if (facil_list_turn(f, c, &scenario_list, &f->scenario_pages, f->scenarios.count,
				   id)) {
		/* the page before or after */
	} else if (id >= ID_TEXT_SIZE && id <= ID_PRESENT) {
		change_setting(f, c, id);
	} else {
		switch (id) {
		case ID_CLOSE_MENU:
			facil_show(f, c, FACIL_NONE);
			break;
		case ID_BACK_TO_MENU:
			facil_show(f, c, FACIL_MENU);
			break;
		case ID_KIOSK:
		case ID_BACK_TO_KIOSK:
			facil_show(f, c, FACIL_KIOSK);
			break;
		case ID_SCENARIOS:
			f->scenario_pages.first = 0;
			show_scenarios(f, c);
			break;
		case ID_BACK_TO_SCENARIOS:
			show_scenarios(f, c);
			break;
		case ID_END_SESSION:
			request_add(out, (struct request){.kind = REQUEST_END_SESSION});
			break;
		case ID_PROGRESS:
			f->show_answers = false;
			facil_show(f, c, FACIL_PROGRESS);
			break;
		case ID_SHOW_ANSWERS:
			f->show_answers = !f->show_answers;
			facil_show(f, c, FACIL_PROGRESS);
			break;
		case ID_NEXT_DISCUSSION:
			request_add(out, (struct request){.kind = REQUEST_NEXT_DISCUSSION});
			break;
		case ID_DEBRIEF:
			facil_debrief_open(f, c, session_store_id(c->session));
			break;
		case ID_BLANK:
			facil_show(f, c, FACIL_BLANK);
			break;
		case ID_EXPORT:
			facil_open_export(f, c, 0);
			break;
		case ID_PURGE:
			facil_show(f, c, FACIL_PURGE);
			break;
		case ID_PURGE_YES:
			facil_purge(f, c, f->purge_days);
			break;
		case ID_SETTINGS:
			facil_show(f, c, FACIL_SETTINGS);
			break;
		case ID_QUIT:
			request_add(out, (struct request){.kind = REQUEST_QUIT});
			break;
		case ID_LOCK:
			presence_lock(&f->present);
			facil_show(f, c, FACIL_NONE);
			break;
		case ID_CHANGE_PIN:
			f->digits[0] = '\0';
			f->notice[0] = '\0';
			f->changing_pin = false;
			facil_show(f, c, FACIL_CHANGE_PIN);
			break;
		case ID_POWER:
			facil_show(f, c, FACIL_POWER);
			break;
		case ID_POWER_OFF:
		case ID_RESTART:
			request_add(out, (struct request){.kind = id == ID_POWER_OFF ?
							  REQUEST_POWER_OFF : REQUEST_REBOOT});
			break;
		}
	}
}
