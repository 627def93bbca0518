/* The debrief's room display in presenter mode: a borderless window filling the second
 * display (a projector), showing the room view while the kiosk's own screen shows the
 * facilitator's private page. Internal to src/app. */
#ifndef RJK_APP_ROOM_WINDOW_H
#define RJK_APP_ROOM_WINDOW_H

#include <stdbool.h>

struct room_window;

/* A window over the whole of the second display, or NULL when there is only one display
 * (or the window cannot be made: the debrief then runs on the one screen). */
struct room_window *room_window_open(void);
void room_window_close(struct room_window *w);

/* The window's size in pixels; false when it has none. */
bool room_window_size(struct room_window *w, int *width, int *height);

struct ui_picture;

/* Shows picture (borrowed for the call) filling the window. */
void room_window_show(struct room_window *w, const struct ui_picture *picture);

#endif
