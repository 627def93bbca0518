/* The scenario's content note, which the trainee reads before going on. */
#include "ui/view.h"

void screen_note(struct view *v, const struct session *s)
{
	const struct layout *l = v->lay;
	int x = l->column_x, w = l->column_w, y = l->unit * 6;

	view_header(v, session_scenario(s)->title, NULL, 0);
	y += view_paragraph(v, REGION_CONTENT, FONT_TITLE, COLOR_TEXT, "Before you begin", x, y, w);
	y += l->unit * 4;
	y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT,
			    view_reflow(v, session_scenario(s)->content_note), x, y, w);
	y += l->unit * 4;
	view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_MUTED,
		       "If you would rather not continue, you can stop here and speak to the "
		       "facilitator.", x, y, w);
	view_footer(v, NULL, NULL, "Continue", UI_NOTE_CONTINUE);
}
