/* The debrief's word view drawn into an image: every word, however long, stays inside the box it
 * is given (a word wider than the box is shortened with an ellipsis, its count kept). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"

#define W 640
#define H 360
#define BOX_X 120.0
#define BOX_W 400.0

/* Each case: the answers of a text question. */
static const struct {
	const char *name;
	const char *texts[3];
} cases[] = {
	{"a long word", {"Antidisestablishmentarianismsupercalifragilisticexpialidociouspneumono"
			 "ultramicroscopicsilicovolcanoconiosis", "Listen first", "Listen"}},
	{"a long word over 160 bytes",
	 {"Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcano"
	  "coniosispneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovol"
	  "canoconiosis", "Time", "Time"}},
	{"Chinese with no spaces", {"我认为警察应该先倾听再判断因为每个人都可能改变这是我从视频中学到的",
				    "我认为警察应该先倾听再判断因为每个人都可能改变这是我从视频中学到的",
				    "倾听"}},
	{"accents", {"Réconciliationnationaleetréparationdespréjudicessubisparlesvictimes",
		     "réparation", "réparation"}},
};

/* Whether any pixel outside the columns [x0, x1) differs from the white background. */
static bool ink_outside(cairo_surface_t *img, int x0, int x1)
{
	unsigned char *data = cairo_image_surface_get_data(img);
	int stride = cairo_image_surface_get_stride(img);

	cairo_surface_flush(img);
	for (int y = 0; y < H; y++) {
		const uint32_t *row = (const uint32_t *)(data + (size_t)y * (size_t)stride);

		for (int x = 0; x < W; x++)
			if ((x < x0 || x >= x1) && (row[x] & 0xffffff) != 0xffffff)
				return true;
	}
	return false;
}

static void test_words_stay_in_their_box(void **state)
{
	size_t failed = 0;

	(void)state;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct debrief_answer answers[3] = {{0}};
		struct debrief_question q = {.kind = STEP_TEXT, .answers = answers, .answer_count = 3,
					     .answered = 3};
		struct chart_style s = chart_print_style(18);
		cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
		cairo_t *cr = cairo_create(img);

		for (size_t i = 0; i < 3; i++)
			answers[i].text = (char *)cases[c].texts[i];
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		chart_words(cr, &q, &s, BOX_X, 20, BOX_W, H - 40);
		cairo_destroy(cr);
		if (ink_outside(img, (int)BOX_X, (int)(BOX_X + BOX_W))) {
			print_error("%s: a word is drawn outside its box\n", cases[c].name);
			failed++;
		}
		cairo_surface_destroy(img);
	}
	/* As the kiosk does when the debrief closes, just after the first drawing here: it used
	 * to abort in cairo in about one run of four. */
	chart_release_fonts();
	assert_int_equal(failed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_stay_in_their_box),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
