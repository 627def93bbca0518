/* A fullscreen SDL program that checks what the kiosk relies on under cage: the Wayland video
 * driver, a window filling the output, the software renderer, and a clean exit. */
#include <SDL.h>
#include <stdio.h>
#include <string.h>

/* cage's headless backend makes one 1280x720 output. */
#define OUTPUT_W 1280
#define OUTPUT_H 720

int main(void)
{
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, "FAIL: SDL_Init: %s\n", SDL_GetError());
		return 1;
	}
	const char *driver = SDL_GetCurrentVideoDriver();
	SDL_Window *win = SDL_CreateWindow("rjkiosk probe", SDL_WINDOWPOS_UNDEFINED,
					   SDL_WINDOWPOS_UNDEFINED, 640, 480,
					   SDL_WINDOW_FULLSCREEN_DESKTOP);
	SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
	if (!ren) {
		fprintf(stderr, "FAIL: window or renderer: %s\n", SDL_GetError());
		return 1;
	}
	SDL_SetWindowKeyboardGrab(win, SDL_TRUE);
	int w = 0, h = 0;
	Uint32 pixel = 0;
	/* A few frames, so the compositor configures the window at the output's size. */
	for (int i = 0; i < 10; i++) {
		SDL_Event e;
		while (SDL_PollEvent(&e))
			;
		SDL_SetRenderDrawColor(ren, 0x10, 0x50, 0xa0, 0xff);
		SDL_RenderClear(ren);
		SDL_RenderPresent(ren);
		SDL_Delay(10);
	}
	SDL_GetWindowSize(win, &w, &h);
	SDL_Rect one = {w / 2, h / 2, 1, 1};
	SDL_SetRenderDrawColor(ren, 0x10, 0x50, 0xa0, 0xff);
	SDL_RenderClear(ren);
	SDL_RenderReadPixels(ren, &one, SDL_PIXELFORMAT_ARGB8888, &pixel, sizeof pixel);
	printf("driver %s, window %dx%d, pixel %06x\n", driver, w, h, (unsigned)(pixel & 0xffffff));
	SDL_DestroyRenderer(ren);
	SDL_DestroyWindow(win);
	SDL_Quit();
	if (strcmp(driver, "wayland") != 0 || w != OUTPUT_W || h != OUTPUT_H ||
	    (pixel & 0xffffff) != 0x1050a0) {
		fprintf(stderr, "FAIL: want driver wayland, window %dx%d, pixel 1050a0\n", OUTPUT_W,
			OUTPUT_H);
		return 1;
	}
	return 0;
}
