/* The text field: key handling over core/textedit and drawing over core/textwrap. */
#include "ui/editor.h"

#include <stdlib.h>
#include <string.h>

/* A new text in the field: its view starts at the top, nothing composed. */
static void start(struct editor *ed, struct textedit *edit, bool single_line, bool borrowed)
{
	ed->edit = edit;
	ed->borrowed = borrowed;
	ed->single_line = single_line;
	ed->scroll = 0;
	ed->want_x = -1;
	ed->at_limit = false;
	ed->follow_caret = true;
	ed->at_line_end = false;
	ed->wrap_valid = false;
	if (edit)
		textedit_set_composition(edit, NULL);
}

bool editor_load(struct editor *ed, const char *text, size_t max_chars, bool single_line)
{
	if (!ed->own || textedit_max_chars(ed->own) != max_chars) {
		struct textedit *edit = textedit_new(max_chars);

		if (!edit) {
			start(ed, NULL, single_line, false);
			return false;
		}
		textedit_free(ed->own);
		ed->own = edit;
	}
	start(ed, ed->own, single_line, false);
	if (!textedit_set(ed->edit, text ? text : "")) {
		textedit_set(ed->edit, "");
		return false;
	}
	return true;
}

void editor_attach(struct editor *ed, struct textedit *edit, bool single_line)
{
	start(ed, edit, single_line, true);
	if (edit)
		textedit_set_caret(edit, textedit_len(edit));
}

void editor_return(struct editor *ed, struct textedit *edit, bool single_line)
{
	start(ed, edit, single_line, edit && edit != ed->own);
}

void editor_follow(struct editor *ed, struct textedit *edit)
{
	if (!ed->borrowed || ed->edit == edit)
		return;
	ed->edit = edit;
	ed->wrap_valid = false;
}

void editor_release(struct editor *ed)
{
	textedit_free(ed->own);
	textwrap_release(&ed->wrap);
	free(ed->shown);
	memset(ed, 0, sizeof *ed);
}

const char *editor_text(const struct editor *ed)
{
	return ed->edit ? textedit_text(ed->edit) : "";
}

/* Makes ed->shown (the text with the composition spliced in at the caret) and wraps it. */
static void relayout(struct editor *ed, struct text *text, TTF_Font *font, int width)
{
	const char *t = textedit_text(ed->edit);
	const char *comp = textedit_composition(ed->edit);
	size_t len = textedit_len(ed->edit), caret = textedit_caret(ed->edit);
	size_t clen = comp ? strlen(comp) : 0;
	char *shown;

	if (ed->wrap_valid && ed->wrap_rev == textedit_revision(ed->edit) && ed->wrap_w == width &&
	    ed->wrap_font == font && !clen && !ed->comp_len) {
		/* Only the caret moved: the shown text and its lines are still right (wrapping
		 * again would cost a pass over the whole text for every arrow key). */
		ed->shown_caret = caret;
		return;
	}
	shown = malloc(len + clen + 1);
	if (!shown)
		return;
	memcpy(shown, t, caret);
	memcpy(shown + caret, comp ? comp : "", clen);
	memcpy(shown + caret + clen, t + caret, len - caret + 1);
	free(ed->shown);
	ed->shown = shown;
	ed->shown_caret = caret + clen;
	ed->comp_len = clen;
	if (!text_wrap(text, &ed->wrap, font, shown, len + clen, width))
		return;
	ed->wrap_rev = textedit_revision(ed->edit);
	ed->wrap_w = width;
	ed->wrap_font = font;
	ed->wrap_valid = true;
}

static size_t line_count(const struct editor *ed)
{
	return ed->wrap.count ? ed->wrap.count : 1;
}

/* The wrapped line the caret at offset (in shown) is on: the one textwrap gives, or the one
 * before it where End left the caret at its end (see at_line_end). */
static size_t caret_line(const struct editor *ed, size_t offset)
{
	size_t line = textwrap_line_of(&ed->wrap, offset);

	if (ed->at_line_end && line > 0 && offset == ed->wrap.lines[line].start &&
	    ed->wrap.lines[line - 1].end == offset)
		line--;
	return line;
}

/* The caret's x on its line, from the text area's left. */
static int caret_x(const struct editor *ed, size_t offset, struct text_measure *m)
{
	size_t line = caret_line(ed, offset);

	if (line != textwrap_line_of(&ed->wrap, offset))
		return ed->wrap.lines[line].width;
	m->base = ed->shown;
	return textwrap_x_of(&ed->wrap, ed->shown, offset, text_measure_fn, m);
}

/* Where a click or an Up/Down move at x lands on line: the nearest caret position, or the
 * line's end (with at_line_end) when x is past the middle of the last character of a line
 * wrapped with nothing hanging, whose end is also the next line's start. */
static void caret_to_x(struct editor *ed, size_t line, int x, struct text_measure *m)
{
	const struct textwrap_line *l = &ed->wrap.lines[line];
	size_t at;

	m->base = ed->shown;
	at = textwrap_offset_at_x(&ed->wrap, ed->shown, line, x, text_measure_fn, m);
	/* (not on a line of right-to-left text, whose logical end is not at its right) */
	ed->at_line_end = line + 1 < ed->wrap.count && l->end == l->next && at < l->end &&
			  !ed->wrap.bidi &&
			  2 * x >= textwrap_x_of(&ed->wrap, ed->shown, at, text_measure_fn, m) +
				   l->width;
	textedit_set_caret(ed->edit, ed->at_line_end ? l->end : at);
}

/* Caret moves by visual line, as in any editor with soft wrapping. */
static void move_vertical(struct editor *ed, struct text *text, TTF_Font *font, int lines)
{
	struct text_measure m = {.text = text, .font = font, .wrap = &ed->wrap, .base = ed->shown};
	size_t caret = textedit_caret(ed->edit), line;
	long target;

	relayout(ed, text, font, ed->rect.w);
	if (!ed->wrap_valid || !ed->wrap.count)
		return;
	line = caret_line(ed, caret);
	if (ed->want_x < 0)
		ed->want_x = caret_x(ed, caret, &m);
	target = (long)line + lines;
	ed->at_line_end = false;
	if (target < 0) {
		textedit_set_caret(ed->edit, 0);
		return;
	}
	if ((size_t)target >= ed->wrap.count) {
		textedit_set_caret(ed->edit, textedit_len(ed->edit));
		return;
	}
	caret_to_x(ed, (size_t)target, ed->want_x, &m);
}

static void move_visual_edge(struct editor *ed, struct text *text, TTF_Font *font, bool end)
{
	size_t line;

	relayout(ed, text, font, ed->rect.w);
	if (!ed->wrap_valid || !ed->wrap.count)
		return;
	line = caret_line(ed, textedit_caret(ed->edit));
	textedit_set_caret(ed->edit, end ? ed->wrap.lines[line].end : ed->wrap.lines[line].start);
}

static enum editor_result insert(struct editor *ed, const char *utf8)
{
	size_t want, got;
	char *flat = NULL;

	if (!utf8 || !*utf8)
		return EDITOR_IGNORED;
	if (ed->single_line) {
		/* A name is one line: pasted line breaks become spaces. */
		flat = strdup(utf8);
		if (!flat)
			return EDITOR_IGNORED;
		for (char *p = flat; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		utf8 = flat;
	}
	want = strlen(utf8);
	got = textedit_insert(ed->edit, utf8);
	/* got counts characters, want bytes: any shortfall in a limited field means the limit. */
	ed->at_limit = got == 0 || (textedit_chars(ed->edit) == textedit_max_chars(ed->edit) &&
				    got < want);
	free(flat);
	ed->want_x = -1;
	ed->at_line_end = false;
	ed->follow_caret = true;
	return got ? EDITOR_CHANGED : EDITOR_MOVED;
}

enum editor_result editor_input(struct editor *ed, const char *utf8)
{
	if (!ed->edit)
		return EDITOR_IGNORED;
	textedit_set_composition(ed->edit, NULL);
	return insert(ed, utf8);
}

enum editor_result editor_compose(struct editor *ed, const char *preedit)
{
	if (!ed->edit)
		return EDITOR_IGNORED;
	textedit_set_composition(ed->edit, preedit);
	ed->follow_caret = true;
	ed->at_line_end = false;
	return EDITOR_MOVED;
}

static enum editor_result paste(struct editor *ed)
{
	char *clip = SDL_HasClipboardText() ? SDL_GetClipboardText() : NULL;
	enum editor_result r = EDITOR_MOVED;

	if (clip)
		r = insert(ed, clip);
	SDL_free(clip);
	return r;
}

static enum editor_result delete(struct editor *ed, enum textedit_delete what)
{
	ed->want_x = -1;
	ed->follow_caret = true;
	ed->at_limit = false;
	ed->at_line_end = false;
	return textedit_delete(ed->edit, what) ? EDITOR_CHANGED : EDITOR_MOVED;
}

enum editor_result editor_key(struct editor *ed, struct text *text, TTF_Font *font,
			      const SDL_Keysym *key)
{
	bool ctrl = key->mod & KMOD_CTRL, shift = key->mod & KMOD_SHIFT;
	int page = ed->line_h > 0 ? ed->rect.h / ed->line_h - 1 : 1;
	bool vertical = false, line_end = false;

	if (!ed->edit || (textedit_composition(ed->edit) && *textedit_composition(ed->edit)))
		return EDITOR_IGNORED; /* the input method owns the keys while composing */
	switch (key->sym) {
	case SDLK_LEFT:
		textedit_move(ed->edit, ctrl ? TEXTEDIT_WORD_LEFT : TEXTEDIT_CHAR_LEFT);
		break;
	case SDLK_RIGHT:
		textedit_move(ed->edit, ctrl ? TEXTEDIT_WORD_RIGHT : TEXTEDIT_CHAR_RIGHT);
		break;
	case SDLK_HOME:
		if (ctrl)
			textedit_move(ed->edit, TEXTEDIT_DOC_START);
		else
			move_visual_edge(ed, text, font, false);
		break;
	case SDLK_END:
		if (ctrl) {
			textedit_move(ed->edit, TEXTEDIT_DOC_END);
		} else {
			move_visual_edge(ed, text, font, true);
			line_end = true;
		}
		break;
	case SDLK_UP:
	case SDLK_DOWN:
	case SDLK_PAGEUP:
	case SDLK_PAGEDOWN:
		if (ed->single_line)
			return EDITOR_IGNORED;
		move_vertical(ed, text, font,
			      key->sym == SDLK_UP ? -1 : key->sym == SDLK_DOWN ? 1 :
			      key->sym == SDLK_PAGEUP ? -(page > 1 ? page : 1) : (page > 1 ? page : 1));
		vertical = true;
		break;
	case SDLK_BACKSPACE:
		return delete(ed, ctrl ? TEXTEDIT_DELETE_WORD_BACK : TEXTEDIT_DELETE_BACK);
	case SDLK_DELETE:
		if (shift)
			return EDITOR_IGNORED;
		return delete(ed, ctrl ? TEXTEDIT_DELETE_WORD_FORWARD : TEXTEDIT_DELETE_FORWARD);
	case SDLK_RETURN:
	case SDLK_KP_ENTER:
		if (ctrl)
			return EDITOR_IGNORED;
		if (ed->single_line)
			return EDITOR_SUBMIT;
		return insert(ed, "\n");
	case SDLK_v:
		if (!ctrl)
			return EDITOR_IGNORED;
		return paste(ed);
	case SDLK_INSERT:
		if (!shift)
			return EDITOR_IGNORED;
		return paste(ed);
	default:
		return EDITOR_IGNORED;
	}
	if (!vertical) {
		ed->want_x = -1;
		ed->at_line_end = line_end;
	}
	ed->follow_caret = true;
	return EDITOR_MOVED;
}

void editor_click(struct editor *ed, struct text *text, TTF_Font *font, int x, int y)
{
	struct text_measure m = {.text = text, .font = font, .wrap = &ed->wrap, .base = ed->shown};
	long line;

	if (!ed->edit || ed->line_h <= 0)
		return;
	textedit_set_composition(ed->edit, NULL);
	relayout(ed, text, font, ed->rect.w);
	if (!ed->wrap_valid || !ed->wrap.count)
		return;
	line = (y - ed->rect.y + ed->scroll) / ed->line_h;
	if (line < 0)
		line = 0;
	if ((size_t)line >= ed->wrap.count)
		line = (long)ed->wrap.count - 1;
	caret_to_x(ed, (size_t)line, x - ed->rect.x, &m);
	ed->want_x = -1;
}

void editor_scroll_by(struct editor *ed, int dy)
{
	int max = (int)line_count(ed) * ed->line_h - ed->rect.h;

	ed->scroll += dy;
	if (ed->scroll > max)
		ed->scroll = max;
	if (ed->scroll < 0)
		ed->scroll = 0;
}

void editor_extent(const struct editor *ed, int *text_h, int *scroll)
{
	*text_h = ed->edit && ed->wrap_valid ? (int)line_count(ed) * ed->line_h : 0;
	*scroll = ed->scroll;
}

static void keep_caret_visible(struct editor *ed, size_t line)
{
	int top = (int)line * ed->line_h;

	if (top < ed->scroll)
		ed->scroll = top;
	if (top + ed->line_h > ed->scroll + ed->rect.h)
		ed->scroll = top + ed->line_h - ed->rect.h;
	editor_scroll_by(ed, 0);
}

void editor_draw(struct editor *ed, struct text *text, SDL_Renderer *ren,
		 const struct theme *theme, TTF_Font *font, TTF_Font *hint_font,
		 const char *hint, SDL_Rect inner, bool focused)
{
	struct text_measure m = {.text = text, .font = font, .wrap = &ed->wrap, .base = ed->shown};
	SDL_Color ink = theme_sdl_color(theme->text);
	SDL_Rect old_clip;
	bool clipped = SDL_RenderIsClipEnabled(ren);
	size_t caret_line_no;
	int caret_w = TTF_FontHeight(font) / 16 + 2;

	if (!ed->edit)
		return;
	ed->rect = inner;
	ed->caret.w = 0;
	ed->line_h = TTF_FontLineSkip(font);
	relayout(ed, text, font, inner.w);
	if (!ed->wrap_valid)
		return;
	m.base = ed->shown;
	caret_line_no = caret_line(ed, ed->shown_caret);
	if (ed->follow_caret && focused)
		keep_caret_visible(ed, caret_line_no);
	ed->follow_caret = false;
	editor_scroll_by(ed, 0);

	SDL_RenderGetClipRect(ren, &old_clip);
	if (clipped) {
		SDL_Rect both;

		if (!SDL_IntersectRect(&old_clip, &inner, &both))
			return;
		SDL_RenderSetClipRect(ren, &both);
	} else {
		SDL_RenderSetClipRect(ren, &inner);
	}
	if (!textedit_len(ed->edit) && !ed->comp_len && hint) {
		struct textwrap hw = {0};
		if (text_wrap(text, &hw, hint_font, hint, strlen(hint), inner.w))
			for (size_t i = 0; i < hw.count; i++)
				text_draw_line(text, hint_font, theme_sdl_color(theme->muted), &hw, hint,
					       i, inner.x + textwrap_indent(&hw, i),
					       inner.y + (int)i * TTF_FontLineSkip(hint_font));
		textwrap_release(&hw);
	}
	for (size_t i = 0; i < ed->wrap.count; i++) {
		int y = inner.y + (int)i * ed->line_h - ed->scroll;

		if (y + ed->line_h < inner.y || y > inner.y + inner.h)
			continue;
		text_draw_line(text, font, ink, &ed->wrap, ed->shown, i,
			       inner.x + textwrap_indent(&ed->wrap, i), y);
	}
	if (ed->comp_len) {
		/* Underline the text still being composed, as input methods expect. */
		size_t start = ed->shown_caret - ed->comp_len;
		size_t line = textwrap_line_of(&ed->wrap, start);
		int x0 = textwrap_x_of(&ed->wrap, ed->shown, start, text_measure_fn, &m);
		int x1 = textwrap_x_of(&ed->wrap, ed->shown, ed->shown_caret, text_measure_fn, &m);
		size_t end_line = textwrap_line_of(&ed->wrap, ed->shown_caret);
		SDL_Rect u;

		if (end_line != line)
			x1 = textwrap_rtl(&ed->wrap, line) ? 0 : inner.w;
		u = (SDL_Rect){inner.x + (x0 < x1 ? x0 : x1), inner.y + (int)line * ed->line_h -
			       ed->scroll + TTF_FontAscent(font) + caret_w,
			       x0 < x1 ? x1 - x0 : x0 - x1, caret_w};

		SDL_SetRenderDrawColor(ren, ink.r, ink.g, ink.b, 255);
		SDL_RenderFillRect(ren, &u);
	}
	if (focused) {
		int x = caret_x(ed, ed->shown_caret, &m);
		SDL_Rect c = {inner.x + x, inner.y + (int)caret_line_no * ed->line_h - ed->scroll,
			      caret_w, ed->line_h};

		if (c.x > inner.x + inner.w - caret_w)
			c.x = inner.x + inner.w - caret_w;
		if (c.x < inner.x)
			c.x = inner.x;
		SDL_SetRenderDrawColor(ren, ink.r, ink.g, ink.b, 255);
		SDL_RenderFillRect(ren, &c);
		SDL_SetTextInputRect(&c);
		ed->caret = c;
	}
	if (clipped)
		SDL_RenderSetClipRect(ren, &old_clip);
	else
		SDL_RenderSetClipRect(ren, NULL);
}
