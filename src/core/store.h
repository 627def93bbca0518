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
/* The longest name (label) a session can have, in characters. */
#define STORE_SESSION_NAME_MAX_CHARS 100

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

/* store_open for a command that may run while a kiosk runs on the same folder (export,
 * report, lrs...): when the database needs upgrading, the data folder's lock is taken for the
 * upgrade, and a kiosk holding it (an older release still running) makes this fail with a
 * message naming it, the database unchanged. In store_command.c. */
struct store *store_open_beside_kiosk(const char *data_dir, struct rjk_error *err);

/* Closes the store; NULL is a no-op. */
void store_close(struct store *store);

/* The folder and database path the store uses. Borrowed, valid until store_close. */
const char *store_dir(const struct store *store);
const char *store_path(const struct store *store);

/* Starts a session for a scenario; returns its id (> 0), or 0 and fills err. label is the
 * facilitator's label, may be NULL. */
int64_t store_session_start(struct store *store, const struct scenario *scenario,
			    const char *label, struct rjk_error *err);

/* Gives a session a new name (its label), checked like the name given at its start (valid
 * UTF-8, at most STORE_SESSION_NAME_MAX_CHARS characters; NULL or "" for none), and logs the
 * change. An error when the session does not exist. */
bool store_session_rename(struct store *store, int64_t session, const char *name,
			  struct rjk_error *err);

/* Ends a session (sets its end time and logs the event). */
bool store_session_end(struct store *store, int64_t session, struct rjk_error *err);

/* The newest session of that scenario (NULL: of any scenario) that was never ended (left
 * open across a restart), written to *session (0 when there is none). */
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
	char *statement_id;             /* answered or passed: its xAPI statement's UUID, fixed
					 * when this answer was stored; NULL for a draft */
	int64_t statement_ms;           /* when that statement was made (its timestamp) */
};

/* Every response of a participant, in the order first saved. Free with
 * store_responses_free. */
bool store_load_responses(struct store *store, int64_t participant,
			  struct stored_response **out, size_t *count, struct rjk_error *err);
void store_responses_free(struct stored_response *responses, size_t count);

/* ---- Additions beyond the first contract: clock, listing, events, purge and size cap. ---- */

/* Replaces the store's clock (Unix time in milliseconds, UTC), so tests get fixed times.
 * NULL restores the system clock. ctx is passed to now_ms. */
void store_set_clock(struct store *store, int64_t (*now_ms)(void *ctx), void *ctx);

/* The store's current time in milliseconds (its clock). */
int64_t store_now(const struct store *store);

/* Caps the database at max_bytes (rounded down to whole pages); saves that would grow it
 * further fail like on a full disk. A quota for small disks, and how tests fill the disk. */
bool store_limit_size(struct store *store, int64_t max_bytes, struct rjk_error *err);

/* The kiosk's random identity (32 hex digits, chosen when the database was created); used to
 * build pseudonymous xAPI actors and statement ids that do not clash between kiosks. */
bool store_kiosk_id(struct store *store, char out[33], struct rjk_error *err);

/* A value the kiosk keeps in the store beside the answers (the table meta), by key. Keys
 * the store uses itself ("kiosk_id") are not for setting. */
/* Copies the value of key into out (*found false and out "" when there is none); a value too
 * long for out is an error. */
bool store_meta_get(struct store *store, const char *key, char *out, size_t size, bool *found,
		    struct rjk_error *err);
/* Sets key to value (NULL removes it), durably. */
bool store_meta_set(struct store *store, const char *key, const char *value,
		    struct rjk_error *err);

/* A session as listed for the facilitator. Strings owned by the array (store_sessions_free). */
struct store_session_info {
	int64_t id;
	char *scenario_id;
	char *scenario_sha256;
	char *title;
	char *language;                 /* NULL when the scenario gave none */
	char *label;                    /* facilitator's label, NULL when none */
	char *registration;             /* the session's UUID (xAPI context.registration),
					 * shared by every kiosk in the same class */
	char *class_code;               /* the class's code (digits), NULL when none */
	int64_t started, ended;         /* ms UTC; ended is 0 while the session is open */
	size_t participants;
	size_t answered, passed, drafts; /* responses by status */
};

/* Every session, oldest first. When only is > 0, just that session (an error when it does not
 * exist). Free with store_sessions_free. */
bool store_list_sessions(struct store *store, int64_t only, struct store_session_info **out,
			 size_t *count, struct rjk_error *err);
void store_sessions_free(struct store_session_info *sessions, size_t count);

/* A step as it was when its session started (a snapshot, so exports stay meaningful when the
 * scenario file changes later). */
struct store_step {
	char *step_id;
	enum step_kind kind;
	char *prompt;
	bool is_cue;
	int min, max;                   /* scale */
	struct scale_label *labels;     /* scale, sorted by value */
	size_t label_count;
	char **options;                 /* choice */
	size_t option_count;
	bool multiple;
};

/* The steps of a session's scenario, in scenario order. Free with store_steps_free. */
bool store_load_steps(struct store *store, int64_t session, struct store_step **out,
		      size_t *count, struct rjk_error *err);
void store_steps_free(struct store_step *steps, size_t count);

/* A participant as listed for exports. */
struct store_participant_info {
	int64_t id;
	int number;                     /* 1, 2, ... within the session */
	char *name;                     /* the name given, or the automatic "Trainee N" */
	bool automatic;                 /* true when name is the automatic code */
	char *position;                 /* NULL when never set */
	int64_t started, submitted;     /* ms UTC; submitted is 0 when not submitted */
};

/* The participants of a session, in the order they joined. Free with
 * store_participants_free. */
bool store_list_participants(struct store *store, int64_t session,
			     struct store_participant_info **out, size_t *count,
			     struct rjk_error *err);
void store_participants_free(struct store_participant_info *participants, size_t count);

/* Appends to the event log (kind such as "export"; session 0 when none; detail may be
 * NULL). Session start and end and purges are logged by the store itself. */
bool store_log_event(struct store *store, const char *kind, int64_t session, const char *detail,
		     struct rjk_error *err);

/* One logged event. */
struct store_event {
	int64_t id, at, session;        /* session 0 when none */
	char *kind;
	char *detail;                   /* NULL when none */
};

/* The event log, oldest first. Free with store_events_free. */
bool store_list_events(struct store *store, struct store_event **out, size_t *count,
		       struct rjk_error *err);
void store_events_free(struct store_event *events, size_t count);

/* What a purge deletes. */
enum store_purge_scope {
	STORE_PURGE_SESSION,            /* the session `session` */
	STORE_PURGE_ALL,                /* every session */
	STORE_PURGE_OLDER_THAN,         /* sessions that ended (or, if never ended, started)
					 * more than `days` days ago */
};

struct store_purge_request {
	enum store_purge_scope scope;
	int64_t session;
	int days;
};

/* Counts what a purge would delete, without deleting. */
bool store_purge_preview(struct store *store, const struct store_purge_request *req,
			 size_t *sessions, size_t *participants, size_t *responses,
			 struct rjk_error *err);

/* Deletes the chosen sessions with their participants and responses for good, in one
 * transaction with secure_delete on, then truncates the write-ahead log so no copy of the
 * deleted text stays in it. Logs the purge. *deleted receives the number of sessions. */
bool store_purge(struct store *store, const struct store_purge_request *req, size_t *deleted,
		 struct rjk_error *err);

/* Moderation for the debrief (store_debrief.c): hides (hidden true) or restores the text
 * answer of participant at step_id, so that it never reaches the room view or the report. */
bool store_debrief_hide(struct store *store, int64_t participant, const char *step_id,
			bool hidden, struct rjk_error *err);

/* Whether the answer of participant at step_id is hidden; false with err set when the store
 * cannot be read. */
bool store_debrief_is_hidden(struct store *store, int64_t participant, const char *step_id,
			     bool *hidden, struct rjk_error *err);

/* The same for an answer from another kiosk of the class, known by its statement's id: its
 * author's earlier and later statements on that question count as the same answer, so an
 * answer changed after it was hidden stays hidden, and restoring it restores them all. */
bool store_debrief_hide_class(struct store *store, const char *statement_id, bool hidden,
			      struct rjk_error *err);
bool store_debrief_class_is_hidden(struct store *store, const char *statement_id,
				   bool *hidden, struct rjk_error *err);

#endif
