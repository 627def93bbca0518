/* Sizes and regions of the screen, computed from the window size and the text size setting. */
#ifndef RJK_UI_LAYOUT_H
#define RJK_UI_LAYOUT_H

#include <SDL.h>

#define LAYOUT_TEXT_MIN 100 /* text size setting, percent */
#define LAYOUT_TEXT_MAX 200
#define LAYOUT_TEXT_STEP 25

struct layout {
	int w, h;            /* window size in pixels */
	int text_percent;
	int body_px;         /* font sizes in pixels */
	int small_px;
	int heading_px;
	int title_px;
	int unit;            /* spacing unit: margins and gaps are multiples of it */
	int margin;          /* page edge to content */
	int target;          /* smallest side of anything a finger taps */
	int border;          /* control outline width */
	int focus;           /* focus ring width */
	SDL_Rect header;     /* progress and the settings button */
	SDL_Rect content;    /* scrolls when the page is taller than the window */
	SDL_Rect footer;     /* Back, Pass, Next */
	int column_x, column_w; /* the readable text column inside content */
};

/* Computes every size for a window of w x h pixels at text_percent (100 to 200). */
void layout_compute(struct layout *layout, int w, int h, int text_percent);

/* Makes room for h pixels at the bottom of the window (the on-screen keyboard): the footer
 * moves up above it and the content area shrinks. */
void layout_reserve_bottom(struct layout *layout, int h);

#endif
