/* Typed reading of ytree mapping values (see yget.h). */
#define _GNU_SOURCE /* asprintf */
#include "core/yget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/suggest.h"
#include "core/yhint.h"

#define NAME_SIZE (2 * REPORT_EXCERPT_SIZE)

void yget_name(char *out, size_t outsz, const char *key, const char *where)
{
	if (where)
		snprintf(out, outsz, "'%s' in %s", key, where);
	else
		snprintf(out, outsz, "'%s'", key);
}

void yget_unknown_key(struct report *r, const struct ytree_node *key, const char *where,
		      const char *const *known, size_t count)
{
	char shown[REPORT_EXCERPT_SIZE], in[REPORT_EXCERPT_SIZE + 8] = "";
	if (key->unshowable)
		return;
	report_excerpt(shown, sizeof shown, key->text);
	if (where)
		snprintf(in, sizeof in, " in %s", where);
	const char *near = suggest_nearest(key->text, known, count);
	if (near) {
		report_at(r, key->line, key->col, "unknown key '%s'%s; did you mean '%s'?", shown,
			  in, near);
		return;
	}
	char list[512] = "";
	size_t used = 0;
	for (size_t i = 0; i < count && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
					 known[i]);
	report_at(r, key->line, key->col, "unknown key '%s'%s; the keys allowed here are: %s",
		  shown, in, list);
}

bool yget_check_keys(struct report *r, const struct ytree_node *map, const char *where,
		     const char *const *known, size_t count)
{
	bool ok = true;
	for (size_t i = 0; i < map->count; i++) {
		const struct ytree_node *key = ytree_key(map, i);
		bool found = false;
		for (size_t k = 0; k < count && !found; k++)
			found = key->len == strlen(known[k]) && !strcmp(key->text, known[k]);
		if (!found) {
			yget_unknown_key(r, key, where, known, count);
			ok = false;
		}
	}
	return ok;
}

bool yget_missing(struct report *r, const struct ytree_node *map, const char *where,
		  const char *key)
{
	report_at(r, map->line, map->col, "%s has no '%s'", where ? where : "the scenario", key);
	return false;
}

void yget_describe(char *out, size_t outsz, const struct ytree_node *value)
{
	if (value->type == YTREE_SEQ) {
		snprintf(out, outsz, "a list");
	} else if (value->type == YTREE_MAP) {
		snprintf(out, outsz, "a group of keys");
	} else {
		char shown[REPORT_EXCERPT_SIZE];
		report_excerpt(shown, sizeof shown, value->text);
		snprintf(out, outsz, value->plain ? "'%s'" : "'%s' in quotes", shown);
	}
}

/* Every character that starts a new line somewhere: LF, CR, VT, FF, NEL (U+0085) and the
 * Unicode line and paragraph separators (U+2028, U+2029). */
static bool has_line_break(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		const unsigned char *u = (const unsigned char *)s + i;
		if (*u == '\n' || *u == '\r' || *u == '\v' || *u == '\f')
			return true;
		if (i + 1 < len && u[0] == 0xC2 && u[1] == 0x85)
			return true;
		if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
			return true;
	}
	return false;
}

bool yget_text(struct report *r, const struct ytree_node *key, const struct ytree_node *value,
	       const char *name, unsigned flags, char **out)
{
	*out = NULL;
	if (value->type != YTREE_SCALAR) {
		char got[NAME_SIZE];
		const struct ytree_node *k = value->type == YTREE_MAP && value->count ?
			ytree_key(value, 0) : NULL;
		if (k && k->type == YTREE_SCALAR &&
		    yhint_curly_quote(k->text, k->len, got, sizeof got)) {
			report_at(r, k->line, k->col, "%s", got);
			return false;
		}
		yget_describe(got, sizeof got, value);
		report_at(r, value->line, value->col, "%s must be text, not %s", name, got);
		return false;
	}
	if (value->unshowable)
		return false;
	if (strlen(value->text) != value->len) {
		report_at(r, value->line, value->col,
			  "%s contains a NUL character ('\\0'), which is not allowed", name);
		return false;
	}
	const char *s = value->text, *e = value->text + value->len;
	while (s < e && strchr(" \t\r\n", *s))
		s++;
	while (e > s && strchr(" \t\r\n", e[-1]))
		e--;
	if (s == e || ytree_is_null(value)) {
		const struct ytree_node *at = ytree_is_null(value) && key ? key : value;
		report_at(r, at->line, at->col, "%s is empty; %s", name,
			  (flags & YGET_REQUIRED) ? "write what it should say"
						  : "write something or remove the line");
		return false;
	}
	if ((flags & YGET_ONE_LINE) && has_line_break(s, (size_t)(e - s))) {
		report_at(r, value->line, value->col, "%s must fit on one line", name);
		return false;
	}
	*out = strndup(s, (size_t)(e - s));
	if (!*out) {
		report_file(r, "out of memory");
		return false;
	}
	return true;
}

bool yget_string(struct report *r, const struct ytree_node *map, const char *key,
		 const char *where, unsigned flags, char **out)
{
	*out = NULL;
	const struct ytree_node *k = NULL, *v = ytree_get(map, key, &k);
	if (!v)
		return (flags & YGET_REQUIRED) ? yget_missing(r, map, where, key) : true;
	char name[NAME_SIZE];
	yget_name(name, sizeof name, key, where);
	return yget_text(r, k, v, name, flags, out);
}

bool yget_parse_int(const struct ytree_node *value, long *out)
{
	if (value->type != YTREE_SCALAR || !value->plain || value->len == 0)
		return false;
	const char *p = value->text;
	if (*p == '-' || *p == '+')
		p++;
	if (!*p || strspn(p, "0123456789") != strlen(p))
		return false;
	/* out-of-range numbers saturate, so that range checks report them as too large */
	*out = strtol(value->text, NULL, 10);
	return true;
}

bool yget_int(struct report *r, const struct ytree_node *map, const char *key,
	      const char *where, unsigned flags, long min, long max, int *out, bool *given)
{
	if (given)
		*given = false;
	const struct ytree_node *k = NULL, *v = ytree_get(map, key, &k);
	if (!v)
		return (flags & YGET_REQUIRED) ? yget_missing(r, map, where, key) : true;
	char name[NAME_SIZE];
	yget_name(name, sizeof name, key, where);
	long n;
	if (!yget_parse_int(v, &n)) {
		char got[NAME_SIZE];
		yget_describe(got, sizeof got, v);
		const struct ytree_node *at = ytree_is_null(v) ? k : v;
		if (ytree_is_null(v))
			report_at(r, at->line, at->col, "%s has no value; write a whole number",
				  name);
		else
			report_at(r, at->line, at->col, "%s must be a whole number, not %s", name,
				  got);
		return false;
	}
	if (n < min || n > max) {
		char shown[REPORT_EXCERPT_SIZE];
		report_excerpt(shown, sizeof shown, v->text);
		report_at(r, v->line, v->col, "%s is %s; it must be from %ld to %ld", name, shown,
			  min, max);
		return false;
	}
	*out = (int)n;
	if (given)
		*given = true;
	return true;
}

bool yget_bool(struct report *r, const struct ytree_node *map, const char *key,
	       const char *where, bool *out)
{
	const struct ytree_node *k = NULL, *v = ytree_get(map, key, &k);
	if (!v)
		return true;
	if (v->type == YTREE_SCALAR && v->plain && !strcmp(v->text, "true")) {
		*out = true;
		return true;
	}
	if (v->type == YTREE_SCALAR && v->plain && !strcmp(v->text, "false")) {
		*out = false;
		return true;
	}
	char name[NAME_SIZE], got[NAME_SIZE];
	yget_name(name, sizeof name, key, where);
	yget_describe(got, sizeof got, v);
	if (ytree_is_null(v))
		report_at(r, k->line, k->col, "%s has no value; write true or false", name);
	else
		report_at(r, v->line, v->col, "%s must be true or false, not %s", name, got);
	return false;
}

bool yget_collection(struct report *r, const struct ytree_node *map, const char *key,
		     const char *where, unsigned flags, enum ytree_type type,
		     const struct ytree_node **out)
{
	*out = NULL;
	const struct ytree_node *k = NULL, *v = ytree_get(map, key, &k);
	if (!v)
		return (flags & YGET_REQUIRED) ? yget_missing(r, map, where, key) : true;
	if (v->type == type) {
		*out = v;
		return true;
	}
	char name[NAME_SIZE], got[NAME_SIZE];
	yget_name(name, sizeof name, key, where);
	yget_describe(got, sizeof got, v);
	const struct ytree_node *at = ytree_is_null(v) ? k : v;
	if (type == YTREE_SEQ)
		report_at(r, at->line, at->col,
			  "%s must be a list (one '- ' line per entry), not %s", name,
			  ytree_is_null(v) ? "empty" : got);
	else
		report_at(r, at->line, at->col,
			  "%s must be a group of 'key: value' lines, not %s", name,
			  ytree_is_null(v) ? "empty" : got);
	return false;
}
