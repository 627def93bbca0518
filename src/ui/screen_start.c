/* The start screen: the scenario's title, a short welcome, and Start. */
#include "ui/view.h"

static const char welcome[] =
	"This kiosk walks you through a short training scenario: prompts to discuss with your "
	"group and questions to answer on your own. Your answers stay on this machine. You may "
	"pass any question that is not marked as required.";

/* A title longer than this many lines is cut with an ellipsis (the guide says so). */
#define START_TITLE_LINES 3

void screen_start(struct view *v, const struct session *s)
{
	const struct layout *l = v->lay;
	int x = l->column_x, w = l->column_w, y = l->unit * 8;

	view_header(v, NULL, NULL, 0);
	y += view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_MUTED, "Restorative justice training",
			    x, y, w);
	y += l->unit * 2;
	y += view_paragraph_max(v, REGION_CONTENT, FONT_TITLE, COLOR_TEXT,
				session_scenario(s)->title, x, y, w, START_TITLE_LINES);
	y += l->unit * 4;
	y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT, welcome, x, y, w);
	y += l->unit * 4;
	view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_MUTED,
		       "Press Start, or Ctrl+Enter, when you are ready.", x, y, w);
	view_footer(v, NULL, NULL, "Start", UI_START);
}
