/* Reading the 'steps' list of a scenario file into the model (used by scenario.c only). */
#ifndef RJK_CORE_SCENARIO_STEPS_H
#define RJK_CORE_SCENARIO_STEPS_H

#include <stdbool.h>

#include "core/report.h"
#include "core/scenario.h"
#include "core/ytree.h"

/* True when id is 1 to SCENARIO_ID_MAX characters of a-z, 0-9 and '-'. */
bool scenario_id_valid(const char *id);

/* Checks an id value and reports what is wrong with it. name is the phrase for messages
 * ("step id"). */
bool scenario_check_id(struct report *r, const struct ytree_node *value, const char *name,
		       const char *id);

/* Fills s->steps and s->step_count from list (a YAML list), reporting every problem.
 * Returns false when any was found; s->steps is then still safe to free with s. */
bool scenario_steps_read(struct report *r, const struct ytree_node *list, struct scenario *s);

#endif
