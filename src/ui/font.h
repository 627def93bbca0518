/* The kiosk's fonts: found through fontconfig, opened with SDL2_ttf at the layout's sizes. */
#ifndef RJK_UI_FONT_H
#define RJK_UI_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* True for the roles drawn in the bold face: headings and titles. */
bool fonts_bold(int role);

/* The file a role's font is opened from (bold for headings and titles). */
const char *fonts_path(const struct fonts *fonts, int role);

/* (Re)opens every role at the given pixel sizes (body, small, heading, title). Headings and
 * titles use the bold face. */
bool fonts_resize(struct fonts *fonts, const int px[FONT_ROLE_COUNT], struct rjk_error *err);

/* A face in a font file: what TTF_OpenFontIndex opens. */
struct font_face {
	char path[1024];
	int index;
	bool bold; /* a bold face (else a bolder look must be made) */
};

/* A font that has code point cp, for drawing what the kiosk's font lacks: fontconfig's
 * sans-serif match among the fonts having cp, at the weight asked for (bold or regular).
 * fontconfig is started for the call in a private configuration and destroyed before it
 * returns (milliseconds: look each need up once). False when no installed font has cp. */
bool fonts_fallback(uint32_t cp, bool bold, struct font_face *face);

/* Closes every font; the struct may be initialised again. */
void fonts_release(struct fonts *fonts);

#endif
