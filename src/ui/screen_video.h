/* The video screen: the picture letterboxed, the kiosk's own playback controls, the progress
 * bar and captions drawn on top, or a message when the video cannot be played. */
#ifndef RJK_UI_SCREEN_VIDEO_H
#define RJK_UI_SCREEN_VIDEO_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "ui/ui.h"
#include "ui/video_view.h"

/* What the video screen shows, kept up to date by whoever runs the player. Strings are
 * borrowed and must stay valid while attached. */
struct screen_video_state {
	struct video_view *view;  /* the picture (NULL: black) */
	const char *error;        /* not empty: the video cannot be played, and why */
	bool playing;
	bool controls;            /* the controls are shown (they fade out while playing) */
	int controls_alpha;       /* their opacity, 0..255 (below 255 while fading out) */
	bool captions_on;
	bool has_captions;        /* the scenario has a caption file that could be read */
	int volume;               /* 0..100 */
	int64_t time_ms, length_ms, watched_ms;
	const char *notice;       /* a brief message over the picture ("" for none) */
	const char *caption;      /* caption text showing now ("" for none) */
};

/* Attaches the state the video screen draws (borrowed; NULL detaches: the video screen then
 * shows the message screen). */
void screen_video_attach(struct ui *ui, const struct screen_video_state *state);

/* Where the last frame drew the caption box, and whether the whole caption showed in it (a cue
 * too long for CAPTION_LINES lines of the smallest caption font is cut); false when it drew
 * none (for tests). */
bool screen_video_caption_box(const struct ui *ui, SDL_Rect *box, bool *whole);

/* Where the progress bar is drawn now (its track; a press a little around it counts too);
 * false when the controls are not shown (for the test probe and tests). */
bool screen_video_seek_bar(struct ui *ui, SDL_Rect *bar);

#endif
