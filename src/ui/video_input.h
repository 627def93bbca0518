/* Input on the video screen: the playback keys, and the progress bar under the pointer (press,
 * drag, release and hover, by mouse or finger) turned into a seek. Internal to src/ui. */
#ifndef RJK_UI_VIDEO_INPUT_H
#define RJK_UI_VIDEO_INPUT_H

#include <stdbool.h>

#include <SDL.h>

#include "core/session.h"
#include "ui/ui.h"

/* The progress bar under the pointer: a press or drag on it, by mouse or finger, and where
 * along it; or the mouse hovering over it. The video screen draws from it. */
struct video_pointer {
	bool seeking, touch, hover;
	int x;                    /* renderer pixels */
	SDL_Cursor *hand;         /* the mouse pointer over the bar, made on first use, or NULL */
	bool hand_shown;
};

/* Playback keys on the video screen (Space, K, Left, Right, Home, C, Up, Down): true and *act
 * set when key is one of them. */
bool video_input_key(struct ui *ui, const SDL_Keysym *key, struct ui_action *act);

/* Presses, drags and releases that belong to the progress bar: true when ev was the bar's
 * (mouse moves that only hover over it return false), and the release gives UI_VIDEO_SEEK in
 * *act. Off the video screen a started drag is dropped. */
bool video_input_pointer(struct ui *ui, const struct session *session, const SDL_Event *ev,
			 struct ui_action *act);

/* The mouse no longer counts as over the bar (the controls went away). */
void video_input_hover_off(struct ui *ui);

/* Frees the cursor and puts the default one back. */
void video_input_release(struct video_pointer *pointer);

#endif
