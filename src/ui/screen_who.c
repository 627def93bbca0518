/* Who is answering: an optional name or pseudonym. */
#include <string.h>

#include "ui/view.h"

/* Rows of the name as wrapped in a field of inner width w: the field shows them all, so no
 * part of a long name (in large text, on a narrow screen) is scrolled out of sight. */
static int name_rows(struct view *v, const struct editor *field, int w)
{
	const char *name = editor_text(field);
	struct textwrap wrap = {0};
	int rows = 1;

	if (*name && text_wrap(v->text, &wrap, v->fonts->font[FONT_BODY], name, strlen(name), w) &&
	    wrap.count > 1)
		rows = (int)wrap.count;
	textwrap_release(&wrap);
	return rows;
}

void screen_who(struct view *v, const struct session *s, const struct editor *field)
{
	const struct layout *l = v->lay;
	int x = l->column_x, w = l->column_w, y = l->unit * 6;
	int pad = l->unit * 2;
	struct item *box;

	view_header(v, session_scenario(s)->title, NULL, 0);
	y += view_paragraph(v, REGION_CONTENT, FONT_TITLE, COLOR_TEXT, "Who is answering?", x, y, w);
	y += l->unit * 3;
	y += view_paragraph(v, REGION_CONTENT, FONT_BODY, COLOR_TEXT,
			    "Type your name or a pseudonym. You can also leave this blank: the "
			    "kiosk then gives you a code such as \xe2\x80\x9cTrainee 3\xe2\x80\x9d.",
			    x, y, w);
	y += l->unit * 4;
	box = view_add(v, ITEM_EDITOR, REGION_CONTENT,
		       (SDL_Rect){x, y, w, v->fonts->line_h[FONT_BODY] *
				  name_rows(v, field, w - 2 * pad) + 2 * pad});
	box->action = UI_TEXT;
	box->sub = "Name or pseudonym (optional)";
	box->text = "";
	/* At the limit, say so: further keys type nothing, which would otherwise pass unseen. */
	if (field->edit && textedit_chars(field->edit) >= textedit_max_chars(field->edit)) {
		const char *limit = view_printf(v, "A name has at most %zu characters.",
						textedit_max_chars(field->edit));

		box->reveal_below = l->unit +
			view_paragraph(v, REGION_CONTENT, FONT_SMALL, COLOR_NOTICE, limit, x,
				       box->rect.y + box->rect.h + l->unit, w);
	}
	view_footer(v, "Back", NULL, "Continue", UI_WHO);
}
