/* Fallback fonts chosen per block of code points and opened per size and weight. */
#include "ui/fallback.h"

#include <stdlib.h>
#include <string.h>

#include "ui/font.h"

#define FACES 16
#define OPENED 32
#define BLOCKS (0x110000 >> 8)
#define NONE 0xFF /* in choice: no font has the block's code points */

struct opened {
	TTF_Font *font;
	unsigned face;
	int px;
	bool bold;
};

struct fallback {
	struct font_face faces[FACES];
	unsigned face_count;
	struct opened opened[OPENED];
	unsigned opened_count;
	/* per weight (regular, bold) and block: 0 not chosen yet, NONE, else 1 + face */
	uint8_t choice[2][BLOCKS];
};

struct fallback *fallback_new(void)
{
	return calloc(1, sizeof(struct fallback));
}

void fallback_forget(struct fallback *fb)
{
	for (unsigned i = 0; i < fb->opened_count; i++)
		TTF_CloseFont(fb->opened[i].font);
	fb->opened_count = 0;
}

void fallback_free(struct fallback *fb)
{
	if (!fb)
		return;
	fallback_forget(fb);
	free(fb);
}

/* face at px and weight, opened now if it is not yet; NULL when it cannot be. */
static TTF_Font *open_face(struct fallback *fb, unsigned face, int px, bool bold)
{
	const struct font_face *f = &fb->faces[face];
	TTF_Font *font;

	for (unsigned i = 0; i < fb->opened_count; i++)
		if (fb->opened[i].face == face && fb->opened[i].px == px && fb->opened[i].bold == bold)
			return fb->opened[i].font;
	if (fb->opened_count == OPENED || !(font = TTF_OpenFontIndex(f->path, px, f->index)))
		return NULL;
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	/* A face with no bold of its own is made bolder, so a bold heading stays bold. */
	if (bold && !f->bold)
		TTF_SetFontStyle(font, TTF_STYLE_BOLD);
	fb->opened[fb->opened_count++] = (struct opened){font, face, px, bold};
	return font;
}

/* The face for cp's block at this weight: one already open that has cp (no look-up), else
 * fontconfig's choice, added to the faces. */
static unsigned choose(struct fallback *fb, uint32_t cp, bool bold)
{
	struct font_face face;

	for (unsigned i = 0; i < fb->opened_count; i++)
		if (fb->opened[i].bold == bold && TTF_GlyphIsProvided32(fb->opened[i].font, cp))
			return 1 + fb->opened[i].face;
	if (!fonts_fallback(cp, bold, &face))
		return NONE;
	for (unsigned i = 0; i < fb->face_count; i++)
		if (!strcmp(fb->faces[i].path, face.path) && fb->faces[i].index == face.index)
			return 1 + i;
	if (fb->face_count == FACES)
		return NONE;
	fb->faces[fb->face_count] = face;
	return 1 + fb->face_count++;
}

TTF_Font *fallback_get(struct fallback *fb, uint32_t cp, int px, bool bold)
{
	uint8_t *choice;
	TTF_Font *font;

	if (cp >= 0x110000 || px <= 0)
		return NULL;
	choice = &fb->choice[bold][cp >> 8];
	if (!*choice)
		*choice = (uint8_t)choose(fb, cp, bold);
	if (*choice == NONE || !(font = open_face(fb, *choice - 1u, px, bold)))
		return NULL;
	return TTF_GlyphIsProvided32(font, cp) ? font : NULL;
}
