/* The two colour themes and the WCAG contrast computation that keeps them honest. */
#include "ui/theme.h"

#include <math.h>

static const struct theme normal = {
	.name = "normal",
	.bg = {0xf4, 0xf1, 0xea},
	.panel = {0xff, 0xff, 0xff},
	.text = {0x1a, 0x1d, 0x21},
	.muted = {0x4b, 0x51, 0x5a},
	.border = {0x6b, 0x70, 0x78},
	.primary = {0x1d, 0x4e, 0x7a},
	.primary_text = {0xff, 0xff, 0xff},
	.selected = {0x1d, 0x4e, 0x7a},
	.selected_text = {0xff, 0xff, 0xff},
	.focus = {0xb8, 0x43, 0x00},
	.notice = {0x9a, 0x2f, 0x00},
	.track = {0xd4, 0xd0, 0xc6},
	.video_rest = {0x33, 0x33, 0x33},
	.video_watched = {0x9a, 0x9a, 0x9a},
	.video_played = {0x6c, 0xb4, 0xee},
};

static const struct theme high_contrast = {
	.name = "high contrast",
	.bg = {0x00, 0x00, 0x00},
	.panel = {0x00, 0x00, 0x00},
	.text = {0xff, 0xff, 0xff},
	.muted = {0xe6, 0xe6, 0xe6},
	.border = {0xff, 0xff, 0xff},
	.primary = {0xff, 0xe0, 0x00},
	.primary_text = {0x00, 0x00, 0x00},
	.selected = {0xff, 0xe0, 0x00},
	.selected_text = {0x00, 0x00, 0x00},
	.focus = {0x00, 0xe5, 0xff},
	.notice = {0xff, 0xb0, 0x40},
	.track = {0x60, 0x60, 0x60},
	.video_rest = {0x33, 0x33, 0x33},
	.video_watched = {0x9a, 0x9a, 0x9a},
	.video_played = {0xff, 0xe0, 0x00},
};

const struct theme *theme_get(bool high_contrast_on)
{
	return high_contrast_on ? &high_contrast : &normal;
}

static double channel(uint8_t v)
{
	double c = v / 255.0;

	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(struct theme_color c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double theme_contrast(struct theme_color a, struct theme_color b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

SDL_Color theme_sdl_color(struct theme_color c)
{
	return (SDL_Color){c.r, c.g, c.b, 255};
}
