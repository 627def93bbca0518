/* Warnings about texts no screen shows well or that hold a likely mistake (see
 * scenario_lint.h): each text's length in characters against its limit, keys indented into
 * block texts and texts claiming the video paused, placed where the file writes them. */
#include "core/scenario_lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/report.h"
#include "core/utf8.h"
#include "core/ytree.h"

static size_t chars(const char *s)
{
	return s ? utf8_count(s, strlen(s)) : 0;
}

/* The place of a node, or of its key when the node is absent. */
static void place(const struct ytree_node *node, const struct ytree_node *key, int *line,
		  int *col)
{
	const struct ytree_node *at = node ? node : key;

	*line = at ? at->line : 0;
	*col = at ? at->col : 0;
}

/* The node of steps[index] in the file's tree, or NULL. */
static const struct ytree_node *step_node(const struct ytree_node *root, size_t index)
{
	const struct ytree_node *steps = root ? ytree_get(root, "steps", NULL) : NULL;

	if (!steps || steps->type != YTREE_SEQ || index >= steps->count ||
	    steps->items[index]->type != YTREE_MAP)
		return NULL;
	return steps->items[index];
}

/* The offset of the start of the line after the one at offset i of data[0..len), or len. */
static size_t next_line(const char *data, size_t len, size_t i)
{
	while (i < len && data[i] != '\n' && data[i] != '\r')
		i++;
	if (i < len && data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')
		i++;
	return i < len ? i + 1 : len;
}

/* Warns about each line of a block text ('|' or '>') at the text's own indentation that
 * reads like a key of the step ("hint: ..."): a key indented one step too far joins the text
 * above and shows on screen as part of it. key is the text's key, value its text. */
static void lint_block(struct report *r, const char *data, size_t len, const struct step *step,
		       const struct ytree_node *key, const struct ytree_node *value)
{
	size_t start = 0, i, indent = 0;
	int line = value->line;

	for (int l = 1; l < line; l++)
		start = next_line(data, len, start);
	i = start;
	for (int c = 1; c < value->col && i < len; c++)
		i = utf8_next(data, len, i);
	if (i >= len || (data[i] != '|' && data[i] != '>'))
		return;
	for (i = next_line(data, len, start), line++; i < len; i = next_line(data, len, i), line++) {
		size_t k = i, word;
		char name[32];

		while (k < len && data[k] == ' ')
			k++;
		if (k == len || data[k] == '\n' || data[k] == '\r')
			continue;
		if ((int)(k - i) < key->col)
			break;
		if (!indent)
			indent = k - i;
		if (k - i != indent)
			continue;
		for (word = k; k < len && ((data[k] >= 'a' && data[k] <= 'z') || data[k] == '_'); k++)
			;
		if (k == word || k - word >= sizeof name || k == len || data[k] != ':' ||
		    (k + 1 < len && data[k + 1] != ' ' && data[k + 1] != '\n' &&
		     data[k + 1] != '\r'))
			continue;
		snprintf(name, sizeof name, "%.*s", (int)(k - word), data + word);
		if (step_key_allowed(step->kind, name))
			report_at(r, line, (int)indent + 1, "warning: this line looks like the key "
				  "'%s' but is indented into the text above, so it shows as part of "
				  "that text; to make it a key, line it up with '%.*s' (column %d)",
				  name, (int)key->len, key->text, key->col);
	}
}

/* True when text says that the video has paused ("The video has paused.", "the video is
 * paused here"), in any case: words that are wrong when the video failed or is off. */
static bool claims_pause(const char *text)
{
	static const char *const claims[] = {"video has paused", "video is paused",
					     "video has been paused", "video pauses"};

	for (const char *at = text; at && *at; at++)
		for (size_t i = 0; i < sizeof claims / sizeof claims[0]; i++)
			if (!strncasecmp(at, claims[i], strlen(claims[i])))
				return true;
	return false;
}

static void lint_step(struct report *r, const struct step *step, const struct ytree_node *node,
		      const char *data, size_t len)
{
	const struct ytree_node *hint_key = NULL;
	const struct ytree_node *hint = node ? ytree_get(node, "hint", &hint_key) : NULL;

	const struct ytree_node *key = NULL, *text = node ? ytree_get(node, "text", &key) : NULL;
	const struct ytree_node *options = node ? ytree_get(node, "options", NULL) : NULL;
	size_t n = chars(step->text);
	int line, col;

	place(text, key, &line, &col);
	if (!line) {
		line = step->line;
		col = step->col;
	}
	if (text && text->type == YTREE_SCALAR)
		lint_block(r, data, len, step, key, text);
	if (hint && hint->type == YTREE_SCALAR)
		lint_block(r, data, len, step, hint_key, hint);
	for (int title = 0; title <= 1; title++) {
		const struct ytree_node *tkey = NULL;
		const struct ytree_node *t = title && node ? ytree_get(node, "title", &tkey) : NULL;
		int tl = line, tc = col;

		if (!claims_pause(title ? step->title : step->text))
			continue;
		if (t)
			place(t, tkey, &tl, &tc);
		report_at(r, tl, tc, "warning: step '%s' says that the video has paused; the kiosk "
			  "shows that itself, and only when it is true (not when the video cannot "
			  "play or is turned off), so leave it out of the %s", step->id,
			  title ? "title" : "text");
	}
	if (n > LINT_PROMPT_CHARS)
		report_at(r, line, col, "warning: step '%s' has a prompt of %zu characters; a "
			  "screen shows about 470 at the largest text size, so over %d means much "
			  "scrolling before the answer", step->id, n, LINT_PROMPT_CHARS);
	for (size_t i = 0; i < step->option_count; i++) {
		const struct ytree_node *o = options && options->type == YTREE_SEQ &&
			i < options->count ? options->items[i] : NULL;

		n = chars(step->options[i]);
		if (n <= LINT_OPTION_CHARS)
			continue;
		place(o, NULL, &line, &col);
		if (!line) {
			line = step->line;
			col = step->col;
		}
		report_at(r, line, col, "warning: option %zu of step '%s' has %zu characters; over "
			  "%d, a label takes more than 4 lines at the largest text size", i + 1,
			  step->id, n, LINT_OPTION_CHARS);
	}
}

void scenario_lint(const struct scenario *scenario, const char *data, size_t len,
		   const struct captions *captions, struct rjk_diags *warnings)
{
	struct rjk_diags ignored = {0};
	struct report quiet = {.file = scenario->file, .diags = &ignored};
	struct report r = {.file = scenario->file, .diags = warnings};
	/* The file loaded once already: its tree is read again only for the places. */
	struct ytree_node *root = ytree_read(data, len, &quiet);
	const struct ytree_node *key = NULL, *title;
	size_t n = chars(scenario->title);
	int line, col, folder;
	const char *slash;

	report_finish(&quiet);
	rjk_diags_release(&ignored);
	if (root && root->type != YTREE_MAP) {
		ytree_free(root);
		root = NULL;
	}
	title = root ? ytree_get(root, "title", &key) : NULL;
	place(title, key, &line, &col);
	if (n > LINT_TITLE_CHARS)
		report_at(&r, line, col, "warning: the title has %zu characters; at the largest "
			  "text size the start screen shows about %d (3 lines) and the header about "
			  "40, and cuts the rest", n, LINT_TITLE_CHARS);
	for (size_t i = 0; i < scenario->step_count; i++)
		lint_step(&r, &scenario->steps[i], step_node(root, i), data, len);
	report_finish(&r);
	ytree_free(root);
	if (!captions || !scenario->video || !scenario->video->captions)
		return;
	/* The caption file named as the scenario file is: from the same folder. */
	slash = strrchr(scenario->file, '/');
	folder = slash ? (int)(slash - scenario->file + 1) : 0;
	for (size_t i = 0; i < captions->count; i++) {
		const struct caption_cue *cue = &captions->cues[i];

		n = chars(cue->text);
		if (n > LINT_CAPTION_CHARS)
			rjk_diags_add(warnings, "%.*s%s:%d: warning: a caption of %zu characters; "
				      "the caption area shows 3 lines, about %d characters at the "
				      "largest text size, and drops the rest", folder,
				      scenario->file, scenario->video->captions, cue->line, n,
				      LINT_CAPTION_CHARS);
	}
}

/* The whole of a file no larger than max bytes, or NULL. */
static char *slurp(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = f ? malloc(max + 1) : NULL;

	*len = data ? fread(data, 1, max + 1, f) : 0;
	if (f)
		fclose(f);
	if (data && *len > max) {
		free(data);
		data = NULL;
	}
	return data;
}

void scenario_lint_files(const struct scenario *scenario, struct rjk_diags *warnings)
{
	struct captions *captions = NULL;
	struct rjk_error err = {{0}};
	size_t len;
	char *data = slurp(scenario->file, SCENARIO_MAX_FILE_BYTES, &len);

	if (!data) {
		rjk_diags_add(warnings, "%s: warning: could not be read again to check its texts",
			      scenario->file);
		return;
	}
	if (scenario->video && scenario->video->captions_path &&
	    !(captions = captions_load(scenario->video->captions_path, NULL, &err)))
		rjk_diags_add(warnings, "%s: warning: %s", scenario->video->captions_path,
			      err.message);
	scenario_lint(scenario, data, len, captions, warnings);
	captions_free(captions);
	free(data);
}
