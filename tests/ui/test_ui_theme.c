/* Tests that both colour themes meet WCAG 2.1 AA contrast for everything they are used for,
 * and that the layout keeps every region on screen at the sizes the kiosk supports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ui/layout.h"
#include "ui/theme.h"

static void test_contrast_formula_matches_wcag(void **state)
{
	struct theme_color black = {0, 0, 0}, white = {255, 255, 255}, grey = {0x77, 0x77, 0x77};

	assert_float_equal(theme_contrast(black, white), 21.0, 0.01);
	assert_float_equal(theme_contrast(white, white), 1.0, 0.001);
	/* #777 on white is the classic just-below-AA grey: 4.48:1. */
	assert_float_equal(theme_contrast(grey, white), 4.48, 0.01);
}

struct pair {
	const char *what;
	size_t fg, bg;      /* offsets of struct theme_color fields */
	double minimum;
};

#define F(name) offsetof(struct theme, name)

/* Text needs 4.5:1; focus ring and control outlines (non-text) need 3:1. */
static const struct pair pairs[] = {
	{"text on page", F(text), F(bg), 4.5},
	{"text on panel", F(text), F(panel), 4.5},
	{"muted text on page", F(muted), F(bg), 4.5},
	{"muted text on panel", F(muted), F(panel), 4.5},
	{"notice on page", F(notice), F(bg), 4.5},
	{"notice on panel", F(notice), F(panel), 4.5},
	{"primary button text", F(primary_text), F(primary), 4.5},
	{"chosen option text", F(selected_text), F(selected), 4.5},
	{"primary colour as text on page", F(primary), F(bg), 4.5},
	{"focus ring on page", F(focus), F(bg), 3.0},
	{"focus ring on panel", F(focus), F(panel), 3.0},
	{"control outline on page", F(border), F(bg), 3.0},
	{"control outline on panel", F(border), F(panel), 3.0},
	{"progress done on track", F(primary), F(track), 3.0},
	/* the video's bar: the part watched against the rest, the rest against its dark strip */
	{"video watched on not watched", F(video_watched), F(video_rest), 3.0},
	{"video played on not watched", F(video_played), F(video_rest), 3.0},
};

static struct theme_color field(const struct theme *t, size_t offset)
{
	return *(const struct theme_color *)((const char *)t + offset);
}

static void test_both_themes_meet_contrast_minimums(void **state)
{
	for (int hc = 0; hc <= 1; hc++) {
		const struct theme *t = theme_get(hc);

		for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
			double ratio = theme_contrast(field(t, pairs[i].fg), field(t, pairs[i].bg));

			if (ratio < pairs[i].minimum)
				fail_msg("%s theme: %s is %.2f:1, needs %.1f:1", t->name, pairs[i].what,
					 ratio, pairs[i].minimum);
		}
	}
}

static void test_layout_fits_every_supported_window(void **state)
{
	static const int sizes[][2] = {{1024, 768}, {1280, 800}, {1920, 1080}, {3840, 2160},
				       {1080, 1920}, {768, 1024}};

	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		for (int pct = LAYOUT_TEXT_MIN; pct <= LAYOUT_TEXT_MAX; pct += LAYOUT_TEXT_STEP) {
			struct layout l;
			int w = sizes[i][0], h = sizes[i][1];

			layout_compute(&l, w, h, pct);
			assert_true(l.column_x >= l.margin || l.column_w < w - 2 * l.margin);
			assert_true(l.column_x + l.column_w <= w);
			assert_true(l.content.h >= h / 2);
			assert_true(l.footer.y + l.footer.h == h);
			/* Large enough for a finger: at least 9 mm on a 24" 1080p screen. */
			assert_true(l.target >= 44 * h / 1080 || l.target >= 44 * w / 1920);
			/* 200% really is twice as large as 100%. */
			if (pct == LAYOUT_TEXT_MAX) {
				struct layout base;

				layout_compute(&base, w, h, LAYOUT_TEXT_MIN);
				assert_int_equal(l.body_px, base.body_px * 2);
			}
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contrast_formula_matches_wcag),
		cmocka_unit_test(test_both_themes_meet_contrast_minimums),
		cmocka_unit_test(test_layout_fits_every_supported_window),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
