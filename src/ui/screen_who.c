/* Who is answering: an optional name or pseudonym. */
#include "ui/view.h"

void screen_who(struct view *v, const struct session *s)
{
	const struct layout *l = v->lay;
	int x = l->column_x, w = l->column_w, y = l->unit * 6;
	int pad = l->unit * 2;
	struct item *field;

	view_header(v, session_scenario(s)->title, NULL, 0);
	y += view_paragraph(v, REGION_CONTENT, FONT_TITLE, COLOR_TEXT, "Who is answering?", x, y, w);
	y += l->unit * 3;
	y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT,
			    "Type your name or a pseudonym. You can also leave this blank: the "
			    "kiosk then gives you a code such as \xe2\x80\x9cTrainee 3\xe2\x80\x9d.",
			    x, y, w);
	y += l->unit * 4;
	field = view_add(v, ITEM_EDITOR, REGION_CONTENT,
			 (SDL_Rect){x, y, w, v->fonts->line_h[FONT_BODY] + 2 * pad});
	field->action = UI_TEXT;
	field->sub = "Name or pseudonym (optional)";
	field->text = "";
	view_footer(v, "Back", NULL, "Continue", UI_WHO);
}
