/* The libvlc player's callbacks: they run on libvlc's threads, touch only the shared state under
 * its lock and the frame pool, never call libvlc, and wake the main thread. */
#include "media/vlc_player.h"
#include "media/vlc_lazy.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void vlc_player_say(struct vlc_player *vp, enum player_log_level level, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (vp->opts.log)
		vp->opts.log(vp->opts.log_data, level, line);
	else if (level >= PLAYER_LOG_ERROR)
		fprintf(stderr, "video: %s\n", line);
}

/* Runs on libvlc's threads. */
static void post(struct vlc_player *vp, unsigned events)
{
	pthread_mutex_lock(&vp->sh.lock);
	vp->sh.events |= events;
	pthread_mutex_unlock(&vp->sh.lock);
	if (vp->opts.wake)
		vp->opts.wake(vp->opts.wake_data);
}


static void on_log(void *data, int level, const libvlc_log_t *ctx, const char *fmt, va_list ap)
{
	struct vlc_player *vp = data;
	char text[200];
	vsnprintf(text, sizeof text, fmt, ap);
	const char *module = NULL, *file = NULL;
	unsigned line = 0;
	libvlc_log_get_context(ctx, &module, &file, &line);
	enum player_log_level mine = level >= LIBVLC_ERROR     ? PLAYER_LOG_ERROR
				     : level >= LIBVLC_WARNING ? PLAYER_LOG_WARNING
				     : level >= LIBVLC_NOTICE  ? PLAYER_LOG_NOTICE
							       : PLAYER_LOG_DEBUG;
	vlc_player_say(vp, mine, "libvlc %s: %s", module ? module : "core", text);
}

/* How far before the floor libvlc's time may be and still be taken: it reports a time at
 * most a few frames before where it was asked to start. */
#define STALE_MS 250

static void on_event(const struct libvlc_event_t *ev, void *data)
{
	struct vlc_player *vp = data;
	switch (ev->type) {
	case libvlc_MediaParsedChanged:
		post(vp, EV_PARSED);
		break;
	case libvlc_MediaPlayerPlaying:
		pthread_mutex_lock(&vp->sh.lock);
		vp->sh.clock_running = true;
		vp->sh.vlc_paused = false;
		vp->sh.anchor_us = vlc_now_us();
		pthread_mutex_unlock(&vp->sh.lock);
		post(vp, EV_PLAYING);
		break;
	case libvlc_MediaPlayerPaused:
		pthread_mutex_lock(&vp->sh.lock);
		vp->sh.vlc_paused = true;
		if (vp->sh.clock_running) {
			int64_t shown = frame_pool_time(vp->pool);
			vp->sh.clock_running = false;
			vp->sh.anchor_on_frame = false;
			vp->sh.anchor_ms = shown < 0 ? 0 : shown;
		}
		pthread_mutex_unlock(&vp->sh.lock);
		break;
	case libvlc_MediaPlayerEndReached:
		post(vp, EV_END);
		break;
	case libvlc_MediaPlayerEncounteredError:
		post(vp, EV_ERROR);
		break;
	case libvlc_MediaPlayerTimeChanged:
		/* The input clock runs ahead of the picture until the first frame is shown. A time
		 * before the floor is stale: libvlc reports 0:00 as it starts further in, at times
		 * after the first picture on a busy machine (the video, back from the first step,
		 * then paused at 0:00 instead of 2 s before the end). */
		pthread_mutex_lock(&vp->sh.lock);
		if (!vp->sh.anchor_on_frame &&
		    ev->u.media_player_time_changed.new_time + STALE_MS >= vp->sh.floor_ms) {
			vp->sh.anchor_ms = ev->u.media_player_time_changed.new_time;
			vp->sh.anchor_us = vlc_now_us();
		}
		vp->sh.clock_seen_us = vlc_now_us();
		pthread_mutex_unlock(&vp->sh.lock);
		post(vp, EV_TIME);
		break;
	case libvlc_MediaPlayerBuffering:
		pthread_mutex_lock(&vp->sh.lock);
		vp->sh.cache = ev->u.media_player_buffering.new_cache;
		pthread_mutex_unlock(&vp->sh.lock);
		break;
	case libvlc_MediaPlayerLengthChanged:
		pthread_mutex_lock(&vp->sh.lock);
		vp->sh.length_ms = ev->u.media_player_length_changed.new_length;
		pthread_mutex_unlock(&vp->sh.lock);
		post(vp, EV_TIME);
		break;
	default:
		break;
	}
}

/* The size w x h pictures (of sample aspect sar_num:sar_den) take, with square pixels, once
 * scaled to fit inside fit_w x fit_h; even, as I420's chroma wants. False when there is
 * nothing to fit to or nothing to change. */
static bool fitted_size(int w, int h, unsigned sar_num, unsigned sar_den, int fit_w, int fit_h,
			unsigned *out_w, unsigned *out_h)
{
	if (w <= 0 || h <= 0 || fit_w < 2 || fit_h < 2 || !sar_num || !sar_den)
		return false;
	double shown_w = (double)w * sar_num / sar_den;
	double scale = (double)fit_w / shown_w < (double)fit_h / h ? (double)fit_w / shown_w
								   : (double)fit_h / h;
	unsigned fw = (unsigned)(shown_w * scale + 0.5) & ~1u, fh = (unsigned)(h * scale + 0.5) & ~1u;
	if (fw < 2 || fh < 2 || (fw == (unsigned)w && fh == (unsigned)h && sar_num == sar_den))
		return false;
	*out_w = fw;
	*out_h = fh;
	return true;
}

bool vlc_player_picture_size(struct vlc_player *vp, int width, int height, unsigned *out_w,
			     unsigned *out_h, unsigned *sar_num, unsigned *sar_den)
{
	pthread_mutex_lock(&vp->sh.lock);
	int fit_w = vp->sh.fit_w, fit_h = vp->sh.fit_h;
	pthread_mutex_unlock(&vp->sh.lock);
	*out_w = (unsigned)width;
	*out_h = (unsigned)height;
	if (!fitted_size(width, height, *sar_num, *sar_den, fit_w, fit_h, out_w, out_h))
		return false;
	*sar_num = *sar_den = 1;
	return true;
}

static unsigned on_format(void **opaque, char *chroma, unsigned *width, unsigned *height,
			  unsigned *pitches, unsigned *lines)
{
	struct vlc_player *vp = *opaque;
	pthread_mutex_lock(&vp->sh.lock);
	int w = vp->sh.width, h = vp->sh.height;
	unsigned sar_num = vp->sh.sar_num, sar_den = vp->sh.sar_den;
	pthread_mutex_unlock(&vp->sh.lock);
	/* A film libvlc turns upright (a phone's, marked rotated) arrives turned: its track's size
	 * and pixel aspect the other way round. */
	if (w > 0 && h > 0 && ((unsigned)w > *width || (unsigned)h > *height) &&
	    (unsigned)h <= *width && (unsigned)w <= *height) {
		int turned = w;
		w = h;
		h = turned;
		unsigned aspect = sar_num;
		sar_num = sar_den;
		sar_den = aspect;
	}
	/* libvlc offers the decoder's padded size; the track knows the real one. libvlc's
	 * converter, which crops the padding anyway, scales in the same pass to the size the
	 * picture is drawn at: no scaling is left to the kiosk. */
	if (w > 0 && h > 0 && (unsigned)w <= *width && (unsigned)h <= *height)
		vlc_player_picture_size(vp, w, h, width, height, &sar_num, &sar_den);
	memcpy(chroma, "I420", 4);
	if (!frame_pool_setup(vp->pool, (int)*width, (int)*height, sar_num, sar_den, pitches, lines))
		return 0;
	return FRAME_POOL_BUFFERS;
}

static void on_cleanup(void *opaque)
{
	struct vlc_player *vp = opaque;
	frame_pool_reset(vp->pool);
}

static void *on_lock(void *opaque, void **planes)
{
	struct vlc_player *vp = opaque;
	return frame_pool_write(vp->pool, planes);
}

void vlc_player_picture_shown(struct vlc_player *vp, const struct player_frame *lent,
				  void (*release)(void *picture), void *picture, enum picture_news news)
{
	int64_t now = vlc_now_us();
	pthread_mutex_lock(&vp->sh.lock);
	if (vp->sh.anchor_on_frame && vp->sh.clock_running) {
		vp->sh.anchor_on_frame = false;
		vp->sh.anchor_us = now;
	}
	int64_t t = vp->sh.anchor_ms;
	if (vp->sh.clock_running)
		t += (now - vp->sh.anchor_us) / 1000;
	if (vp->sh.length_ms > 0 && t > vp->sh.length_ms)
		t = vp->sh.length_ms;
	if (t < 0)
		t = 0;
	/* Paused, libvlc repaints the same picture many times a second: not worth a wake-up. */
	bool repeat = !vp->sh.clock_running && now > vp->sh.fresh_until_us;
	unsigned events = repeat ? 0 : EV_FRAME;
	vp->sh.still = news == PICTURE_REPAINT;
	if (news == PICTURE_NEW || news == PICTURE_UNKNOWN)
		vp->sh.seek_shown = true;
	if (news == PICTURE_STALE)
		events |= EV_STALE;
	if (!repeat && vp->sh.cue_ms != NO_TIME && t + vp->sh.frame_ms / 2 >= vp->sh.cue_ms) {
		events |= EV_CUE;
		vp->sh.cue_ms = NO_TIME;
	}
	pthread_mutex_unlock(&vp->sh.lock);
	if (lent)
		frame_pool_lend(vp->pool, lent, release, picture, t, repeat);
	else
		frame_pool_show(vp->pool, picture, t, repeat);
	if (events)
		post(vp, events);
}

static void on_display(void *opaque, void *picture)
{
	vlc_player_picture_shown(opaque, NULL, NULL, picture, PICTURE_UNKNOWN);
}

static const libvlc_event_type_t player_events[] = {
	libvlc_MediaPlayerPlaying,     libvlc_MediaPlayerPaused,      libvlc_MediaPlayerEndReached,
	libvlc_MediaPlayerEncounteredError, libvlc_MediaPlayerTimeChanged,
	libvlc_MediaPlayerLengthChanged, libvlc_MediaPlayerBuffering,
};

struct vlc_player *vlc_callbacks_player(void *lock, void *data)
{
	return lock == (void *)on_lock ? data : NULL;
}

void vlc_callbacks_log(struct vlc_player *vp)
{
	libvlc_log_set(vp->vlc, on_log, vp);
}

void vlc_callbacks_attach(struct vlc_player *vp)
{
	libvlc_video_set_callbacks(vp->mp, on_lock, NULL, on_display, vp);
	libvlc_video_set_format_callbacks(vp->mp, on_format, on_cleanup);
	libvlc_event_manager_t *em = libvlc_media_player_event_manager(vp->mp);
	for (size_t i = 0; i < sizeof player_events / sizeof player_events[0]; i++)
		libvlc_event_attach(em, player_events[i], on_event, vp);
	libvlc_event_attach(libvlc_media_event_manager(vp->media), libvlc_MediaParsedChanged,
			    on_event, vp);
}

void vlc_callbacks_detach_media(struct vlc_player *vp)
{
	libvlc_event_detach(libvlc_media_event_manager(vp->media), libvlc_MediaParsedChanged,
			    on_event, vp);
}
