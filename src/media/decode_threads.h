/* How many threads libvlc's decoder gets for a picture track. */
#ifndef RJK_MEDIA_DECODE_THREADS_H
#define RJK_MEDIA_DECODE_THREADS_H

#include <stdint.h>

/* 1 for a track of width x height at one picture every frame_ms up to 1080p at 30 a second,
 * 0 (libvlc's default: one more than the cores) for anything larger, faster or unknown. */
int decode_threads(int width, int height, int64_t frame_ms);

#endif
