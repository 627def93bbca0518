/* Warnings about a valid scenario's texts that no screen can show well or that hold a likely
 * mistake: a title the start screen cuts, a long option label, a prompt that needs much
 * scrolling, a long caption cue, a key indented into the text above it, a step's text or
 * title saying that the video has paused (the kiosk says so itself, only when it is true). */
#ifndef RJK_CORE_SCENARIO_LINT_H
#define RJK_CORE_SCENARIO_LINT_H

#include <stddef.h>

#include "core/captions.h"
#include "core/error.h"
#include "core/scenario.h"

/* The limits, in characters (Unicode code points). Measured with the kiosk's layout and fonts
 * (DejaVu Sans) at 1024x768, the smallest screen it supports, at 200% text, the largest size,
 * on English prose:
 * - the start screen shows 3 lines of the title and cuts the rest: they hold about 50
 *   characters (the one-line header holds about 40 beside "Aa", 10 beside a step's progress,
 *   and is always cut with an ellipsis);
 * - an option's label of 150 characters takes 4 lines, and a question with several of those
 *   no longer fits a screen;
 * - a screen shows about 11 lines of a prompt, about 470 characters: 3000 is more than six
 *   screens of scrolling before the answer field;
 * - the caption area shows 3 lines and drops the rest: they hold about 73 characters at 200%
 *   and 145 at 100%; 80 is also two lines of 40, what subtitle guides advise a reader can
 *   take in while a cue shows. */
#define LINT_TITLE_CHARS 50
#define LINT_OPTION_CHARS 150
#define LINT_PROMPT_CHARS 3000
#define LINT_CAPTION_CHARS 80

/* Adds to warnings one message for each text of scenario over its limit, and one for each
 * line of a block text ('|' or '>') of a step that reads like one of the step's keys at the
 * text's own indentation ("hint: ..."), as
 * "FILE:LINE:COL: warning: message", in file order. data[0..len) is the scenario file the
 * scenario was loaded from (the places of its texts are read from it). When captions is not
 * NULL, its cues are checked too, as "CAPTIONS:LINE: warning: message" with CAPTIONS the
 * caption file's name as the scenario writes it, from the scenario file's folder. Warnings
 * never make a scenario invalid. */
void scenario_lint(const struct scenario *scenario, const char *data, size_t len,
		   const struct captions *captions, struct rjk_diags *warnings);

/* The same, reading the scenario's own file and caption file (the kiosk reads them the same
 * way). A file that cannot be read gives a warning saying so. */
void scenario_lint_files(const struct scenario *scenario, struct rjk_diags *warnings);

#endif
