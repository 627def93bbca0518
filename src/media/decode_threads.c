/* Decoding threads by picture rate. libvlc's default is one more thread than the cores;
 * libavcodec's frame threads each keep pictures of their own and wait for each other on every
 * picture. Up to 1080p at 30 a second one thread keeps up even on a busy two-core PC, and it
 * took about a tenth less CPU and 13 MiB less memory on the benchmark clips (docs/video.md).
 * Beyond that (1080p60, 4K) libvlc's default stays: one core may not keep up. */
#include "media/decode_threads.h"

/* Pixels a second one thread is given: 1080p at 30 a second, with room for 1088-line
 * pictures and 30.x rates. */
#define ONE_THREAD_PIXEL_RATE (1920LL * 1088 * 31)

int decode_threads(int width, int height, int64_t frame_ms)
{
	if (width <= 0 || height <= 0 || frame_ms <= 0)
		return 0;
	return (long long)width * height * 1000 / frame_ms <= ONE_THREAD_PIXEL_RATE ? 1 : 0;
}
