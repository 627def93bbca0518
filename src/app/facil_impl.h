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
	FACIL_DEBRIEF,     /* the debrief's room view (facil_debrief.c) */
	FACIL_DEBRIEF_PRIVATE, /* the debrief's private page: moderation, counts */
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
	ID_DEBRIEF,
	ID_SCENARIO_BASE = 100,  /* + index in the scenarios folder */
	ID_FOLDER_BASE = 300,    /* + index in the export folders */
	ID_PURGE_BASE = 500,     /* + index in the purge choices */
	ID_DEBRIEF_BASE = 600,   /* + the debrief's own ids (facil_debrief.c) */
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
	struct facil_debrief *debrief;     /* NULL until the debrief is first opened */
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

/* facil_data.c: the session's progress as text, the export, the purge. */
void facil_progress_text(struct facil *f, const struct facil_context *c, char *out,
			 size_t size);
void facil_list_folders(struct facil *facil);
void facil_export(struct facil *f, const struct facil_context *c, const char *folder);
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
/* Writes session's report into folder as rjkiosk-session-N-STAMP-report.pdf for the menu's
 * export; its name and a line break go to name. */
bool facil_debrief_report(struct facil *f, const struct facil_context *c, int64_t session,
			  const char *folder, const char *stamp, char *name, size_t size,
			  struct rjk_error *err);

#endif
