/* Reading and checking the steps of a scenario (see scenario_steps.h). */
#include "core/scenario_steps.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/suggest.h"
#include "core/utf8.h"
#include "core/yget.h"

static const char *const kind_names[] = {"discussion", "text", "scale", "choice"};
#define KIND_COUNT 4

static const char *const common_keys[] = {"id", "kind", "text", "title"};
#define COMMON_COUNT 4

/* Keys each kind accepts besides the common ones, in the order of enum step_kind. */
static const char *const kind_keys[KIND_COUNT][4] = {
	{"minutes", "notes"},
	{"hint", "required", "max_chars"},
	{"min", "max", "labels", "required"},
	{"options", "multiple", "required"},
};

const char *step_kind_name(enum step_kind kind)
{
	return (unsigned)kind < KIND_COUNT ? kind_names[kind] : "unknown";
}

static bool in_list(const char *key, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (list[i] && !strcmp(key, list[i]))
			return true;
	return false;
}

bool step_key_allowed(enum step_kind kind, const char *key)
{
	return in_list(key, common_keys, COMMON_COUNT) ||
	       ((unsigned)kind < KIND_COUNT && in_list(key, kind_keys[kind], 4));
}

bool scenario_id_valid(const char *id)
{
	size_t len = strlen(id);
	return len > 0 && len <= SCENARIO_ID_MAX &&
	       strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") == len;
}

bool scenario_check_id(struct report *r, const struct ytree_node *value, const char *name,
		       const char *id)
{
	if (scenario_id_valid(id))
		return true;
	char shown[REPORT_EXCERPT_SIZE];
	report_excerpt(shown, sizeof shown, id);
	/* Counted in characters, as the author sees them, not in bytes. */
	size_t chars = utf8_count(id, strlen(id));
	if (chars > SCENARIO_ID_MAX)
		report_at(r, value->line, value->col, "%s '%s' is %zu characters long; at most %d "
			  "are allowed", name, shown, chars, SCENARIO_ID_MAX);
	else
		report_at(r, value->line, value->col,
			  "%s '%s' may only use lowercase letters a-z, digits 0-9 and '-'", name,
			  shown);
	return false;
}

/* Checks the keys of a step against its kind (kind < 0: unknown kind, allow any step key). */
static bool check_keys(struct report *r, const struct ytree_node *map, int kind,
		       const char *where)
{
	const char *allowed[COMMON_COUNT + KIND_COUNT * 4];
	size_t n = 0;
	for (size_t i = 0; i < COMMON_COUNT; i++)
		allowed[n++] = common_keys[i];
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t i = 0; i < 4; i++)
			if ((kind < 0 || kind == k) && kind_keys[k][i] &&
			    !in_list(kind_keys[k][i], allowed, n))
				allowed[n++] = kind_keys[k][i];
	bool ok = true;
	for (size_t i = 0; i < map->count; i++) {
		const struct ytree_node *key = ytree_key(map, i);
		if (in_list(key->text, allowed, n))
			continue;
		ok = false;
		char owners[64] = "";
		size_t used = 0, owner_count = 0;
		for (int k = 0; k < KIND_COUNT; k++)
			if (in_list(key->text, kind_keys[k], 4))
				owner_count++;
		for (int k = 0, seen = 0; k < KIND_COUNT; k++) {
			if (!in_list(key->text, kind_keys[k], 4))
				continue;
			seen++;
			const char *sep = seen == 1 ? "" : (size_t)seen == owner_count ? " and " : ", ";
			used += (size_t)snprintf(owners + used, sizeof owners - used, "%s%s", sep,
						 kind_names[k]);
		}
		if (owner_count)
			report_at(r, key->line, key->col,
				  "'%s' is not used by a %s step (%s); it belongs to %s steps",
				  key->text, kind_names[kind], where, owners);
		else
			yget_unknown_key(r, key, where, allowed, n);
	}
	return ok;
}

static int read_kind(struct report *r, const struct ytree_node *map, const char *where)
{
	char *kind = NULL;
	if (!yget_string(r, map, "kind", where, YGET_REQUIRED | YGET_ONE_LINE, &kind))
		return -1;
	for (int k = 0; k < KIND_COUNT; k++) {
		if (!strcmp(kind, kind_names[k])) {
			free(kind);
			return k;
		}
	}
	const struct ytree_node *v = ytree_get(map, "kind", NULL);
	char shown[REPORT_EXCERPT_SIZE];
	report_excerpt(shown, sizeof shown, kind);
	const char *near = suggest_nearest(kind, kind_names, KIND_COUNT);
	if (near)
		report_at(r, v->line, v->col, "kind '%s' in %s is not known; did you mean '%s'?",
			  shown, where, near);
	else
		report_at(r, v->line, v->col, "kind '%s' in %s is not known; use discussion, "
			  "text, scale or choice", shown, where);
	free(kind);
	return -1;
}

static int compare_labels(const void *a, const void *b)
{
	const struct scale_label *x = a, *y = b;
	return (x->value > y->value) - (x->value < y->value);
}

static bool read_labels(struct report *r, const struct ytree_node *map, const char *where,
			struct step *step)
{
	const struct ytree_node *labels;
	if (!yget_collection(r, map, "labels", where, 0, YTREE_MAP, &labels))
		return false;
	if (!labels || labels->count == 0)
		return true;
	step->labels = calloc(labels->count, sizeof *step->labels);
	if (!step->labels) {
		report_file(r, "out of memory");
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i < labels->count; i++) {
		const struct ytree_node *k = ytree_key(labels, i), *v = ytree_value(labels, i);
		long value;
		char shown[REPORT_EXCERPT_SIZE];
		report_excerpt(shown, sizeof shown, k->text);
		if (!yget_parse_int(k, &value) || value < step->min || value > step->max) {
			report_at(r, k->line, k->col, "label '%s' in %s is not on the scale; "
				  "label keys must be whole numbers from %d to %d", shown, where,
				  step->min, step->max);
			ok = false;
			continue;
		}
		bool twice = false;
		for (size_t j = 0; j < step->label_count && !twice; j++)
			twice = step->labels[j].value == (int)value;
		if (twice) {
			report_at(r, k->line, k->col, "label for %ld in %s is given twice", value,
				  where);
			ok = false;
			continue;
		}
		char name[2 * REPORT_EXCERPT_SIZE];
		snprintf(name, sizeof name, "label %ld in %s", value, where);
		char *text;
		if (!yget_text(r, k, v, name, YGET_REQUIRED | YGET_ONE_LINE, &text)) {
			ok = false;
			continue;
		}
		step->labels[step->label_count++] = (struct scale_label){(int)value, text};
	}
	qsort(step->labels, step->label_count, sizeof *step->labels, compare_labels);
	return ok;
}

static bool read_scale(struct report *r, const struct ytree_node *map, const char *where,
		       struct step *step)
{
	bool has_min, has_max;
	bool ok = yget_int(r, map, "min", where, YGET_REQUIRED, -SCALE_VALUE_LIMIT,
			   SCALE_VALUE_LIMIT, &step->min, &has_min);
	ok &= yget_int(r, map, "max", where, YGET_REQUIRED, -SCALE_VALUE_LIMIT, SCALE_VALUE_LIMIT,
		       &step->max, &has_max);
	if (!has_min || !has_max)
		return false;
	const struct ytree_node *at = ytree_get(map, "min", NULL);
	if (step->min >= step->max) {
		report_at(r, at->line, at->col,
			  "scale 'min' (%d) must be less than 'max' (%d) in %s", step->min,
			  step->max, where);
		return false;
	}
	if (step->max - step->min > SCALE_MAX_SPAN) {
		at = ytree_get(map, "max", NULL);
		report_at(r, at->line, at->col,
			  "scale from %d to %d in %s is too long; 'max' may be at most 'min' + %d",
			  step->min, step->max, where, SCALE_MAX_SPAN);
		return false;
	}
	return ok && read_labels(r, map, where, step);
}

static bool read_choice(struct report *r, const struct ytree_node *map, const char *where,
			struct step *step)
{
	const struct ytree_node *list;
	bool ok = yget_bool(r, map, "multiple", where, &step->multiple);
	if (!yget_collection(r, map, "options", where, YGET_REQUIRED, YTREE_SEQ, &list))
		return false;
	if (list->count < CHOICE_MIN_OPTIONS || list->count > CHOICE_MAX_OPTIONS) {
		report_at(r, list->line, list->col, "%s has %zu option%s; a choice needs %d to %d",
			  where, list->count, list->count == 1 ? "" : "s", CHOICE_MIN_OPTIONS,
			  CHOICE_MAX_OPTIONS);
		return false;
	}
	step->options = calloc(list->count, sizeof *step->options);
	if (!step->options) {
		report_file(r, "out of memory");
		return false;
	}
	char name[2 * REPORT_EXCERPT_SIZE];
	snprintf(name, sizeof name, "an option in %s", where);
	const struct ytree_node *firsts[CHOICE_MAX_OPTIONS];
	for (size_t i = 0; i < list->count; i++) {
		const struct ytree_node *item = list->items[i];
		char *text;
		if (!yget_text(r, NULL, item, name, YGET_REQUIRED | YGET_ONE_LINE, &text)) {
			ok = false;
			continue;
		}
		size_t j = 0;
		while (j < step->option_count && strcmp(step->options[j], text))
			j++;
		if (j < step->option_count) {
			char shown[REPORT_EXCERPT_SIZE];
			report_excerpt(shown, sizeof shown, text);
			report_at(r, item->line, item->col, "option '%s' in %s is listed twice "
				  "(first at line %d); options must differ", shown, where,
				  firsts[j]->line);
			free(text);
			ok = false;
			continue;
		}
		firsts[step->option_count] = item;
		step->options[step->option_count++] = text;
	}
	return ok;
}

static bool read_step(struct report *r, const struct ytree_node *map, size_t index,
		      struct step *step)
{
	char where[96]; /* "step 'ID'" with an id of at most SCENARIO_ID_MAX characters */
	snprintf(where, sizeof where, "step %zu", index + 1);
	step->line = map->line;
	step->col = map->col;
	if (map->type != YTREE_MAP) {
		report_at(r, map->line, map->col, "%s must be a group of 'key: value' lines "
			  "(id, kind, text, ...)", where);
		return false;
	}
	bool ok = yget_string(r, map, "id", where, YGET_REQUIRED | YGET_ONE_LINE, &step->id);
	if (step->id) {
		if (scenario_check_id(r, ytree_get(map, "id", NULL), "step id", step->id))
			snprintf(where, sizeof where, "step '%s'", step->id);
		else
			ok = false;
	}
	int kind = read_kind(r, map, where);
	ok &= kind >= 0;
	ok &= check_keys(r, map, kind, where);
	ok &= yget_string(r, map, "text", where, YGET_REQUIRED, &step->text);
	ok &= yget_string(r, map, "title", where, YGET_ONE_LINE, &step->title);
	if (kind < 0)
		return false;
	step->kind = (enum step_kind)kind;
	step->max_chars = STEP_TEXT_DEFAULT_MAX_CHARS;
	if (kind != STEP_DISCUSSION)
		ok &= yget_bool(r, map, "required", where, &step->required);
	switch (step->kind) {
	case STEP_DISCUSSION:
		ok &= yget_int(r, map, "minutes", where, 0, 1, DISCUSSION_MAX_MINUTES,
			       &step->minutes, NULL);
		ok &= yget_bool(r, map, "notes", where, &step->notes);
		break;
	case STEP_TEXT:
		ok &= yget_string(r, map, "hint", where, 0, &step->hint);
		ok &= yget_int(r, map, "max_chars", where, 0, 1, STEP_TEXT_LIMIT_MAX_CHARS,
			       &step->max_chars, NULL);
		break;
	case STEP_SCALE:
		ok &= read_scale(r, map, where, step);
		break;
	case STEP_CHOICE:
		ok &= read_choice(r, map, where, step);
		break;
	}
	return ok;
}

bool scenario_steps_read(struct report *r, const struct ytree_node *list, struct scenario *s)
{
	if (list->count == 0) {
		report_at(r, list->line, list->col, "'steps' is empty; a scenario needs at least "
			  "one step");
		return false;
	}
	if (list->count > SCENARIO_MAX_STEPS) {
		report_at(r, list->line, list->col, "'steps' lists %zu steps; at most %d are "
			  "allowed", list->count, SCENARIO_MAX_STEPS);
		return false;
	}
	s->steps = calloc(list->count, sizeof *s->steps);
	if (!s->steps) {
		report_file(r, "out of memory");
		return false;
	}
	s->step_count = list->count;
	bool ok = true;
	for (size_t i = 0; i < list->count; i++) {
		ok &= read_step(r, list->items[i], i, &s->steps[i]);
		if (!s->steps[i].id || !scenario_id_valid(s->steps[i].id))
			continue;
		for (size_t j = 0; j < i; j++) {
			if (s->steps[j].id && !strcmp(s->steps[j].id, s->steps[i].id)) {
				const struct ytree_node *v = ytree_get(list->items[i], "id", NULL);
				report_at(r, v->line, v->col, "step id '%s' is used twice (first at "
					  "line %d); every step needs its own id", s->steps[i].id,
					  s->steps[j].line);
				ok = false;
				break;
			}
		}
	}
	return ok;
}
