/* Typed reading of the values in a ytree mapping, with problems reported in words a
 * scenario author understands ("'minutes' in step 'd1' must be a whole number, not 'five'"). */
#ifndef RJK_CORE_YGET_H
#define RJK_CORE_YGET_H

#include <stdbool.h>
#include <stddef.h>

#include "core/report.h"
#include "core/ytree.h"

/* where names the mapping in messages ("step 'q3'", "the video"); NULL for the top level. */

/* Reports a key not in known[0..count), suggesting the nearest known key when one is close
 * and otherwise listing the allowed ones. */
void yget_unknown_key(struct report *r, const struct ytree_node *key, const char *where,
		      const char *const *known, size_t count);

/* Reports every key of map not in known[0..count). Returns false when any was found. */
bool yget_check_keys(struct report *r, const struct ytree_node *map, const char *where,
		     const char *const *known, size_t count);

/* Reports that map lacks key (at the mapping's place). Always returns false. */
bool yget_missing(struct report *r, const struct ytree_node *map, const char *where,
		  const char *key);

/* Writes "'key'" or "'key' in WHERE" into out, for messages about one value. */
void yget_name(char *out, size_t outsz, const char *key, const char *where);

enum {
	YGET_REQUIRED = 1,      /* report when the key is absent */
	YGET_ONE_LINE = 2,      /* refuse line breaks */
};

/* Describes a wrongly typed value for "must be X, not Y": "a list", "a group of keys",
 * "'five'" or "'5' in quotes". */
void yget_describe(char *out, size_t outsz, const struct ytree_node *value);

/* Reads a text value, trimmed of surrounding white space; it must not be empty. *out receives
 * a new string (caller frees), or NULL when the key is absent. Returns false on any problem
 * (reported). */
bool yget_string(struct report *r, const struct ytree_node *map, const char *key,
		 const char *where, unsigned flags, char **out);

/* Checks a scalar as a text value: not null, not empty after trimming, no NUL, one line when
 * asked (YGET_ONE_LINE; YGET_REQUIRED only changes the advice given for an empty value).
 * name is the phrase for messages (see yget_name). *out receives a new trimmed copy. */
bool yget_text(struct report *r, const struct ytree_node *key, const struct ytree_node *value,
	       const char *name, unsigned flags, char **out);

/* Reads a whole number from min to max. Leaves *out alone when the key is absent. *given
 * (may be NULL) tells whether it was present and valid. */
bool yget_int(struct report *r, const struct ytree_node *map, const char *key,
	      const char *where, unsigned flags, long min, long max, int *out, bool *given);

/* Parses a plain scalar holding a whole number (an optional sign and decimal digits);
 * numbers beyond the range of long become LONG_MIN or LONG_MAX. */
bool yget_parse_int(const struct ytree_node *value, long *out);

/* Reads true or false. Leaves *out alone when the key is absent. */
bool yget_bool(struct report *r, const struct ytree_node *map, const char *key,
	       const char *where, bool *out);

/* Reads a list (type YTREE_SEQ) or a mapping (YTREE_MAP). *out is NULL when absent. */
bool yget_collection(struct report *r, const struct ytree_node *map, const char *key,
		     const char *where, unsigned flags, enum ytree_type type,
		     const struct ytree_node **out);

#endif
