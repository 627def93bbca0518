/* Keyboard layouts from xkb-data through libxkbcommon, with its compose tables for dead keys. */
#include "core/keymap.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>
#include <xkbcommon/xkbcommon-compose.h>
#include <xkbcommon/xkbcommon.h>

struct keymap {
	char layout[64];
	struct xkb_context *ctx;
	struct xkb_keymap *keymap;
	struct xkb_state *state;
	struct xkb_compose_table *table; /* NULL when the locale has none */
	struct xkb_compose_state *compose;
	xkb_mod_mask_t mask[3];          /* Shift, Lock, AltGr (Mod5) */
};

/* "fr(bepo)" into layout "fr" and variant "bepo". False when it is not that shape. */
static bool split_name(const char *name, char *layout, char *variant, size_t size)
{
	const char *open = strchr(name, '(');
	size_t n = open ? (size_t)(open - name) : strlen(name);

	if (!n || n >= size)
		return false;
	memcpy(layout, name, n);
	layout[n] = '\0';
	variant[0] = '\0';
	if (open) {
		size_t v = strlen(open + 1);

		if (v < 2 || v >= size || open[v] != ')')
			return false;
		memcpy(variant, open + 1, v - 1);
		variant[v - 1] = '\0';
	}
	for (const char *p = layout; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			return false;
	return true;
}

struct keymap *keymap_new(const char *name, struct rjk_error *err)
{
	char layout[64], variant[64];
	struct xkb_rule_names names = {.rules = "evdev", .model = "pc105"};
	struct keymap *map;
	static const char *const locales[] = {"C.UTF-8", "en_US.UTF-8"};

	if (!name || !split_name(name, layout, variant, sizeof layout)) {
		rjk_error_set(err, "'%s' is not a keyboard layout name (such as gb, us, fr or de)",
			      name ? name : "");
		return NULL;
	}
	if (!(map = calloc(1, sizeof *map))) {
		rjk_error_set(err, "out of memory");
		return NULL;
	}
	snprintf(map->layout, sizeof map->layout, "%s", name);
	names.layout = layout;
	names.variant = variant[0] ? variant : NULL;
	/* No environment: the kiosk's layout is the setting, never XKB_DEFAULT_* of the session. */
	map->ctx = xkb_context_new(XKB_CONTEXT_NO_ENVIRONMENT_NAMES);
	if (map->ctx) {
		/* Its messages would go to standard error: the caller reports one of its own. */
		xkb_context_set_log_level(map->ctx, XKB_LOG_LEVEL_CRITICAL);
		map->keymap = xkb_keymap_new_from_names(map->ctx, &names, XKB_KEYMAP_COMPILE_NO_FLAGS);
	}
	if (!map->keymap || !(map->state = xkb_state_new(map->keymap))) {
		rjk_error_set(err, "keyboard layout '%s' is not in xkb-data", name);
		keymap_free(map);
		return NULL;
	}
	map->mask[0] = 1u << xkb_keymap_mod_get_index(map->keymap, XKB_MOD_NAME_SHIFT);
	map->mask[1] = 1u << xkb_keymap_mod_get_index(map->keymap, XKB_MOD_NAME_CAPS);
	map->mask[2] = 1u << xkb_keymap_mod_get_index(map->keymap, "Mod5");
	for (size_t i = 0; i < 2 && !map->table; i++)
		map->table = xkb_compose_table_new_from_locale(map->ctx, locales[i],
							      XKB_COMPOSE_COMPILE_NO_FLAGS);
	if (map->table)
		map->compose = xkb_compose_state_new(map->table, XKB_COMPOSE_STATE_NO_FLAGS);
	return map;
}

void keymap_free(struct keymap *map)
{
	if (!map)
		return;
	xkb_compose_state_unref(map->compose);
	xkb_compose_table_unref(map->table);
	xkb_state_unref(map->state);
	xkb_keymap_unref(map->keymap);
	xkb_context_unref(map->ctx);
	free(map);
}

const char *keymap_layout(const struct keymap *map)
{
	return map->layout;
}

/* Whether a level gives something a cap can show: a dead key's mark, or text with a character
 * that is not a space, a control, a format character (a soft hyphen) or a lone mark. */
static bool shows(uint32_t sym, const char *text)
{
	const uint8_t *s = (const uint8_t *)text, *end = s + strlen(text);

	if (keymap_is_dead(sym))
		return true;
	while (s < end) {
		ucs4_t u;
		int n = u8_mbtouc(&u, s, (size_t)(end - s));

		if (!uc_is_general_category(u, UC_CATEGORY_Z) &&
		    !uc_is_general_category(u, UC_CATEGORY_C) &&
		    !uc_is_general_category(u, UC_CATEGORY_M))
			return true;
		s += n;
	}
	return false;
}

/* Fills the key's level with what its level from gives (filled already), upper-cased when
 * upper is set and that is one character with a simple capital. */
static void take_level(struct keymap_key *key, int level, int from, bool upper)
{
	ucs4_t u;
	const uint8_t *text = (const uint8_t *)key->text[from];
	size_t len = strlen(key->text[from]);

	key->sym[level] = key->sym[from];
	memcpy(key->text[level], key->text[from], KEYMAP_TEXT);
	if (!upper || !len || u8_mbtouc(&u, text, len) != (int)len || uc_toupper(u) == u)
		return;
	u = uc_toupper(u);
	int n = u8_uctomb((uint8_t *)key->text[level], u, KEYMAP_TEXT - 1);
	assert(n > 0); /* one character is at most 4 bytes */
	key->text[level][n] = '\0';
	key->sym[level] = xkb_utf32_to_keysym(u);
}

/* A level that shows nothing (no symbol for it in xkb-data, such as Shift+AltGr on most of
 * ie's letters; a keysym with no text, such as libxkbcommon before 1.7 gives for Caps on µ,
 * ß and ÿ; or an invisible character, such as nl's soft hyphen on AltGr) takes a sensible
 * other level, so no cap is ever blank: without Caps, then without Shift, upper-cased (as
 * Caps would, and as the X protocol reads a key's missing shifted symbol); else without
 * AltGr. Levels are filled in order, so the one taken is settled already. */
static void fill_blank_levels(struct keymap_key *key)
{
	static const int drop[] = {KEYMAP_CAPS, KEYMAP_SHIFT, KEYMAP_ALTGR};

	for (int level = 1; level < KEYMAP_LEVELS; level++) {
		if (shows(key->sym[level], key->text[level]))
			continue;
		for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++) {
			int from = level & ~drop[i];

			if (from != level && shows(key->sym[from], key->text[from])) {
				take_level(key, level, from, drop[i] != KEYMAP_ALTGR);
				break;
			}
		}
	}
}

bool keymap_read(struct keymap *map, uint32_t keycode, struct keymap_key *out)
{
	memset(out, 0, sizeof *out);
	out->keycode = keycode;
	if (!xkb_keymap_key_get_name(map->keymap, keycode) ||
	    !xkb_keymap_num_layouts_for_key(map->keymap, keycode))
		return false;
	for (int level = 0; level < KEYMAP_LEVELS; level++) {
		xkb_mod_mask_t mods = 0;

		for (int bit = 0; bit < 3; bit++)
			if (level & (1 << bit))
				mods |= map->mask[bit];
		/* Caps Lock is a locked modifier, Shift and AltGr are held. */
		xkb_state_update_mask(map->state, mods & ~map->mask[1], 0, mods & map->mask[1], 0, 0,
				      0);
		out->sym[level] = xkb_state_key_get_one_sym(map->state, keycode);
		if (out->sym[level] == XKB_KEY_NoSymbol)
			out->sym[level] = 0;
		else if (!keymap_is_dead(out->sym[level]))
			xkb_state_key_get_utf8(map->state, keycode, out->text[level], KEYMAP_TEXT);
		/* Control characters (Tab, Escape) are not text to type from a cap. */
		if ((unsigned char)out->text[level][0] < 0x20 || out->text[level][0] == 0x7f)
			out->text[level][0] = '\0';
	}
	xkb_state_update_mask(map->state, 0, 0, 0, 0, 0, 0);
	if (!out->sym[0])
		return false;
	fill_blank_levels(out);
	return true;
}

enum keymap_compose keymap_compose_feed(struct keymap *map, uint32_t sym, char *out,
					size_t size)
{
	if (size)
		out[0] = '\0';
	if (!map->compose || xkb_compose_state_feed(map->compose, sym) == XKB_COMPOSE_FEED_IGNORED)
		return KEYMAP_PLAIN;
	switch (xkb_compose_state_get_status(map->compose)) {
	case XKB_COMPOSE_COMPOSING:
		return KEYMAP_COMPOSING;
	case XKB_COMPOSE_COMPOSED:
		xkb_compose_state_get_utf8(map->compose, out, size);
		xkb_compose_state_reset(map->compose);
		return KEYMAP_COMPOSED;
	case XKB_COMPOSE_CANCELLED:
		xkb_compose_state_reset(map->compose);
		return KEYMAP_CANCELLED;
	case XKB_COMPOSE_NOTHING:
	default:
		return KEYMAP_PLAIN;
	}
}

void keymap_compose_reset(struct keymap *map)
{
	if (map->compose)
		xkb_compose_state_reset(map->compose);
}

bool keymap_is_dead(uint32_t sym)
{
	return sym >= XKB_KEY_dead_grave && sym <= XKB_KEY_dead_greek;
}

const char *keymap_dead_mark(uint32_t sym)
{
	static const struct {
		uint32_t sym;
		const char *mark;
	} marks[] = {
		{XKB_KEY_dead_grave, "`"},        {XKB_KEY_dead_acute, "\xc2\xb4"},
		{XKB_KEY_dead_circumflex, "^"},   {XKB_KEY_dead_tilde, "~"},
		{XKB_KEY_dead_macron, "\xc2\xaf"}, {XKB_KEY_dead_breve, "\xcb\x98"},
		{XKB_KEY_dead_abovedot, "\xcb\x99"}, {XKB_KEY_dead_diaeresis, "\xc2\xa8"},
		{XKB_KEY_dead_abovering, "\xcb\x9a"}, {XKB_KEY_dead_doubleacute, "\xcb\x9d"},
		{XKB_KEY_dead_caron, "\xcb\x87"}, {XKB_KEY_dead_cedilla, "\xc2\xb8"},
		{XKB_KEY_dead_ogonek, "\xcb\x9b"},
	};

	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (marks[i].sym == sym)
			return marks[i].mark;
	return keymap_is_dead(sym) ? "\xe2\x97\x8c" : ""; /* a dotted circle for the rest */
}
