/* The on-screen keyboard without a screen: layouts read from xkb-data (gb, us, fr, de), the
 * levels of Shift, Caps and AltGr, dead keys composed, the symbols page, and key geometry
 * (size, never overlapping, at least 24 px). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "core/keyboard.h"

/* Index of the key named name on the page shown (or whose cap without modifiers is name: "3"
 * after Shift is the key showing £), or fails. */
static size_t find(struct keyboard *kb, const char *name)
{
	size_t count;
	const struct keyboard_key *keys = keyboard_keys(kb, &count);
	char buf[32];

	for (size_t i = 0; i < count; i++)
		if (!strcmp(keyboard_name(kb, &keys[i], buf, sizeof buf), name))
			return i;
	for (size_t i = 0; i < count; i++)
		if (keys[i].kind == KEYBOARD_CHAR &&
		    !strcmp(keymap_is_dead(keys[i].map.sym[0]) ? keymap_dead_mark(keys[i].map.sym[0]) :
			    keys[i].map.text[0], name))
			return i;
	fail_msg("no key '%s'", name);
	return 0;
}

/* Presses the keys named in names (space-separated) and returns everything they typed. */
static const char *typed(struct keyboard *kb, const char *names)
{
	static char out[256];
	char list[256];

	out[0] = '\0';
	snprintf(list, sizeof list, "%s", names);
	for (char *save = NULL, *n = strtok_r(list, " ", &save); n; n = strtok_r(NULL, " ", &save)) {
		struct keyboard_out o = keyboard_press(kb, find(kb, n));

		if (o.kind == KEYBOARD_CHAR || o.kind == KEYBOARD_SPACE)
			strncat(out, o.text, sizeof out - strlen(out) - 1);
	}
	return out;
}

/* The caps of the number row (TLDE excluded), as a trainee sees them. */
static const char *number_row(struct keyboard *kb)
{
	static char out[128];
	size_t count;
	const struct keyboard_key *keys = keyboard_keys(kb, &count);
	char buf[32];

	out[0] = '\0';
	for (size_t i = 1; i < count && keys[i].row == 0 && keys[i].kind == KEYBOARD_CHAR; i++) {
		if (i > 1)
			strcat(out, " ");
		strcat(out, keyboard_cap(kb, &keys[i], buf, sizeof buf));
	}
	return out;
}

static const struct {
	const char *layout;
	const char *keys;   /* names of the keys pressed, in order */
	const char *want;   /* what they type */
} typing[] = {
	{"gb", "Shift 3", "\xc2\xa3"},                        /* £ */
	{"gb", "Shift 2", "\""},
	{"gb", "Shift h i Space t h e r e", "Hi there"},
	{"gb", "Caps a b Shift c", "ABc"},
	/* Shift and AltGr last for the next key whatever it is, Space included; Caps stays. */
	{"gb", "Shift Space a", " a"},
	{"gb", "AltGr Space 4", " 4"},
	{"gb", "Shift Enter a", "a"},
	{"gb", "Shift Backspace a", "a"},
	{"gb", "Shift Left a", "a"},
	{"gb", "Caps Space a", " A"},
	{"gb", "Shift AltGr Space a 4", " a4"},
	{"gb", "AltGr 4", "\xe2\x82\xac"},                    /* € */
	{"us", "Shift 3", "#"},
	{"us", "Shift 2", "@"},
	{"us", "q w e r t y", "qwerty"},
	{"fr", "a z e r t y", "azerty"},
	{"fr", "^ e", "\xc3\xaa"},                            /* ê */
	{"fr", "^ Space", "^"},
	{"fr", "Shift ^ Shift E", "\xc3\x8b"},                /* ¨ then E: Ë */
	{"fr", "Shift &", "1"},
	{"fr", "AltGr \xc3\xa0", "@"},                        /* AltGr+à */
	{"de", "q w e r t z", "qwertz"},
	{"de", "^ Shift o", "\xc3\x94"},                      /* de's dead ^ (left of 1): Ô */
	{"de", "\xc2\xb4 e", "\xc3\xa9"},                     /* dead acute: é */
	{"de", "\xc3\x9f", "\xc3\x9f"},                       /* ß */
	{"de", "AltGr q", "@"},
};

static void test_typing(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof typing / sizeof typing[0]; i++) {
		struct keyboard kb;
		struct rjk_error err = {{0}};

		const char *got;

		assert_true(keyboard_init(&kb, typing[i].layout, &err));
		got = typed(&kb, typing[i].keys);
		if (strcmp(got, typing[i].want))
			fail_msg("%s: %s typed '%s', not '%s'", typing[i].layout, typing[i].keys,
				 got, typing[i].want);
		keyboard_release(&kb);
	}
}

static const struct {
	const char *layout;
	const char *plain, *shifted;
} rows[] = {
	{"gb", "1 2 3 4 5 6 7 8 9 0 - =", "! \" \xc2\xa3 $ % ^ & * ( ) _ +"},
	{"us", "1 2 3 4 5 6 7 8 9 0 - =", "! @ # $ % ^ & * ( ) _ +"},
	{"fr", "& \xc3\xa9 \" ' ( - \xc3\xa8 _ \xc3\xa7 \xc3\xa0 ) =",
	 "1 2 3 4 5 6 7 8 9 0 \xc2\xb0 +"},
	{"de", "1 2 3 4 5 6 7 8 9 0 \xc3\x9f \xc2\xb4", "! \" \xc2\xa7 $ % & / ( ) = ? `"},
};

static void test_number_rows(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct keyboard kb;
		struct rjk_error err = {{0}};
		size_t shift;

		assert_true(keyboard_init(&kb, rows[i].layout, &err));
		assert_string_equal(number_row(&kb), rows[i].plain);
		shift = find(&kb, "Shift");
		keyboard_press(&kb, shift);
		assert_string_equal(number_row(&kb), rows[i].shifted);
		keyboard_release(&kb);
	}
}

static void test_unknown_layout(void **state)
{
	struct keyboard kb;
	struct rjk_error err = {{0}};

	(void)state;
	assert_false(keyboard_init(&kb, "xx-no-such", &err));
	assert_non_null(strstr(err.message, "xx-no-such"));
	assert_false(keyboard_init(&kb, "../../etc/passwd", &err));
	assert_false(keyboard_init(&kb, "", &err));
}

/* The symbols page types its own characters and goes back to the letters. */
static void test_symbols_page(void **state)
{
	struct keyboard kb;
	struct rjk_error err = {{0}};

	(void)state;
	assert_true(keyboard_init(&kb, "fr", &err));
	assert_string_equal(typed(&kb, "Symbols 1 9 @ \xe2\x82\xac Letters a"), "19@\xe2\x82\xac" "a");
	/* A dead key then a symbol: nothing pressed is lost. */
	assert_string_equal(typed(&kb, "^ Symbols 7"), "^7");
	keyboard_release(&kb);
}

/* Backspace right after a dead key takes back the dead key only; Enter after one types the
 * mark first. */
static void test_dead_then_editing_keys(void **state)
{
	struct keyboard kb;
	struct rjk_error err = {{0}};
	struct keyboard_out o;

	(void)state;
	assert_true(keyboard_init(&kb, "fr", &err));
	assert_string_equal(typed(&kb, "^"), "");
	o = keyboard_press(&kb, find(&kb, "Backspace"));
	assert_int_equal(o.kind, KEYBOARD_CHAR);
	assert_string_equal(o.text, "");
	assert_string_equal(typed(&kb, "e"), "e");
	o = keyboard_press(&kb, find(&kb, "Backspace"));
	assert_int_equal(o.kind, KEYBOARD_BACKSPACE);
	typed(&kb, "^");
	o = keyboard_press(&kb, find(&kb, "Enter"));
	assert_int_equal(o.kind, KEYBOARD_ENTER);
	assert_string_equal(o.text, "^");
	keyboard_release(&kb);
}

/* Whether a cap shows anything: a character that is not a space, a control, a format
 * character or a lone combining mark (libunistring's categories, not the keymap's own test). */
static bool visible(const char *cap)
{
	const uint8_t *s = (const uint8_t *)cap, *end = s + strlen(cap);

	while (s < end) {
		ucs4_t u;
		int n = u8_mbtouc(&u, s, (size_t)(end - s));

		if (!uc_is_general_category(u, uc_general_category_or(UC_CATEGORY_Z,
				     uc_general_category_or(UC_CATEGORY_C, UC_CATEGORY_M))))
			return true;
		s += n;
	}
	return false;
}

/* The character keys of a page with the modifiers mods pressed (names, as typed takes them)
 * that show nothing or type other than their cap shows, each printed; returns how many. */
static size_t wrong_keys(struct keyboard *kb, const char *layout, int page, const char *mods)
{
	size_t count = 1, wrong = 0;

	for (size_t i = 0; i < count; i++) {
		const struct keyboard_key *key;
		struct keyboard_out out;
		char cap[32];

		/* The same state before each key: pressing one changes it. */
		keyboard_reset(kb);
		typed(kb, mods);
		if (page == KEYBOARD_SYMBOLS) /* Shift and AltGr end here */
			typed(kb, "Symbols");
		key = &keyboard_keys(kb, &count)[i];
		if (key->kind != KEYBOARD_CHAR)
			continue;
		keyboard_cap(kb, key, cap, sizeof cap);
		out = keyboard_press(kb, i);
		if (!visible(cap)) {
			print_error("%s, page %d, %s: the key of xkb keycode %u shows '%s'\n",
				    layout, page, mods, key->map.keycode, cap);
			wrong++;
		} else if (kb->dead ? out.text[0] != '\0' : strcmp(out.text, cap) != 0) {
			print_error("%s, %s: the key showing '%s' typed '%s'\n", layout, mods, cap,
				    out.text);
			wrong++;
		}
		keyboard_cancel(kb);
	}
	return wrong;
}

/* Every layout the kiosk offers, both pages, every combination of Shift, Caps and AltGr: no
 * character key is blank, and each types what its cap shows (a dead key waits for its
 * letter). Caps with AltGr used to leave keys blank in most layouts (µ, ß and ÿ there have
 * no capital keysym in libxkbcommon 1.5), Shift with AltGr in ie (no symbol in xkb-data),
 * and AltGr on nl's soft hyphen. */
static void test_no_blank_key(void **state)
{
	static const char *const mods[] = {"", "Shift", "Caps", "Shift Caps", "AltGr",
					   "Shift AltGr", "Caps AltGr", "Shift Caps AltGr"};
	size_t wrong = 0;

	(void)state;
	for (size_t l = 0; l < keyboard_layout_count; l++) {
		struct keyboard kb;
		struct rjk_error err = {{0}};

		assert_true(keyboard_init(&kb, keyboard_layouts[l], &err));
		for (int page = KEYBOARD_LETTERS; page <= KEYBOARD_SYMBOLS; page++)
			for (size_t m = 0; m < sizeof mods / sizeof mods[0]; m++)
				wrong += wrong_keys(&kb, keyboard_layouts[l], page, mods[m]);
		keyboard_release(&kb);
	}
	assert_int_equal(wrong, 0);
}

static const struct {
	int w, h, percent;
} sizes[] = {
	{1024, 768, 100}, {1280, 800, 100}, {1920, 1080, 100}, {3840, 2160, 100},
	{768, 1024, 100}, {1080, 1920, 200}, {1024, 768, 200}, {3840, 2160, 200},
};

/* At every size: keys at least 24 px (WCAG 2.5.8), 48 px where the window allows, inside the
 * keyboard, never overlapping, and the keyboard at most half the window's height. */
static void test_geometry(void **state)
{
	struct keyboard kb;
	struct rjk_error err = {{0}};

	(void)state;
	assert_true(keyboard_init(&kb, "gb", &err));
	for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
		int key_h = keyboard_key_size(96, sizes[s].percent, 0, sizes[s].h / 2);

		keyboard_place(&kb, sizes[s].w, key_h);
		assert_true(kb.width <= sizes[s].w);
		assert_true(kb.height <= sizes[s].h / 2);
		for (int page = 0; page < 2; page++)
			for (size_t i = 0; i < kb.count[page]; i++) {
				const struct keyboard_key *a = &kb.keys[page][i];

				assert_true(a->w >= 24 && a->h >= 24);
				assert_true(a->h >= 48 || sizes[s].h / 2 * 4 / 23 < 48);
				assert_true(a->x >= 0 && a->x + a->w <= kb.width);
				assert_true(a->y >= 0 && a->y + a->h <= kb.height);
				for (size_t j = i + 1; j < kb.count[page]; j++) {
					const struct keyboard_key *b = &kb.keys[page][j];

					assert_false(a->x < b->x + b->w && b->x < a->x + a->w &&
						     a->y < b->y + b->h && b->y < a->y + a->h);
				}
				if (page == (int)kb.page)
					assert_int_equal(keyboard_hit(&kb, a->x + a->w / 2,
								      a->y + a->h / 2), (int)i);
			}
	}
	assert_int_equal(keyboard_key_size(192, 100, 0, 4000), 96);
	assert_int_equal(keyboard_key_size(96, 200, 0, 4000), 96);
	assert_int_equal(keyboard_key_size(96, 100, 0, 100), 24);
	keyboard_release(&kb);
}

static void test_modes(void **state)
{
	enum keyboard_mode m;

	(void)state;
	assert_true(keyboard_mode_parse("always", &m));
	assert_int_equal(m, KEYBOARD_ALWAYS);
	assert_string_equal(keyboard_mode_name(m), "always");
	assert_true(keyboard_mode_parse("never", &m));
	assert_true(keyboard_mode_parse("auto", &m));
	assert_false(keyboard_mode_parse("sometimes", &m));
	assert_false(keyboard_mode_parse(NULL, &m));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typing),
		cmocka_unit_test(test_number_rows),
		cmocka_unit_test(test_unknown_layout),
		cmocka_unit_test(test_symbols_page),
		cmocka_unit_test(test_dead_then_editing_keys),
		cmocka_unit_test(test_no_blank_key),
		cmocka_unit_test(test_geometry),
		cmocka_unit_test(test_modes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
