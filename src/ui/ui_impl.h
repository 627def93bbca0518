/* Inside the UI object: its state, shared by ui.c (focus, scroll, input), draw.c, ui_probe.c
 * and the video screen's drawing and input (screen_video.c, video_input.c). Screens never see
 * it: they build into a struct view. Internal to src/ui. */
#ifndef RJK_UI_UI_IMPL_H
#define RJK_UI_UI_IMPL_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "core/session.h"
#include "ui/editor.h"
#include "ui/font.h"
#include "ui/layout.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/touch_keyboard.h"
#include "ui/ui.h"
#include "ui/video_input.h"
#include "ui/view.h"

struct ui {
	SDL_Window *window;
	SDL_Renderer *ren;
	struct fonts fonts;
	struct text *text;
	struct layout lay;
	const struct theme *theme;
	struct ui_settings settings;
	struct editor editor;
	struct view view;         /* the page the current screen built */
	struct textwrap wrap;     /* scratch for drawing (option labels, captions) */
	int scroll;

	int focus;                /* index into view.items of the focused control, -1 for none */
	int hover;
	int pressed;
	bool settings_open;
	bool confirm_open;        /* the question before Submit is over the review */
	bool stale;               /* items must be built again */
	bool dirty;               /* the frame must be drawn again */
	int64_t now;              /* time of the last draw, for builds between draws */
	bool eat_space;           /* Space pressed a control: drop the " " text it also sends */
	bool touch_scrolling;
	float touch_y;

	/* What the items were built for: a change resets focus, scroll and the editor. The
	 * journey's screen and step are those last built under no page and no message. */
	enum session_screen built_screen;
	size_t built_step;
	bool built_once;
	bool built_message;       /* the last build was the message screen (SESSION_MESSAGE) */
	/* Where the trainee was when a page or a message came over the journey, for when it
	 * goes. */
	int journey_scroll;
	bool journey_had_focus;
	int journey_focus_action, journey_focus_arg;
	int want_focus;           /* action of the control to focus after the next build, or 0 */
	int want_focus_arg;
	bool next_asked;          /* Next was pressed: if the step stays with a notice (an answer
	                             is needed), the next build focuses the question again */

	/* A page shown in place of the journey (ui/page.h), and which one was last built. */
	const struct ui_page *page;
	unsigned built_page;
	bool built_for_page;
	const struct screen_video_state *video; /* see screen_video.h; NULL when none */
	SDL_Rect caption_box;     /* drawn in the last frame, w == 0 for none */
	bool caption_whole;       /* that caption showed whole (not cut after its last line) */
	SDL_Texture *fade;        /* the video controls drawn while they fade out, or NULL */
	struct video_pointer seek; /* the progress bar under the pointer (video_input.c) */
	struct touch_keyboard osk; /* the on-screen keyboard (touch_keyboard.c) */
};

/* True while a panel (the "Aa" settings, the question before Submit) is over the page: only
 * its controls take focus and input. */
bool ui_overlay_open(const struct ui *ui);

/* Radio groups (ui_group.c): true when the item is where Tab stops (anything outside a radio
 * group; in one, its chosen member, or its first when none is chosen yet). */
bool ui_group_tab_stop(const struct ui *ui, int index);
/* True when a member of the group is chosen. */
bool ui_group_chosen(const struct ui *ui, int group);
/* True when the focused control is the text field. */
bool ui_editor_focused(const struct ui *ui);
/* A key pressed, as from a real keyboard: the one path for keys (ui.c). */
struct ui_action ui_key(struct ui *ui, const SDL_Keysym *key);
/* What an editing call did to the text field, turned into the trainee's action (ui.c): the one
 * path for typed text. */
struct ui_action ui_edited(struct ui *ui, enum editor_result r);

/* Builds the items again when they are stale. */
void ui_sync(struct ui *ui, const struct session *session);

/* True when the item takes focus and input now (while the settings panel is open, only its
 * controls do). */
bool ui_reachable(const struct ui *ui, const struct item *item);

/* Scrolls the page so that item index shows whole (content items only); ui_clamp_scroll
 * then keeps the scroll within the page. */
void ui_reveal(struct ui *ui, int index);
void ui_clamp_scroll(struct ui *ui);

/* Window coordinates to renderer pixels (they differ on high-density displays). */
void ui_to_pixels(const struct ui *ui, int *x, int *y);

/* Where the video's progress bar is (screen_video.c): hit where a press seeks (the row's full
 * height, and a little past both ends), bar the track drawn. False when it cannot be used now
 * (no video or an error, the settings panel or a page in front, an unknown length). */
bool screen_video_bar(struct ui *ui, SDL_Rect *hit, SDL_Rect *bar);

/* Draws the video screen (the picture, captions and controls) in place of draw_page. */
void screen_video_draw(struct ui *ui);

#endif
