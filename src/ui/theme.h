/* The kiosk's colours: a calm normal theme and a high-contrast one, both at least 4.5:1. */
#ifndef RJK_UI_THEME_H
#define RJK_UI_THEME_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

struct theme_color {
	uint8_t r, g, b;
};

struct theme {
	const char *name;
	struct theme_color bg;           /* the page */
	struct theme_color panel;        /* cards, editor and option backgrounds */
	struct theme_color text;         /* body text on bg and panel */
	struct theme_color muted;        /* secondary text on bg and panel */
	struct theme_color border;       /* outlines of controls (non-text, >= 3:1 on bg) */
	struct theme_color primary;      /* main action button */
	struct theme_color primary_text; /* text on primary */
	struct theme_color selected;     /* chosen option background */
	struct theme_color selected_text;
	struct theme_color focus;        /* focus ring (>= 3:1 on bg and panel) */
	struct theme_color notice;       /* warnings and the countdown's last minute, on bg */
	struct theme_color track;        /* progress bar track */
	/* The video's progress bar, on its dark strip (the same in both themes but played): the
	 * part not watched yet, the part watched (>= 3:1 against it), the part played. */
	struct theme_color video_rest;
	struct theme_color video_watched;
	struct theme_color video_played;
};

/* The normal or the high-contrast theme (static, never freed). */
const struct theme *theme_get(bool high_contrast);

/* c as SDL draws it: opaque. */
SDL_Color theme_sdl_color(struct theme_color c);

/* WCAG 2.1 contrast ratio of two colours, from 1 to 21. */
double theme_contrast(struct theme_color a, struct theme_color b);

#endif
