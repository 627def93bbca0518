/* Thank you: the answers are saved; the next trainee can start. */
#include "ui/view.h"

void screen_thanks(struct view *v, const struct session *s)
{
	const struct layout *l = v->lay;
	int x = l->column_x, w = l->column_w, y = l->unit * 8;

	view_header(v, session_scenario(s)->title, NULL, 0);
	y += view_paragraph(v, REGION_CONTENT, FONT_TITLE, COLOR_TEXT, "Thank you", x, y, w);
	y += l->unit * 4;
	y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT,
			    view_printf(v, "Your answers are saved on this machine, under "
					"\xe2\x80\x9c%s\xe2\x80\x9d. Only the facilitator can export "
					"them.", session_name(s)), x, y, w);
	y += l->unit * 3;
	y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT,
			    "Please hand over to the next trainee.", x, y, w);
	y += l->unit * 4;
	view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_MUTED,
		       "This screen goes back to the start on its own in half a minute.", x, y, w);
	view_footer(v, NULL, NULL, "Done", UI_FINISH);
}
