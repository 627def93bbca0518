/* Video times as scenario authors write them ("1:30", "1:02:03.250") and as the UI shows them. */
#ifndef RJK_CORE_TIMECODE_H
#define RJK_CORE_TIMECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest time accepted: 99:59:59.999. */
#define TIMECODE_MAX_MS ((int64_t)100 * 3600 * 1000 - 1)

/* Parses "m:ss" (minutes 0 to 999) or "h:mm:ss" (hours 0 to 99), either optionally followed
 * by ".f", ".ff" or ".fff" (fractions of a second), into milliseconds. Seconds and, in the
 * long form, minutes are two digits from 00 to 59. Returns false for anything else. */
bool timecode_parse(const char *text, int64_t *ms);

/* Writes ms as "m:ss", or "h:mm:ss" from one hour on, into out (size outsz; 16 bytes always
 * suffice); negative times show as 0:00. Returns out. This is the one place a time becomes
 * m:ss, with one rounding rule: down to the whole second, as a video player's clock counts.
 * So a cue at 1:53.500 reads 1:53 in `rjkiosk check`, on the cue's screen and on the video's
 * clock when it pauses there. */
char *timecode_format(int64_t ms, char *out, size_t outsz);

/* Writes ms exactly as "h:mm:ss.mmm" (for exports and caption messages, where the
 * milliseconds matter) into out (size outsz; 24 bytes always suffice); negative times show
 * as 0:00:00.000. Returns out. */
char *timecode_format_ms(int64_t ms, char *out, size_t outsz);

#endif
