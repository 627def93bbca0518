/* A small YAML document tree read with libyaml, keeping the line:col of every node. */
#ifndef RJK_CORE_YTREE_H
#define RJK_CORE_YTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/report.h"

/* Deeper nesting is refused: a scenario needs four levels, and a cap keeps freeing and
 * walking the tree bounded. */
#define YTREE_MAX_DEPTH 16

enum ytree_type {
	YTREE_SCALAR,
	YTREE_MAP,
	YTREE_SEQ,
};

struct ytree_node {
	enum ytree_type type;
	int line, col;                 /* 1-based, columns counted in characters */
	/* scalar */
	char *text;                    /* NUL-terminated; may hold NULs before len (see has_nul) */
	size_t len;
	bool plain;                    /* written without quotes or block indicators */
	bool unshowable;               /* holds a control character; already reported */
	/* map: items[2*i] is the i-th key (always a scalar), items[2*i+1] its value;
	 * seq: items[i] is the i-th entry */
	struct ytree_node **items;
	size_t count;                  /* number of map entries or list items */
};

/* Reads one YAML document from data[0..len). Checks the text first: UTF-8 (an optional BOM
 * is skipped), no tabs in indentation, then parses it with libyaml, refusing anchors,
 * aliases, tags, several documents, non-scalar keys, duplicate keys and deep nesting. Every
 * problem goes to r. Returns the root node (free with ytree_free), or NULL when the text
 * could not be read into a tree. Duplicate keys, anchors and tags are reported but still
 * give a tree (the first of duplicate keys wins), so the caller must also look at r->count.
 * An empty document yields an empty map. */
struct ytree_node *ytree_read(const char *data, size_t len, struct report *r);

/* Frees a node and everything under it; NULL is a no-op. */
void ytree_free(struct ytree_node *node);

/* Map access: the i-th key and value. */
static inline const struct ytree_node *ytree_key(const struct ytree_node *map, size_t i)
{
	return map->items[2 * i];
}
static inline const struct ytree_node *ytree_value(const struct ytree_node *map, size_t i)
{
	return map->items[2 * i + 1];
}

/* The value of key in map, or NULL when absent. When key_node is not NULL it receives the key
 * itself (for messages about an empty value, which has no place of its own). */
const struct ytree_node *ytree_get(const struct ytree_node *map, const char *key,
				   const struct ytree_node **key_node);

/* True for a plain scalar YAML reads as null: empty, "~" or "null". */
bool ytree_is_null(const struct ytree_node *node);

#endif
