/* A keyboard layout read by name from Debian's xkb-data through libxkbcommon (rules evdev,
 * model pc105): the symbol and text of each key at every combination of Shift, Caps Lock and
 * AltGr, and dead keys composed through xkbcommon's compose tables. No SDL: the on-screen
 * keyboard's logic is unit-tested on it. */
#ifndef RJK_CORE_KEYMAP_H
#define RJK_CORE_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

/* A level is a set of these bits: 0 is the key alone. */
#define KEYMAP_SHIFT 1
#define KEYMAP_CAPS 2
#define KEYMAP_ALTGR 4
#define KEYMAP_LEVELS 8
#define KEYMAP_TEXT 8 /* bytes of one level's text, with its NUL */

/* What one key gives at each level: a keysym and its text ("" for a dead key). Every level
 * shows something: see keymap_read. */
struct keymap_key {
	uint32_t keycode;              /* xkb keycode (evdev code + 8) */
	uint32_t sym[KEYMAP_LEVELS];
	char text[KEYMAP_LEVELS][KEYMAP_TEXT];
};

/* The result of feeding a keysym to the compose state. */
enum keymap_compose {
	KEYMAP_PLAIN,     /* not part of a sequence: type the key's own text */
	KEYMAP_COMPOSING, /* a sequence has begun (a dead key): type nothing yet */
	KEYMAP_COMPOSED,  /* a sequence ended: type the composed text */
	KEYMAP_CANCELLED, /* the key does not continue the sequence: it was dropped */
};

struct keymap;

/* Reads the layout named layout ("gb", "us", "fr", "de"; a variant as "fr(bepo)") and the
 * compose table of the UTF-8 locale. NULL and err when the layout is not known or
 * libxkbcommon fails. A missing compose table is not an error: dead keys then type their mark. */
struct keymap *keymap_new(const char *layout, struct rjk_error *err);
void keymap_free(struct keymap *map);

/* The layout's name as asked for. Borrowed, valid while map lives. */
const char *keymap_layout(const struct keymap *map);

/* Reads the key with xkb keycode keycode at every level into out. A level that would show
 * nothing (no symbol in xkb-data, a keysym with no text, or an invisible character such as a
 * soft hyphen) takes the level without Caps, else without Shift (upper-cased, as Caps would),
 * else without AltGr. False when the layout puts no symbol on that key. */
bool keymap_read(struct keymap *map, uint32_t keycode, struct keymap_key *out);

/* Feeds sym to the compose state; on KEYMAP_COMPOSED out (size bytes) holds the text. */
enum keymap_compose keymap_compose_feed(struct keymap *map, uint32_t sym, char *out,
					size_t size);
/* Forgets a sequence begun. */
void keymap_compose_reset(struct keymap *map);

/* True when sym is a dead key (a keysym in xkb's dead_ range). */
bool keymap_is_dead(uint32_t sym);
/* The mark a dead key shows on its cap ("^" for dead_circumflex), "" when not dead. Static. */
const char *keymap_dead_mark(uint32_t sym);

#endif
