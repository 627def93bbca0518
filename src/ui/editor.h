/* The multi-line answer field (and the one-line name field): soft-wrapped, scrolling, with a
 * caret, a hint, IME composition and clipboard paste, over core/textedit. */
#ifndef RJK_UI_EDITOR_H
#define RJK_UI_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "core/textedit.h"
#include "core/textwrap.h"
#include "ui/text.h"
#include "ui/theme.h"

struct editor {
	struct textedit *edit;  /* the text edited: own, or borrowed (editor_attach); or NULL */
	struct textedit *own;   /* the field's own text (editor_load), NULL before the first */
	bool borrowed;          /* edit is someone else's (editor_attach) */
	struct textwrap wrap;   /* of the shown text (with any composition) */
	unsigned long wrap_rev; /* what wrap was made for */
	int wrap_w;
	TTF_Font *wrap_font;
	bool wrap_valid;
	char *shown;            /* text with the composition at the caret */
	size_t shown_caret;     /* caret offset in shown */
	size_t comp_len;
	int scroll;             /* pixels scrolled from the top */
	int want_x;             /* column kept over Up/Down; -1 when none */
	bool single_line;
	bool at_limit;          /* the last typing or paste hit max_chars */
	bool follow_caret;      /* scroll the caret into view at the next draw */
	bool at_line_end;       /* End put the caret where a line wraps with nothing hanging (in
	                           a word, after a hyphen, between ideographs): that offset also
	                           starts the next line, and the caret shows at this one's end */
	SDL_Rect rect;          /* inner text area at the last draw */
	SDL_Rect caret;         /* the caret at the last draw while focused (w == 0: none) */
	int line_h;
};

enum editor_result {
	EDITOR_IGNORED, /* not an editing key: the UI may use it */
	EDITOR_MOVED,   /* caret or view changed: redraw */
	EDITOR_CHANGED, /* the text changed */
	EDITOR_SUBMIT,  /* Enter in a one-line field */
};

/* Gives the field a text of its own (caret at its end). False when out of memory or when text
 * does not fit max_chars (then the field is empty). */
bool editor_load(struct editor *ed, const char *text, size_t max_chars, bool single_line);
/* Makes the field edit a text someone else keeps (the session's answer, multi-line; a page's
 * field, single_line), with the caret at its end: borrowed until the next editor_attach,
 * editor_follow or editor_load. NULL leaves the field without a text. */
void editor_attach(struct editor *ed, struct textedit *edit, bool single_line);
/* Back from a page that took the field over: edits edit again (the field's own text when it
 * is ed->own, else borrowed as with editor_attach), with the caret where edit keeps it. */
void editor_return(struct editor *ed, struct textedit *edit, bool single_line);
/* The borrowed text may have moved (its keeper made it anew): follows it to edit, keeping the
 * caret and scroll. No-op when the field edits its own text. */
void editor_follow(struct editor *ed, struct textedit *edit);
/* Frees the field's own text (never a borrowed one). */
void editor_release(struct editor *ed);
const char *editor_text(const struct editor *ed);

enum editor_result editor_key(struct editor *ed, struct text *text, TTF_Font *font,
			      const SDL_Keysym *key);
enum editor_result editor_input(struct editor *ed, const char *utf8);
enum editor_result editor_compose(struct editor *ed, const char *preedit);
/* Puts the caret at a point on screen (inside rect at the last draw). */
void editor_click(struct editor *ed, struct text *text, TTF_Font *font, int x, int y);
void editor_scroll_by(struct editor *ed, int dy);
/* The height of the field's whole text and how far it is scrolled, in pixels, as at the last
 * draw (for its scroll bar): the text shows whole when *text_h fits the inner height. */
void editor_extent(const struct editor *ed, int *text_h, int *scroll);

/* Draws the text (or the hint when empty) inside inner, with the caret when focused. */
void editor_draw(struct editor *ed, struct text *text, SDL_Renderer *ren,
		 const struct theme *theme, TTF_Font *font, TTF_Font *hint_font,
		 const char *hint, SDL_Rect inner, bool focused);

#endif
