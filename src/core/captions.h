/* Caption files (.srt and .vtt): parsed leniently into a sorted list of timed cues. */
#ifndef RJK_CORE_CAPTIONS_H
#define RJK_CORE_CAPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

#define CAPTIONS_MAX_FILE_BYTES (5 * 1024 * 1024)

struct caption_cue {
	int64_t start_ms;
	int64_t end_ms;        /* always after start_ms */
	char *text;            /* plain UTF-8, tags removed, lines joined by '\n', never empty */
	int line;              /* line of the timing line in the file (1-based) */
};

struct captions {
	struct caption_cue *cues; /* sorted by start time, then by order in the file */
	size_t count;
	int64_t *end_max;      /* end_max[i]: latest end_ms among cues[0..i] (speeds up lookups) */
};

/* Parses a caption file's bytes. name is used in warnings ("NAME:LINE:COL: message"). The format
 * is WebVTT when the text starts with "WEBVTT", SubRip otherwise. Never fails on bad content:
 * cues that cannot be read are skipped with a warning added to warnings (which may be NULL),
 * and what could be read is returned, possibly no cue at all. Returns NULL only when memory
 * runs out or len exceeds CAPTIONS_MAX_FILE_BYTES. Free with captions_free. */
struct captions *captions_parse(const char *name, const char *data, size_t len,
				struct rjk_diags *warnings);

/* Reads and parses a caption file. Fails (NULL, err filled) only when the file cannot be read
 * or is larger than CAPTIONS_MAX_FILE_BYTES; bad content gives warnings, as captions_parse. */
struct captions *captions_load(const char *path, struct rjk_diags *warnings,
			       struct rjk_error *err);

/* captions_parse for checking a file rather than playing it: the problems that cost the viewer
 * a caption (a cue or a line skipped, an empty file, nothing read) go to errors, the ones the
 * reader works around (no WEBVTT line, no blank line between cues) to warnings as
 * "NAME:LINE:COL: warning: message". errors must not be NULL; warnings may be. */
struct captions *captions_check(const char *name, const char *data, size_t len,
				struct rjk_diags *errors, struct rjk_diags *warnings);

/* captions_check on the file at path, naming it name in messages; fails as captions_load. */
struct captions *captions_check_file(const char *path, const char *name,
				     struct rjk_diags *errors, struct rjk_diags *warnings,
				     struct rjk_error *err);

/* Frees captions; NULL is a no-op. */
void captions_free(struct captions *captions);

/* The cues showing at time ms (start_ms <= ms < end_ms), in start order. Fills at most max
 * pointers into out (borrowed, valid until captions_free) and returns how many cues are
 * showing, which may exceed max. captions may be NULL (no cue). */
size_t captions_at(const struct captions *captions, int64_t ms, const struct caption_cue **out,
		   size_t max);

/* The first time after ms at which the set of showing cues changes, or -1 when it never does
 * again: lets a player redraw captions only when needed. */
int64_t captions_next_change(const struct captions *captions, int64_t ms);

#endif
