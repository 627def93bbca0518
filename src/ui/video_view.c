/* The video picture on screen: draws the player's newest frame letterboxed with its true
 * display aspect. */
#include "ui/video_view.h"

#include <stdlib.h>

#include "ui/picture_convert.h"

struct video_view {
	SDL_Renderer *renderer;
	struct player *player; /* borrowed from the last update */
	struct picture_convert *convert; /* pictures straight into the window */
	SDL_Texture *texture;
	int tex_width, tex_height;
	int width, height; /* the picture's size, 0 when none */
	unsigned sar_num, sar_den;
	uint64_t serial;     /* newest picture seen */
	uint64_t tex_serial; /* picture in the texture */
};

struct video_view *video_view_new(SDL_Renderer *renderer)
{
	struct video_view *view = calloc(1, sizeof *view);
	if (view && !(view->convert = picture_convert_new())) {
		free(view);
		return NULL;
	}
	if (view)
		view->renderer = renderer;
	return view;
}

void video_view_free(struct video_view *view)
{
	if (!view)
		return;
	if (view->texture)
		SDL_DestroyTexture(view->texture);
	picture_convert_free(view->convert);
	free(view);
}

static bool ensure_texture(struct video_view *view, int width, int height)
{
	if (view->texture && view->tex_width == width && view->tex_height == height)
		return true;
	if (view->texture)
		SDL_DestroyTexture(view->texture);
	view->texture = SDL_CreateTexture(view->renderer, SDL_PIXELFORMAT_IYUV,
					  SDL_TEXTUREACCESS_STREAMING, width, height);
	if (!view->texture) {
		SDL_LogError(SDL_LOG_CATEGORY_RENDER, "video picture %dx%d: %s", width, height,
			     SDL_GetError());
		view->tex_width = view->tex_height = 0;
		return false;
	}
	SDL_SetTextureScaleMode(view->texture, SDL_ScaleModeLinear);
	view->tex_width = width;
	view->tex_height = height;
	return true;
}

bool video_view_update(struct video_view *view, struct player *player)
{
	struct player_frame f;
	view->player = player;
	if (!player_frame_acquire(player, view->serial, &f))
		return false;
	player_frame_release(player);
	view->serial = f.serial;
	view->width = f.width;
	view->height = f.height;
	view->sar_num = f.sar_num;
	view->sar_den = f.sar_den;
	return true;
}

/* The surface the renderer draws into when it is SDL's software renderer drawing to its window:
 * a picture shown at its own size is converted straight into it. NULL otherwise. */
static SDL_Surface *direct_target(struct video_view *view)
{
	SDL_RendererInfo info;
	SDL_Window *window = SDL_RenderGetWindow(view->renderer);
	if (!window || SDL_GetRenderTarget(view->renderer) ||
	    SDL_GetRendererInfo(view->renderer, &info) != 0 || !(info.flags & SDL_RENDERER_SOFTWARE))
		return NULL;
	SDL_Surface *surface = SDL_GetWindowSurface(window);
	if (!surface || SDL_MUSTLOCK(surface) || surface->format->BytesPerPixel != 4)
		return NULL;
	return surface;
}

/* One conversion from the player's buffer into the window: no texture, no full-screen blit. */
static bool draw_direct(struct video_view *view, const SDL_Rect *pic)
{
	SDL_Surface *surface = direct_target(view);
	if (!surface || pic->w != view->width || pic->h != view->height || pic->x < 0 || pic->y < 0 ||
	    pic->x + pic->w > surface->w || pic->y + pic->h > surface->h)
		return false;
	struct player_frame f;
	if (!player_frame_acquire(view->player, 0, &f))
		return false;
	bool ok = false;
	if (f.width == pic->w && f.height == pic->h) {
		/* Whatever was queued before (the bars) must land first. */
		SDL_RenderFlush(view->renderer);
		uint8_t *dst = (uint8_t *)surface->pixels + (size_t)pic->y * surface->pitch +
			       (size_t)pic->x * 4;
		ok = picture_convert_run(view->convert, &f, surface->format->format, dst,
					 surface->pitch);
	}
	player_frame_release(view->player);
	return ok;
}

/* Uploads the newest picture to the texture (one copy) if the texture is older. */
static bool upload(struct video_view *view)
{
	if (view->texture && view->tex_serial == view->serial)
		return true;
	struct player_frame f;
	if (!player_frame_acquire(view->player, 0, &f))
		return view->texture != NULL;
	bool ok = ensure_texture(view, f.width, f.height) &&
		  SDL_UpdateYUVTexture(view->texture, NULL, f.planes[0], f.pitches[0], f.planes[1],
				       f.pitches[1], f.planes[2], f.pitches[2]) == 0;
	player_frame_release(view->player);
	if (ok)
		view->tex_serial = f.serial;
	return ok;
}

void video_view_clear(struct video_view *view)
{
	view->width = view->height = 0;
}

void video_view_fit_player(struct video_view *view, struct player *player)
{
	int w = 0, h = 0;
	if (!direct_target(view) || SDL_GetRendererOutputSize(view->renderer, &w, &h) != 0)
		w = h = 0;
	player_fit_to(player, w, h);
}

SDL_Rect video_view_fit(const SDL_Rect *area, int width, int height, unsigned sar_num,
			unsigned sar_den)
{
	if (width <= 0 || height <= 0 || area->w <= 0 || area->h <= 0)
		return (SDL_Rect){ area->x, area->y, 0, 0 };
	double shown_width = (double)width * (sar_num ? sar_num : 1) / (sar_den ? sar_den : 1);
	double scale_w = area->w / shown_width, scale_h = (double)area->h / height;
	SDL_Rect r;
	if (scale_w <= scale_h) {
		r.w = area->w;
		r.h = (int)(height * scale_w + 0.5);
	} else {
		r.w = (int)(shown_width * scale_h + 0.5);
		r.h = area->h;
	}
	r.x = area->x + (area->w - r.w) / 2;
	r.y = area->y + (area->h - r.h) / 2;
	return r;
}

bool video_view_picture_rect(const struct video_view *view, const SDL_Rect *area, SDL_Rect *out)
{
	if (!view->width || !view->player)
		return false;
	*out = video_view_fit(area, view->width, view->height, view->sar_num, view->sar_den);
	return out->w > 0 && out->h > 0;
}

void video_view_draw(struct video_view *view, const SDL_Rect *area)
{
	SDL_Rect pic;
	uint8_t r, g, b, a;
	SDL_GetRenderDrawColor(view->renderer, &r, &g, &b, &a);
	SDL_SetRenderDrawColor(view->renderer, 0, 0, 0, 255);
	if (!video_view_picture_rect(view, area, &pic)) {
		SDL_RenderFillRect(view->renderer, area);
	} else {
		/* Paint only the bars: the picture covers the rest, and filling under it costs a
		 * full screen of writes per frame with the software renderer. */
		SDL_Rect bars[2];
		if (pic.w < area->w) {
			bars[0] = (SDL_Rect){ area->x, area->y, pic.x - area->x, area->h };
			bars[1] = (SDL_Rect){ pic.x + pic.w, area->y,
					      area->x + area->w - pic.x - pic.w, area->h };
		} else {
			bars[0] = (SDL_Rect){ area->x, area->y, area->w, pic.y - area->y };
			bars[1] = (SDL_Rect){ area->x, pic.y + pic.h, area->w,
					      area->y + area->h - pic.y - pic.h };
		}
		for (int i = 0; i < 2; i++)
			if (bars[i].w > 0 && bars[i].h > 0)
				SDL_RenderFillRect(view->renderer, &bars[i]);
		if (!draw_direct(view, &pic)) {
			if (upload(view))
				SDL_RenderCopy(view->renderer, view->texture, NULL, &pic);
			else
				SDL_RenderFillRect(view->renderer, &pic);
		}
	}
	SDL_SetRenderDrawColor(view->renderer, r, g, b, a);
}
