/* Drawing the page a screen built (struct view) with the UI's renderer, theme, scroll and
 * focus. Internal to src/ui. */
#ifndef RJK_UI_DRAW_H
#define RJK_UI_DRAW_H

#include <SDL.h>

#include "ui/theme.h"
#include "ui/view.h"

struct ui;

/* Draws the whole page: background, content (scrolled), header, footer, the settings panel
 * when open, the on-screen keyboard when shown. */
void draw_page(struct ui *ui);
/* Draws one region's items and its focus ring (for screens that draw their own page). */
void draw_region(struct ui *ui, enum item_region region);
/* Fills r with c; outlines r with c, width pixels thick. */
void draw_fill(struct ui *ui, struct theme_color c, SDL_Rect r);
void draw_frame(struct ui *ui, struct theme_color c, SDL_Rect r, int width);
/* Fills r with c at alpha (0..255). */
void draw_fill_alpha(struct ui *ui, struct theme_color c, SDL_Rect r, int alpha);
/* An item's rectangle on screen (content items moved by the scroll). */
SDL_Rect draw_screen_rect(const struct ui *ui, const struct item *item);

#endif
