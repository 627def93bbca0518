/* Fuzz target for the answer editor: typed and pasted text (any bytes) and random edits, moves,
 * compositions and layouts, checking the editor's and the wrapper's invariants after each. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grapheme.h"
#include "core/textedit.h"
#include "core/textwrap.h"
#include "core/utf8.h"

#define CHECK(cond)                                                             \
	do {                                                                    \
		if (!(cond)) {                                                  \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,  \
				__LINE__, #cond);                               \
			abort();                                                \
		}                                                               \
	} while (0)

struct input {
	const uint8_t *data;
	size_t size, pos;
};

static unsigned take_byte(struct input *in)
{
	return in->pos < in->size ? in->data[in->pos++] : 0;
}

/* A NUL-terminated chunk of the input (its length is the next byte). */
static char *take_chunk(struct input *in, size_t *len)
{
	size_t n = take_byte(in);
	if (n > in->size - in->pos)
		n = in->size - in->pos;
	char *s = malloc(n + 1);
	CHECK(s);
	memcpy(s, in->data + in->pos, n);
	s[n] = '\0';
	in->pos += n;
	*len = n;
	return s;
}

/* Monospace: every code point (or stray byte) 10 pixels, so every cluster has a width. */
static int mono(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	int n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += grapheme_decode(s, len, i, &cp);
		n++;
	}
	return n * 10;
}

/* Uneven widths, zero for some characters. */
static int uneven(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	int w = 0;
	for (size_t i = 0; i < len; i++)
		w += (unsigned char)s[i] % 5;
	return w;
}

static void check_wrap(const struct textwrap *wrap, const char *text, size_t len, int max,
		       textwrap_measure_fn measure)
{
	CHECK(wrap->count >= 1);
	CHECK(wrap->lines[0].start == 0);
	CHECK(wrap->lines[wrap->count - 1].next == len);
	for (size_t i = 0; i < wrap->count; i++) {
		const struct textwrap_line *l = &wrap->lines[i];
		CHECK(l->start <= l->end && l->end <= l->next);
		if (i + 1 < wrap->count)
			CHECK(l->next == wrap->lines[i + 1].start && l->next > l->start);
		CHECK(grapheme_is_boundary(text, len, l->start));
		CHECK(grapheme_is_boundary(text, len, l->end));
		CHECK(l->width == measure(NULL, text + l->start, l->end - l->start));
		CHECK(l->width <= max || l->end == l->start ||
		      grapheme_next(text, len, l->start) == l->end);
		CHECK(!memchr(text + l->start, '\n', l->end - l->start));
	}
}

static void check_edit(const struct textedit *edit)
{
	const char *t = textedit_text(edit);
	size_t len = textedit_len(edit);
	CHECK(strlen(t) == len);
	CHECK(utf8_valid(t, len, NULL));
	CHECK(textedit_chars(edit) == utf8_count(t, len));
	CHECK(textedit_chars(edit) <= textedit_max_chars(edit));
	CHECK(textedit_caret(edit) <= len);
	CHECK(grapheme_is_boundary(t, len, textedit_caret(edit)));
	for (size_t i = 0; i < len; i++)
		CHECK((unsigned char)t[i] >= 0x20 || t[i] == '\n' || t[i] == '\t');
	const char *c = textedit_composition(edit);
	CHECK(c && utf8_valid(c, strlen(c), NULL));
}

/* Lays out the editor's text (with its right-to-left text, if any) and checks that the caret
 * maps to a pixel and back. */
static void layout_edit(struct textwrap *wrap, const struct textedit *edit, int width)
{
	const char *t = textedit_text(edit);
	size_t len = textedit_len(edit), caret = textedit_caret(edit);
	CHECK(textwrap_layout(wrap, t, len, width, mono, NULL));
	check_wrap(wrap, t, len, width, mono);
	size_t line = textwrap_line_of(wrap, caret);
	CHECK(line < wrap->count && wrap->lines[line].start <= caret);
	int x = textwrap_x_of(wrap, t, caret, mono, NULL);
	size_t back = textwrap_offset_at_x(wrap, t, line, x, mono, NULL);
	/* Where directions meet in a reordered line, two carets may share an x: a click there
	 * gives one of them, drawn at that x. */
	CHECK(back == caret || (wrap->bidi && textwrap_line_of(wrap, back) == line &&
				textwrap_x_of(wrap, t, back, mono, NULL) == x));
	size_t up = textwrap_offset_at_x(wrap, t, line ? line - 1 : 0, x, mono, NULL);
	CHECK(up <= len && grapheme_is_boundary(t, len, up));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = {data, size, 0};
	struct textedit *edit = textedit_new(take_byte(&in) * 3);
	struct textwrap wrap = {0};
	CHECK(edit);
	while (in.pos < in.size) {
		unsigned op = take_byte(&in) % 9;
		char *before = strdup(textedit_text(edit));
		CHECK(before);
		unsigned long rev = textedit_revision(edit);
		size_t chars = textedit_chars(edit), n;
		char *chunk;
		bool text_may_change = false;
		switch (op) {
		case 0:
			chunk = take_chunk(&in, &n);
			n = textedit_insert(edit, chunk);
			CHECK(textedit_chars(edit) == chars + n);
			CHECK((n > 0) == (textedit_revision(edit) != rev));
			text_may_change = true;
			free(chunk);
			break;
		case 1:
			chunk = take_chunk(&in, &n);
			if (textedit_set(edit, chunk)) {
				CHECK(textedit_caret(edit) == textedit_len(edit));
				text_may_change = true;
			}
			free(chunk);
			break;
		case 2: {
			enum textedit_move move = (enum textedit_move)(take_byte(&in) % 8);
			size_t from = textedit_caret(edit);
			textedit_move(edit, move);
			size_t to = textedit_caret(edit);
			if (move == TEXTEDIT_CHAR_LEFT || move == TEXTEDIT_WORD_LEFT ||
			    move == TEXTEDIT_LINE_START)
				CHECK(to < from || (to == from && (from == 0 || move ==
								   TEXTEDIT_LINE_START)));
			if (move == TEXTEDIT_CHAR_RIGHT || move == TEXTEDIT_WORD_RIGHT ||
			    move == TEXTEDIT_LINE_END)
				CHECK(to > from || (to == from && (from == textedit_len(edit) ||
								   move == TEXTEDIT_LINE_END)));
			break;
		}
		case 3: {
			size_t len = textedit_len(edit);
			bool deleted = textedit_delete(edit, (enum textedit_delete)(take_byte(&in) % 4));
			CHECK(deleted == (textedit_len(edit) < len));
			text_may_change = deleted;
			break;
		}
		case 4:
			textedit_set_caret(edit, take_byte(&in) << 8 | take_byte(&in));
			break;
		case 5:
			chunk = take_chunk(&in, &n);
			textedit_set_composition(edit, chunk);
			free(chunk);
			break;
		case 6:
			layout_edit(&wrap, edit, (int)take_byte(&in) * 4 - 8);
			break;
		case 7: {
			chunk = take_chunk(&in, &n);
			int width = (int)take_byte(&in) - 4;
			CHECK(textwrap_layout(&wrap, chunk, n, width, uneven, NULL));
			check_wrap(&wrap, chunk, n, width, uneven);
			free(chunk);
			break;
		}
		default:
			textedit_set_caret(edit, textedit_target(edit,
				(enum textedit_move)(take_byte(&in) % 8)));
			break;
		}
		if (!text_may_change) {
			CHECK(strcmp(before, textedit_text(edit)) == 0);
			CHECK(textedit_revision(edit) == rev);
		}
		free(before);
		check_edit(edit);
	}
	layout_edit(&wrap, edit, 200);
	textwrap_release(&wrap);
	textedit_free(edit);
	return 0;
}
