/* Video pictures into a window's pixels with libswscale. */
#include "ui/picture_convert.h"

#include <libswscale/swscale.h>
#include <stdlib.h>

#include "ui/swscale_lazy.h"

struct lazylib lazy_swscale = LAZYLIB_INIT(RJK_SONAME_SWSCALE);

struct picture_convert {
	struct SwsContext *ctx; /* for the size, format and colours below */
	int width, height;
	enum AVPixelFormat format;
	SDL_YUV_CONVERSION_MODE mode;
	bool unavailable; /* libswscale could not be opened */
};

struct picture_convert *picture_convert_new(void)
{
	return calloc(1, sizeof(struct picture_convert));
}

void picture_convert_free(struct picture_convert *pc)
{
	if (!pc)
		return;
	if (pc->ctx)
		sws_freeContext(pc->ctx);
	free(pc);
}

/* libswscale's name for an SDL 32-bit format, by the order of its bytes in memory. */
static enum AVPixelFormat av_format(Uint32 format)
{
	switch (format) {
	case SDL_PIXELFORMAT_XRGB8888:
		return SDL_BYTEORDER == SDL_LIL_ENDIAN ? AV_PIX_FMT_BGR0 : AV_PIX_FMT_0RGB;
	case SDL_PIXELFORMAT_XBGR8888:
		return SDL_BYTEORDER == SDL_LIL_ENDIAN ? AV_PIX_FMT_RGB0 : AV_PIX_FMT_0BGR;
	case SDL_PIXELFORMAT_ARGB8888:
		return SDL_BYTEORDER == SDL_LIL_ENDIAN ? AV_PIX_FMT_BGRA : AV_PIX_FMT_ARGB;
	case SDL_PIXELFORMAT_ABGR8888:
		return SDL_BYTEORDER == SDL_LIL_ENDIAN ? AV_PIX_FMT_RGBA : AV_PIX_FMT_ABGR;
	default:
		return AV_PIX_FMT_NONE;
	}
}

/* A context for the picture's size and colours and the target format; false if none. */
static bool prepare(struct picture_convert *pc, int width, int height, enum AVPixelFormat format)
{
	SDL_YUV_CONVERSION_MODE mode = SDL_GetYUVConversionModeForResolution(width, height);
	if (pc->ctx && pc->width == width && pc->height == height && pc->format == format &&
	    pc->mode == mode)
		return true;
	if (pc->ctx)
		sws_freeContext(pc->ctx);
	/* Same size: libswscale's unscaled converter, which ignores the scaling method. */
	pc->ctx = sws_getContext(width, height, AV_PIX_FMT_YUV420P, width, height, format,
				 SWS_POINT, NULL, NULL, NULL);
	if (!pc->ctx)
		return false;
	int colours = mode == SDL_YUV_CONVERSION_BT709 ? SWS_CS_ITU709 : SWS_CS_ITU601;
	int full_range = mode == SDL_YUV_CONVERSION_JPEG;
	sws_setColorspaceDetails(pc->ctx, sws_getCoefficients(colours), full_range,
				 sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
	pc->width = width;
	pc->height = height;
	pc->format = format;
	pc->mode = mode;
	return true;
}

bool picture_convert_run(struct picture_convert *pc, const struct player_frame *f, Uint32 format,
			 void *dst, int pitch)
{
	enum AVPixelFormat av = av_format(format);
	if (av == AV_PIX_FMT_NONE || pc->unavailable || f->width < 1 || f->height < 1)
		return false;
	struct rjk_error err = { { 0 } };
	if (!lazylib_open(&lazy_swscale, &err)) {
		SDL_LogError(SDL_LOG_CATEGORY_RENDER, "video pictures through textures: %s",
			     err.message);
		pc->unavailable = true;
		return false;
	}
	if (!prepare(pc, f->width, f->height, av))
		return false;
	const uint8_t *const planes[4] = { f->planes[0], f->planes[1], f->planes[2], NULL };
	const int pitches[4] = { f->pitches[0], f->pitches[1], f->pitches[2], 0 };
	uint8_t *const out[4] = { dst, NULL, NULL, NULL };
	const int out_pitches[4] = { pitch, 0, 0, 0 };
	return sws_scale(pc->ctx, planes, pitches, 0, f->height, out, out_pitches) == f->height;
}
