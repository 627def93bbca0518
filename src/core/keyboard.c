/* The on-screen keyboard's keys, state and geometry (no SDL: the UI draws it). */
#include "core/keyboard.h"

#include <stdio.h>
#include <string.h>

#include <xkbcommon/xkbcommon-keysyms.h>

const char *const keyboard_layouts[] = {"gb", "us", "fr", "de", "es", "it", "ie", "nl", "be",
					"ch", "pt", "se", "no", "dk", "pl"};
const size_t keyboard_layout_count = sizeof keyboard_layouts / sizeof keyboard_layouts[0];

static const char *const mode_names[] = {"auto", "always", "never"};

bool keyboard_mode_parse(const char *text, enum keyboard_mode *mode)
{
	for (size_t i = 0; i < sizeof mode_names / sizeof mode_names[0]; i++)
		if (text && !strcmp(text, mode_names[i])) {
			*mode = (enum keyboard_mode)i;
			return true;
		}
	return false;
}

const char *keyboard_mode_name(enum keyboard_mode mode)
{
	return mode <= KEYBOARD_NEVER ? mode_names[mode] : "auto";
}

/* Rows of the letters page: 0 ends a row; specials are negative kinds. Widths in quarters of a
 * letter key; every row is 60 quarters (15 keys) or less, centred. */
#define SPECIAL(kind, q) {-(int)(kind) - 1, q}
static const struct {
	int code; /* xkb keycode, or -(kind + 1) */
	int quarters;
} letters[] = {
	/* TLDE, AE01..AE12 */
	{49, 4}, {10, 4}, {11, 4}, {12, 4}, {13, 4}, {14, 4}, {15, 4}, {16, 4}, {17, 4}, {18, 4},
	{19, 4}, {20, 4}, {21, 4}, SPECIAL(KEYBOARD_BACKSPACE, 8), {0, 0},
	/* AD01..AD12 */
	{24, 4}, {25, 4}, {26, 4}, {27, 4}, {28, 4}, {29, 4}, {30, 4}, {31, 4}, {32, 4}, {33, 4},
	{34, 4}, {35, 4}, {0, 0},
	/* AC01..AC11, BKSL */
	SPECIAL(KEYBOARD_CAPS, 5), {38, 4}, {39, 4}, {40, 4}, {41, 4}, {42, 4}, {43, 4}, {44, 4},
	{45, 4}, {46, 4}, {47, 4}, {48, 4}, {51, 4}, SPECIAL(KEYBOARD_ENTER, 7), {0, 0},
	/* LSGT, AB01..AB10 */
	SPECIAL(KEYBOARD_SHIFT, 8), {94, 4}, {52, 4}, {53, 4}, {54, 4}, {55, 4}, {56, 4}, {57, 4},
	{58, 4}, {59, 4}, {60, 4}, {61, 4}, SPECIAL(KEYBOARD_SHIFT, 8), {0, 0},
	/* The page key wide enough for its sign ("123") in large text on a small screen. */
	SPECIAL(KEYBOARD_PAGE, 7), SPECIAL(KEYBOARD_ALTGR, 6), SPECIAL(KEYBOARD_SPACE, 23),
	SPECIAL(KEYBOARD_LEFT, 4), SPECIAL(KEYBOARD_UP, 4), SPECIAL(KEYBOARD_DOWN, 4),
	SPECIAL(KEYBOARD_RIGHT, 4), SPECIAL(KEYBOARD_HIDE, 8), {0, 0},
};

/* The numbers-and-symbols page: the same for every layout. */
static const char *const symbols[KEYBOARD_ROWS] = {
	"1 2 3 4 5 6 7 8 9 0",
	"@ # \xc2\xa3 \xe2\x82\xac $ % & * ( ) - +",
	"! ? \" ' : ; / \\ _ =",
	", . < > [ ] { } | ~",
	"",
};

static struct keyboard_key *add(struct keyboard *kb, enum keyboard_page page,
				enum keyboard_kind kind, int row, int quarters)
{
	struct keyboard_key *key;

	if (kb->count[page] >= KEYBOARD_MAX_KEYS)
		return NULL;
	key = &kb->keys[page][kb->count[page]++];
	memset(key, 0, sizeof *key);
	key->kind = kind;
	key->row = row;
	key->quarters = quarters;
	return key;
}

static void add_symbols(struct keyboard *kb)
{
	static const enum keyboard_kind ends[KEYBOARD_ROWS] = {
		KEYBOARD_BACKSPACE, KEYBOARD_CHAR, KEYBOARD_ENTER, KEYBOARD_CHAR, KEYBOARD_CHAR};

	for (int row = 0; row < KEYBOARD_ROWS - 1; row++) {
		char line[64];

		snprintf(line, sizeof line, "%s", symbols[row]);
		for (char *save = NULL, *word = strtok_r(line, " ", &save); word;
		     word = strtok_r(NULL, " ", &save)) {
			struct keyboard_key *key = add(kb, KEYBOARD_SYMBOLS, KEYBOARD_CHAR, row, 4);

			for (int level = 0; key && level < KEYMAP_LEVELS; level++)
				snprintf(key->map.text[level], KEYMAP_TEXT, "%s", word);
		}
		if (ends[row] != KEYBOARD_CHAR)
			add(kb, KEYBOARD_SYMBOLS, ends[row], row, 8);
	}
	add(kb, KEYBOARD_SYMBOLS, KEYBOARD_PAGE, 4, 8);
	add(kb, KEYBOARD_SYMBOLS, KEYBOARD_SPACE, 4, 28);
	add(kb, KEYBOARD_SYMBOLS, KEYBOARD_LEFT, 4, 4);
	add(kb, KEYBOARD_SYMBOLS, KEYBOARD_UP, 4, 4);
	add(kb, KEYBOARD_SYMBOLS, KEYBOARD_DOWN, 4, 4);
	add(kb, KEYBOARD_SYMBOLS, KEYBOARD_RIGHT, 4, 4);
	add(kb, KEYBOARD_SYMBOLS, KEYBOARD_HIDE, 4, 8);
}

bool keyboard_init(struct keyboard *kb, const char *layout, struct rjk_error *err)
{
	int row = 0;

	memset(kb, 0, sizeof *kb);
	if (!(kb->map = keymap_new(layout, err)))
		return false;
	for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++) {
		struct keyboard_key *key;

		if (!letters[i].code) {
			row++;
			continue;
		}
		if (letters[i].code < 0) {
			add(kb, KEYBOARD_LETTERS, (enum keyboard_kind)(-letters[i].code - 1), row,
			    letters[i].quarters);
			continue;
		}
		key = add(kb, KEYBOARD_LETTERS, KEYBOARD_CHAR, row, letters[i].quarters);
		/* A key the layout leaves empty (us has no key between Shift and Z) is left out. */
		if (key && !keymap_read(kb->map, (uint32_t)letters[i].code, &key->map))
			kb->count[KEYBOARD_LETTERS]--;
	}
	add_symbols(kb);
	return true;
}

void keyboard_release(struct keyboard *kb)
{
	keymap_free(kb->map);
	kb->map = NULL;
}

const struct keyboard_key *keyboard_keys(const struct keyboard *kb, size_t *count)
{
	*count = kb->count[kb->page];
	return kb->keys[kb->page];
}

static int level(const struct keyboard *kb)
{
	return (kb->shift ? KEYMAP_SHIFT : 0) | (kb->caps ? KEYMAP_CAPS : 0) |
	       (kb->altgr ? KEYMAP_ALTGR : 0);
}

static const char *special_name(enum keyboard_kind kind, enum keyboard_page page)
{
	switch (kind) {
	case KEYBOARD_SPACE: return "Space";
	case KEYBOARD_SHIFT: return "Shift";
	case KEYBOARD_CAPS: return "Caps";
	case KEYBOARD_ALTGR: return "AltGr";
	case KEYBOARD_BACKSPACE: return "Backspace";
	case KEYBOARD_ENTER: return "Enter";
	case KEYBOARD_LEFT: return "Left";
	case KEYBOARD_RIGHT: return "Right";
	case KEYBOARD_UP: return "Up";
	case KEYBOARD_DOWN: return "Down";
	case KEYBOARD_PAGE: return page == KEYBOARD_LETTERS ? "Symbols" : "Letters";
	case KEYBOARD_HIDE: return "Hide";
	case KEYBOARD_CHAR: break;
	}
	return "";
}

const char *keyboard_cap(const struct keyboard *kb, const struct keyboard_key *key, char *buf,
			 size_t size)
{
	int l = level(kb);

	switch (key->kind) {
	case KEYBOARD_CHAR:
		snprintf(buf, size, "%s", keymap_is_dead(key->map.sym[l]) ?
			 keymap_dead_mark(key->map.sym[l]) : key->map.text[l]);
		break;
	case KEYBOARD_BACKSPACE: snprintf(buf, size, "\xe2\x8c\xab"); break;
	case KEYBOARD_LEFT: snprintf(buf, size, "\xe2\x86\x90"); break;
	case KEYBOARD_UP: snprintf(buf, size, "\xe2\x86\x91"); break;
	case KEYBOARD_RIGHT: snprintf(buf, size, "\xe2\x86\x92"); break;
	case KEYBOARD_DOWN: snprintf(buf, size, "\xe2\x86\x93"); break;
	case KEYBOARD_SHIFT: snprintf(buf, size, "\xe2\x87\xa7 Shift"); break;
	case KEYBOARD_PAGE: snprintf(buf, size, kb->page == KEYBOARD_LETTERS ? "?123" : "ABC"); break;
	case KEYBOARD_SPACE: /* the layout's name, or the mark Space would type now */
		snprintf(buf, size, "%s", kb->dead ? keymap_dead_mark(kb->dead) : keymap_layout(kb->map));
		break;
	default:
		snprintf(buf, size, "%s", special_name(key->kind, kb->page));
		break;
	}
	return buf;
}

const char *keyboard_cap_short(const struct keyboard *kb, const struct keyboard_key *key,
			       char *buf, size_t size)
{
	switch (key->kind) {
	case KEYBOARD_SHIFT: snprintf(buf, size, "\xe2\x87\xa7"); return buf;
	case KEYBOARD_CAPS: snprintf(buf, size, "\xe2\x87\xaa"); return buf;
	case KEYBOARD_ENTER: snprintf(buf, size, "\xe2\x8f\x8e"); return buf;
	case KEYBOARD_HIDE: snprintf(buf, size, "\xe2\x96\xbc"); return buf;
	case KEYBOARD_ALTGR: snprintf(buf, size, "Gr"); return buf;
	case KEYBOARD_PAGE: snprintf(buf, size, kb->page == KEYBOARD_LETTERS ? "123" : "AB"); return buf;
	case KEYBOARD_SPACE: snprintf(buf, size, "%s", kb->dead ? keymap_dead_mark(kb->dead) : "");
		return buf;
	default:
		return keyboard_cap(kb, key, buf, size);
	}
}

const char *keyboard_name(const struct keyboard *kb, const struct keyboard_key *key, char *buf,
			  size_t size)
{
	if (key->kind == KEYBOARD_CHAR)
		return keyboard_cap(kb, key, buf, size);
	snprintf(buf, size, "%s", special_name(key->kind, kb->page));
	return buf;
}

bool keyboard_key_on(const struct keyboard *kb, const struct keyboard_key *key)
{
	return (key->kind == KEYBOARD_SHIFT && kb->shift) || (key->kind == KEYBOARD_CAPS && kb->caps) ||
	       (key->kind == KEYBOARD_ALTGR && kb->altgr) ||
	       (key->kind == KEYBOARD_CHAR && kb->dead && key->map.sym[level(kb)] == kb->dead);
}

/* Ends a dead key left waiting: its mark is typed before what comes next would be, so no key
 * press is lost (out gets the mark). */
static void flush_dead(struct keyboard *kb, struct keyboard_out *out)
{
	if (!kb->dead)
		return;
	snprintf(out->text, sizeof out->text, "%s", keymap_dead_mark(kb->dead));
	keymap_compose_reset(kb->map);
	kb->dead = 0;
}

/* A character key (or Space): its text, through the compose state. */
static void type(struct keyboard *kb, uint32_t sym, const char *text, struct keyboard_out *out)
{
	char composed[32];
	uint32_t dead = kb->dead;

	out->kind = KEYBOARD_CHAR;
	if (!sym) { /* a symbol page key: not a keysym, so no sequence goes on through it */
		flush_dead(kb, out);
		snprintf(out->text + strlen(out->text), sizeof out->text - strlen(out->text), "%s",
			 text);
		return;
	}
	switch (keymap_compose_feed(kb->map, sym, composed, sizeof composed)) {
	case KEYMAP_COMPOSING:
		kb->dead = sym;
		return;
	case KEYMAP_COMPOSED:
		kb->dead = 0;
		snprintf(out->text, sizeof out->text, "%s", composed);
		return;
	case KEYMAP_CANCELLED:
		kb->dead = 0;
		snprintf(out->text, sizeof out->text, "%s%s", keymap_dead_mark(dead),
			 keymap_is_dead(sym) ? keymap_dead_mark(sym) : text);
		return;
	case KEYMAP_PLAIN:
		break;
	}
	/* No compose table: a dead key types its mark. */
	snprintf(out->text, sizeof out->text, "%s", keymap_is_dead(sym) ? keymap_dead_mark(sym) : text);
}

struct keyboard_out keyboard_press(struct keyboard *kb, size_t index)
{
	struct keyboard_out out = {KEYBOARD_SHIFT, ""};
	const struct keyboard_key *key;
	int l = level(kb);

	if (index >= kb->count[kb->page])
		return out;
	key = &kb->keys[kb->page][index];
	out.kind = key->kind;
	switch (key->kind) {
	case KEYBOARD_CHAR:
		type(kb, key->map.sym[l], key->map.text[l], &out);
		break;
	case KEYBOARD_SPACE:
		type(kb, XKB_KEY_space, " ", &out);
		break;
	case KEYBOARD_SHIFT:
		kb->shift = !kb->shift;
		break;
	case KEYBOARD_CAPS:
		kb->caps = !kb->caps;
		break;
	case KEYBOARD_ALTGR:
		kb->altgr = !kb->altgr;
		break;
	case KEYBOARD_BACKSPACE:
		/* Backspace after a dead key takes back the dead key alone. */
		if (kb->dead) {
			keymap_compose_reset(kb->map);
			kb->dead = 0;
			out.kind = KEYBOARD_CHAR;
		}
		break;
	case KEYBOARD_PAGE:
		kb->page = kb->page == KEYBOARD_LETTERS ? KEYBOARD_SYMBOLS : KEYBOARD_LETTERS;
		break;
	case KEYBOARD_ENTER:
	case KEYBOARD_LEFT:
	case KEYBOARD_RIGHT:
	case KEYBOARD_UP:
	case KEYBOARD_DOWN:
	case KEYBOARD_HIDE:
		/* The mark waiting is typed first: the caret moves after it, nothing is lost. */
		flush_dead(kb, &out);
		break;
	}
	/* As on a phone's keyboard, Shift and AltGr last for the next key whatever it is (Space
	 * and Backspace too), not only for the next letter; they combine with each other. */
	if (key->kind != KEYBOARD_SHIFT && key->kind != KEYBOARD_CAPS &&
	    key->kind != KEYBOARD_ALTGR)
		kb->shift = kb->altgr = false;
	return out;
}

void keyboard_reset(struct keyboard *kb)
{
	kb->page = KEYBOARD_LETTERS;
	kb->shift = kb->caps = kb->altgr = false;
	keyboard_cancel(kb);
}

void keyboard_cancel(struct keyboard *kb)
{
	kb->dead = 0;
	if (kb->map)
		keymap_compose_reset(kb->map);
}

int keyboard_key_size(float dpi, int text_percent, int min_px, int max_h)
{
	int px = (int)(48.0f * (dpi > 0 ? dpi : 96.0f) / 96.0f * (float)text_percent / 100.0f);

	if (px < min_px)
		px = min_px;
	/* Five rows and six gaps of an eighth of a key: 5.75 keys in max_h. */
	if (px > max_h * 4 / 23)
		px = max_h * 4 / 23;
	return px < 24 ? 24 : px;
}

void keyboard_place(struct keyboard *kb, int width, int key_h)
{
	int gap = key_h / 8 > 2 ? key_h / 8 : 2;
	/* Pixels per quarter key: the widest row (60 quarters) fills the width, but a key is
	 * never much wider than it is tall (a 4K screen gets a keyboard, not a bench). */
	int q = (width - gap) / 60;

	if (q * 4 > key_h * 3 / 2)
		q = key_h * 3 / 8;
	if (q * 4 - gap < 24)
		q = (24 + gap + 3) / 4;
	kb->width = width > 60 * q + gap ? width : 60 * q + gap;
	kb->height = KEYBOARD_ROWS * (key_h + gap) + gap;
	for (int page = 0; page < 2; page++) {
		for (size_t i = 0; i < kb->count[page];) {
			size_t end = i;
			int row = kb->keys[page][i].row, quarters = 0, x;

			while (end < kb->count[page] && kb->keys[page][end].row == row)
				quarters += kb->keys[page][end++].quarters;
			x = (kb->width - quarters * q + gap) / 2;
			for (; i < end; i++) {
				struct keyboard_key *key = &kb->keys[page][i];

				key->x = x;
				key->y = gap + row * (key_h + gap);
				key->w = key->quarters * q - gap;
				key->h = key_h;
				x += key->quarters * q;
			}
		}
	}
}

int keyboard_hit(const struct keyboard *kb, int x, int y)
{
	size_t count;
	const struct keyboard_key *keys = keyboard_keys(kb, &count);

	for (size_t i = 0; i < count; i++)
		if (x >= keys[i].x && x < keys[i].x + keys[i].w && y >= keys[i].y &&
		    y < keys[i].y + keys[i].h)
			return (int)i;
	return -1;
}
