/* The "Aa" panel: text size from 100% to 200% and the high-contrast theme. */
#include <string.h>

#include "ui/view.h"

void screen_settings(struct view *v, const struct ui_settings *settings)
{
	const struct layout *l = v->lay;
	int pad = l->unit * 4;
	int w = l->column_w < l->body_px * 20 ? l->column_w : l->body_px * 20;
	int x = (l->w - w) / 2, inner = w - 2 * pad;
	int h = pad * 2 + v->fonts->line_h[FONT_HEADING] + l->target * 3 + l->unit * 10;
	int y = (l->h - h) / 2, cy = y + pad;
	const char *size = view_printf(v, "%d%%", settings->text_percent);
	struct item *contrast;
	SDL_Rect smaller, larger;
	int size_w;

	if (y < 0)
		y = 0;
	view_add(v, ITEM_PANEL, REGION_OVERLAY, (SDL_Rect){x, y, w, h});
	cy += view_line(v, REGION_OVERLAY, FONT_HEADING, COLOR_TEXT, "Text size and contrast",
			x + pad, cy, inner);
	cy += l->unit * 3;
	/* Rectangles copied: adding items may move the array their pointers point into. */
	smaller = view_button(v, REGION_OVERLAY, "Smaller", ACT_TEXT_SMALLER, STYLE_SECONDARY,
			      x + pad, cy)->rect;
	larger = view_button(v, REGION_OVERLAY, "Larger", ACT_TEXT_LARGER, STYLE_SECONDARY,
			     x + w - pad - view_button_width(v, "Larger"), cy)->rect;
	size_w = text_width(v->text, v->fonts->font[FONT_BODY], size, strlen(size));
	view_line(v, REGION_OVERLAY, FONT_BODY, COLOR_TEXT, size,
		  smaller.x + smaller.w + (larger.x - smaller.x - smaller.w - size_w) / 2,
		  cy + (l->target - v->fonts->line_h[FONT_BODY]) / 2, size_w);
	cy += l->target + l->unit * 3;
	contrast = view_add(v, ITEM_OPTION, REGION_OVERLAY, (SDL_Rect){x + pad, cy, inner, l->target});
	contrast->text = "High contrast";
	contrast->len = strlen(contrast->text);
	contrast->font = FONT_BODY;
	contrast->style = STYLE_CHECK;
	contrast->action = ACT_CONTRAST;
	contrast->selected = settings->high_contrast;
	cy += l->target + l->unit * 4;
	view_button(v, REGION_OVERLAY, "Close", ACT_SETTINGS_CLOSE, STYLE_PRIMARY, 0, cy)->rect.x =
		x + w - pad - view_button_width(v, "Close");
}
