/* A test stand-in for a decoder too slow for the video at first (a 4K HEVC film on a small PC):
 * the first RJK_SLOW_PACKETS packets that libvlc's avcodec module sends to libavcodec each take
 * RJK_SLOW_MS longer, so the decoder falls behind the clock, as it does at the start of a heavy
 * video on a busy machine. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct AVCodecContext;
struct AVPacket;

int avcodec_send_packet(struct AVCodecContext *ctx, const struct AVPacket *pkt);

/* Finds the path of the libavcodec in memory, whatever its version. */
static int find_avcodec(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	if (!strstr(info->dlpi_name, "/libavcodec.so"))
		return 0;
	*(const char **)data = info->dlpi_name;
	return 1;
}

int avcodec_send_packet(struct AVCodecContext *ctx, const struct AVPacket *pkt)
{
	static int (*next)(struct AVCodecContext *, const struct AVPacket *);
	static atomic_int sent;
	const char *count = getenv("RJK_SLOW_PACKETS"), *ms = getenv("RJK_SLOW_MS");

	if (!next) {
		/* libavcodec is loaded with libvlc's avcodec plugin, in the plugin's own scope, so
		 * RTLD_NEXT cannot see it: ask for the library already in memory by name. */
		const char *path = NULL;
		void *lib;

		dl_iterate_phdr(find_avcodec, &path);
		lib = path ? dlopen(path, RTLD_NOW | RTLD_NOLOAD) : NULL;

		next = (int (*)(struct AVCodecContext *, const struct AVPacket *))dlsym(
			lib ? lib : RTLD_NEXT, "avcodec_send_packet");
		if (!next)
			abort();
	}
	if (pkt && count && ms && atomic_fetch_add(&sent, 1) < atoi(count)) {
		long wait = atol(ms);
		struct timespec ts = {wait / 1000, (wait % 1000) * 1000000L};

		nanosleep(&ts, NULL);
	}
	return next(ctx, pkt);
}
