/* The libvlc player's state, shared by its main-thread half (player_vlc.c) and the callbacks
 * that libvlc calls on its own threads (vlc_callbacks.c). Private to src/media. */
#ifndef RJK_VLC_PLAYER_H
#define RJK_VLC_PLAYER_H

#include "media/frame_pool.h"
#include "media/player.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <vlc/vlc.h>

/* What libvlc's threads report to the main thread (bits in shared.events). */
enum {
	EV_PARSED = 1 << 0,
	EV_PLAYING = 1 << 1,
	EV_END = 1 << 2,
	EV_ERROR = 1 << 3,
	EV_FRAME = 1 << 4,
	EV_CUE = 1 << 5,
	EV_TIME = 1 << 6,
	EV_STALE = 1 << 7, /* a picture decoded before a seek was shown after it */
};

/* What a picture libvlc's output shows is, as far as the output can tell. */
enum picture_news {
	PICTURE_UNKNOWN, /* libvlc's memory output cannot tell */
	PICTURE_NEW,     /* not shown before */
	PICTURE_REPAINT, /* the last one again: nothing new came for a while (paused) */
	PICTURE_STALE,   /* decoded from data read before a seek, shown after it */
};

#define NO_TIME INT64_MIN

/* Everything libvlc's threads touch, under one lock. */
struct shared {
	pthread_mutex_t lock;
	unsigned events;
	int64_t anchor_ms;      /* media time at anchor_us */
	int64_t anchor_us;      /* monotonic clock */
	bool clock_running;     /* time advances from the anchor (playing) */
	bool vlc_paused;        /* libvlc's last word was Paused (not Playing) */
	bool anchor_on_frame;   /* the next picture shown is at anchor_ms (after a start or seek) */
	int64_t length_ms;
	int width, height;      /* the track's real size, 0 when unknown */
	int fit_w, fit_h;       /* player_fit_to's size, 0 x 0 for the video's own */
	unsigned sar_num, sar_den;
	int64_t frame_ms;       /* one frame's duration */
	int64_t cue_ms;         /* pause on the first picture at this time; NO_TIME for none */
	int64_t fresh_until_us; /* pictures shown while the clock stands are new until then */
	int64_t clock_seen_us;  /* when libvlc last reported its time (monotonic), 0 never */
	int64_t floor_ms;       /* where the player last started, seeked or resumed: the
	                         * video does not go back before it by itself, so libvlc's times
	                         * before it are stale (its 0:00 as it starts further in) */
	float cache;            /* libvlc's last buffering figure, percent */
	bool still;             /* the output repaints its last picture: nothing new is coming */
	bool seek_shown;        /* a new picture has shown since the last paused seek */
};

struct vlc_player {
	struct player base;
	struct player_options opts;
	libvlc_instance_t *vlc;
	libvlc_media_t *media;
	libvlc_media_player_t *mp;
	struct frame_pool *pool;
	struct shared sh;
	/* Main thread only from here. */
	enum player_state state;
	char *path;
	char error[RJK_ERROR_MAX];
	bool parsed;
	bool want_play;       /* play() waits for the parse */
	bool started;         /* libvlc_media_player_play() called since the last stop */
	bool want_pause;      /* pause() came before the first picture */
	int64_t pending_seek; /* seek() before libvlc was playing, NO_TIME for none */
	int64_t seek_on_first; /* seek there once paused on the first picture, NO_TIME for none */
	/* A seek while paused (vlc_paused_seek.c): the point not given to libvlc yet (NO_TIME for
	 * none), when to act on it next (0 for never), and how often it was made again. */
	int64_t seek_wanted;
	int64_t settle_us;
	int64_t paused_ms;    /* time shown while paused after a seek, or at the end */
	bool paused_seek;     /* paused_ms holds: a seek while paused may not repaint at once */
	int seeks_again;
	int64_t deadline_us;  /* watchdog: a picture must show by then; 0 when off */
	uint64_t shown_at_start;
	/* Stall watchdog while playing: the last sign of progress (a picture that differs from the
	 * one before, or libvlc reporting its time), and the picture last looked at. */
	int64_t progress_us;
	int64_t progress_ms;  /* media time of the last picture that differed */
	uint64_t looked_serial;
	uint32_t looked_print;
	int volume;
};

/* Monotonic clock in microseconds, the time base of every field above. */
static inline int64_t vlc_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Sets the media time to ms now, and where the video last started, seeked or resumed; running:
 * the clock advances from the next picture shown. Main thread. */
void vlc_player_anchor(struct vlc_player *vp, int64_t ms, bool running);

/* Seeks to ms while paused, once libvlc is ready for it, and makes sure a picture from there
 * shows (vlc_paused_seek.c). Main thread, like the two below. */
void vlc_paused_seek(struct vlc_player *vp, int64_t ms);

/* Makes or checks the paused seek, from player_update() while paused, with its events. */
void vlc_paused_seek_settle(struct vlc_player *vp, unsigned events);

/* Forgets the paused seek (playing again, or closing); returns its point when libvlc has not
 * had it yet (playing should then start there), else NO_TIME. */
int64_t vlc_paused_seek_unmade(struct vlc_player *vp);

/* Formats one line and hands it to the options' log function (stderr for errors without one).
 * Any thread. */
void vlc_player_say(struct vlc_player *vp, enum player_log_level level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Sends libvlc's own log to vlc_player_say. Once, after libvlc_new. */
void vlc_callbacks_log(struct vlc_player *vp);

/* Attaches the picture callbacks and the player and parse events to vp->mp and vp->media,
 * both just created. */
void vlc_callbacks_attach(struct vlc_player *vp);

/* The size and sample aspect libvlc is asked to deliver width x height pictures of aspect
 * *sar_num:*sar_den at: the size they are drawn at when player_fit_to() asked for one (true:
 * libvlc scales, and the aspect becomes 1:1), else their own. Any thread. */
bool vlc_player_picture_size(struct vlc_player *vp, int width, int height, unsigned *out_w,
			     unsigned *out_h, unsigned *sar_num, unsigned *sar_den);

/* libvlc's video output thread: a picture goes on screen now. With lent NULL, picture is the
 * frame pool's token from frame_pool_write(); else libvlc's own picture, lent to the pool with
 * its pixels and release function (frame_pool_lend). Times it and wakes the main thread. */
void vlc_player_picture_shown(struct vlc_player *vp, const struct player_frame *lent,
			      void (*release)(void *picture), void *picture, enum picture_news news);

/* The player whose callbacks are lock and data (libvlc's "vmem-lock" and "vmem-data"), or NULL
 * when they are not this module's. */
struct vlc_player *vlc_callbacks_player(void *lock, void *data);

/* Detaches the parse event from vp->media before it is released. */
void vlc_callbacks_detach_media(struct vlc_player *vp);

#endif
