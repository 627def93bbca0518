/* The debrief's room view, the page the class sees: one question's text, its counts, then its
 * results once revealed (or why nothing is shown), with the facilitator's buttons along the
 * bottom; drawn whole with cairo at any size, so the kiosk shows it as one picture. */
#ifndef RJK_CHART_ROOM_H
#define RJK_CHART_ROOM_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>

#include "chart/chart.h"
#include "core/debrief.h"

/* What a button on the room view does. */
enum room_button {
	ROOM_PREVIOUS,
	ROOM_REVEAL,                  /* reveal, or hide again */
	ROOM_VIEW,                    /* a text question: wall or words */
	ROOM_PAGE,                    /* the wall's next page */
	ROOM_NEXT,
	ROOM_PRIVATE,                 /* the facilitator's private page */
	ROOM_BUTTONS,
};

struct room_hit {
	enum room_button button;
	double x, y, w, h;
};

/* What the room view shows. */
struct room {
	const struct debrief *debrief;
	size_t index;                 /* the question */
	bool revealed;
	enum chart_text_view view;
	size_t page;                  /* of the wall */
	int min_n;
	bool neutral;                 /* a calm "the facilitator is preparing" screen */
	bool buttons;                 /* draw the buttons (not on the presenter's room display) */
};

/* Cards on a wall page. */
#define ROOM_WALL_CARDS 6

/* Draws room into cr, w by h, in style s; the buttons' places go to hits (ROOM_BUTTONS entries
 * at most), their number to *hit_count. */
void room_draw(cairo_t *cr, const struct room *room, const struct chart_style *s, double w,
	       double h, struct room_hit *hits, size_t *hit_count);

/* The counts line: "14 of 18 answered, 2 passed". */
const char *room_counts(const struct debrief *d, const struct debrief_question *q, char *out,
			size_t size);

#endif
