/* The room display in presenter mode: a second window on the second display, drawn with its
 * own renderer from the pictures the debrief makes. */
#include "app/room_window.h"

#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xinerama.h>

#include "ui/page.h"

struct room_window {
	SDL_Window *window;
	SDL_Renderer *ren;
};

/* The second head of an X server that joins its screens with Xinerama (as Xvfb +xinerama
 * does): SDL 2.26 sees displays only through RandR, which reports such a server as one. */
static bool xinerama_second_head(SDL_Rect *r)
{
	const char *driver = SDL_GetCurrentVideoDriver();
	XineramaScreenInfo *heads;
	Display *dpy;
	int n = 0;

	if (!driver || strcmp(driver, "x11") || !(dpy = XOpenDisplay(NULL)))
		return false;
	heads = XineramaIsActive(dpy) ? XineramaQueryScreens(dpy, &n) : NULL;
	if (heads && n >= 2)
		*r = (SDL_Rect){heads[1].x_org, heads[1].y_org, heads[1].width, heads[1].height};
	if (heads)
		XFree(heads);
	XCloseDisplay(dpy);
	return n >= 2;
}

/* Where the room's display is: SDL's second display, or Xinerama's second head. */
static bool second_display(SDL_Rect *r)
{
	if (SDL_GetNumVideoDisplays() >= 2 && SDL_GetDisplayBounds(1, r) == 0)
		return true;
	return xinerama_second_head(r);
}

struct room_window *room_window_open(void)
{
	struct room_window *w;
	SDL_Rect r;

	if (!second_display(&r))
		return NULL;
	w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->window = SDL_CreateWindow("rjkiosk: debrief", r.x, r.y, r.w, r.h,
				     SDL_WINDOW_BORDERLESS | SDL_WINDOW_SHOWN);
	if (w->window)
		w->ren = SDL_CreateRenderer(w->window, -1, 0);
	if (!w->ren) {
		SDL_Log("No window on the second display (%s): the debrief stays on this screen.",
			SDL_GetError());
		room_window_close(w);
		return NULL;
	}
	return w;
}

void room_window_close(struct room_window *w)
{
	if (!w)
		return;
	if (w->ren)
		SDL_DestroyRenderer(w->ren);
	if (w->window)
		SDL_DestroyWindow(w->window);
	free(w);
}

bool room_window_size(struct room_window *w, int *width, int *height)
{
	return w && SDL_GetRendererOutputSize(w->ren, width, height) == 0 && *width > 0 &&
	       *height > 0;
}

void room_window_show(struct room_window *w, const struct ui_picture *picture)
{
	if (!w)
		return;
	ui_draw_picture(w->ren, picture);
	SDL_RenderPresent(w->ren);
}
