/* What the scripted test executable may ask the running kiosk: the screen shown, the controls
 * and their places, the text field, the video's state, the stored answers and the frame's
 * pixels. One read-only interface, so scripts never reach into the UI, the facilitator's layer
 * or the video glue. Test-only. */
#ifndef RJK_SCRIPTED_PROBE_H
#define RJK_SCRIPTED_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "core/error.h"
#include "core/store.h"

struct kiosk;

/* The screen shown, as scripts name it: "facilitator:PAGE" under a facilitator page,
 * "step:ID" on a step, the session's screen name otherwise ("start", "review", ...), or
 * "problem" when the kiosk cannot run a session. Written into buf, which it returns. */
const char *probe_screen(const struct kiosk *kiosk, char *buf, size_t size);

/* True when the screen shown is want: as probe_screen names it, or "step" for any step. */
bool probe_screen_is(const struct kiosk *kiosk, const char *want);

/* True when a line of text on the screen shown holds text (the problem page's too). */
bool probe_shows_text(const struct kiosk *kiosk, const char *text);

/* True when the screen shown needs no scrolling: every control is in sight. */
bool probe_fits(const struct kiosk *kiosk);

/* Centre of the control labelled label ("Edit#3" for the third of several) on the screen
 * shown, brought into view as a trainee would scroll to it. False when there is none. */
bool probe_find_control(struct kiosk *kiosk, const char *label, int *x, int *y);

/* Label of the focused control ("" when none; "editor" for the text field). Borrowed until the
 * next call. */
const char *probe_focus_label(const struct kiosk *kiosk);

/* The text field's text ("" when the screen has none). Borrowed until the next event. */
const char *probe_editor_text(const struct kiosk *kiosk);

/* True when the on-screen keyboard shows. */
bool probe_keyboard_shown(const struct kiosk *kiosk);

/* True when the text field, as last drawn, shows all its text. */
bool probe_editor_shows_whole(const struct kiosk *kiosk);

/* Where the video's progress bar is drawn now; false when it is not shown. */
bool probe_seek_bar(struct kiosk *kiosk, SDL_Rect *bar);

/* The video: media time on screen (-1 without one), pictures shown since it started, the
 * brief notice over it and why it cannot be played ("" for none; borrowed until the next turn
 * of the loop). */
int64_t probe_video_time_ms(const struct kiosk *kiosk);
unsigned long probe_video_frames(const struct kiosk *kiosk);
const char *probe_video_notice(const struct kiosk *kiosk);
const char *probe_video_error(const struct kiosk *kiosk);

/* The trainee's stored answers, read through a second connection to the store as any later
 * reader would. The caller frees *responses with store_responses_free. False and err when
 * there is no session or the store cannot be read. */
bool probe_stored_responses(const struct kiosk *kiosk, struct stored_response **responses,
			    size_t *count, struct rjk_error *err);

/* Draws the whole frame again now, without presenting it, for the pixel checks below; then
 * probe_present shows it. */
void probe_draw(struct kiosk *kiosk);
void probe_present(struct kiosk *kiosk);

/* The frame's size in pixels. */
void probe_output_size(const struct kiosk *kiosk, int *w, int *h);

/* Reads the drawn frame's pixels in rect (NULL: all of it) as ARGB8888 rows of pitch bytes.
 * False and SDL_GetError() otherwise. */
bool probe_pixels(const struct kiosk *kiosk, const SDL_Rect *rect, void *pixels, int pitch);

/* After probe_draw: where the caption box was drawn and whether the whole caption showed in
 * it; false when none was. */
bool probe_caption_box(const struct kiosk *kiosk, SDL_Rect *box, bool *whole);

/* After probe_draw: every line of text lies inside the window and the focus ring shows in the
 * pixels read back. False and a description in err otherwise. */
bool probe_check_frame(struct kiosk *kiosk, struct rjk_error *err);

/* The kiosk window's id, for window events. */
Uint32 probe_window_id(const struct kiosk *kiosk);

#endif
