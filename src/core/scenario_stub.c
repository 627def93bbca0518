/* Stand-ins for scenario functions until the scenario loader lands. */
#include "core/scenario.h"

const char *step_kind_name(enum step_kind kind)
{
	switch (kind) {
	case STEP_DISCUSSION: return "discussion";
	case STEP_TEXT: return "text";
	case STEP_SCALE: return "scale";
	case STEP_CHOICE: return "choice";
	}
	return "?";
}
