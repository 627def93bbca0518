/* The I420 pictures shared by libvlc's threads (which write or lend them) and the main thread
 * (which reads them): either a small set of buffers of the pool's own that libvlc copies each
 * picture into, or libvlc's own decoded pictures, lent without a copy (media/vlc_display.c). A
 * pool holds one kind at a time. */
#ifndef RJK_MEDIA_FRAME_POOL_H
#define RJK_MEDIA_FRAME_POOL_H

#include <stdbool.h>
#include <stdint.h>

#include "media/player.h"

/* Buffers in the pool: libvlc writes one picture at a time (lock, copy, display), so two are
 * enough: the newest shown stays intact for repaints while the next is written. Each costs a
 * whole picture (3 MiB at 1080p), which is why there are no more. */
#define FRAME_POOL_BUFFERS 2

struct frame_pool;

/* NULL when memory runs out. Free with frame_pool_free(). */
struct frame_pool *frame_pool_new(void);
void frame_pool_free(struct frame_pool *pool);

/* Decoder thread: (re)allocates the buffers for width x height pictures and fills the plane
 * pitches (multiples of 32) and line counts. Planes are 32-byte aligned and laid out as SDL's
 * IYUV (back to back, chroma pitch half the luma pitch). Waits while the reader holds a
 * buffer. The previous newest picture is dropped. False when memory runs out. */
bool frame_pool_setup(struct frame_pool *pool, int width, int height, unsigned sar_num,
		      unsigned sar_den, unsigned pitches[3], unsigned lines[3]);

/* Decoder thread: frees the buffers and gives lent pictures back (the format is changing or
 * playback stops). */
void frame_pool_reset(struct frame_pool *pool);

/* Decoder thread: lends a buffer to write the next picture into (planes filled). Returns its
 * token for frame_pool_show(). Waits only while the main thread is still reading an older
 * picture than the newest (one conversion, a few milliseconds); the newest is never
 * overwritten and the picture being read never changes under the reader. */
void *frame_pool_write(struct frame_pool *pool, void *planes[3]);

/* Decoder thread: the picture in token is now on screen with media time time_ms. A repeat
 * (libvlc repainting the same picture while paused) becomes the newest without a new serial,
 * so nobody uploads it again. Returns the serial. */
uint64_t frame_pool_show(struct frame_pool *pool, void *token, int64_t time_ms, bool repeat);

/* Video output thread: lends libvlc's picture (pixels: its visible planes, size and aspect)
 * as the newest, shown at media time time_ms. The pool gives the picture back with
 * release(picture) as soon as it is neither the newest nor being read, on whichever thread
 * lets go of it last. Own buffers are freed on the first lend. A repeat is as in
 * frame_pool_show(); the newest picture lent again is always one. Returns the serial. */
uint64_t frame_pool_lend(struct frame_pool *pool, const struct player_frame *pixels,
			 void (*release)(void *picture), void *picture, int64_t time_ms,
			 bool repeat);

/* Main thread: borrows the newest picture if its serial differs from seen_serial. */
bool frame_pool_acquire(struct frame_pool *pool, uint64_t seen_serial, struct player_frame *out);
void frame_pool_release(struct frame_pool *pool);

/* Any thread: the serial and media time of the newest picture (0 and -1 when none), and how
 * many pictures were shown since the pool was made. */
uint64_t frame_pool_serial(struct frame_pool *pool);
int64_t frame_pool_time(struct frame_pool *pool);
uint64_t frame_pool_shown(struct frame_pool *pool);

#endif
