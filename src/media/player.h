/* Video playback behind a small table of operations: libvlc, or a null player that shows nothing. */
#ifndef RJK_MEDIA_PLAYER_H
#define RJK_MEDIA_PLAYER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"

/* Where a player is. Every change is seen by player_update() on the main thread. */
enum player_state {
	PLAYER_IDLE,    /* nothing open, or closed */
	PLAYER_OPENING, /* opened, no picture shown yet (player_play() starts it) */
	PLAYER_PLAYING,
	PLAYER_PAUSED,
	PLAYER_ENDED,   /* played to the end; player_play() starts again from the beginning */
	PLAYER_ERROR,   /* player_error() says why; close or open another file */
};

/* Log levels passed to the log function (libvlc's, in order). */
enum player_log_level { PLAYER_LOG_DEBUG, PLAYER_LOG_NOTICE, PLAYER_LOG_WARNING, PLAYER_LOG_ERROR };

struct player_options {
	bool silent;          /* no audio output at all (tests, silent runs) */
	int volume;           /* 0..100 at start; 0 in the struct means 100 */
	unsigned watchdog_ms; /* no picture this long after play means error; 0 means 4000 */
	/* While playing (not paused, not ended), no picture that differs from the last one and no
	 * time report from libvlc for this long means the source stalled (a network share or USB
	 * stick went away): error, with where it stopped. Restarts after every start, resume and
	 * seek; a buffering shorter than this is fine. 0 means 6000. */
	unsigned stall_ms;
	/* Called from libvlc's threads whenever something changed (a frame, an event). It must only
	 * wake the main thread (e.g. SDL_PushEvent), never call back into the player. May be NULL. */
	void (*wake)(void *data);
	void *wake_data;
	/* Receives libvlc's and the player's log lines from any thread; NULL prints errors to
	 * stderr (libvlc reports a few harmless ones at every start, while it tries hardware
	 * picture formats before settling on I420). */
	void (*log)(void *data, enum player_log_level level, const char *line);
	void *log_data;
};

/* The newest picture shown, in I420 (Y, U, V planes). Borrowed between player_frame_acquire()
 * and player_frame_release(). */
struct player_frame {
	const uint8_t *planes[3];
	int pitches[3];
	int width, height;         /* visible size, padding already cropped */
	unsigned sar_num, sar_den; /* sample (pixel) aspect ratio; 1:1 for square pixels */
	uint64_t serial;           /* grows by one or more with every new picture */
	int64_t time_ms;           /* media time of this picture */
};

/* What player_update() saw since the last call (bit set). */
enum {
	PLAYER_CHANGED_FRAME = 1 << 0, /* a new picture is waiting */
	PLAYER_CHANGED_STATE = 1 << 1, /* player_state() changed */
	PLAYER_CHANGED_TIME = 1 << 2,  /* length or time information moved */
};

struct player;

/* The operations one implementation provides; callers use the player_* functions below. */
struct player_ops {
	const char *name;
	bool (*open)(struct player *p, const char *path, struct rjk_error *err);
	void (*close)(struct player *p);
	void (*play)(struct player *p);
	void (*pause)(struct player *p);
	void (*seek)(struct player *p, int64_t ms);
	void (*pause_at)(struct player *p, int64_t ms);
	void (*set_volume)(struct player *p, int volume);
	unsigned (*update)(struct player *p);
	int (*timeout_ms)(struct player *p);
	enum player_state (*state)(struct player *p);
	int64_t (*length_ms)(struct player *p);
	int64_t (*time_ms)(struct player *p);
	bool (*frame_acquire)(struct player *p, uint64_t seen_serial, struct player_frame *out);
	void (*frame_release)(struct player *p);
	const char *(*error)(struct player *p);
	void (*free)(struct player *p);
	void (*fit_to)(struct player *p, int width, int height);   /* NULL: never scales */
};

/* Every implementation's struct starts with this header. */
struct player {
	const struct player_ops *ops;
};

/* A libvlc player. Starts libvlc once for the player's lifetime; fails with a message when
 * libvlc or its plugins are missing. opts is copied. Free with player_free(). */
struct player *player_vlc_new(const struct player_options *opts, struct rjk_error *err);

/* A player that opens nothing: player_open() fails with "no video" and the state stays idle.
 * Never returns NULL except when memory runs out. */
struct player *player_null_new(void);

/* Closes what is open and frees everything. NULL is a no-op. */
void player_free(struct player *p);

/* Opens a video file (borrowed path) without starting it; closes what was open before. Fails
 * at once for a missing, unreadable, empty or non-regular file and for a still picture.
 * Decoding problems surface later as PLAYER_ERROR, within a few seconds of player_play(). */
bool player_open(struct player *p, const char *path, struct rjk_error *err);

/* Closes the open file (state becomes idle). Safe when nothing is open. */
void player_close(struct player *p);

/* Plays from where it paused, or from the beginning after the end. */
void player_play(struct player *p);
void player_pause(struct player *p);

/* Moves to ms (clamped to the video); keeps playing or stays paused. */
void player_seek(struct player *p, int64_t ms);

/* Pauses on the first picture shown at or after ms (the picture on screen is then within a
 * frame of ms, and player_time_ms() is its time). A negative ms cancels. One pending point at a
 * time; it stays pending through pauses and seeks until reached (a seek past it pauses at
 * once). */
void player_pause_at(struct player *p, int64_t ms);

/* 0..100. */
void player_set_volume(struct player *p, int volume);

/* Asks for pictures already scaled to fit inside width x height, letterboxed, with square
 * pixels: the size they are drawn at, so that drawing them is a conversion without scaling
 * (libvlc's own scaler does it, in the pass that crops the decoder's padding). 0 x 0 (the
 * start) keeps the video's own size and pixel shape. Takes effect when libvlc next sets up its
 * picture format (at the start of playing a file). A player that cannot scale ignores it. */
void player_fit_to(struct player *p, int width, int height);

/* Main thread: applies what libvlc reported (events, frames, watchdog) and returns the
 * PLAYER_CHANGED_* bits. Call after every wake and when player_timeout_ms() runs out. */
unsigned player_update(struct player *p);

/* Milliseconds until player_update() has a deadline to check (the start watchdog, or the
 * stall watchdog while playing), or -1 for none. Use as the event-wait timeout. */
int player_timeout_ms(struct player *p);

enum player_state player_state(struct player *p);

/* Length in ms, 0 while unknown. */
int64_t player_length_ms(struct player *p);

/* Media time of the picture on screen now, in ms (what captions and cues follow). */
int64_t player_time_ms(struct player *p);

/* Main thread: borrows the newest picture if its serial differs from seen_serial (0 always
 * gets the newest). Returns false when there is none newer or one is already borrowed;
 * otherwise call player_frame_release() soon, and make no other player call in between:
 * libvlc keeps decoding into other buffers meanwhile, but a format change waits for it. */
bool player_frame_acquire(struct player *p, uint64_t seen_serial, struct player_frame *out);
void player_frame_release(struct player *p);

/* Why the player is in PLAYER_ERROR (empty otherwise). Borrowed until the next call. */
const char *player_error(struct player *p);

/* A short English name of a state, for logs and tests. */
const char *player_state_name(enum player_state state);

#endif
