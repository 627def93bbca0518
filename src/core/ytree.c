/* Reads YAML text into a ytree (see ytree.h): text checks, libyaml events, readable errors. */
#include "core/ytree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/utf8.h"
#include "core/yhint.h"

/* Finds the line and column (1-based, in characters) of byte offset off in data. */
static void position(const char *data, size_t len, size_t off, int *line, int *col)
{
	int l = 1, c = 1;
	if (off > len)
		off = len;
	for (size_t i = 0; i < off;) {
		if (data[i] == '\n' || data[i] == '\r') {
			if (data[i] == '\r' && i + 1 < off && data[i + 1] == '\n')
				i++;
			l++, c = 1, i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(data + i, len - i, &cp);
		i += n ? n : 1;
		c++;
	}
	*line = l, *col = c;
}

/* True when the second character of data, read as UTF-32 without a byte order mark, is a
 * character too: the start of a video file (00 00 00 18 'ftyp') looks like UTF-32 only in
 * its first four bytes. */
static bool utf32_goes_on(const unsigned char *u, size_t len, bool big_endian)
{
	if (len < 8)
		return true;
	return big_endian ? !u[4] && !u[5] : !u[6] && !u[7];
}

/* Checks encoding and indentation before libyaml sees the text: libyaml stops at the first
 * bad byte with a message that names no line, and calls a tab in indentation "found character
 * that cannot start any token". */
static bool check_text(const char *data, size_t len, struct report *r)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *wide = NULL;
	size_t bad;
	/* UTF-32's byte order marks begin like UTF-16's, so they are tried first; without a
	 * mark, the zero bytes of the first characters tell the encoding. */
	if (len >= 4 && ((!u[0] && !u[1] && u[2] == 0xFE && u[3] == 0xFF) ||
			 (u[0] == 0xFF && u[1] == 0xFE && !u[2] && !u[3])))
		wide = "UTF-32";
	else if (len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE)))
		wide = "UTF-16";
	else if (len >= 4 && ((!u[0] && !u[1] && !u[2] && u[3] && utf32_goes_on(u, len, true)) ||
			      (u[0] && !u[1] && !u[2] && !u[3] && utf32_goes_on(u, len, false))))
		wide = "UTF-32";
	else if (len >= 2 && ((!u[0] && u[1]) || (u[0] && !u[1])))
		wide = "UTF-16";
	if (wide) {
		report_at(r, 1, 1, "the file is saved as %s; save it as UTF-8 instead", wide);
		return false;
	}
	/* Zero bytes and bytes that are no UTF-8 together: a video, a picture or a document
	 * saved by a word processor, not a text in some old encoding. One message says so,
	 * rather than one per line about its bytes. */
	if (memchr(data, '\0', len) && !utf8_valid(data, len, &bad)) {
		report_at(r, 1, 1, "this is not a text file: it holds binary data, like a video, a "
			  "picture or a word-processor document; write the scenario in a text "
			  "editor and save it as plain text (UTF-8)");
		return false;
	}
	bool ok = true;
	int line = 1;
	size_t i = 0;
	while (i < len) {
		size_t end = i;
		while (end < len && data[end] != '\n' && data[end] != '\r')
			end++;
		if (!utf8_valid(data + i, end - i, &bad)) {
			int l, c;
			position(data + i, end - i, bad, &l, &c);
			report_at(r, line, c,
				  "invalid UTF-8 (byte 0x%02X); save the file with the UTF-8 encoding",
				  u[i + bad]);
			ok = false;
		} else {
			size_t k = i;
			while (k < end && (data[k] == ' ' || data[k] == '\t'))
				k++;
			const char *tab = memchr(data + i, '\t', k - i);
			if (tab && k < end) {
				report_at(r, line, (int)(tab - (data + i)) + 1,
					  "tab used for indentation; indent with spaces only");
				ok = false;
			}
		}
		if (end < len && data[end] == '\r' && end + 1 < len && data[end + 1] == '\n')
			end++;
		i = end + 1;
		line++;
	}
	return ok;
}

static const struct {
	const char *problem;
	const char *message;
	bool at_context;   /* the context mark (where the construct began) is the useful place */
} syntax_messages[] = {
	{"mapping values are not allowed in this context",
	 "unexpected ':' here; if the text contains ': ', put the whole text in quotes, "
	 "otherwise check the indentation", false},
	{"could not find expected ':'",
	 "expected 'key: value' here but the ':' is missing; a text that goes on over several "
	 "lines must be indented or use '|'", true},
	{"did not find expected key",
	 "this line does not line up with the keys above it; check the indentation", false},
	{"did not find expected '-' indicator",
	 "expected a list item ('- ') at this indentation; check the indentation", false},
	{"block sequence entries are not allowed in this context",
	 "a list item ('- ') cannot start here; check the indentation", false},
	{"found unexpected end of stream",
	 "this quoted text is never closed; add the closing quote", true},
	{"found unexpected document indicator",
	 "this quoted text is never closed; add the closing quote", true},
	{"found unknown escape character",
	 "unknown escape after '\\' in a double-quoted text; write '\\\\' for a backslash or use "
	 "single quotes", false},
	{"found character that cannot start any token",
	 "this character cannot start a value; put the whole text in quotes", false},
	{"did not find expected node content",
	 "a value is missing here, or it starts with a character that needs quotes", false},
	{"did not find expected ',' or ']'",
	 "a '[ ]' list is not closed properly; check the commas and the closing ']'", true},
	{"did not find expected ',' or '}'",
	 "a '{ }' mapping is not closed properly; check the commas and the closing '}'", true},
	{"control characters are not allowed",
	 "the file holds a control character, which a text file must not contain; remove it",
	 false},
	{"did not find expected <document start>",
	 "this line cannot follow what comes before it; check the indentation, or remove a "
	 "stray '...' or '%' line", false},
	{"found a tab character that violates indentation",
	 "tab used for indentation; indent with spaces only", false},
};

static void report_syntax(const yaml_parser_t *p, const char *data, size_t len,
			  struct report *r)
{
	if (p->error == YAML_MEMORY_ERROR) {
		report_file(r, "out of memory while reading the file");
		return;
	}
	const char *problem = p->problem ? p->problem : "unknown problem";
	int line, col;
	if (p->error == YAML_READER_ERROR) {
		position(data, len, p->problem_offset, &line, &col);
	} else {
		line = (int)p->problem_mark.line + 1;
		col = (int)p->problem_mark.column + 1;
	}
	char hint[512];
	if (p->error != YAML_READER_ERROR &&
	    yhint_syntax(data, len, &line, &col, hint, sizeof hint)) {
		report_at(r, line, col, "%s", hint);
		return;
	}
	for (size_t i = 0; i < sizeof syntax_messages / sizeof syntax_messages[0]; i++) {
		if (strcmp(problem, syntax_messages[i].problem))
			continue;
		if (syntax_messages[i].at_context && p->context) {
			line = (int)p->context_mark.line + 1;
			col = (int)p->context_mark.column + 1;
		}
		report_at(r, line, col, "%s", syntax_messages[i].message);
		return;
	}
	if (p->context)
		report_at(r, line, col, "YAML syntax error: %s (%s)", problem, p->context);
	else
		report_at(r, line, col, "YAML syntax error: %s", problem);
}

void ytree_free(struct ytree_node *node)
{
	if (!node)
		return;
	size_t n = node->type == YTREE_MAP ? 2 * node->count : node->count;
	for (size_t i = 0; i < n; i++)
		ytree_free(node->items[i]);
	free(node->items);
	free(node->text);
	free(node);
}

static struct ytree_node *node_new(enum ytree_type type, yaml_mark_t mark)
{
	struct ytree_node *n = calloc(1, sizeof *n);
	if (n) {
		n->type = type;
		n->line = (int)mark.line + 1;
		n->col = (int)mark.column + 1;
	}
	return n;
}

struct builder_level {
	struct ytree_node *node;
	size_t filled, cap;    /* items filled (a map holds two per entry) and allocated */
};

struct builder {
	const char *data;
	size_t len;
	struct report *r;
	struct builder_level stack[YTREE_MAX_DEPTH + 1];
	int depth;
	struct ytree_node *root;
	int documents;
	bool failed;     /* a problem was reported: the tree is not returned */
	bool stop;       /* reading cannot go on */
};

/* Reports a problem; hard ones leave no usable tree, soft ones (anchors, tags) do, so that
 * the scenario checks can still report everything else. */
static void fail_at(struct builder *b, yaml_mark_t mark, bool hard, const char *fmt,
		    const char *arg)
{
	report_at(b->r, (int)mark.line + 1, (int)mark.column + 1, fmt, arg);
	if (hard)
		b->failed = true;
}

static void set_count(struct builder_level *lv)
{
	lv->node->count = lv->node->type == YTREE_MAP ? lv->filled / 2 : lv->filled;
}

/* Hangs child under the innermost open collection, or makes it the root. Takes ownership. */
static void attach(struct builder *b, struct ytree_node *child)
{
	if (b->depth == 0) {
		ytree_free(b->root);
		b->root = child;
		return;
	}
	struct builder_level *lv = &b->stack[b->depth - 1];
	if (lv->filled == lv->cap) {
		size_t cap = lv->cap ? lv->cap * 2 : 8;
		struct ytree_node **items = realloc(lv->node->items, cap * sizeof *items);
		if (!items) {
			ytree_free(child);
			report_file(b->r, "out of memory while reading the file");
			b->failed = b->stop = true;
			return;
		}
		lv->node->items = items;
		lv->cap = cap;
	}
	if (lv->node->type == YTREE_MAP && lv->filled % 2 == 0 && child->type != YTREE_SCALAR) {
		report_at(b->r, child->line, child->col,
			  "a key must be a plain word followed by ':', not a list or a mapping");
		b->failed = true;
	}
	lv->node->items[lv->filled++] = child;
	set_count(lv);
}

/* Anchors and tags are refused: a scenario never needs them, and refusing aliases also shuts
 * out alias-expansion bombs. */
static void check_properties(struct builder *b, const yaml_event_t *ev, const yaml_char_t *anchor,
			     const yaml_char_t *tag)
{
	char shown[REPORT_EXCERPT_SIZE];
	if (anchor) {
		report_excerpt(shown, sizeof shown, (const char *)anchor);
		fail_at(b, ev->start_mark, false,
			"YAML anchors ('&%s') are not used in scenario files; remove it", shown);
	}
	if (tag) {
		const char *t = (const char *)tag, *core = "tag:yaml.org,2002:";
		char written[REPORT_EXCERPT_SIZE];
		if (!strncmp(t, core, strlen(core)))
			snprintf(written, sizeof written, "!!%s", t + strlen(core));
		else
			snprintf(written, sizeof written, "%s", t);
		report_excerpt(shown, sizeof shown, written);
		fail_at(b, ev->start_mark, false,
			"YAML tags ('%s') are not used in scenario files; remove it", shown);
	}
}

static void open_collection(struct builder *b, const yaml_event_t *ev, enum ytree_type type)
{
	if (b->depth == YTREE_MAX_DEPTH) {
		report_at(b->r, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
			  "lists and mappings are nested too deeply here (more than %d levels); "
			  "a scenario needs at most 4",
			  YTREE_MAX_DEPTH);
		b->failed = b->stop = true;
		return;
	}
	struct ytree_node *n = node_new(type, ev->start_mark);
	if (!n) {
		report_file(b->r, "out of memory while reading the file");
		b->failed = b->stop = true;
		return;
	}
	b->stack[b->depth++] = (struct builder_level){.node = n};
}

static int compare_keys(const void *a, const void *b)
{
	const struct ytree_node *x = *(const struct ytree_node *const *)a;
	const struct ytree_node *y = *(const struct ytree_node *const *)b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->text, y->text, n);
	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

static int compare_places(const void *a, const void *b)
{
	const struct ytree_node *const *x = a, *const *y = b;
	if (x[0]->line != y[0]->line)
		return x[0]->line < y[0]->line ? -1 : 1;
	return (x[0]->col > y[0]->col) - (x[0]->col < y[0]->col);
}

/* Reports every key written twice, in file order. Sorting keeps this fast on huge maps. */
static void check_duplicates(struct builder *b, const struct ytree_node *map)
{
	if (map->count < 2)
		return;
	const struct ytree_node **keys = malloc(map->count * sizeof *keys);
	/* pairs of (duplicate, first) */
	const struct ytree_node **dups = malloc(2 * map->count * sizeof *dups);
	if (!keys || !dups) {
		free(keys), free(dups);
		return;
	}
	size_t nkeys = 0;
	for (size_t i = 0; i < map->count; i++)
		if (ytree_key(map, i)->type == YTREE_SCALAR)
			keys[nkeys++] = ytree_key(map, i);
	qsort(keys, nkeys, sizeof *keys, compare_keys);
	size_t ndup = 0, first = 0;
	for (size_t i = 1; i < nkeys; i++) {
		if (keys[i]->len != keys[first]->len ||
		    memcmp(keys[i]->text, keys[first]->text, keys[i]->len)) {
			first = i;
			continue;
		}
		dups[2 * ndup] = keys[i];
		dups[2 * ndup + 1] = keys[first];
		ndup++;
	}
	qsort(dups, ndup, 2 * sizeof *dups, compare_places);
	for (size_t i = 0; i < ndup; i++) {
		char shown[REPORT_EXCERPT_SIZE];
		report_excerpt(shown, sizeof shown, dups[2 * i]->text);
		report_at(b->r, dups[2 * i]->line, dups[2 * i]->col,
			  "key '%s' is written twice (first at line %d); keep only one", shown,
			  dups[2 * i + 1]->line);
	}
	free(keys);
	free(dups);
}

static bool same_key(const struct ytree_node *x, const struct ytree_node *y)
{
	return x->type == YTREE_SCALAR && y->type == YTREE_SCALAR && x->len == y->len &&
	       !memcmp(x->text, y->text, x->len);
}

/* Where the entries of a list entry's map would begin if it were several entries merged:
 * a new one at each key already written since the last start. Fills starts (at most max)
 * and returns their number, 1 when nothing repeats. Returns 0 when some later entry has fewer
 * than two keys of the entry before it: one key written twice is a left-over, not a merge. */
static size_t merged_starts(const struct ytree_node *map, size_t *starts, size_t max)
{
	size_t n = 1, repeated = 0;

	starts[0] = 0;
	for (size_t k = 1; k < map->count; k++) {
		bool again = false, earlier = false;
		for (size_t i = starts[n - 1]; i < k && !again; i++)
			again = same_key(ytree_key(map, i), ytree_key(map, k));
		if (again) {
			if (n > 1 && repeated < 2)
				return 0;
			if (n == max)
				return 0;
			starts[n++] = k;
			repeated = 0;
		}
		for (size_t i = n > 1 ? starts[n - 2] : 0; i < starts[n - 1] && !earlier; i++)
			earlier = same_key(ytree_key(map, i), ytree_key(map, k));
		repeated += earlier;
	}
	return n > 1 && repeated < 2 ? 0 : n;
}

/* What an entry of the list under the innermost open map's last key is called: 'steps'
 * holds steps, 'cues' cues. */
static void entry_name(const struct builder *b, char *out, size_t size)
{
	const struct builder_level *owner = b->depth >= 2 ? &b->stack[b->depth - 2] : NULL;
	const struct ytree_node *key = owner && owner->node->type == YTREE_MAP &&
		owner->filled % 2 ? owner->node->items[owner->filled - 1] : NULL;

	if (key && key->type == YTREE_SCALAR && key->len > 1 && key->len < 64 &&
	    key->text[key->len - 1] == 's')
		snprintf(out, size, "%.*s", (int)key->len - 1, key->text);
	else
		snprintf(out, size, "entry");
}

/* A list entry whose keys come round again ("id, kind, text, id, kind, text") is two entries
 * with the second one's '- ' forgotten: said so once per missing '- ', and read as the
 * entries the author meant, so that the rest of the file is checked as usual. Returns false,
 * having done nothing, when map does not look like that. Takes ownership of map when it
 * returns true. */
static bool split_merged(struct builder *b, struct ytree_node *map)
{
	const struct builder_level *list = b->depth ? &b->stack[b->depth - 1] : NULL;
	size_t starts[32], n;
	char name[64], key[REPORT_EXCERPT_SIZE];

	if (!list || list->node->type != YTREE_SEQ || map->count < 4 || map->count > 256 ||
	    (n = merged_starts(map, starts, 32)) < 2)
		return false;
	entry_name(b, name, sizeof name);
	for (size_t e = 1; e < n; e++) {
		const struct ytree_node *first = ytree_key(map, starts[e]);
		report_excerpt(key, sizeof key, first->text);
		report_at(b->r, first->line, first->col, "this %s looks like it is missing its '- ' "
			  "at the start; write '- ' in front of '%s', lined up with the '- ' of the "
			  "%s above", name, key, name);
	}
	struct ytree_node **items = map->items;
	size_t count = map->count;
	for (size_t e = 0; e < n; e++) {
		size_t end = e + 1 < n ? starts[e + 1] : count;
		struct ytree_node *part = e ? node_new(YTREE_MAP, (yaml_mark_t){0}) : map;
		if (part && e) {
			part->line = items[2 * starts[e]]->line;
			part->col = items[2 * starts[e]]->col;
			part->items = malloc(2 * (end - starts[e]) * sizeof *part->items);
		}
		if (!part || !part->items) {
			ytree_free(part);
			for (size_t i = 2 * starts[e]; i < 2 * count; i++)
				ytree_free(items[i]);
			report_file(b->r, "out of memory while reading the file");
			b->failed = b->stop = true;
			return true;
		}
		if (e)
			memcpy(part->items, items + 2 * starts[e],
			       2 * (end - starts[e]) * sizeof *items);
		part->count = end - starts[e];
		attach(b, part);
	}
	return true;
}

static void close_collection(struct builder *b)
{
	struct builder_level lv = b->stack[--b->depth];
	set_count(&lv);
	if (lv.node->type == YTREE_MAP && split_merged(b, lv.node))
		return;
	if (lv.node->type == YTREE_MAP)
		check_duplicates(b, lv.node);
	attach(b, lv.node);
}

/* The first control character in a scalar (an escape such as "\e", "\x07", "\r" or "\N" in
 * quotes writes one): -1 when there is none. Tabs and line feeds are text; a NUL in a value
 * is left to the value's own check, which names the key. */
static long first_control(const char *s, size_t len, bool key)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return (long)i;
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && (cp != 0 || key)) ||
		    (cp >= 0x7F && cp <= 0x9F))
			return (long)i;
		i += n;
	}
	return -1;
}

/* Control characters in text would reach a terminal through check's messages, or be drawn as
 * boxes on screen: they are refused wherever they are, shown escaped. */
static void check_controls(struct builder *b, struct ytree_node *n, bool key)
{
	long at = first_control(n->text, n->len, key);
	if (at < 0)
		return;
	char shown[REPORT_EXCERPT_SIZE], which[16];
	uint32_t cp = 0;
	utf8_decode(n->text + at, n->len - (size_t)at, &cp);
	char bytes[4];
	size_t w = utf8_encode(cp, bytes);
	report_escape(which, sizeof which, bytes, w, 1);
	report_escape(shown, sizeof shown, n->text, n->len, 40);
	report_at(b->r, n->line, n->col,
		  "the %s '%s' holds a control character (%s), which cannot be shown; remove it "
		  "(in quotes, escapes such as \\e, \\x07 or \\r write one)",
		  key ? "key" : "text", shown, which);
	n->unshowable = true;
}

static void add_scalar(struct builder *b, const yaml_event_t *ev)
{
	struct ytree_node *n = node_new(YTREE_SCALAR, ev->start_mark);
	if (n) {
		n->len = ev->data.scalar.length;
		n->text = malloc(n->len + 1);
		if (n->text) {
			memcpy(n->text, ev->data.scalar.value, n->len);
			n->text[n->len] = '\0';
		}
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	}
	if (!n || !n->text) {
		ytree_free(n);
		report_file(b->r, "out of memory while reading the file");
		b->failed = b->stop = true;
		return;
	}
	const struct builder_level *lv = b->depth ? &b->stack[b->depth - 1] : NULL;
	check_controls(b, n, lv && lv->node->type == YTREE_MAP && lv->filled % 2 == 0);
	attach(b, n);
}

static void handle(struct builder *b, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1) {
			report_at(b->r, (int)ev->start_mark.line + 1,
				  (int)ev->start_mark.column + 1,
				  "a scenario file holds one YAML document, but a second one starts "
				  "here; remove this '---' and what follows, or put it in its own "
				  "scenario folder");
			b->failed = b->stop = true;
		}
		break;
	case YAML_ALIAS_EVENT: {
		char shown[REPORT_EXCERPT_SIZE];
		report_excerpt(shown, sizeof shown, (const char *)ev->data.alias.anchor);
		fail_at(b, ev->start_mark, true,
			"YAML aliases ('*%s') are not used in scenario files; write the value out "
			"in full", shown);
		yaml_event_t empty = {.start_mark = ev->start_mark};
		empty.data.scalar.value = (yaml_char_t *)"";
		add_scalar(b, &empty);
		break;
	}
	case YAML_SCALAR_EVENT:
		check_properties(b, ev, ev->data.scalar.anchor, ev->data.scalar.tag);
		add_scalar(b, ev);
		break;
	case YAML_SEQUENCE_START_EVENT:
		check_properties(b, ev, ev->data.sequence_start.anchor, ev->data.sequence_start.tag);
		open_collection(b, ev, YTREE_SEQ);
		break;
	case YAML_MAPPING_START_EVENT:
		check_properties(b, ev, ev->data.mapping_start.anchor, ev->data.mapping_start.tag);
		open_collection(b, ev, YTREE_MAP);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_collection(b);
		break;
	default:
		break;
	}
}

static void parse(struct builder *b)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		report_file(b->r, "out of memory while reading the file");
		b->failed = true;
		return;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)b->data, b->len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			report_syntax(&parser, b->data, b->len, b->r);
			b->failed = true;
			break;
		}
		handle(b, &ev);
		bool end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (end || b->stop)
			break;
	}
	yaml_parser_delete(&parser);
	/* collections left open by an error; a map may hold a key still waiting for its value */
	while (b->depth > 0) {
		struct builder_level *lv = &b->stack[--b->depth];
		for (size_t i = 0; i < lv->filled; i++)
			ytree_free(lv->node->items[i]);
		lv->node->count = 0;
		ytree_free(lv->node);
	}
}

struct ytree_node *ytree_read(const char *data, size_t len, struct report *r)
{
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		data += 3, len -= 3;
	if (!check_text(data, len, r))
		return NULL;
	struct builder b = {.data = data, .len = len, .r = r};
	parse(&b);
	if (!b.failed && !b.root) {
		yaml_mark_t start = {0};
		b.root = node_new(YTREE_MAP, start);
		if (!b.root) {
			report_file(r, "out of memory while reading the file");
			b.failed = true;
		}
	}
	if (b.failed) {
		ytree_free(b.root);
		return NULL;
	}
	return b.root;
}

const struct ytree_node *ytree_get(const struct ytree_node *map, const char *key,
				   const struct ytree_node **key_node)
{
	size_t len = strlen(key);
	for (size_t i = 0; i < map->count; i++) {
		const struct ytree_node *k = ytree_key(map, i);
		if (k->type == YTREE_SCALAR && k->len == len && !memcmp(k->text, key, len)) {
			if (key_node)
				*key_node = k;
			return ytree_value(map, i);
		}
	}
	return NULL;
}

bool ytree_is_null(const struct ytree_node *node)
{
	return node->type == YTREE_SCALAR && node->plain &&
	       (node->len == 0 || !strcmp(node->text, "~") || !strcmp(node->text, "null") ||
		!strcmp(node->text, "Null") || !strcmp(node->text, "NULL"));
}
