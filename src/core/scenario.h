/* The scenario model: what a scenario.yaml holds once loaded and validated. Immutable after load. */
#ifndef RJK_CORE_SCENARIO_H
#define RJK_CORE_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

#define SCENARIO_FORMAT_VERSION 1
#define SCENARIO_MAX_FILE_BYTES (1024 * 1024)
#define SCENARIO_ID_MAX 64
#define STEP_TEXT_DEFAULT_MAX_CHARS 4000
#define STEP_TEXT_LIMIT_MAX_CHARS 20000
/* The most steps a scenario may hold. */
#define SCENARIO_MAX_STEPS 200
/* Lowest and highest values a scale may use, and its widest span (max - min). */
#define SCALE_VALUE_LIMIT 1000
#define SCALE_MAX_SPAN 10
/* How many options a choice step offers, and the longest countdown of a discussion. */
#define CHOICE_MIN_OPTIONS 2
#define CHOICE_MAX_OPTIONS 12
#define DISCUSSION_MAX_MINUTES 240

enum step_kind {
	STEP_DISCUSSION,
	STEP_TEXT,
	STEP_SCALE,
	STEP_CHOICE,
};

/* "discussion", "text", "scale" or "choice". */
const char *step_kind_name(enum step_kind kind);

/* True when key is one a step of this kind may hold: id, kind, text or one of the kind's own
 * keys. */
bool step_key_allowed(enum step_kind kind, const char *key);

struct scale_label {
	int value;
	char *text;
};

struct step {
	char *id;
	enum step_kind kind;
	char *title;           /* an optional heading shown in bold above text, one line; NULL
	                          when none (the text itself is never made bold) */
	char *text;            /* the prompt or question, may hold several lines */
	bool required;         /* text, scale, choice: no "Pass" offered */
	/* discussion */
	int minutes;           /* 0 when no countdown */
	bool notes;            /* a scribe may type group notes */
	/* text */
	char *hint;            /* NULL when none */
	int max_chars;         /* limit in characters (Unicode code points) */
	/* scale */
	int min, max;
	struct scale_label *labels; /* sorted by value */
	size_t label_count;
	/* choice */
	char **options;
	size_t option_count;
	bool multiple;
	/* set when a video cue names this step: asked during the video, not again after it */
	bool is_cue;
	int line, col;         /* where the step starts in the file (1-based) */
};

struct video_cue {
	int64_t at_ms;         /* video time at which to pause */
	char *step_id;
	size_t step;           /* index into scenario.steps */
	int line, col;         /* where its 'at' value is in the file (1-based) */
};

struct scenario_video {
	char *file;            /* as written: relative to the scenario folder */
	char *path;            /* resolved, absolute, inside the scenario folder */
	char *captions;        /* as written, NULL when none */
	char *captions_path;   /* resolved, NULL when none */
	int file_line, file_col; /* where the 'file' value is in the scenario file (1-based) */
	bool skip_ahead;       /* false: no seeking past the furthest point watched */
	struct video_cue *cues; /* sorted by time */
	size_t cue_count;
};

struct scenario {
	int version;
	char *id;
	char *title;
	char *language;        /* BCP 47 tag, NULL when not given */
	char *description;     /* for the facilitator, NULL when none */
	char *content_note;    /* shown before the video, NULL when none */
	struct scenario_video *video; /* NULL when the scenario has no video */
	struct step *steps;
	size_t step_count;
	char *dir;             /* absolute path of the scenario folder */
	char *file;            /* path of scenario.yaml as used in messages */
	char sha256[65];       /* lowercase hex SHA-256 of the file's bytes */
};

/* Loads and validates a scenario. path is a scenario folder (its scenario.yaml is read) or a
 * scenario.yaml file. On success returns a new scenario (free with scenario_free) and adds
 * nothing to diags. On failure returns NULL and adds every problem found to diags, each as
 * "FILE:LINE:COL: message" (or "FILE: message" when there is no place). */
struct scenario *scenario_load(const char *path, struct rjk_diags *diags);

/* Same, from bytes in memory. name is the file name used in messages; dir is the folder
 * media paths are resolved against (must exist). Used by the fuzz target and tests. */
struct scenario *scenario_load_buffer(const char *name, const char *dir, const char *data,
				      size_t len, struct rjk_diags *diags);

/* Frees a scenario; NULL is a no-op. */
void scenario_free(struct scenario *scenario);

/* The step with this id, or NULL. When index is not NULL it receives the step's position. */
const struct step *scenario_find_step(const struct scenario *scenario, const char *id,
				      size_t *index);

/* The label of a scale value, or NULL when that value has none. */
const char *step_scale_label(const struct step *step, int value);

#endif
