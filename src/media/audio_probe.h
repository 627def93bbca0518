/* Whether the machine has a sound output the video can play through, asked once at start. */
#ifndef RJK_MEDIA_AUDIO_PROBE_H
#define RJK_MEDIA_AUDIO_PROBE_H

#include <stdbool.h>

#include "core/error.h"

/* Opens ALSA's "default" playback device once and closes it again, with ALSA's own error
 * printing silenced meanwhile (ALSA's "default" also leads to PipeWire or PulseAudio where
 * they are set up). True when it opens, or when it exists but is busy (another program plays
 * on it); false with the reason when there is no usable device (no sound card, or none the
 * kiosk's user may open). Call before libvlc starts: ALSA's error handler is process-wide. */
bool audio_probe(struct rjk_error *err);

#endif
