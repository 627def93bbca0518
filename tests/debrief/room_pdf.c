/* Test tool: draws the debrief's room view of every question of a session, revealed, through
 * the kiosk's own drawing code (chart/room.c) into a PDF, one page per question and wall page
 * and one for its word view, so that pdftotext can read what the room would see.
 * Usage: rjk_room_pdf DATA_DIR SESSION MIN_ANSWERS OUT.pdf */
#include <stdio.h>
#include <stdlib.h>

#include <cairo-pdf.h>

#include "chart/room.h"
#include "core/debrief.h"
#include "core/store.h"

int main(int argc, char **argv)
{
	struct rjk_error err = {{0}};
	struct store *store;
	struct debrief d;
	struct chart_style s = chart_print_style(18);
	struct room_hit hits[ROOM_BUTTONS];
	size_t n;

	if (argc != 5)
		return fprintf(stderr, "usage: rjk_room_pdf DATA SESSION MIN_ANSWERS OUT.pdf\n"), 2;
	store = store_open(argv[1], &err);
	if (!store || !debrief_load(store, atoll(argv[2]), &d, &err))
		return fprintf(stderr, "rjk_room_pdf: %s\n", err.message), 1;
	cairo_surface_t *pdf = cairo_pdf_surface_create(argv[4], 1024, 768);
	cairo_t *cr = cairo_create(pdf);
	for (size_t i = 0; i < d.count; i++) {
		struct room r = {.debrief = &d, .index = i, .revealed = true, .min_n = atoi(argv[3]),
				 .buttons = true};
		size_t pages = chart_wall_pages(&d.questions[i], ROOM_WALL_CARDS);

		for (size_t p = 0; p < (pages ? pages : 1); p++) {
			r.page = p;
			room_draw(cr, &r, &s, 1024, 768, hits, &n);
			cairo_show_page(cr);
		}
		r.view = CHART_WORDS;
		room_draw(cr, &r, &s, 1024, 768, hits, &n);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_destroy(pdf);
	debrief_release(&d);
	store_close(store);
	chart_release_fonts();
	return 0;
}
