/* Inside the facilitator's side: its state and the page builders shared by facil*.c. */
#ifndef RJK_APP_FACIL_IMPL_H
#define RJK_APP_FACIL_IMPL_H

#include "app/facil.h"
#include "core/inactivity.h"
#include "core/pin.h"
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
	FACIL_BLANK,
	FACIL_IDLE,        /* no session running: waiting for the facilitator */
	FACIL_WARNING,     /* inactivity: "are you still there?" */
	FACIL_LRS,         /* the learning record store's status (facil_lrs.c) */
	FACIL_CLASS_CODE,  /* joining a class: its code on the PIN pad's digits */
	FACIL_IMPORT,      /* another kiosk's export from a USB stick */
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
	ID_SCENARIO_BASE = 100,  /* + index in the scenarios folder */
	ID_FOLDER_BASE = 300,    /* + index in the export folders */
	ID_PURGE_BASE = 500,     /* + index in the purge choices */
	ID_LRS = 600,            /* facil_lrs.c's buttons */
	ID_JOIN_CLASS,
	ID_IMPORT,
	ID_IMPORT_BASE = 700,    /* + index in the export files found */
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
	struct ui_page page;
	unsigned generation;
	char body[FACIL_BODY];
	char labels[UI_PAGE_BUTTONS][256];
};

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

/* facil_lrs.c: the learning record store's page, joining a class, importing; the class code
 * and sending status added to the menu's text; a press of one of its buttons (ID_LRS and
 * above); the class code's Join. */
void facil_lrs_page(struct facil *f, const struct facil_context *c);
void facil_lrs_menu_note(struct facil *f, const struct facil_context *c);
void facil_lrs_press(struct facil *f, const struct facil_context *c, int id);
void facil_class_submit(struct facil *f, const struct facil_context *c);

/* facil_data.c: the session's progress as text, the export, the purge. */
void facil_progress_text(struct facil *f, const struct facil_context *c, char *out,
			 size_t size);
void facil_list_folders(struct facil *facil);
void facil_export(struct facil *f, const struct facil_context *c, const char *folder);
void facil_purge_preview(const struct facil_context *c, int days, char *out, size_t size);
void facil_purge(struct facil *f, const struct facil_context *c, int days);

#endif
