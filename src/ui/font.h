/* The kiosk's fonts: found through fontconfig, opened with SDL2_ttf at the layout's sizes. */
#ifndef RJK_UI_FONT_H
#define RJK_UI_FONT_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL_ttf.h>

#include "core/error.h"

enum font_role {
	FONT_BODY,     /* answers, options, buttons */
	FONT_SMALL,    /* hints, counts, progress */
	FONT_HEADING,  /* a prompt's first line, section headings (bold) */
	FONT_PROMPT,   /* prompts: as large as headings, regular weight */
	FONT_TITLE,    /* screen titles */
	FONT_ROLE_COUNT,
};

struct fonts {
	char regular_path[1024];
	char bold_path[1024];
	TTF_Font *font[FONT_ROLE_COUNT];
	int px[FONT_ROLE_COUNT];
	int line_h[FONT_ROLE_COUNT]; /* line advance in pixels */
};

/* Finds the regular and bold sans-serif faces (DejaVu Sans, then Noto Sans, then whatever
 * fontconfig calls sans-serif). DejaVu Sans where Debian installs it is taken without
 * starting fontconfig. TTF_Init must have been called. */
bool fonts_init(struct fonts *fonts, struct rjk_error *err);

/* The file a role's font is opened from (bold for headings and titles). */
const char *fonts_path(const struct fonts *fonts, int role);

/* (Re)opens every role at the given pixel sizes (body, small, heading, title). Headings and
 * titles use the bold face. */
bool fonts_resize(struct fonts *fonts, const int px[FONT_ROLE_COUNT], struct rjk_error *err);

/* Closes every font; the struct may be initialised again. */
void fonts_release(struct fonts *fonts);

#endif
