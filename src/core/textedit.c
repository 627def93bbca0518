/* An editable UTF-8 text with a caret and a character limit (see textedit.h). */
#include "core/textedit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>

#include "core/grapheme.h"
#include "core/utf8.h"

struct textedit {
	char *text;        /* NUL-terminated, len bytes */
	size_t len, cap;
	size_t chars;
	size_t max_chars;
	size_t caret;
	char *preedit;     /* NUL-terminated, "" when none */
	unsigned long revision;
};

static char empty[] = "";

struct textedit *textedit_new(size_t max_chars)
{
	struct textedit *edit = calloc(1, sizeof(*edit));
	if (!edit)
		return NULL;
	edit->cap = 64;
	edit->text = malloc(edit->cap);
	if (!edit->text) {
		free(edit);
		return NULL;
	}
	edit->text[0] = '\0';
	edit->max_chars = max_chars;
	edit->preedit = empty;
	return edit;
}

void textedit_free(struct textedit *edit)
{
	if (!edit)
		return;
	if (edit->preedit != empty)
		free(edit->preedit);
	free(edit->text);
	free(edit);
}

/* A cleaned copy of typed or pasted text: NULL when it is not valid UTF-8 or memory runs out.
 * Line breaks of every kind become '\n'; other control characters go. */
static char *clean(const char *in, size_t *out_len)
{
	size_t n = strlen(in);
	if (!utf8_valid(in, n, NULL))
		return NULL;
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(in + i, n - i, &cp);
		if (cp == '\r' && i + 1 < n && in[i + 1] == '\n') {
			i++;
			continue;
		}
		if (cp == '\r' || cp == 0x2028 || cp == 0x2029) {
			out[o++] = '\n';
		} else if (cp == '\n' || cp == '\t' ||
			   !(cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))) {
			memcpy(out + o, in + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

static bool reserve(struct textedit *edit, size_t len)
{
	if (len + 1 <= edit->cap)
		return true;
	size_t cap = edit->cap;
	while (cap < len + 1)
		cap *= 2;
	char *text = realloc(edit->text, cap);
	if (!text)
		return false;
	edit->text = text;
	edit->cap = cap;
	return true;
}

bool textedit_set(struct textedit *edit, const char *text)
{
	size_t len;
	char *clean_text = clean(text ? text : "", &len);
	if (!clean_text)
		return false;
	size_t chars = utf8_count(clean_text, len);
	if (chars > edit->max_chars || !reserve(edit, len)) {
		free(clean_text);
		return false;
	}
	memcpy(edit->text, clean_text, len + 1);
	free(clean_text);
	edit->len = len;
	edit->chars = chars;
	edit->caret = len;
	edit->revision++;
	return true;
}

const char *textedit_text(const struct textedit *edit)
{
	return edit->text;
}

size_t textedit_len(const struct textedit *edit)
{
	return edit->len;
}

size_t textedit_chars(const struct textedit *edit)
{
	return edit->chars;
}

size_t textedit_max_chars(const struct textedit *edit)
{
	return edit->max_chars;
}

size_t textedit_caret(const struct textedit *edit)
{
	return edit->caret;
}

void textedit_set_caret(struct textedit *edit, size_t offset)
{
	edit->caret = grapheme_floor(edit->text, edit->len, offset);
}

size_t textedit_insert(struct textedit *edit, const char *text)
{
	size_t n;
	char *add = text ? clean(text, &n) : NULL;
	if (!add)
		return 0;
	/* Whole clusters of the inserted text, as many as the limit leaves room for. */
	size_t room = edit->max_chars - edit->chars, take = 0, chars = 0;
	while (take < n) {
		size_t next = grapheme_next(add, n, take);
		size_t c = utf8_count(add + take, next - take);
		if (chars + c > room)
			break;
		chars += c;
		take = next;
	}
	if (take == 0 || !reserve(edit, edit->len + take)) {
		free(add);
		return 0;
	}
	memmove(edit->text + edit->caret + take, edit->text + edit->caret,
		edit->len - edit->caret + 1);
	memcpy(edit->text + edit->caret, add, take);
	free(add);
	edit->len += take;
	edit->chars += chars;
	edit->caret += take;
	if (!grapheme_is_boundary(edit->text, edit->len, edit->caret))
		edit->caret = grapheme_next(edit->text, edit->len, edit->caret);
	edit->revision++;
	return chars;
}

/* How word moves see a character: letters and digits of any script are words, spaces (and
 * line breaks and invisible format characters) separate, punctuation and symbols (emoji
 * included) form runs of their own. */
enum word_class {
	WORD_SPACE,
	WORD_LETTER,
	WORD_PUNCT,
};

/* From libunistring's general category and grapheme-break property: format characters that
 * belong to a cluster (joiners, tags, prepended number signs) and symbols that only extend one
 * (emoji skin tones) are not classed by their category. */
static enum word_class word_class(uint32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
			return WORD_LETTER;
		if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
			return WORD_SPACE;
		return WORD_PUNCT;
	}
	int gcb = uc_graphemeclusterbreak_property(cp);
	if (uc_is_general_category(cp, UC_CATEGORY_Z) || uc_is_general_category(cp, UC_CATEGORY_Cc))
		return WORD_SPACE;
	if (uc_is_general_category(cp, UC_CATEGORY_Cf) && gcb != GBP_EXTEND && gcb != GBP_ZWJ &&
	    gcb != GBP_PREPEND)
		return WORD_SPACE;
	if ((uc_is_general_category(cp, UC_CATEGORY_P) || uc_is_general_category(cp, UC_CATEGORY_S)) &&
	    gcb != GBP_EXTEND)
		return WORD_PUNCT;
	return WORD_LETTER;
}

static enum word_class class_at(const struct textedit *edit, size_t offset)
{
	uint32_t cp;
	grapheme_decode(edit->text, edit->len, offset, &cp);
	return word_class(cp);
}

static bool is_apostrophe_at(const struct textedit *edit, size_t offset)
{
	uint32_t cp;
	grapheme_decode(edit->text, edit->len, offset, &cp);
	return cp == '\'' || cp == 0x2019;
}

/* An apostrophe between two letters belongs to the word ("don't", "l'homme"). */
static bool inner_apostrophe(const struct textedit *edit, size_t at)
{
	if (at == 0 || !is_apostrophe_at(edit, at))
		return false;
	size_t after = grapheme_next(edit->text, edit->len, at);
	return after < edit->len &&
	       class_at(edit, grapheme_prev(edit->text, edit->len, at)) == WORD_LETTER &&
	       class_at(edit, after) == WORD_LETTER;
}

static enum word_class run_class(const struct textedit *edit, size_t at)
{
	return inner_apostrophe(edit, at) ? WORD_LETTER : class_at(edit, at);
}

static size_t word_left(const struct textedit *edit, size_t at)
{
	const char *t = edit->text;
	size_t prev;
	while (at > 0 && class_at(edit, prev = grapheme_prev(t, edit->len, at)) ==
			     WORD_SPACE)
		at = prev;
	if (at == 0)
		return 0;
	enum word_class run = run_class(edit, grapheme_prev(t, edit->len, at));
	while (at > 0 && run_class(edit, prev = grapheme_prev(t, edit->len, at)) == run)
		at = prev;
	return at;
}

static size_t word_right(const struct textedit *edit, size_t at)
{
	const char *t = edit->text;
	while (at < edit->len && class_at(edit, at) == WORD_SPACE)
		at = grapheme_next(t, edit->len, at);
	if (at == edit->len)
		return at;
	enum word_class run = run_class(edit, at);
	while (at < edit->len && run_class(edit, at) == run)
		at = grapheme_next(t, edit->len, at);
	return at;
}

size_t textedit_target(const struct textedit *edit, enum textedit_move move)
{
	const char *t = edit->text;
	size_t at = edit->caret;
	switch (move) {
	case TEXTEDIT_CHAR_LEFT:
		return grapheme_prev(t, edit->len, at);
	case TEXTEDIT_CHAR_RIGHT:
		return grapheme_next(t, edit->len, at);
	case TEXTEDIT_WORD_LEFT:
		return word_left(edit, at);
	case TEXTEDIT_WORD_RIGHT:
		return word_right(edit, at);
	case TEXTEDIT_LINE_START:
		while (at > 0 && t[at - 1] != '\n')
			at--;
		return at;
	case TEXTEDIT_LINE_END: {
		const char *nl = memchr(t + at, '\n', edit->len - at);
		return nl ? (size_t)(nl - t) : edit->len;
	}
	case TEXTEDIT_DOC_START:
		return 0;
	case TEXTEDIT_DOC_END:
		return edit->len;
	}
	return at;
}

void textedit_move(struct textedit *edit, enum textedit_move move)
{
	edit->caret = textedit_target(edit, move);
}

bool textedit_delete(struct textedit *edit, enum textedit_delete what)
{
	size_t from = edit->caret, to = edit->caret;
	switch (what) {
	case TEXTEDIT_DELETE_BACK:
		from = textedit_target(edit, TEXTEDIT_CHAR_LEFT);
		break;
	case TEXTEDIT_DELETE_FORWARD:
		to = textedit_target(edit, TEXTEDIT_CHAR_RIGHT);
		break;
	case TEXTEDIT_DELETE_WORD_BACK:
		from = textedit_target(edit, TEXTEDIT_WORD_LEFT);
		break;
	case TEXTEDIT_DELETE_WORD_FORWARD:
		to = textedit_target(edit, TEXTEDIT_WORD_RIGHT);
		break;
	}
	if (from == to)
		return false;
	edit->chars -= utf8_count(edit->text + from, to - from);
	memmove(edit->text + from, edit->text + to, edit->len - to + 1);
	edit->len -= to - from;
	/* Removing a cluster can join what was on either side (a mark after a line break). */
	edit->caret = grapheme_floor(edit->text, edit->len, from);
	edit->revision++;
	return true;
}

void textedit_set_composition(struct textedit *edit, const char *preedit)
{
	if (edit->preedit != empty)
		free(edit->preedit);
	edit->preedit = empty;
	if (!preedit || !*preedit || !utf8_valid(preedit, strlen(preedit), NULL))
		return;
	char *copy = strdup(preedit);
	if (copy)
		edit->preedit = copy;
}

const char *textedit_composition(const struct textedit *edit)
{
	return edit->preedit;
}

unsigned long textedit_revision(const struct textedit *edit)
{
	return edit->revision;
}
