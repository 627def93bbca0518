/* The start-up check for a sound output: ALSA's "default" device, opened once with ALSA's
 * error printing silenced. */
#include "media/audio_probe.h"

#include <alsa/asoundlib.h>
#include <errno.h>

#include "media/alsa_lazy.h"

struct lazylib lazy_alsa = LAZYLIB_INIT(RJK_SONAME_ALSA);

/* ALSA prints every failed open to standard error, several lines at a time (without a sound
 * card libvlc's retries wrote hundreds of them a second). */
static void quiet(const char *file, int line, const char *function, int err, const char *fmt,
		  ...)
{
	(void)file, (void)line, (void)function, (void)err, (void)fmt;
}

bool audio_probe(struct rjk_error *err)
{
	snd_pcm_t *pcm = NULL;
	struct rjk_error load = {{0}};

	if (!lazylib_open(&lazy_alsa, &load))
		return rjk_error_set(err, "no sound device (ALSA: %s)", load.message);
	snd_lib_error_set_handler(quiet);
	/* Non-blocking: a device another program holds answers EBUSY at once. */
	int rc = snd_pcm_open(&pcm, "default", SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK);
	if (rc == 0)
		snd_pcm_close(pcm);
	snd_lib_error_set_handler(NULL);
	if (rc == 0 || rc == -EBUSY || rc == -EAGAIN)
		return true;
	return rjk_error_set(err, "no sound device (ALSA \"default\": %s)", snd_strerror(rc));
}
