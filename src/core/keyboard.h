/* The on-screen keyboard without its drawing: its two pages of keys (letters read from a
 * keymap, numbers and symbols), Shift, Caps and AltGr, dead keys composed, what a press types,
 * and where every key sits for a given width and key size. The UI draws it and hands what it
 * types to the same editing path as a real keyboard. */
#ifndef RJK_CORE_KEYBOARD_H
#define RJK_CORE_KEYBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/keymap.h"

/* When the keyboard shows: with a text field focused after a touch, always with a text field
 * focused, or never. */
enum keyboard_mode { KEYBOARD_AUTO, KEYBOARD_ALWAYS, KEYBOARD_NEVER };

#define KEYBOARD_DEFAULT_LAYOUT "gb"
/* The layouts the facilitator's Settings page steps through. */
extern const char *const keyboard_layouts[];
extern const size_t keyboard_layout_count;

/* "auto", "always", "never" into *mode; false for anything else. */
bool keyboard_mode_parse(const char *text, enum keyboard_mode *mode);
/* The mode's name as the option takes it. Static. */
const char *keyboard_mode_name(enum keyboard_mode mode);

enum keyboard_kind {
	KEYBOARD_CHAR,      /* a character key (its text depends on the level) */
	KEYBOARD_SPACE,
	KEYBOARD_SHIFT,
	KEYBOARD_CAPS,
	KEYBOARD_ALTGR,
	KEYBOARD_BACKSPACE,
	KEYBOARD_ENTER,
	KEYBOARD_LEFT,
	KEYBOARD_RIGHT,
	KEYBOARD_UP,
	KEYBOARD_DOWN,
	KEYBOARD_PAGE,      /* letters <-> numbers and symbols */
	KEYBOARD_HIDE,
};

/* One key: what it is, its width and its place (set by keyboard_place, relative to the
 * keyboard's top-left corner). */
struct keyboard_key {
	enum keyboard_kind kind;
	int row;
	int quarters;              /* width in quarters of a letter key */
	struct keymap_key map;     /* KEYBOARD_CHAR: its symbols and texts */
	int x, y, w, h;
};

#define KEYBOARD_ROWS 5
#define KEYBOARD_MAX_KEYS 72

enum keyboard_page { KEYBOARD_LETTERS, KEYBOARD_SYMBOLS };

struct keyboard {
	struct keymap *map;
	struct keyboard_key keys[2][KEYBOARD_MAX_KEYS]; /* by page */
	size_t count[2];
	enum keyboard_page page;
	bool shift, caps, altgr;   /* Shift and AltGr last for the next other key; Caps stays */
	uint32_t dead;             /* the dead key pressed and waiting for its letter, or 0 */
	int width, height;         /* placed size */
};

/* What a press asks the text field to do: type text (KEYBOARD_CHAR, possibly "" when a dead
 * key waits or a key types nothing), or press Backspace, Enter or an arrow, or hide the
 * keyboard; any other kind only changed the keyboard. */
struct keyboard_out {
	enum keyboard_kind kind;
	char text[32];
};

/* Makes the keyboard for layout (see keymap_new). False and err when it cannot be read. */
bool keyboard_init(struct keyboard *kb, const char *layout, struct rjk_error *err);
void keyboard_release(struct keyboard *kb);

/* The keys of the page shown: count of them in *count. */
const struct keyboard_key *keyboard_keys(const struct keyboard *kb, size_t *count);

/* The label drawn on key at the keyboard's state now ("q" or "Q", "^" for a dead key, "Shift",
 * "⌫", the layout's name on Space); "" when the key types nothing at this level. Into buf
 * (size >= 32). */
const char *keyboard_cap(const struct keyboard *kb, const struct keyboard_key *key, char *buf,
			 size_t size);
/* A shorter label for a key whose cap does not fit it (large text on a small screen): a sign
 * for the word keys ("⇧" for Shift, "⇪" Caps, "⏎" Enter, "▼" Hide), else the cap. */
const char *keyboard_cap_short(const struct keyboard *kb, const struct keyboard_key *key,
			       char *buf, size_t size);
/* The key's name for scripts and tests: its cap for a character key, else a word ("Shift",
 * "Caps", "AltGr", "Backspace", "Enter", "Space", "Left", "Right", "Up", "Down", "Symbols",
 * "Letters", "Hide"). Into buf. */
const char *keyboard_name(const struct keyboard *kb, const struct keyboard_key *key, char *buf,
			  size_t size);
/* True when the key is a modifier that is on now (drawn as selected). */
bool keyboard_key_on(const struct keyboard *kb, const struct keyboard_key *key);

/* Presses key index of the page shown. */
struct keyboard_out keyboard_press(struct keyboard *kb, size_t index);
/* Back to the letters, no modifiers, nothing composing (a new text field). */
void keyboard_reset(struct keyboard *kb);
/* Forgets a dead key waiting (the trainee went on with a real keyboard). */
void keyboard_cancel(struct keyboard *kb);

/* The key height in pixels for a display of dpi dots per inch at text_percent: 48 px at 96 dpi
 * (about 9 mm) grown with the text size, at least min_px (the layout's touch target), never
 * under 24 px (WCAG 2.5.8), and no taller than a fifth of max_h (the keyboard's five rows in
 * at most the window's height). */
int keyboard_key_size(float dpi, int text_percent, int min_px, int max_h);

/* Places every key of both pages in a keyboard width pixels wide with keys key_h tall (an
 * eighth of that apart), rows centred, keys at most half again as wide as tall; sets
 * kb->width and kb->height. Keys are never narrower than 24 px (the keyboard grows past width
 * instead, which only happens below about 400 px). */
void keyboard_place(struct keyboard *kb, int width, int key_h);

/* The index of the key of the page shown under x, y (keyboard coordinates), or -1. */
int keyboard_hit(const struct keyboard *kb, int x, int y);

#endif
