/* Fallback fonts: for a code point the kiosk's font lacks, a font that has it, looked up when
 * first needed and opened at the size and weight of the text it is drawn in. */
#ifndef RJK_UI_FALLBACK_H
#define RJK_UI_FALLBACK_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL_ttf.h>

struct fallback;

/* An empty set of fallbacks: nothing is looked up or opened until asked for. NULL when out of
 * memory. */
struct fallback *fallback_new(void);
void fallback_free(struct fallback *fb);

/* A font having cp at px pixels, bold or regular, with light hinting (as the kiosk's fonts):
 * borrowed, valid until fallback_forget or fallback_free. NULL when no installed font has cp.
 * The choice is made once per block of 256 code points and weight: a font already open that
 * has cp, else fontconfig's (ui/font.h); a code point of the block that font lacks has none. */
TTF_Font *fallback_get(struct fallback *fb, uint32_t cp, int px, bool bold);

/* Closes the fonts opened (the kiosk's fonts were reopened at other sizes); the choices per
 * block are kept, so they reopen without a new look-up. */
void fallback_forget(struct fallback *fb);

#endif
