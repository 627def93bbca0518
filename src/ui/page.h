/* A page the kiosk shows in place of the journey: the facilitator's PIN pad and menu, the
 * inactivity warning, the blank screen. The caller describes it; the UI lays it out with the
 * same widgets as the trainee's screens and reports which button was pressed. */
#ifndef RJK_UI_PAGE_H
#define RJK_UI_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/textedit.h"
#include "ui/ui.h"

#define UI_PAGE_BUTTONS 24
/* Ids the keypad's buttons report (the caller's own ids must not be these). */
#define UI_PAGE_DIGIT 1000 /* + the digit */
#define UI_PAGE_ERASE 1010

struct ui_page_button {
	const char *label;
	const char *note;     /* a line under the button (a scenario's description), may be NULL */
	int id;               /* reported as the action's arg */
	bool toggle;          /* a check box (a setting) rather than a button */
	bool on;              /* the check box is ticked */
};

/* A one-line text field on a page. The text and its caret live in edit, which the page's maker
 * owns and reads (textedit_text) when a button is pressed: the UI edits it in place, like the
 * trainee's answer field, so anything else that types into a field (an on-screen keyboard)
 * goes through the same edit. The field takes focus first, by Tab, click or tap; Enter in it
 * presses the page's main button. */
struct ui_page_text {
	struct textedit *edit;  /* NULL for no field; its max_chars is the field's limit */
	const char *label;      /* a line above the field */
	const char *hint;       /* greyed in the empty field, may be NULL */
	const char *error;      /* a line under the field in the notice colour, NULL for none */
};

/* A picture drawn elsewhere (the debrief's room view, by cairo): 32-bit pixels, 0xAARRGGBB in
 * native byte order, opaque, row after row stride bytes apart. */
struct ui_picture {
	const unsigned char *pixels;
	int w, h, stride;
};

struct ui_page {
	unsigned generation;  /* a new value is a new page: focus and scroll start again */
	const struct ui_picture *picture; /* the whole page is this picture, scaled to the window */
	bool blank;           /* nothing but a calm dark screen */
	const char *title;    /* small line in the header */
	const char *heading;  /* large heading */
	bool alarm;           /* the heading in the notice colour */
	const char *body;     /* paragraphs under the heading, may be NULL */
	const char *field;    /* the masked PIN, NULL for no field */
	bool keypad;          /* digit buttons 0 to 9 and Erase */
	struct ui_page_text text; /* a field to type into, under the body */
	int columns;          /* buttons side by side, this many a row (a long menu on one
			       * screen), in a grid wider than the reading column; more than two
			       * only where every label fits its button, else two; one where two
			       * would be too narrow (large text on a narrow screen). 0 or 1: one
			       * a row, in the reading column */
	struct ui_page_button buttons[UI_PAGE_BUTTONS];
	size_t count;
	const char *back;     /* footer, left: NULL for none */
	int back_id;
	const char *main;     /* footer, right, the primary action: NULL for none */
	int main_id;
};

/* Shows page (borrowed until the next call; NULL returns to the journey). Buttons pressed on
 * it come back from ui_event as UI_PAGE actions carrying the button's id; typing in its text
 * field comes back as UI_TEXT (the text is already changed in page->text.edit). A page with
 * the same generation keeps the field's caret and focus. */
void ui_show_page(struct ui *ui, const struct ui_page *page);

/* The page on screen, or NULL. */
const struct ui_page *ui_page(const struct ui *ui);

/* Draws picture over the whole of ren's output, through a texture made for this frame (such a
 * page changes seldom, and a kept texture would need the picture's owner to say when it
 * changed). Used for picture pages and by the debrief's room window. */
void ui_draw_picture(SDL_Renderer *ren, const struct ui_picture *picture);

/* Draws the page; session may be NULL. */
void ui_draw_page(struct ui *ui);

#endif
