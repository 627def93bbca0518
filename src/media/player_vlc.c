/* The libvlc player's main-thread half: libvlc decodes into a frame pool through the callbacks
 * in vlc_callbacks.c; everything else happens here, in vlc_update(). */
#include "core/timecode.h"
#include "media/decode_threads.h"
#include "media/media_file.h"
#include "media/vlc_player.h"
#include "media/vlc_lazy.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lazylib lazy_vlc = LAZYLIB_INIT(RJK_SONAME_VLC);

/* A video whose last picture comes this much before its announced length was cut short. */
#define TRUNCATED_MS 1500

static struct vlc_player *from(struct player *p)
{
	return (struct vlc_player *)p;
}

static void fail(struct vlc_player *vp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(struct vlc_player *vp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(vp->error, sizeof vp->error, fmt, ap);
	va_end(ap);
	vlc_player_say(vp, PLAYER_LOG_ERROR, "%s", vp->error);
	vp->state = PLAYER_ERROR;
	vp->deadline_us = 0;
	vp->want_play = false;
	if (vp->mp && vp->started)
		libvlc_media_player_stop(vp->mp);
	vp->started = false;
}

void vlc_player_anchor(struct vlc_player *vp, int64_t ms, bool running)
{
	pthread_mutex_lock(&vp->sh.lock);
	vp->sh.anchor_ms = ms;
	vp->sh.floor_ms = ms;
	vp->sh.anchor_us = vlc_now_us();
	vp->sh.clock_running = running;
	vp->sh.anchor_on_frame = running;
	vp->sh.fresh_until_us = vp->sh.anchor_us + 1000000;
	pthread_mutex_unlock(&vp->sh.lock);
}

static void set_cue(struct vlc_player *vp, int64_t ms)
{
	pthread_mutex_lock(&vp->sh.lock);
	vp->sh.cue_ms = ms;
	pthread_mutex_unlock(&vp->sh.lock);
}

static void vlc_close(struct player *p)
{
	struct vlc_player *vp = from(p);
	if (vp->mp) {
		libvlc_media_player_stop(vp->mp);
		libvlc_media_player_release(vp->mp);
		vp->mp = NULL;
	}
	if (vp->media) {
		vlc_callbacks_detach_media(vp);
		libvlc_media_parse_stop(vp->media);
		libvlc_media_release(vp->media);
		vp->media = NULL;
	}
	free(vp->path);
	vp->path = NULL;
	pthread_mutex_lock(&vp->sh.lock);
	vp->sh.events = 0;
	vp->sh.anchor_ms = vp->sh.floor_ms = 0;
	vp->sh.clock_running = vp->sh.anchor_on_frame = vp->sh.vlc_paused = false;
	vp->sh.length_ms = 0;
	vp->sh.width = vp->sh.height = 0;
	vp->sh.sar_num = vp->sh.sar_den = 1;
	vp->sh.frame_ms = 40;
	vp->sh.cue_ms = NO_TIME;
	vp->sh.clock_seen_us = 0;
	vp->sh.cache = 100;
	pthread_mutex_unlock(&vp->sh.lock);
	vp->state = PLAYER_IDLE;
	vp->error[0] = '\0';
	vp->parsed = vp->want_play = vp->started = vp->want_pause = false;
	vp->pending_seek = vp->seek_on_first = NO_TIME;
	vlc_paused_seek_unmade(vp);
	vp->paused_ms = 0;
	vp->paused_seek = false;
	vp->deadline_us = 0;
	vp->progress_us = 0;
	vp->looked_serial = 0;
}

static bool vlc_open(struct player *p, const char *path, struct rjk_error *err)
{
	struct vlc_player *vp = from(p);
	vlc_close(p);
	if (!media_file_check(path, err))
		return false;
	vp->path = strdup(path);
	vp->media = libvlc_media_new_path(vp->vlc, path);
	if (vp->media)
		vp->mp = libvlc_media_player_new_from_media(vp->media);
	if (!vp->path || !vp->mp) {
		vlc_close(p);
		return rjk_error_set(err, "%s: cannot prepare video playback (out of memory?)", path);
	}
	vlc_callbacks_attach(vp);
	/* The track's real size and pixel aspect come from the parse; playback waits for it. */
	if (libvlc_media_parse_with_options(vp->media, libvlc_media_parse_local, 3000) != 0)
		vp->parsed = true;
	vp->state = PLAYER_OPENING;
	return true;
}

/* Reads the picture's size and aspect from the parsed tracks. Returns false for a file that
 * has sound and no picture track at all (an mp3, an ogg, an m4a). */
static bool read_tracks(struct vlc_player *vp)
{
	libvlc_media_track_t **tracks = NULL;
	unsigned n = libvlc_media_tracks_get(vp->media, &tracks);
	bool audio = false, video = false;
	for (unsigned i = 0; i < n; i++) {
		audio |= tracks[i]->i_type == libvlc_track_audio;
		video |= tracks[i]->i_type == libvlc_track_video;
	}
	for (unsigned i = 0; i < n; i++) {
		const libvlc_media_track_t *t = tracks[i];
		if (t->i_type != libvlc_track_video || !t->video->i_width || !t->video->i_height)
			continue;
		pthread_mutex_lock(&vp->sh.lock);
		vp->sh.width = (int)t->video->i_width;
		vp->sh.height = (int)t->video->i_height;
		vp->sh.sar_num = t->video->i_sar_num ? t->video->i_sar_num : 1;
		vp->sh.sar_den = t->video->i_sar_den ? t->video->i_sar_den : 1;
		if (t->video->i_frame_rate_num && t->video->i_frame_rate_den)
			vp->sh.frame_ms = 1000LL * t->video->i_frame_rate_den / t->video->i_frame_rate_num;
		int64_t frame_ms = vp->sh.frame_ms;
		pthread_mutex_unlock(&vp->sh.lock);
		if (decode_threads((int)t->video->i_width, (int)t->video->i_height, frame_ms) == 1)
			libvlc_media_add_option(vp->media, ":avcodec-threads=1");
		vlc_player_say(vp, PLAYER_LOG_NOTICE, "%s: video %ux%u, pixel aspect %u:%u", vp->path,
		    t->video->i_width, t->video->i_height, t->video->i_sar_num, t->video->i_sar_den);
		break;
	}
	libvlc_media_tracks_release(tracks, n);
	return video || !audio;
}

static void arm_watchdog(struct vlc_player *vp)
{
	vp->shown_at_start = frame_pool_shown(vp->pool);
	vp->deadline_us = vlc_now_us() + (int64_t)vp->opts.watchdog_ms * 1000;
}

/* Playing (again) from ms: libvlc has stall_ms to show progress. */
static void watch_stall(struct vlc_player *vp, int64_t ms)
{
	vp->progress_us = vlc_now_us();
	vp->progress_ms = ms;
}

/* Whether the newest picture differs from the one looked at before. libvlc repaints the last
 * picture several times a second when nothing new arrives, so a new picture proves nothing by
 * itself; a sample of its luma does. */
static bool picture_moved(struct vlc_player *vp)
{
	struct player_frame f;
	uint32_t h = 2166136261u;

	if (!frame_pool_acquire(vp->pool, vp->looked_serial, &f))
		return false;
	for (int r = 0; r < 16; r++) {
		const uint8_t *row = f.planes[0] + (size_t)f.pitches[0] * ((f.height - 1) * r / 15);
		for (int c = 0; c < 64; c++)
			h = (h ^ row[(f.width - 1) * c / 63]) * 16777619u;
	}
	frame_pool_release(vp->pool);
	bool moved = !vp->looked_serial || h != vp->looked_print;
	vp->looked_serial = f.serial;
	vp->looked_print = h;
	if (moved)
		vp->progress_ms = f.time_ms;
	return moved;
}

/* The stall watchdog, while playing: neither a different picture nor a time report from libvlc
 * for stall_ms means the source stopped delivering. libvlc's input thread reports its time
 * about every 300 ms while it runs (even when the value stands still, as after it has read the
 * whole file), and not at all while a read blocks; a still picture, a slide shown for seconds
 * or a video near its end therefore plays on. */
static void check_stall(struct vlc_player *vp)
{
	int64_t now = vlc_now_us();
	pthread_mutex_lock(&vp->sh.lock);
	int64_t clock_seen = vp->sh.clock_seen_us;
	float cache = vp->sh.cache;
	pthread_mutex_unlock(&vp->sh.lock);

	if (clock_seen > vp->progress_us)
		vp->progress_us = clock_seen;
	if (picture_moved(vp))
		vp->progress_us = now;
	if (now - vp->progress_us < (int64_t)vp->opts.stall_ms * 1000)
		return;
	char at[24], length[24], loading[48] = "";
	if (cache < 100)
		snprintf(loading, sizeof loading, " (still loading, %.0f%%)", cache);
	unsigned seconds = (vp->opts.stall_ms + 999) / 1000;
	fail(vp, "%s: the video stopped at %s of %s: nothing new came for %u second%s%s; the "
		 "file may be on a network share or USB stick that is no longer reachable, or "
		 "damaged from there on", vp->path, timecode_format(vp->progress_ms, at, sizeof at),
	     timecode_format(player_length_ms(&vp->base), length, sizeof length), seconds, seconds == 1 ? "" : "s",
	     loading);
}

/* A start further in that pauses at once (a cue at the start point: back to a film already
 * watched, held where the trainee was). libvlc shows a picture from 0:00 before a seek made as
 * it starts has landed, and paused on that picture it keeps it, labelled with the point. Such a
 * start therefore plays from 0:00, pauses on the first picture and then seeks while paused,
 * which shows the point's picture (vlc_paused_seek.c). */
static void plan_paused_start(struct vlc_player *vp)
{
	pthread_mutex_lock(&vp->sh.lock);
	int64_t cue = vp->sh.cue_ms, half_frame = vp->sh.frame_ms / 2;
	pthread_mutex_unlock(&vp->sh.lock);
	if (vp->pending_seek == NO_TIME || cue == NO_TIME || cue > vp->pending_seek + half_frame)
		return;
	vp->seek_on_first = vp->pending_seek < cue ? cue : vp->pending_seek;
	vp->pending_seek = NO_TIME;
	vp->want_pause = true;
	set_cue(vp, NO_TIME);
	vlc_player_anchor(vp, 0, false);
}

static void vlc_seek(struct player *p, int64_t ms);

/* The paused start's seek, at its first picture: paused there, or playing when play() came
 * again before it. */
static void seek_to_start_point(struct vlc_player *vp)
{
	int64_t ms = vp->seek_on_first;
	vp->seek_on_first = NO_TIME;
	vlc_seek(&vp->base, ms);
}

static void start(struct vlc_player *vp)
{
	vp->want_play = false;
	plan_paused_start(vp);
	pthread_mutex_lock(&vp->sh.lock);
	vp->sh.anchor_on_frame = true;
	vp->sh.fresh_until_us = vlc_now_us() + 1000000;
	pthread_mutex_unlock(&vp->sh.lock);
	if (libvlc_media_player_play(vp->mp) != 0) {
		fail(vp, "%s: libvlc could not start playback", vp->path);
		return;
	}
	if (!vp->started || vp->state == PLAYER_OPENING)
		arm_watchdog(vp);
	vp->started = true;
}

static void vlc_play(struct player *p)
{
	struct vlc_player *vp = from(p);
	int64_t resume_at = NO_TIME; /* a seek made while paused that libvlc has not had yet */
	vp->want_pause = false;
	switch (vp->state) {
	case PLAYER_IDLE:
	case PLAYER_ERROR:
	case PLAYER_PLAYING:
		return;
	case PLAYER_ENDED:
		/* After the end libvlc ignores play() until it is stopped. */
		libvlc_media_player_stop(vp->mp);
		vp->started = false;
		vlc_player_anchor(vp, vp->pending_seek == NO_TIME ? 0 : vp->pending_seek, false);
		vp->state = PLAYER_OPENING;
		break;
	case PLAYER_PAUSED:
		/* A pause and a play in quick succession (a cue's question passed at once) can both
		 * be dropped by libvlc, which then plays on and says neither Paused nor Playing: the
		 * clock keeps running unless libvlc said it paused (it then says Playing as well). */
		pthread_mutex_lock(&vp->sh.lock);
		bool vlc_paused = vp->sh.vlc_paused;
		pthread_mutex_unlock(&vp->sh.lock);
		vlc_player_anchor(vp, player_time_ms(p), !vlc_paused);
		watch_stall(vp, player_time_ms(p));
		resume_at = vlc_paused_seek_unmade(vp);
		vp->paused_seek = false;
		vp->state = PLAYER_PLAYING;
		break;
	case PLAYER_OPENING:
		if (vp->started)
			return; /* already on its way */
		break;
	}
	if (vp->parsed)
		start(vp);
	else
		vp->want_play = true;
	if (resume_at != NO_TIME)
		libvlc_media_player_set_time(vp->mp, resume_at);
}

static void vlc_pause(struct player *p)
{
	struct vlc_player *vp = from(p);
	if (vp->state == PLAYER_PLAYING) {
		/* The clock runs on until libvlc says it paused: pictures already on their way
		 * still show, each with its own time. */
		libvlc_media_player_set_pause(vp->mp, 1);
		vp->state = PLAYER_PAUSED;
	} else if (vp->state == PLAYER_OPENING) {
		/* Pausing before libvlc plays would stop it instead (it cannot tell yet whether the
		 * file can pause), and paused before the first picture it shows none: pause on the
		 * first picture. */
		vp->want_pause = true;
	}
}

static void vlc_seek(struct player *p, int64_t ms)
{
	struct vlc_player *vp = from(p);
	int64_t length = player_length_ms(p);
	if (ms < 0)
		ms = 0;
	if (length > 0 && ms > length)
		ms = length;
	switch (vp->state) {
	case PLAYER_PLAYING:
		vlc_player_anchor(vp, ms, true);
		libvlc_media_player_set_time(vp->mp, ms);
		watch_stall(vp, ms);
		break;
	case PLAYER_PAUSED:
		/* libvlc repaints a picture near ms a little later (or on resume); the time is ms
		 * from now on, and playing resumes exactly there. */
		vp->paused_ms = ms;
		vp->paused_seek = true;
		vlc_paused_seek(vp, ms);
		break;
	case PLAYER_ENDED:
		vp->pending_seek = ms;
		vp->paused_ms = ms;
		vlc_player_anchor(vp, ms, false);
		break;
	case PLAYER_OPENING:
		vp->pending_seek = ms;
		break;
	default:
		break;
	}
}

static void vlc_pause_at(struct player *p, int64_t ms)
{
	set_cue(from(p), ms < 0 ? NO_TIME : ms);
}

static void vlc_set_volume(struct player *p, int volume)
{
	struct vlc_player *vp = from(p);
	vp->volume = volume;
	if (vp->mp && vp->started)
		libvlc_audio_set_volume(vp->mp, volume);
}


static void vlc_fit_to(struct player *p, int width, int height)
{
	struct vlc_player *vp = from(p);
	pthread_mutex_lock(&vp->sh.lock);
	vp->sh.fit_w = width;
	vp->sh.fit_h = height;
	pthread_mutex_unlock(&vp->sh.lock);
}

static void on_started(struct vlc_player *vp)
{
	libvlc_audio_set_volume(vp->mp, vp->volume);
	if (vp->pending_seek != NO_TIME) {
		vlc_player_anchor(vp, vp->pending_seek, !vp->want_pause);
		libvlc_media_player_set_time(vp->mp, vp->pending_seek);
		vp->pending_seek = NO_TIME;
	}
}

static void on_end(struct vlc_player *vp)
{
	if (frame_pool_shown(vp->pool) == vp->shown_at_start) {
		fail(vp, "%s: the video shows no picture; the file may be damaged or in a format "
			 "this kiosk cannot play", vp->path);
		return;
	}
	int64_t length = player_length_ms(&vp->base), last = frame_pool_time(vp->pool);
	if (length > 0 && last >= 0 && last + TRUNCATED_MS < length) {
		char at[24], end[24];
		fail(vp, "%s: the video stops at %s of %s; the file looks truncated", vp->path,
		     timecode_format(last, at, sizeof at), timecode_format(length, end, sizeof end));
		return;
	}
	vp->state = PLAYER_ENDED;
	vp->deadline_us = 0;
	pthread_mutex_lock(&vp->sh.lock);
	vp->sh.clock_running = false;
	pthread_mutex_unlock(&vp->sh.lock);
	vp->paused_ms = player_length_ms(&vp->base);
	vp->paused_seek = true;
}

static unsigned vlc_update(struct player *p)
{
	struct vlc_player *vp = from(p);
	pthread_mutex_lock(&vp->sh.lock);
	unsigned ev = vp->sh.events;
	vp->sh.events = 0;
	pthread_mutex_unlock(&vp->sh.lock);
	enum player_state before = vp->state;
	unsigned changed = 0;
	if (!vp->mp)
		return 0;

	if ((ev & EV_PARSED) && !vp->parsed) {
		vp->parsed = true;
		if (!read_tracks(vp))
			fail(vp, "%s: this file has sound but no picture; the scenario's video must be a "
				 "video file (a sound recording can be turned into one with a still "
				 "picture)", vp->path);
		else if (vp->want_play)
			start(vp);
	}
	if (ev & EV_ERROR && vp->state != PLAYER_ERROR)
		fail(vp, "%s: the video cannot be played; the file may be damaged or in a format "
			 "this kiosk cannot play", vp->path);
	if (ev & EV_PLAYING && vp->started)
		on_started(vp);
	if (ev & EV_FRAME) {
		changed |= PLAYER_CHANGED_FRAME | PLAYER_CHANGED_TIME;
		if (vp->state == PLAYER_OPENING && frame_pool_shown(vp->pool) > vp->shown_at_start) {
			vp->state = PLAYER_PLAYING;
			vp->deadline_us = 0;
			watch_stall(vp, player_time_ms(p));
			if (vp->want_pause) {
				vp->want_pause = false;
				vlc_pause(p);
			}
			if (vp->seek_on_first != NO_TIME)
				seek_to_start_point(vp);
		}
	}
	if (vp->state == PLAYER_PAUSED)
		vlc_paused_seek_settle(vp, ev);
	if (ev & EV_CUE)
		vlc_pause(p);
	if (ev & EV_END && vp->state != PLAYER_ERROR && vp->started)
		on_end(vp);
	if (ev & EV_TIME)
		changed |= PLAYER_CHANGED_TIME;
	if (vp->deadline_us && vlc_now_us() >= vp->deadline_us && vp->state == PLAYER_OPENING)
		fail(vp, "%s: no picture after %u seconds; the file may be damaged or in a format "
			 "this kiosk cannot play", vp->path, (vp->opts.watchdog_ms + 999) / 1000);
	if (vp->state == PLAYER_PLAYING)
		check_stall(vp);
	if (vp->state != before)
		changed |= PLAYER_CHANGED_STATE;
	return changed;
}

static int vlc_timeout_ms(struct player *p)
{
	struct vlc_player *vp = from(p);
	int64_t due = vp->deadline_us;
	if (vp->state == PLAYER_PAUSED && vp->settle_us && (!due || vp->settle_us < due))
		due = vp->settle_us;
	if (vp->state == PLAYER_PLAYING) {
		int64_t stall = vp->progress_us + (int64_t)vp->opts.stall_ms * 1000;
		if (!due || stall < due)
			due = stall;
	}
	if (!due)
		return -1;
	int64_t left = (due - vlc_now_us() + 999) / 1000;
	return left < 0 ? 0 : (int)left;
}

static enum player_state vlc_state(struct player *p)
{
	return from(p)->state;
}

static int64_t vlc_length_ms(struct player *p)
{
	struct vlc_player *vp = from(p);
	pthread_mutex_lock(&vp->sh.lock);
	int64_t length = vp->sh.length_ms;
	pthread_mutex_unlock(&vp->sh.lock);
	return length > 0 ? length : 0;
}

static int64_t vlc_time_ms(struct player *p)
{
	struct vlc_player *vp = from(p);
	if ((vp->state == PLAYER_PAUSED || vp->state == PLAYER_ENDED) && vp->paused_seek)
		return vp->paused_ms;
	int64_t t = frame_pool_time(vp->pool);
	return t < 0 ? 0 : t;
}

static bool vlc_frame_acquire(struct player *p, uint64_t seen_serial, struct player_frame *out)
{
	return frame_pool_acquire(from(p)->pool, seen_serial, out);
}

static void vlc_frame_release(struct player *p)
{
	frame_pool_release(from(p)->pool);
}

static const char *vlc_error(struct player *p)
{
	return from(p)->error;
}

static void vlc_free(struct player *p)
{
	struct vlc_player *vp = from(p);
	vlc_close(p);
	if (vp->vlc)
		libvlc_release(vp->vlc);
	frame_pool_free(vp->pool);
	pthread_mutex_destroy(&vp->sh.lock);
	free(vp);
}

static const struct player_ops vlc_ops = {
	.name = "libvlc",
	.open = vlc_open,
	.close = vlc_close,
	.play = vlc_play,
	.pause = vlc_pause,
	.seek = vlc_seek,
	.pause_at = vlc_pause_at,
	.set_volume = vlc_set_volume,
	.update = vlc_update,
	.timeout_ms = vlc_timeout_ms,
	.state = vlc_state,
	.length_ms = vlc_length_ms,
	.time_ms = vlc_time_ms,
	.frame_acquire = vlc_frame_acquire,
	.frame_release = vlc_frame_release,
	.error = vlc_error,
	.free = vlc_free,
	.fit_to = vlc_fit_to,
};

struct player *player_vlc_new(const struct player_options *opts, struct rjk_error *err)
{
	struct vlc_player *vp = calloc(1, sizeof *vp);
	if (!vp)
		return rjk_error_set(err, "out of memory starting video playback"), NULL;
	vp->base.ops = &vlc_ops;
	vp->opts = *opts;
	if (!vp->opts.watchdog_ms)
		vp->opts.watchdog_ms = 4000;
	if (!vp->opts.stall_ms)
		vp->opts.stall_ms = 6000;
	vp->volume = opts->volume > 0 && opts->volume <= 100 ? opts->volume : 100;
	pthread_mutex_init(&vp->sh.lock, NULL);
	vp->pool = frame_pool_new();
	/* Captions are drawn by the kiosk at screen resolution, never burnt in by libvlc, so
	 * libvlc needs no text renderer (each video output it opens would load FreeType and build
	 * its font list, about 8 ms here).
	 * libvlc decodes pictures as far ahead of the screen as its file caching (1 s by default,
	 * meant for network file systems): at 1080p that holds up to 20 pictures of 3 MiB. The
	 * kiosk plays a local file, and 100 ms ahead drops no more pictures than 1 s, even with
	 * both cores of a two-core machine busy (see docs/video.md). With so little lead, a
	 * decoder that starts slowly (4K HEVC) is late at once, and libvlc's "hurry up" then throws
	 * away undecoded packets that later pictures are built on: grey, smeared pictures until
	 * the next key frame. Without it, late pictures are decoded whole and skipped at display,
	 * so a picture on screen is never damaged. */
	const char *args[] = {
		"--no-xlib", "--no-video-title-show", "--no-sub-autodetect-file",
		"--no-snapshot-preview", "--no-stats", "--quiet", "--file-caching=100",
		"--no-avcodec-hurry-up", "--text-renderer=none", "--aout=adummy",
	};
	int argc = (int)(sizeof args / sizeof args[0]) - (opts->silent ? 0 : 1);
	struct rjk_error load = {{0}};
	if (vp->pool && lazylib_open(&lazy_vlc, &load))
		vp->vlc = libvlc_new(argc, args);
	if (!vp->vlc) {
		const char *why = load.message[0] ? load.message : vp->pool ? libvlc_errmsg() : NULL;
		rjk_error_set(err, "cannot start libvlc%s%s; is vlc-plugin-base installed?",
			      why ? ": " : "", why ? why : "");
		vlc_free(&vp->base);
		return NULL;
	}
	vlc_callbacks_log(vp);
	vlc_close(&vp->base);
	return &vp->base;
}
