/* Inside the facilitator's side: its state and the page builders shared by facil*.c. */
#ifndef RJK_APP_FACIL_IMPL_H
#define RJK_APP_FACIL_IMPL_H

#include "app/facil.h"
#include "core/inactivity.h"
#include "core/pager.h"
#include "core/pin.h"
#include "core/export.h"
#include "core/presence.h"
#include "core/scenario_dir.h"
#include "core/textedit.h"
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
	FACIL_XAPI_BASE,   /* typing the xAPI base address (a setting) */
	FACIL_RESULT,      /* a success or failure message, then back to the menu */
	FACIL_NAME_SESSION, /* "Name this session", then a new session starts */
	FACIL_RENAME,      /* a new name for the running session or a picked one */
	FACIL_SESSIONS,    /* the session picker: every stored session, newest first */
	FACIL_SESSION,     /* what can be done with the picked session (enum facil_pick) */
	FACIL_DELETE,      /* "Delete this session?" */
	FACIL_CHANGE_PIN,  /* changing the PIN: the current one first (then FACIL_NEW_PIN) */
	FACIL_POWER,       /* shut down or restart the PC? (the choice confirms) */
	FACIL_DEBRIEF,     /* the debrief's room view (facil_debrief.c) */
	FACIL_DEBRIEF_PRIVATE, /* the debrief's private page: moderation, counts */
	FACIL_LRS,         /* the learning record store's status (facil_lrs.c) */
	FACIL_CLASS_CODE,  /* joining a class: its code on the PIN pad's digits */
	FACIL_IMPORT,      /* another kiosk's export from a USB stick */
	FACIL_KIOSK,       /* "This kiosk": its settings, data, LRS, quitting and power */
	FACIL_BLANK,        /* from here on: pages that are not the menu's */
	FACIL_IDLE,        /* no session running: waiting for the facilitator */
	FACIL_WARNING,     /* inactivity: "are you still there?" */
};

/* Page button ids (never UI_PAGE_DIGIT to UI_PAGE_ERASE, the keypad's); list entries add their
 * index to a base. */
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
	ID_TOUCH_KEYBOARD,
	ID_KEYBOARD_LAYOUT,
	ID_MIN_ANSWERS,
	ID_PRESENT,        /* the last of the settings' ids */
	ID_LOCK,
	ID_CHANGE_PIN,
	ID_POWER,          /* the menu's "Shut down or restart the PC" */
	ID_POWER_OFF,
	ID_RESTART,
	ID_RENAME,
	ID_NAME_OK,
	ID_SESSIONS,
	ID_BACK_TO_SESSIONS,
	ID_BACK_TO_SESSION,
	ID_NEWER,
	ID_OLDER,
	ID_DELETE_YES,
	ID_PURGE_THIS,
	ID_FORMAT_CSV,
	ID_FORMAT_JSON,
	ID_FORMAT_XAPI,
	ID_FORMAT_REPORT,
	ID_EXCEL,
	ID_EXPORT_LOOK,
	ID_XAPI_BASE,
	ID_XAPI_SAVE,
	ID_DEBRIEF,
	ID_KIOSK,          /* the menu's "This kiosk" */
	ID_BACK_TO_KIOSK,  /* Back on the pages "This kiosk" opens */
	ID_BACK_TO_SCENARIOS, /* Back on a scenario's errors: the page of the list it was on */
	ID_EARLIER_SCENARIOS,
	ID_LATER_SCENARIOS,
	ID_SCENARIO_BASE = 100,  /* + place on the scenarios' page */
	ID_FOLDER_BASE = 300,    /* + index in the places an export can go */
	ID_PURGE_BASE = 500,     /* + index in the purge choices */
	ID_SESSION_BASE = 700,   /* + place on the Sessions page */
	ID_PICK_BASE = 900,      /* + enum facil_pick */
	ID_LRS = 1100,           /* facil_lrs.c's buttons (1000-1010 are the keypad's) */
	ID_JOIN_CLASS,
	ID_IMPORT,
	ID_IMPORT_BASE = 1200,   /* + index in the export files found */
	ID_DEBRIEF_BASE = 10000, /* + the debrief's own ids (facil_debrief.c); the last base: the
				  * debrief's answers take as many ids as there are answers */
};

/* What the facilitator can do with a session picked on the Sessions page: each is a button
 * on the picked session's page (facil_sessions.c's table of picks gives its label and the
 * page it opens, with f->picked_id set). */
enum facil_pick {
	PICK_DEBRIEF,  /* the debrief of that session (facil_debrief_open) */
	PICK_EXPORT,   /* the export page, exporting that session (f->export_session) */
	PICK_RENAME,   /* the name page, renaming that session (f->rename_id) */
	PICK_DELETE,   /* "Delete this session?" */
	PICK_COUNT,
};

/* Sessions listed on one page of the picker, and scenarios on one page of the scenarios. */
#define FACIL_SESSIONS_PER_PAGE 8
#define FACIL_SCENARIOS_PER_PAGE 8
/* The longest session name typed, in characters (the store's limit). */
#define FACIL_NAME_MAX_CHARS STORE_SESSION_NAME_MAX_CHARS

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
	struct pager scenario_pages;       /* the page of them shown */
	size_t scenario_pick;              /* the one last pressed in the list of scenarios */
	/* The export page: the session it exports (its store id; 0: the running session, or the
	 * newest when none runs; a session picker sets it, then shows FACIL_EXPORT), the format
	 * and "for Excel" (a byte-order mark on CSV) chosen, and the places it can write to: the
	 * exports folder, then each USB stick, with the label people know each by. */
	int64_t export_session;
	enum export_format export_format;
	bool export_report;       /* the export page makes the session's PDF report instead */
	bool export_excel;
	char folders[FACIL_FOLDERS][4096];
	char folder_labels[FACIL_FOLDERS][300];   /* "USB stick \"KINGSTON\"" */
	char folder_buttons[FACIL_FOLDERS][320];  /* "Save to USB stick \"KINGSTON\"" */
	bool folder_read_only[FACIL_FOLDERS];
	size_t folder_count;
	/* The xAPI base address being typed on its page, and why the last one was refused. */
	struct textedit *xapi_edit;
	char xapi_error[RJK_ERROR_MAX];
	int purge_days;
	/* Sessions (facil_sessions.c). */
	struct textedit *name_edit;        /* the name being typed on the name page, or NULL */
	char name[FACIL_NAME_MAX_CHARS * 4 + 1]; /* the name asked for, until it is applied */
	char name_error[128];              /* under the name field, "" for none */
	int64_t rename_id;                 /* the session the rename page renames (store id) */
	int rename_back;                   /* Cancel there: back to the menu or the session's page */
	struct store_session_info *sessions; /* the picker's list, newest first */
	size_t session_count;
	struct pager session_pages;        /* the picker's page shown */
	int64_t picked_id;                 /* the session picked (store id), 0 for none */
	char picked_name[FACIL_NAME_MAX_CHARS * 4 + 32];
	enum facil_mode delete_back;       /* where Cancel on "Delete this session?" goes */
	char deleted[FACIL_NAME_MAX_CHARS * 4 + 128]; /* what the deletion asked for deletes */
	char title[FACIL_NAME_MAX_CHARS * 4 + 32]; /* the pages' header line */
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
	struct facil_debrief *debrief;     /* NULL until the debrief is first opened */
};

/* A list on a page shown a page at a time (core/pager; facil_list.c): the Sessions picker,
 * the scenarios. An entry's button has the id entry_id + its place on the page; the buttons
 * to the pages before and after come after the entries. */
struct facil_list {
	enum facil_mode mode;          /* the page that shows the list */
	int entry_id;
	const char *earlier, *later;   /* the turns' labels ("Newer sessions", "Older sessions") */
	int earlier_id, later_id;
};

/* Adds list's buttons to the pages before and after pg's, where there are such pages (in a
 * list of count entries). */
void facil_list_turns(struct facil *f, const struct facil_list *list, const struct pager *pg,
		      size_t count);
/* A press of id: true when it was one of list's turns, and the page turned is on screen. */
bool facil_list_turn(struct facil *f, const struct facil_context *c,
		     const struct facil_list *list, struct pager *pg, size_t count, int id);
/* A press of id: true when it was an entry's button on pg's page, with the entry's index in
 * the list in *index. */
bool facil_list_entry(const struct facil_list *list, const struct pager *pg, size_t count,
		      int id, size_t *index);

/* Which entries the page shows, for its text: "9 to 16 shown", or "33 shown" for one. */
void facil_list_shown(const struct pager *pg, size_t count, char *out, size_t size);

/* Adds a button to the page being built (NULL when it is full); label is borrowed until the
 * page goes. */
struct ui_page_button *facil_add(struct facil *f, const char *label, int id);
/* A label kept in the facilitator's own storage for the next button added (valid while the
 * page is on screen). */
const char *facil_label(struct facil *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* text on one line (line breaks and tabs as spaces) in out, cut with an ellipsis on a character
 * boundary when longer than size - 9 bytes (size at least 9); returns out. For a long text in
 * a button's label: an answer on the debrief's private page, the xAPI base in Settings. */
const char *facil_short_text(char *out, size_t size, const char *text);
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

/* facil_sessions.c: naming, renaming, the picker, the picked session's page and deleting. */
/* Builds the page of one of the sessions' modes into f->page; false for other modes. */
bool facil_sessions_page(struct facil *f, const struct facil_context *c);
/* A button of those pages (or the menu's ways to them): true when it was one. */
bool facil_sessions_press(struct facil *f, const struct facil_context *c, int id,
			  struct request_list *out);
/* Typing in the name field: its error line goes. */
void facil_sessions_typed(struct facil *f, const struct facil_context *c);
/* Copies the running session's name into out ("" with no session); returns out. */
const char *facil_session_name(const struct facil_context *c, char *out, size_t size);
/* Frees the picker's list and the name being typed. */
void facil_sessions_release(struct facil *f);

/* facil_export.c: the export page for facil->export_session, and the buttons of it and of the
 * xAPI base page: true when id was one of them (a format, "For Excel", a place to write to,
 * look again for sticks; the Settings page's "xAPI base address", Save). */
void facil_export_page(struct facil *f, const struct facil_context *c);
bool facil_export_press(struct facil *f, const struct facil_context *c, int id);

/* facil_export.c: the page that sets the xAPI base address (a text field, checked with
 * iri_check_base, saved with the settings). */
void facil_xapi_page(struct facil *f);

/* facil_export.c: fills f->folders with the places files go to and come from: this kiosk's
 * exports folder first, then each USB stick found, by its label. */
void facil_list_places(struct facil *f);

/* facil_lrs.c: the learning record store's page, joining a class, importing; the class code
 * and sending status added to the menu's text; a press of one of its buttons (ID_LRS and
 * above); the class code's Join. */
void facil_lrs_page(struct facil *f, const struct facil_context *c);
void facil_lrs_menu_note(struct facil *f, const struct facil_context *c);
void facil_lrs_press(struct facil *f, const struct facil_context *c, int id);
void facil_class_submit(struct facil *f, const struct facil_context *c);

/* facil_data.c: the session's progress as text, the purge. */
void facil_progress_text(struct facil *f, const struct facil_context *c, char *out,
			 size_t size);
void facil_purge_preview(const struct facil_context *c, int days, char *out, size_t size);
void facil_purge(struct facil *f, const struct facil_context *c, int days);

/* facil_debrief.c: the debrief of the store's session session_id (its room view first). */
void facil_debrief_open(struct facil *f, const struct facil_context *c, int64_t session_id);
/* Builds the room view's or the private page's page into f->page. */
void facil_debrief_page(struct facil *f, const struct facil_context *c);
/* An event while the room view is on screen (true when used), or a button of the private
 * page (id from ID_DEBRIEF_BASE). */
bool facil_debrief_event(struct facil *f, const struct facil_context *c, const SDL_Event *ev);
void facil_debrief_press(struct facil *f, const struct facil_context *c, int id);
/* Reads the answers again (live updates) while the debrief is on screen. */
void facil_debrief_tick(struct facil *f, const struct facil_context *c, int64_t now_ms);
void facil_debrief_free(struct facil_debrief *debrief);

#endif
