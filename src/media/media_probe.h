/* What a video file holds, read by libvlc without playing it or opening a display: whether it
 * can be read at all, whether it has a picture, and how long it is. */
#ifndef RJK_MEDIA_PROBE_H
#define RJK_MEDIA_PROBE_H

#include <stdint.h>

#include "core/error.h"

/* How long a probe may take before the file counts as unreadable. */
#define MEDIA_PROBE_TIMEOUT_MS 5000

enum media_probe_result {
	MEDIA_PROBE_OK,          /* a video with a picture track; length_ms is known or -1 */
	MEDIA_PROBE_NO_LIBVLC,   /* libvlc could not start: nothing was learnt of the file */
	MEDIA_PROBE_BAD_FILE,    /* refused before libvlc looked (media_file_check) */
	MEDIA_PROBE_UNREADABLE,  /* libvlc found no picture or sound in it, or gave up */
	MEDIA_PROBE_NO_PICTURE,  /* sound (or captions) only */
};

struct media_probe {
	int64_t length_ms;       /* -1 when the file does not say */
	unsigned width, height;  /* of the first picture track */
};

/* Reads path (borrowed) with a silent libvlc instance of its own, parsing the local file only
 * (no network, no display, no sound output) for at most MEDIA_PROBE_TIMEOUT_MS. Fills out on
 * MEDIA_PROBE_OK; otherwise err holds "PATH: what is wrong" in plain words. */
enum media_probe_result media_probe(const char *path, struct media_probe *out,
				    struct rjk_error *err);

#endif
