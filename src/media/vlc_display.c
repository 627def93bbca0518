/* A libvlc video output that lends the decoder's own pictures to the frame pool instead of
 * copying each one into it.
 *
 * libvlc's memory output ("vmem", behind libvlc_video_set_callbacks) copies every picture twice
 * on its output thread: its converter crops the decoder's padded picture into a picture of its
 * own, and the output copies that into the buffer the kiosk lent it (3 MiB each at 1080p). This
 * output takes the picture libvlc's core hands it and lends it to the frame pool as it is; the
 * main thread converts it to the screen straight from the decoder's memory and the pool gives it
 * back. Offering pictures in the decoder's own format also lets the decoder write into this
 * output's pictures directly. Scaling, when player_fit_to() asks for it, stays one libvlc pass
 * into these pictures.
 *
 * It is a libvlc module built into the program: libvlccore 3.0 looks up the table
 * vlc_static_modules in the program (a weak reference) when it loads, and the executables that
 * want this output export it (rjk_lend_pictures() in src/CMakeLists.txt). It answers to the name
 * "vmem" with a higher score than libvlc's own memory output, so libvlc_video_set_callbacks()
 * selects it, and it opens only for this player's callbacks. Where it cannot open (rotated
 * video, a program without the table), libvlc's own "vmem" plays through the same callbacks.
 * libvlccore's functions are called through lazylib, as libvlc is opened at the first video. */
#define MODULE_NAME rjkiosk
#define MODULE_STRING "rjkiosk"

#include <vlc_common.h>
#include <vlc_picture_pool.h>
#include <vlc_plugin.h>
#include <vlc_vout_display.h>

#include "media/vlc_player.h"
#include "media/vlc_lazy.h"

#define var_Inherit(...) LAZYLIB_CALL(lazy_vlc, var_Inherit)(__VA_ARGS__)
#define picture_pool_NewFromFormat(...) LAZYLIB_CALL(lazy_vlc, picture_pool_NewFromFormat)(__VA_ARGS__)
#define picture_pool_Release(...) LAZYLIB_CALL(lazy_vlc, picture_pool_Release)(__VA_ARGS__)
#define picture_Release(...) LAZYLIB_CALL(lazy_vlc, picture_Release)(__VA_ARGS__)
#define vlc_fourcc_GetChromaDescription(...) \
	LAZYLIB_CALL(lazy_vlc, vlc_fourcc_GetChromaDescription)(__VA_ARGS__)
#define subpicture_Delete(...) LAZYLIB_CALL(lazy_vlc, subpicture_Delete)(__VA_ARGS__)

struct vout_display_sys_t {
	struct vlc_player *vp;
	picture_pool_t *pool; /* made at the core's first request, freed at close */
	unsigned sar_num, sar_den;
	bool hardware;        /* opened for pictures in graphics memory: shows none */
	const picture_t *last; /* the picture shown last (compared only, never read) */
};

/* Pictures that stay in graphics memory (VAAPI, VDPAU), with no planes to read. */
static bool in_graphics_memory(vlc_fourcc_t chroma)
{
	const vlc_chroma_description_t *desc = vlc_fourcc_GetChromaDescription(chroma);
	return !desc || !desc->plane_count;
}

static void *inherit_address(vlc_object_t *obj, const char *name)
{
	vlc_value_t val;
	return var_Inherit(obj, name, VLC_VAR_ADDRESS, &val) == VLC_SUCCESS ? val.p_address : NULL;
}

static picture_pool_t *make_pool(vout_display_t *vd, unsigned count)
{
	vout_display_sys_t *sys = vd->sys;
	/* As many pictures as the core asks for, so that the decoder decodes into them. */
	if (!sys->pool)
		sys->pool = picture_pool_NewFromFormat(&vd->fmt, count);
	return sys->pool;
}

static void give_back(void *picture)
{
	picture_Release(picture);
}

static void display(vout_display_t *vd, picture_t *pic, subpicture_t *subpic)
{
	vout_display_sys_t *sys = vd->sys;
	if (subpic)
		subpicture_Delete(subpic);
	if (sys->hardware) {
		picture_Release(pic);
		return;
	}
	const video_format_t *fmt = &vd->fmt;
	struct player_frame pixels = {
		.width = (int)fmt->i_visible_width,
		.height = (int)fmt->i_visible_height,
		.sar_num = sys->sar_num,
		.sar_den = sys->sar_den,
	};
	/* The visible part of each plane; chroma planes are half size both ways in I420. */
	for (int k = 0; k < 3; k++) {
		unsigned shift = k ? 1 : 0;
		pixels.planes[k] = pic->p[k].p_pixels +
				   (size_t)(fmt->i_y_offset >> shift) * (size_t)pic->p[k].i_pitch +
				   (fmt->i_x_offset >> shift);
		pixels.pitches[k] = pic->p[k].i_pitch;
	}
	/* libvlc gives a picture the time it is due, from the stream's clock. A picture the decoder
	 * finished after a seek had reset that clock, from data read before it, gets none (libvlc
	 * logs "Timestamp conversion failed") and is shown all the same, being the first after
	 * the seek. */
	enum picture_news news = pic == sys->last		 ? PICTURE_REPAINT
				 : pic->date == VLC_TS_INVALID ? PICTURE_STALE
							       : PICTURE_NEW;
	sys->last = pic;
	vlc_player_picture_shown(sys->vp, &pixels, give_back, pic, news);
}

static int control(vout_display_t *vd, int query, va_list args)
{
	(void)vd;
	(void)args;
	switch (query) {
	/* The kiosk places and scales the picture itself. */
	case VOUT_DISPLAY_CHANGE_DISPLAY_SIZE:
	case VOUT_DISPLAY_CHANGE_DISPLAY_FILLED:
	case VOUT_DISPLAY_CHANGE_ZOOM:
	case VOUT_DISPLAY_CHANGE_SOURCE_ASPECT:
	case VOUT_DISPLAY_CHANGE_SOURCE_CROP:
		return VLC_SUCCESS;
	default:
		return VLC_EGENERIC;
	}
}

static int open_display(vlc_object_t *obj)
{
	vout_display_t *vd = (vout_display_t *)obj;
	struct vlc_player *vp =
		vlc_callbacks_player(inherit_address(obj, "vmem-lock"), inherit_address(obj, "vmem-data"));
	const video_format_t *src = &vd->source;
	/* Not this player's, or a picture libvlc's own output turns upright. */
	if (!vp || src->orientation != ORIENT_NORMAL || !src->i_visible_width ||
	    !src->i_visible_height)
		return VLC_EGENERIC;
	vout_display_sys_t *sys = calloc(1, sizeof *sys);
	if (!sys)
		return VLC_ENOMEM;
	sys->vp = vp;
	unsigned width, height;
	bool sar_known = src->i_sar_num && src->i_sar_den;
	sys->sar_num = sar_known ? src->i_sar_num : 1;
	sys->sar_den = sar_known ? src->i_sar_den : 1;
	bool scaled = vlc_player_picture_size(vp, (int)src->i_visible_width,
					      (int)src->i_visible_height, &width, &height,
					      &sys->sar_num, &sys->sar_den);
	video_format_t fmt = vd->fmt;
	/* Before settling on software decoding, libvlc's decoder tries each hardware decoder it
	 * was built with (VAAPI, then VDPAU) with an output for its pictures; with video callbacks
	 * libvlc has turned hardware decoding off, so each try fails once the output is up. Taking
	 * those pictures as they are spares libvlc a converter chain per try (and the error line it
	 * logs when the first way of building one fails); such an output never shows a picture. */
	sys->hardware = in_graphics_memory(src->i_chroma);
	/* The decoder's own I420 (J420 counts as the same), padding and all: no conversion, the
	 * visible part is cut out when the kiosk reads it. Anything else goes through libvlc's
	 * converter once, into I420 at the size drawn. */
	bool direct = sys->hardware || (!scaled && (src->i_chroma == VLC_CODEC_I420 ||
						    src->i_chroma == VLC_CODEC_J420));
	if (!sys->hardware)
		fmt.i_chroma = VLC_CODEC_I420;
	if (!direct) {
		fmt.i_width = fmt.i_visible_width = width;
		fmt.i_height = fmt.i_visible_height = height;
		fmt.i_x_offset = fmt.i_y_offset = 0;
	}
	vd->fmt = fmt;
	vd->sys = sys;
	vd->pool = make_pool;
	vd->prepare = NULL;
	vd->display = display;
	vd->control = control;
	return VLC_SUCCESS;
}

static void close_display(vlc_object_t *obj)
{
	vout_display_t *vd = (vout_display_t *)obj;
	vout_display_sys_t *sys = vd->sys;
	/* The pool gives back the pictures it holds before theirs is freed. */
	frame_pool_reset(sys->vp->pool);
	if (sys->pool)
		picture_pool_Release(sys->pool);
	free(sys);
}

vlc_module_begin()
	set_shortname("rjkiosk")
	set_description("Pictures lent to the kiosk")
	set_capability("vout display", 1)
	add_shortcut("vmem")
	set_callbacks(open_display, close_display)
vlc_module_end()

/* Found by libvlccore when it loads: the entry points of built-in modules, NULL-terminated. */
typedef int (*module_entry)(vlc_set_cb, void *);
__attribute__((visibility("default"))) module_entry vlc_static_modules[] = {
	vlc_entry__rjkiosk,
	NULL,
};
