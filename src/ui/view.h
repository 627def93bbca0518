/* What a screen puts on the page: a list of text lines and controls with their places, built
 * from the session's state, then drawn and hit-tested by the UI. Internal to src/ui. */
#ifndef RJK_UI_VIEW_H
#define RJK_UI_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "core/session.h"
#include "core/textwrap.h"
#include "ui/editor.h"
#include "ui/font.h"
#include "ui/layout.h"
#include "ui/text.h"
#include "ui/ui.h"

enum item_kind {
	ITEM_TEXT,      /* one line of text */
	ITEM_PARA,      /* the lines of one long wrapped text (wrap), drawn only where in sight */
	ITEM_BUTTON,
	ITEM_OPTION,    /* radio, check box or scale value */
	ITEM_EDITOR,    /* the screen's text field */
	ITEM_PANEL,     /* a filled card behind other items */
	ITEM_BAR,       /* progress bar: arg is permille done */
};

enum item_region {
	REGION_HEADER,
	REGION_CONTENT, /* y is relative to the top of the scrolled content */
	REGION_FOOTER,
	REGION_OVERLAY, /* the settings panel, above everything */
};

enum item_color { COLOR_TEXT, COLOR_MUTED, COLOR_NOTICE, COLOR_PRIMARY };

enum item_style {
	STYLE_PRIMARY,   /* the screen's main action (Ctrl+Enter) */
	STYLE_SECONDARY,
	STYLE_RADIO,
	STYLE_CHECK,
	STYLE_SCALE,
};

/* UI-internal actions, past the public ones. */
enum {
	ACT_SETTINGS = 100,
	ACT_SETTINGS_CLOSE,
	ACT_TEXT_SMALLER,
	ACT_TEXT_LARGER,
	ACT_CONTRAST,
	ACT_SUBMIT_ASK,     /* the review's Submit: asks to confirm (screen_confirm) */
	ACT_CONFIRM_CLOSE,  /* back from that question to the review */
};

struct item {
	enum item_kind kind;
	enum item_region region;
	SDL_Rect rect;
	const char *text;      /* borrowed from the session or the view's arena */
	size_t len;
	const char *sub;       /* second line of a control (scale label), may be NULL */
	enum font_role font;
	enum item_color color;
	enum item_style style;
	int action;            /* enum ui_action_kind or ACT_*; 0 for items that do nothing */
	int arg;
	int group;             /* options of one question share a group (> 0) */
	int reveal_below;      /* pixels under the control that belong with it (a scale's
	                          labels): scrolled into sight with it */
	bool selected;
	/* ITEM_PARA, and an ITEM_OPTION's label: text's lines, kept by the view until the next
	 * build but one (see view_wrap); lines is how many of them the item shows. */
	const struct textwrap *wrap;
	size_t lines;
};

#define VIEW_ARENA 65536
/* The furthest down a page's content reaches, in pixels: far past any text a scenario can
 * hold (1 MiB of line breaks at the largest text size), and small enough that sums of
 * places and heights stay within an int. */
#define VIEW_MAX_Y (1 << 29)

/* A text's lines kept from one build to the next (typing rebuilds the page, and wrapping a
 * long prompt again for every key would make each key cost the prompt's length). Keyed by
 * the text's bytes, not its address: a reflowed text moves between builds. */
struct para_cache {
	size_t len;
	uint64_t hash;
	enum font_role font;
	int px, w;
	unsigned long used;       /* the build that last used it */
	struct textwrap wrap;
};
/* Memory for a reflowed text too long for the arena. */
struct big_block {
	char *data;
	size_t size;
};
#define VIEW_PARA_KEEP 8          /* kept slots beyond those the current build uses */
#define VIEW_PARA_CACHE_MIN 4096  /* bytes: shorter paragraphs are one item per line */

/* The page being built: the screens add items and text to it, reading the layout and fonts
 * it points to (set by the UI before each build; the screens never change them). */
struct view {
	const struct layout *lay;
	const struct fonts *fonts;
	struct text *text;        /* for measuring and wrapping */

	struct item *items;       /* what the build made: count of them */
	size_t count, cap;
	int content_h;            /* height of everything in REGION_CONTENT */

	/* The rest is the builder's own. */
	char arena[VIEW_ARENA];
	size_t arena_used;
	struct textwrap wrap;     /* scratch for paragraphs */
	struct para_cache **para; /* kept wrapped texts, para_count of them (each allocated on
	                             its own, so that items can point into them) */
	size_t para_count;
	unsigned long build;      /* counts builds (view_reset) */
	struct big_block *big;    /* reflowed texts too long for the arena: big_count in use in
	                             this build, big_cap kept */
	size_t big_count, big_cap;
};

/* --- building (used by the screens) --- */
/* Starts a new build: no items, an empty arena (kept paragraph lines stay for reuse). */
void view_reset(struct view *v);
/* Frees the items and the kept paragraph lines (when the UI is freed). */
void view_release(struct view *v);
/* Copies a formatted string into the view's arena (valid until the next build). */
const char *view_printf(struct view *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The text as it should read on screen: line breaks that only wrapped the author's source
 * (a line not ending a sentence) become spaces, "- " list items become bullets. Valid until
 * the next build: in the arena, or in memory of its own when the arena has no room; the text
 * itself when memory runs out. Time linear in the text's length. */
const char *view_reflow(struct view *v, const char *text);
struct item *view_add(struct view *v, enum item_kind kind, enum item_region region, SDL_Rect rect);
/* text[0..len) wrapped to w in font: lines kept from an earlier build when the same text was
 * wrapped alike, else wrapped now. Valid until the next build ends (every text a build wraps
 * through here is kept through it). NULL when out of memory. */
const struct textwrap *view_wrap(struct view *v, enum font_role font, const char *text,
				 size_t len, int w);
/* Wraps text into lines no wider than w at x, y; returns the height used. A long text is one
 * ITEM_PARA item whose lines are drawn only where in sight, so a page's cost to build and
 * draw does not grow with its number of lines. */
int view_paragraph(struct view *v, enum item_region region, enum font_role font,
		   enum item_color color, const char *text, int x, int y, int w);
/* Like view_paragraph, but at most max_lines lines (>= 1), the last cut with an ellipsis when
 * the text goes on: for titles. Costs what shows, not the text's length. */
int view_paragraph_max(struct view *v, enum item_region region, enum font_role font,
		       enum item_color color, const char *text, int x, int y, int w, int max_lines);
/* One line, cut with an ellipsis when wider than w; returns its height. */
int view_line(struct view *v, enum item_region region, enum font_role font, enum item_color color,
	      const char *text, int x, int y, int w);
/* Makes item h tall after it was added (a button grown to its wrapped label): the page's
 * content then reaches as far down as the item does, so that it can be scrolled into sight. */
void view_set_height(struct view *v, struct item *item, int h);
/* A button sized to its label (at least a finger's width); returns it. */
struct item *view_button(struct view *v, enum item_region region, const char *label, int action,
			 enum item_style style, int x, int y);
int view_button_width(const struct view *v, const char *label);
/* Where a radio or check option's label starts, from the option's left edge. */
int view_option_indent(const struct view *v);
/* The header (title, progress, "Aa") and the footer (Back, Pass, main action) every screen
 * shares. Pass NULL labels to leave a button out. */
void view_header(struct view *v, const char *title, const char *progress, int permille);
void view_footer(struct view *v, const char *back, const char *pass, const char *main,
		 int main_action);

/* --- the screens: each adds its items for the session's state --- */
void screen_start(struct view *v, const struct session *session);
/* field is the editor holding the name typed so far (the field grows to show it whole). */
void screen_who(struct view *v, const struct session *session, const struct editor *field);
void screen_note(struct view *v, const struct session *session);
/* field is the editor showing the step's text (for its character count). */
void screen_step(struct view *v, const struct session *session, const struct editor *field,
		 int64_t now_ms);
void screen_review(struct view *v, const struct session *session);
/* The question before Submit over the review: the questions not answered yet, Go back and
 * Submit now (UI_SUBMIT). */
void screen_confirm(struct view *v, const struct session *session);
void screen_thanks(struct view *v, const struct session *session);
void screen_message(struct view *v, const struct session *session);
/* The "Aa" panel over the page, showing settings (the ones in force). */
void screen_settings(struct view *v, const struct ui_settings *settings);
struct ui_page;
void screen_page(struct view *v, const struct ui_page *page);
struct screen_video_state;
void screen_video(struct view *v, const struct session *session,
		  const struct screen_video_state *video);
/* Why the kiosk cannot run, when there is no session to show. */
void screen_problem(struct view *v, const char *title, const char *text);

#endif
