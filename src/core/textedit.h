/* textedit.h: an editable UTF-8 text with a caret, limited to max_chars characters. */
#ifndef RJK_CORE_TEXTEDIT_H
#define RJK_CORE_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>

/* Byte offsets are into the UTF-8 text; a "character" for limits and counts is a Unicode code
 * point; caret moves and deletions step over whole grapheme clusters (see grapheme.h), so
 * nothing a reader sees as one character is ever split. The text is always valid UTF-8 with
 * no control characters other than '\n' and '\t', and the caret always sits on a cluster
 * boundary. Right-to-left text is stored and moved through in logical order. */
struct textedit;

struct textedit *textedit_new(size_t max_chars);          /* NULL when out of memory */
void textedit_free(struct textedit *edit);                 /* NULL is a no-op */

/* Replaces the whole text and puts the caret at its end. False (text unchanged) when text is
 * not valid UTF-8 or longer than max_chars. The text is cleaned as textedit_insert does (line
 * breaks normalised, control characters dropped) before its length is checked. NULL counts as
 * "". False too when memory runs out. */
bool textedit_set(struct textedit *edit, const char *text);

const char *textedit_text(const struct textedit *edit);    /* NUL-terminated, borrowed until
                                                              the next change */
size_t textedit_len(const struct textedit *edit);          /* bytes */
size_t textedit_chars(const struct textedit *edit);        /* code points */
size_t textedit_max_chars(const struct textedit *edit);
size_t textedit_caret(const struct textedit *edit);        /* byte offset */
void textedit_set_caret(struct textedit *edit, size_t offset); /* snapped to a cluster start */

/* Inserts typed or pasted text at the caret: invalid UTF-8 is refused, control characters other
 * than '\n' and '\t' are dropped, "\r\n" and "\r" become "\n", and only as many whole clusters
 * as max_chars leaves room for are inserted. Returns the number of characters inserted (0 when
 * the limit is reached: the UI shows that). U+2028 and U+2029 (line and paragraph separators)
 * also become "\n". The caret ends after the inserted text (after the whole cluster when the
 * text joins the character after it). 0 as well when memory runs out (text unchanged). */
size_t textedit_insert(struct textedit *edit, const char *text);

enum textedit_move {
	TEXTEDIT_CHAR_LEFT, TEXTEDIT_CHAR_RIGHT,   /* one grapheme cluster */
	TEXTEDIT_WORD_LEFT, TEXTEDIT_WORD_RIGHT,   /* word boundaries, like common editors */
	TEXTEDIT_LINE_START, TEXTEDIT_LINE_END,    /* logical line (between '\n's) */
	TEXTEDIT_DOC_START, TEXTEDIT_DOC_END,
};
/* Word moves skip spaces (line breaks included) and then one run of word characters (letters
 * and digits of any script, with an apostrophe inside a word, as in "don't") or of
 * punctuation and symbols. */
void textedit_move(struct textedit *edit, enum textedit_move move);

/* The offset the caret would reach with `move` from where it is, without moving it. */
size_t textedit_target(const struct textedit *edit, enum textedit_move move);

enum textedit_delete {
	TEXTEDIT_DELETE_BACK,       /* Backspace: the cluster before the caret */
	TEXTEDIT_DELETE_FORWARD,    /* Delete: the cluster after */
	TEXTEDIT_DELETE_WORD_BACK,  /* Ctrl+Backspace */
	TEXTEDIT_DELETE_WORD_FORWARD, /* Ctrl+Delete */
};
/* Returns true when something was deleted. */
bool textedit_delete(struct textedit *edit, enum textedit_delete what);

/* IME composition (pre-edit) text shown at the caret but not yet part of the text; "" or NULL
 * clears it. The string is copied; invalid UTF-8 clears it too. Composition never counts
 * toward max_chars and does not change the revision: the IME commits the text through
 * textedit_insert. */
void textedit_set_composition(struct textedit *edit, const char *preedit);
const char *textedit_composition(const struct textedit *edit); /* "" when none; borrowed */

/* A counter bumped by every change of text (not caret moves): the UI saves a draft when it
 * differs from the last saved one. */
unsigned long textedit_revision(const struct textedit *edit);

#endif
