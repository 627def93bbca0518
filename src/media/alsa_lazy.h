/* ALSA, opened at the sound check before the first video (core/lazylib.h). Included after
 * <alsa/asoundlib.h>; every ALSA function audio_probe.c calls is named here. */
#ifndef RJK_MEDIA_ALSA_LAZY_H
#define RJK_MEDIA_ALSA_LAZY_H

#include "core/lazylib.h"

extern struct lazylib lazy_alsa;

#define snd_lib_error_set_handler(...) LAZYLIB_CALL(lazy_alsa, snd_lib_error_set_handler)(__VA_ARGS__)
#define snd_pcm_close(...) LAZYLIB_CALL(lazy_alsa, snd_pcm_close)(__VA_ARGS__)
#define snd_pcm_open(...) LAZYLIB_CALL(lazy_alsa, snd_pcm_open)(__VA_ARGS__)
#define snd_strerror(...) LAZYLIB_CALL(lazy_alsa, snd_strerror)(__VA_ARGS__)

#endif
