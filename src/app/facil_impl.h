/* Inside the facilitator's side: its state and the page builders shared by facil*.c. */
#ifndef RJK_APP_FACIL_IMPL_H
#define RJK_APP_FACIL_IMPL_H

#include "app/facil.h"
#include "core/inactivity.h"
#include "core/pin.h"
#include "core/presence.h"
#include "core/scenario_dir.h"
#include "ui/page.h"

enum facil_mode {
	FACIL_NONE,        /* the journey is on screen */
	FACIL_PIN,         /* the PIN pad */
	FACIL_NEW_PIN,     /* choosing a PIN */
	FACIL_NEW_PIN_AGAIN,
	FACIL_NO_PIN,      /* windowed, no PIN set: how to set one */
	FACIL_MENU,
	FACIL_SCENARIOS,
	FACIL_SCENARIO_ERRORS,
	FACIL_PROGRESS,
	FACIL_EXPORT,
	FACIL_PURGE,
	FACIL_PURGE_CONFIRM,
	FACIL_SETTINGS,
	FACIL_RESULT,      /* a success or failure message, then back to the menu */
	FACIL_CHANGE_PIN,  /* changing the PIN: the current one first (then FACIL_NEW_PIN) */
	FACIL_POWER,       /* shut down or restart the PC? (the choice confirms) */
	FACIL_BLANK,
	FACIL_IDLE,        /* no session running: waiting for the facilitator */
	FACIL_WARNING,     /* inactivity: "are you still there?" */
};

/* Page button ids (below UI_PAGE_DIGIT); list entries add their index to a base. */
enum {
	ID_CANCEL = 1,
	ID_UNLOCK,
	ID_CLOSE_MENU,
	ID_BACK_TO_MENU,
	ID_SCENARIOS,
	ID_NEW_SESSION,
	ID_END_SESSION,
	ID_PROGRESS,
	ID_SHOW_ANSWERS,
	ID_BLANK,
	ID_NEXT_DISCUSSION,
	ID_EXPORT,
	ID_PURGE,
	ID_PURGE_YES,
	ID_SETTINGS,
	ID_QUIT,
	ID_STILL_HERE,
	ID_TEXT_SIZE,
	ID_CONTRAST,
	ID_CAPTIONS,
	ID_VOLUME,
	ID_IDLE,
	ID_PRESENT,        /* the last of the settings' ids */
	ID_LOCK,
	ID_CHANGE_PIN,
	ID_POWER,          /* the menu's "Shut down or restart the PC" */
	ID_POWER_OFF,
	ID_RESTART,
	ID_SCENARIO_BASE = 100,  /* + index in the scenarios folder */
	ID_FOLDER_BASE = 300,    /* + index in the export folders */
	ID_PURGE_BASE = 500,     /* + index in the purge choices */
};

#define FACIL_FOLDERS 12
#define FACIL_BODY 16384

struct facil {
	/* borrowed for the facilitator's side's life */
	const struct options *options;
	struct ui *ui;
	SDL_Window *window;

	enum facil_mode mode;
	struct pin *pin;
	char pin_problem[RJK_ERROR_MAX];   /* why the PIN files cannot be used */
	char data_dir[4096];
	char digits[PIN_MAX_DIGITS + 1];
	char first_pin[PIN_MAX_DIGITS + 1];
	char mask[PIN_MAX_DIGITS * 4 + 1];
	char notice[RJK_ERROR_MAX * 2];    /* the PIN pad's or a page's message */
	struct settings settings;
	/* The "Aa" choice of the trainee at the kiosk, in force over the saved text size and
	 * contrast until the journey comes back to the start screen. */
	struct ui_settings trainee;
	bool trainee_chose;
	enum session_screen seen_screen;   /* where the journey was at the last look */
	const struct session *seen_session;
	struct inactivity idle;
	int64_t hold_since;                /* corner pressed since (ms), -1 when not */
	int64_t shown_second;              /* countdown second on screen */
	bool show_answers;
	struct scenario_dir scenarios;
	size_t scenario_pick;              /* the one last pressed in the list of scenarios */
	char folders[FACIL_FOLDERS][4096];
	size_t folder_count;
	int purge_days;
	/* The facilitator's presence after the PIN (facil_present.c), what to do once the PIN is
	 * right (the menu, or the quick key that opened the pad), the minutes on the menu. */
	struct presence present;
	bool was_present;
	int after_pin;                     /* enum facil_quick */
	int64_t shown_minutes;
	bool changing_pin;                 /* FACIL_NEW_PIN* choose a new PIN from the menu */
	struct ui_page page;
	unsigned generation;
	char body[FACIL_BODY];
	char labels[UI_PAGE_BUTTONS][256];
};

/* What the facilitator's way in leads to once they are known: the menu, or a quick key's
 * action (facil_present.c). */
enum facil_quick {
	QUICK_MENU,
	QUICK_NEXT,      /* Ctrl+Alt+N: next discussion prompt */
	QUICK_BLANK,     /* Ctrl+Alt+B on the journey: blank the screen */
	QUICK_UNBLANK,   /* Ctrl+Alt+B on the blank screen: show the journey again */
};

/* facil_present.c: the chords (Ctrl+Alt+F, N, B) and the corner hold lead here: while the
 * facilitator is present the action is done at once, otherwise the PIN pad opens and it is
 * done after the right PIN. */
void facil_way_in(struct facil *f, const struct facil_context *c, enum facil_quick action,
		  struct request_list *out);

/* The chord in key, if it is one of the facilitator's (true: used up). */
bool facil_chord(struct facil *f, const struct facil_context *c, const SDL_Keysym *key,
		 struct request_list *out);

/* The right PIN was entered on the pad: the facilitator is present from now, and what the
 * pad was opened for is done. */
void facil_pin_accepted(struct facil *f, const struct facil_context *c,
			struct request_list *out);

/* Input (a key, click or tap) came: on a menu page presence counts again from now. */
void facil_present_touch(struct facil *f);

/* Presence timers: a menu page left open closes when presence runs out, and the menu's
 * "Unlocked for N more minutes" follows the clock. */
void facil_present_tick(struct facil *f, const struct facil_context *c, int64_t now_ms);
int64_t facil_present_deadline(const struct facil *f, int64_t now_ms);

/* The menu's line about presence ("Unlocked for 8 more minutes ..."), "" when not present. */
void facil_present_text(const struct facil *f, int64_t now_ms, char *out, size_t size);

/* True for the pages only a facilitator who gave the PIN sees (the menu and its sub-pages). */
bool facil_menu_mode(const struct facil *f);

/* Re-reads the PIN files when 'rjkiosk set-pin' changed them while the kiosk runs. */
void facil_refresh_pin(struct facil *f);

/* Puts mode's page on screen (or the journey for FACIL_NONE). */
void facil_show(struct facil *f, const struct facil_context *c, enum facil_mode mode);

/* Builds the page for the current mode into facil->page (facil_menu.c). */
void facil_build_page(struct facil *f, const struct facil_context *c);

/* A menu button was pressed (facil_menu.c); what the kiosk must change goes to out. */
void facil_menu_press(struct facil *f, const struct facil_context *c, int id,
		      struct request_list *out);

/* Puts the saved text size and contrast in force (a trainee's "Aa" choice ends). */
void facil_apply_settings(struct facil *facil);

/* Reports a result on its own page, then back to the menu. */
void facil_result(struct facil *f, const struct facil_context *c, bool ok, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* facil_data.c: the session's progress as text, the export, the purge. */
void facil_progress_text(struct facil *f, const struct facil_context *c, char *out,
			 size_t size);
void facil_list_folders(struct facil *facil);
void facil_export(struct facil *f, const struct facil_context *c, const char *folder);
void facil_purge_preview(const struct facil_context *c, int days, char *out, size_t size);
void facil_purge(struct facil *f, const struct facil_context *c, int days);

#endif
