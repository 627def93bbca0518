/* The kiosk's screens as one object: draws the session's state and turns input into what the
 * trainee did. It never changes the session; the event loop applies the returned actions. */
#ifndef RJK_UI_UI_H
#define RJK_UI_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "core/error.h"
#include "core/keyboard.h"
#include "core/session.h"

/* What the trainee did, for the event loop to apply to the session. */
enum ui_action_kind {
	UI_NONE,
	UI_START,          /* start screen: Start */
	UI_WHO,            /* who screen: Continue; text is the name typed (may be "") */
	UI_NOTE_CONTINUE,  /* content note: Continue */
	UI_NEXT,
	UI_BACK,
	UI_PASS,
	UI_TEXT,           /* the answer or notes changed, in place in the session's text
			    * (session_text_edit): for session_text_edited */
	UI_SCALE,          /* arg is the value chosen */
	UI_CHOICE,         /* arg is the option toggled */
	UI_EDIT,           /* review: reopen step arg */
	UI_SUBMIT,
	UI_FINISH,         /* thanks: next trainee */
	UI_DISMISS,        /* message screen: back */
	UI_PAGE,           /* a button of the page shown in place of the journey (ui/page.h) */
	/* the "Aa" panel: asked for, applied by the owner of the settings (ui_set_settings) */
	UI_TEXT_SIZE,      /* arg is the text size asked for, in percent (100 to 200) */
	UI_CONTRAST,       /* arg is 1 for the high-contrast theme, 0 for the normal one */
	/* the video screen */
	UI_VIDEO_PLAY,     /* play or pause */
	UI_VIDEO_BACK,     /* back 10 seconds */
	UI_VIDEO_FORWARD,  /* forward 10 seconds, within what has been watched */
	UI_VIDEO_RESTART,
	UI_VIDEO_CAPTIONS, /* captions on or off */
	UI_VIDEO_VOLUME,   /* arg is the change, in percent */
	UI_VIDEO_SKIP,     /* the video cannot be played: go on to the steps */
	UI_VIDEO_SEEK,     /* the progress bar was clicked, tapped or dragged: arg is the time
			    * under the pointer in ms (the watch limit is not applied yet) */
};

struct ui_action {
	enum ui_action_kind kind;
	int arg;
	const char *text;  /* borrowed, valid until the next ui call */
};

struct ui_settings {
	int text_percent;  /* 100 to 200 */
	bool high_contrast;
	enum keyboard_mode touch_keyboard; /* when the on-screen keyboard shows */
	char keyboard_layout[32];          /* its layout ("gb"); an unknown one keeps the last */
};

struct ui;

/* A UI drawing into ren (borrowed, with its window). Finds and opens the fonts. NULL and err
 * when no font can be found or memory runs out. */
struct ui *ui_new(SDL_Window *window, SDL_Renderer *ren, const struct ui_settings *settings,
		  struct rjk_error *err);
void ui_free(struct ui *ui);

/* Handles one SDL event against what is on screen. Sets *redraw when the screen must be
 * drawn again. */
struct ui_action ui_event(struct ui *ui, const struct session *session, const SDL_Event *event,
			  bool *redraw);

/* When the UI next needs the time (a key held on the on-screen keyboard repeats), in the
 * clock's ms; -1 for never, 0 for at once. */
int64_t ui_deadline(const struct ui *ui);
/* Runs what is due at now (a held Backspace deletes again): what the trainee did. */
struct ui_action ui_tick(struct ui *ui, int64_t now);

/* Asks for a redraw (the session changed behind the UI's back, a timer ran). */
void ui_invalidate(struct ui *ui);

/* True when something must be drawn. */
bool ui_needs_redraw(const struct ui *ui);

/* Draws the current state (without presenting it). */
void ui_draw(struct ui *ui, const struct session *session, int64_t now_ms);

/* Draws a page saying why the kiosk cannot run (bad scenario, unusable data folder), in place
 * of the journey: title (NULL: "The kiosk cannot start") over text, both shown as they are. */
void ui_draw_problem(struct ui *ui, const char *title, const char *text);

/* The settings in force. */
struct ui_settings ui_get_settings(const struct ui *ui);

/* Changes the text size and theme: the facilitator's settings, or what a trainee asked for
 * with the "Aa" panel (UI_TEXT_SIZE, UI_CONTRAST). The UI never changes them itself. */
void ui_set_settings(struct ui *ui, const struct ui_settings *settings);

/* --- queries for the test probe (src/scripted/probe.c) and the rendering checks --- */

/* Centre of the focusable control whose label is label (as drawn now; "editor" for the
 * text field), or else of the on-screen keyboard's key named or capped label ("e", "Shift",
 * "Backspace"), for a scripted click or tap. False when there is none. */
bool ui_find_control(struct ui *ui, const struct session *session, const char *label, int *x,
		     int *y);
/* True when the page last built shows text: on one line, or on the lines one paragraph
 * wraps to (the spaces at a line break may be left out of text). For a session, the page is
 * brought up to date with it first; NULL: the problem page as drawn. */
bool ui_shows_text(struct ui *ui, const struct session *session, const char *text);
/* True when the page last built (brought up to date with session first, when not NULL) shows
 * whole, with nothing to scroll to. */
bool ui_fits(struct ui *ui, const struct session *session);
/* Label of the focused control ("" when none; "editor" for the text field). */
const char *ui_focus_label(const struct ui *ui);
/* True when the on-screen keyboard shows (as last built). */
bool ui_keyboard_shown(const struct ui *ui);
/* The editor's text ("" when the screen has none). */
const char *ui_editor_text(const struct ui *ui);
/* True when the text field, as last drawn, shows all its text, nothing scrolled out of it. */
bool ui_editor_shows_whole(const struct ui *ui);
/* Lines of text the font engine has rendered so far (cache misses): an unchanged screen
 * drawn again adds none. */
unsigned long ui_text_renders(const struct ui *ui);
/* Checks the last drawn frame: every line of text lies inside the window, the on-screen
 * keyboard's keys are inside it and the caret's line is in sight above them, and the focus
 * ring can be seen in the pixels read back. False and a description in err otherwise. */
bool ui_check_frame(struct ui *ui, struct rjk_error *err);

#endif
