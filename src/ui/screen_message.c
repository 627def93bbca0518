/* A problem the trainee must see, such as answers that could not be saved. */
#include "ui/view.h"

void screen_message(struct view *v, const struct session *s)
{
	const struct layout *l = v->lay;
	int x = l->column_x, w = l->column_w, y = l->unit * 6;

	view_header(v, session_scenario(s)->title, NULL, 0);
	y += view_paragraph(v, REGION_CONTENT, FONT_TITLE, COLOR_NOTICE, "Something went wrong",
			    x, y, w);
	y += l->unit * 4;
	view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT, session_message(s), x, y, w);
	view_footer(v, NULL, NULL, "Back to my answer", UI_DISMISS);
}

void screen_problem(struct view *v, const char *title, const char *text)
{
	const struct layout *l = v->lay;
	int x = l->column_x, w = l->column_w, y = l->unit * 6;

	y += view_paragraph(v, REGION_CONTENT, FONT_TITLE, COLOR_NOTICE,
			    title ? title : "The kiosk cannot start", x, y, w);
	y += l->unit * 4;
	view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT, text, x, y, w);
}
