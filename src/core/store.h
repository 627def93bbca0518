/* The response store: one SQLite database per kiosk holding sessions, participants, responses
 * and an event log. Every save is one durable transaction. */
#ifndef RJK_CORE_STORE_H
#define RJK_CORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/scenario.h"

#define STORE_DB_NAME "responses.db"
#define STORE_TEXT_MAX_BYTES (STEP_TEXT_LIMIT_MAX_CHARS * 4)

struct store;

enum response_status {
	RESPONSE_DRAFT,
	RESPONSE_ANSWERED,
	RESPONSE_PASSED,
};

/* "draft", "answered" or "passed". */
const char *response_status_name(enum response_status status);

/* Writes the default data folder into out: $XDG_DATA_HOME/rjkiosk, falling back to
 * $HOME/.local/share/rjkiosk. */
bool store_default_dir(char *out, size_t size, struct rjk_error *err);

/* Opens the database in data_dir (NULL: the default folder), creating the folder 0700 and the
 * files 0600, migrating an older schema, and running quick_check. Refuses a database written by
 * a newer version. Returns NULL and fills err on failure. */
struct store *store_open(const char *data_dir, struct rjk_error *err);

/* Closes the store; NULL is a no-op. */
void store_close(struct store *store);

/* The folder and database path the store uses. Borrowed, valid until store_close. */
const char *store_dir(const struct store *store);
const char *store_path(const struct store *store);

/* Starts a session for a scenario; returns its id (> 0), or 0 and fills err. label is the
 * facilitator's label, may be NULL. */
int64_t store_session_start(struct store *store, const struct scenario *scenario,
			    const char *label, struct rjk_error *err);

/* Ends a session (sets its end time and logs the event). */
bool store_session_end(struct store *store, int64_t session, struct rjk_error *err);

/* The newest session of that scenario that was never ended (left open by a crash), written
 * to *session (0 when there is none). */
bool store_find_open_session(struct store *store, const char *scenario_id, int64_t *session,
			     struct rjk_error *err);

/* Adds a participant to a session and returns its id (> 0), or 0 and fills err. A NULL or
 * blank name gets an automatic code "Trainee N" (N counts within the session). The name shown
 * is copied into display (may be NULL). */
int64_t store_participant_add(struct store *store, int64_t session, const char *name,
			      char *display, size_t display_size, struct rjk_error *err);

/* Records where a participant is in the journey (an opaque short string such as "step:q3"),
 * so a restarted kiosk can put them back there. */
bool store_participant_set_position(struct store *store, int64_t participant,
				    const char *position, struct rjk_error *err);

/* Marks a participant's answers as submitted (they finished the review). */
bool store_participant_submit(struct store *store, int64_t participant, struct rjk_error *err);

/* The participant of a session who started but never submitted (the newest), for resuming:
 * *participant is 0 when there is none; position and name are copied (may be NULL). */
bool store_find_unfinished_participant(struct store *store, int64_t session,
				       int64_t *participant, char *name, size_t name_size,
				       char *position, size_t position_size,
				       struct rjk_error *err);

/* One answer as the kiosk hands it to the store. All pointers borrowed for the call. */
struct response {
	const char *step_id;
	enum step_kind kind;
	const char *prompt;             /* the step's text as shown */
	enum response_status status;
	const char *text;               /* text answer or discussion notes; NULL when none */
	bool has_scale;
	int scale;                      /* scale value when has_scale */
	const char *const *choices;     /* chosen option texts, in option order */
	size_t choice_count;
	int64_t video_ms;               /* cue steps: video time when shown; -1 otherwise */
};

/* Inserts or updates the participant's response to r->step_id in one transaction; when it
 * returns true the answer is on disk (fsync). Refuses invalid UTF-8 and over-long text with a
 * clear message, storing nothing. The first-edit time is kept, the last-edit time updated. */
bool store_save_response(struct store *store, int64_t participant, const struct response *r,
			 struct rjk_error *err);

/* A response as read back from the store. */
struct stored_response {
	char *step_id;
	enum step_kind kind;
	char *prompt;
	enum response_status status;
	char *text;                     /* NULL when none */
	bool has_scale;
	int scale;
	char **choices;
	size_t choice_count;
	int64_t video_ms;
	int64_t first_edit, last_edit;  /* Unix time in milliseconds, UTC */
};

/* Every response of a participant, in the order first saved. Free with
 * store_responses_free. */
bool store_load_responses(struct store *store, int64_t participant,
			  struct stored_response **out, size_t *count, struct rjk_error *err);
void store_responses_free(struct stored_response *responses, size_t count);

#endif
