/* The video picture on screen: draws the player's newest frame letterboxed with its true
 * display aspect. */
#ifndef RJK_UI_VIDEO_VIEW_H
#define RJK_UI_VIDEO_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "media/player.h"

struct video_view;

/* renderer is borrowed and must outlive the view. NULL when memory runs out. */
struct video_view *video_view_new(SDL_Renderer *renderer);

/* NULL is a no-op. */
void video_view_free(struct video_view *view);

/* Main thread: notes the player's newest picture (player is borrowed until the next update
 * or the view is freed). Returns true when it is new and the screen needs redrawing. */
bool video_view_update(struct video_view *view, struct player *player);

/* Forgets the picture (a new video starts): draws black until the next frame. */
void video_view_clear(struct video_view *view);

/* Before playing: where the view converts pictures straight into the window (SDL's software
 * renderer), asks player for pictures already scaled to the window's size (player_fit_to), so
 * that no picture needs scaling here; elsewhere (a GPU renderer scales for free) asks for the
 * video's own size. */
void video_view_fit_player(struct video_view *view, struct player *player);

/* Draws the newest picture into area, centred and as large as fits with its display aspect,
 * and black bars over the rest of area; only black when there is no picture yet. The picture
 * goes through a streaming IYUV texture (one copy per new picture; the renderer converts
 * colour and scales), except with SDL's software renderer drawing to its window at the
 * picture's own size, where it is converted straight into the window surface. While the
 * player reopens or changes format the texture keeps the last picture. */
void video_view_draw(struct video_view *view, const SDL_Rect *area);

/* Where the picture lands inside area (captions sit on it). False when there is no picture. */
bool video_view_picture_rect(const struct video_view *view, const SDL_Rect *area, SDL_Rect *out);

/* The largest rectangle with the display aspect of a width x height picture made of
 * sar_num:sar_den pixels that fits centred in area. */
SDL_Rect video_view_fit(const SDL_Rect *area, int width, int height, unsigned sar_num,
			unsigned sar_den);

#endif
