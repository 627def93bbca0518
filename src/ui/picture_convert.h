/* A video picture converted into a window's 32-bit pixels in one pass, straight from its three
 * I420 planes wherever they lie. libvlc's own pictures (media/vlc_display.c) keep their planes
 * apart, with the decoder's padding between them, so SDL_ConvertPixels, which wants SDL's IYUV
 * layout in one block, cannot read them; libswscale can, and is as fast (docs/video.md). The
 * colours follow SDL's rule for YUV: BT.601 up to 576 lines, BT.709 above, limited range. */
#ifndef RJK_UI_PICTURE_CONVERT_H
#define RJK_UI_PICTURE_CONVERT_H

#include <SDL.h>
#include <stdbool.h>

#include "media/player.h"

struct picture_convert;

/* NULL when memory runs out. Opens nothing: libswscale is opened at the first conversion. */
struct picture_convert *picture_convert_new(void);
void picture_convert_free(struct picture_convert *pc);

/* Writes the visible part of f into dst, f->width x f->height pixels of SDL pixel format
 * format, pitch bytes a line. False with nothing written when format is not a 32-bit RGB
 * format or libswscale cannot be opened (reported once on SDL's log): the caller draws the
 * picture another way. */
bool picture_convert_run(struct picture_convert *pc, const struct player_frame *f, Uint32 format,
			 void *dst, int pitch);

#endif
