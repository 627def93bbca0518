/* What a video file holds, read by libvlc's parser (see media_probe.h). */
#include "media/media_probe.h"

#include <pthread.h>
#include <stdbool.h>
#include <time.h>
#include <vlc/vlc.h>

#include "media/media_file.h"
#include "media/vlc_lazy.h"

/* The parse finishing, told by libvlc's thread to the caller's. */
struct parsed {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool done;
};

static void on_parsed(const struct libvlc_event_t *event, void *data)
{
	struct parsed *p = data;

	pthread_mutex_lock(&p->lock);
	p->done = true;
	pthread_cond_signal(&p->cond);
	pthread_mutex_unlock(&p->lock);
}

/* Starts the parse and waits for it; libvlc ends it by itself after MEDIA_PROBE_TIMEOUT_MS, and
 * the wait gives up a second later should that report never come. */
static libvlc_media_parsed_status_t parse(libvlc_media_t *media)
{
	libvlc_event_manager_t *events = libvlc_media_event_manager(media);
	struct parsed p = {.done = false};
	pthread_condattr_t attr;
	struct timespec until;

	pthread_mutex_init(&p.lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&p.cond, &attr);
	pthread_condattr_destroy(&attr);
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += MEDIA_PROBE_TIMEOUT_MS / 1000 + 1;
	libvlc_event_attach(events, libvlc_MediaParsedChanged, on_parsed, &p);
	if (libvlc_media_parse_with_options(media, libvlc_media_parse_local,
					    MEDIA_PROBE_TIMEOUT_MS) == 0) {
		pthread_mutex_lock(&p.lock);
		while (!p.done && pthread_cond_timedwait(&p.cond, &p.lock, &until) == 0)
			;
		pthread_mutex_unlock(&p.lock);
	}
	libvlc_media_parse_stop(media);
	libvlc_event_detach(events, libvlc_MediaParsedChanged, on_parsed, &p);
	pthread_cond_destroy(&p.cond);
	pthread_mutex_destroy(&p.lock);
	return libvlc_media_get_parsed_status(media);
}

/* libvlc either fails to parse a file it does not know or parses it into no track at all,
 * depending on its first bytes: either way it holds nothing the kiosk can show. */
static enum media_probe_result unreadable(const char *path, struct rjk_error *err)
{
	rjk_error_set(err, "%s: is not a video libvlc can read: it finds no picture or sound in "
		      "it (a damaged file, or another kind of file renamed?)", path);
	return MEDIA_PROBE_UNREADABLE;
}

/* Sorts the parsed tracks: a picture track is what the kiosk needs. */
static enum media_probe_result read_tracks(libvlc_media_t *media, const char *path,
					   struct media_probe *out, struct rjk_error *err)
{
	libvlc_media_track_t **tracks = NULL;
	unsigned n = libvlc_media_tracks_get(media, &tracks);
	bool picture = false;

	for (unsigned i = 0; i < n && !picture; i++) {
		if (tracks[i]->i_type != libvlc_track_video)
			continue;
		picture = true;
		out->width = tracks[i]->video->i_width;
		out->height = tracks[i]->video->i_height;
	}
	libvlc_media_tracks_release(tracks, n);
	if (!n)
		return unreadable(path, err);
	if (!picture) {
		rjk_error_set(err, "%s: has no picture, only sound or text; the kiosk needs a "
			      "video file", path);
		return MEDIA_PROBE_NO_PICTURE;
	}
	libvlc_time_t length = libvlc_media_get_duration(media);
	out->length_ms = length > 0 ? (int64_t)length : -1;
	return MEDIA_PROBE_OK;
}

enum media_probe_result media_probe(const char *path, struct media_probe *out,
				    struct rjk_error *err)
{
	/* As the player's instance, silent: nothing is played. */
	static const char *const args[] = {
		"--no-xlib", "--quiet", "--no-stats", "--no-sub-autodetect-file",
		"--no-video-title-show", "--no-snapshot-preview", "--aout=adummy",
	};
	enum media_probe_result result = MEDIA_PROBE_UNREADABLE;
	libvlc_instance_t *vlc = NULL;
	libvlc_media_t *media;

	*out = (struct media_probe){.length_ms = -1};
	if (!media_file_check(path, err))
		return MEDIA_PROBE_BAD_FILE;
	struct rjk_error load = {{0}};
	if (lazylib_open(&lazy_vlc, &load))
		vlc = libvlc_new((int)(sizeof args / sizeof args[0]), args);
	if (!vlc) {
		const char *why = load.message[0] ? load.message : libvlc_errmsg();

		rjk_error_set(err, "%s: cannot be checked: libvlc, the video player, could not "
			      "start%s%s; is vlc-plugin-base installed?", path, why ? ": " : "",
			      why ? why : "");
		return MEDIA_PROBE_NO_LIBVLC;
	}
	media = libvlc_media_new_path(vlc, path);
	if (!media) {
		rjk_error_set(err, "%s: cannot be checked: out of memory", path);
	} else {
		switch (parse(media)) {
		case libvlc_media_parsed_status_done:
			result = read_tracks(media, path, out, err);
			break;
		case libvlc_media_parsed_status_timeout:
			rjk_error_set(err, "%s: is not a video libvlc can read: it was still reading "
				      "it after %d seconds", path, MEDIA_PROBE_TIMEOUT_MS / 1000);
			break;
		default:
			unreadable(path, err);
			break;
		}
		libvlc_media_release(media);
	}
	libvlc_release(vlc);
	return result;
}
