/* The trainee's journey through a scenario: the one place where kiosk state changes. */
#ifndef RJK_CORE_SESSION_H
#define RJK_CORE_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/scenario.h"
#include "core/store.h"

/* A draft is written at most this long after the typing that changed it. */
#define SESSION_AUTOSAVE_MS 2000
/* The thank-you screen returns to the start on its own after this long. */
#define SESSION_THANKS_MS 30000
#define SESSION_NAME_MAX 128

enum session_screen {
	SESSION_START,   /* scenario title and "Start" */
	SESSION_WHO,     /* optional name or pseudonym */
	SESSION_NOTE,    /* the scenario's content note */
	SESSION_VIDEO,   /* only entered when a video player is available */
	SESSION_STEP,    /* one step of the scenario */
	SESSION_REVIEW,  /* every answer, reopen any, then submit */
	SESSION_THANKS,  /* then back to the start for the next trainee */
	SESSION_MESSAGE, /* a problem the trainee must see (store error); nothing is lost */
};

/* "start", "who", "note", "video", "step", "review", "thanks" or "message". */
const char *session_screen_name(enum session_screen screen);

/* One step's answer as the trainee has it now (whatever was last saved or typed). */
struct session_answer {
	enum response_status status; /* RESPONSE_DRAFT until answered or passed */
	bool touched;                /* the trainee has typed or chosen something */
	char *text;                  /* text answer or discussion notes, never NULL */
	bool has_scale;
	int scale;
	bool *chosen;                /* one flag per choice option; NULL for other kinds */
};

struct session;
struct textedit;

/* Opens the journey on a scenario with a store (both borrowed; they must outlive the
 * session). Resumes the scenario's session left open (a session stays open across restarts
 * and crashes until it is ended), putting an unfinished trainee back on the screen and step
 * they were on with their answers; otherwise starts a new session named name (NULL: the
 * default name, from the time and the scenario's title; see core/session_naming.h).
 * video_available says whether a video screen can be shown. NULL and err on a store error. */
struct session *session_open(const struct scenario *scenario, struct store *store,
			     bool video_available, const char *name, struct rjk_error *err);

/* Saves any pending draft, ends the stored session when end_session is true (a facilitator
 * closing the kiosk; a crash leaves it open for resuming), and frees. False with err when the
 * draft or the end did not reach the store: the session is freed all the same, what was saved
 * before stays, and a session not ended stays open for the next session_open to resume. NULL
 * is a no-op returning true. */
bool session_close(struct session *session, bool end_session, struct rjk_error *err);

/* --- reading state (for the screens) --- */
enum session_screen session_screen(const struct session *session);
const struct scenario *session_scenario(const struct session *session);
/* Index of the current step in scenario->steps (meaningful on SESSION_STEP). */
size_t session_step_index(const struct session *session);
const struct step *session_step(const struct session *session);
/* Position among the steps the trainee answers (1-based) and how many there are. */
size_t session_step_number(const struct session *session);
size_t session_step_total(const struct session *session);
/* True when the step is part of the trainee's journey (cue steps are asked during the video
 * when there is one; if the video fails, the cue steps it had not asked yet join the list). */
bool session_step_in_journey(const struct session *session, size_t index);
const struct session_answer *session_answer(const struct session *session, size_t index);
/* The trainee's name or automatic code ("" before the who screen). */
const char *session_name(const struct session *session);
/* True when the current step was reopened from the review (Next returns there). */
bool session_from_review(const struct session *session);
/* True when session_back would go somewhere from here. */
bool session_can_go_back(const struct session *session);
/* The message shown on SESSION_MESSAGE, or a notice for the current screen (such as "this
 * question needs an answer"); "" when none. */
const char *session_message(const struct session *session);
/* Milliseconds left on the current discussion's countdown (0 when over), or -1 when the
 * step has none. */
int64_t session_countdown_ms(const struct session *session, int64_t now_ms);
/* Writes the pending draft now, before the machine goes down (the session stays open and a
 * restart resumes it). False, with the message screen showing why, when it could not be. */
bool session_save_now(struct session *session, int64_t now_ms);
/* True when text typed since the last save is not yet on disk. */
bool session_has_unsaved(const struct session *session);
/* Stored ids, for tests and the facilitator's tools. */
int64_t session_store_id(const struct session *session);
int64_t session_participant(const struct session *session);

/* --- what the trainee did (each returns false and shows a message on a store error) --- */
bool session_start(struct session *session, int64_t now_ms);
/* name may be NULL or blank: the store gives an automatic code. */
bool session_set_who(struct session *session, const char *name, int64_t now_ms);
bool session_note_continue(struct session *session, int64_t now_ms);
bool session_video_done(struct session *session, int64_t now_ms);
/* Replaces the current step's text (answer or notes); saved as a draft within
 * SESSION_AUTOSAVE_MS by session_tick, or at the next navigation. */
bool session_set_text(struct session *session, const char *text, int64_t now_ms);
/* The current step's text (answer or notes) as the session keeps it while it is edited, for
 * the answer field to work on in place; each change is then reported with
 * session_text_edited. Limited to the step's max_chars (a saved answer longer than that keeps
 * its length: the trainee's words are never cut). Owned by the session: borrowed until the
 * session changes screen, step or text, or closes (ask again each time). NULL on a screen with
 * no text to write, or when memory runs out. */
struct textedit *session_text_edit(const struct session *session);
/* The text from session_text_edit changed: saved as a draft within SESSION_AUTOSAVE_MS by
 * session_tick, or at the next navigation (the session copies it only then). False when the
 * current step's text is not being edited. */
bool session_text_edited(struct session *session, int64_t now_ms);
/* Scale value or choice option of the current step; saved as a draft at once. */
bool session_set_scale(struct session *session, int value, int64_t now_ms);
bool session_toggle_choice(struct session *session, size_t option, int64_t now_ms);
/* Saves the current step as answered and moves on (to the next step, or the review). A
 * required step with no answer stays, with a notice; an optional one left empty is saved as
 * a pass. */
bool session_next(struct session *session, int64_t now_ms);
/* Saves the current step as a pass and moves on. Refused on a required step. */
bool session_pass(struct session *session, int64_t now_ms);
/* Saves what is there as a draft and goes back one screen. */
bool session_back(struct session *session, int64_t now_ms);
/* From the review: reopens a step for editing. */
bool session_review_edit(struct session *session, size_t index, int64_t now_ms);
/* From the review: saves every answer, marks the trainee submitted, shows the thanks. */
bool session_submit(struct session *session, int64_t now_ms);
/* From the thanks: back to the start screen for the next trainee. */
bool session_finish(struct session *session, int64_t now_ms);
/* From the message screen: back to where the trainee was (their words still in memory). */
void session_dismiss_message(struct session *session);

/* --- what the facilitator or the kiosk's timers did --- */

/* The kiosk was left alone: saves the current draft, leaves the trainee unfinished at the
 * position "timed-out" (unsubmitted, answers kept as drafts, and never put back on screen by
 * session_open: the next person at the kiosk is someone else), and returns to the start
 * screen. From the thanks screen it simply finishes. False (staying, with the message
 * screen) when the draft cannot be saved. */
bool session_time_out(struct session *session, int64_t now_ms);

/* The facilitator moves the group on: a trainee on a step goes to the next discussion prompt
 * after it (the review when there is none). What was typed on the steps in between is kept as
 * a draft; they stay open for the trainee to answer from the review. True when the screen
 * changed. */
bool session_next_discussion(struct session *session, int64_t now_ms);
/* --- the video and its cues (SESSION_VIDEO) --- */
/* True when the step is listed in the review: journey steps and cue steps. */
bool session_step_in_review(const struct session *session, size_t index);
/* True when a step has been answered or passed (a cue already done is not asked again). */
bool session_cue_done(const struct session *session, size_t index);
/* True while the current step is a cue asked over the paused video. */
bool session_in_cue(const struct session *session);
/* From the video screen: asks cue step index, shown at video time video_ms (stored with the
 * answer). Next or Pass saves it and returns to the video screen. */
bool session_cue_open(struct session *session, size_t index, int64_t video_ms, int64_t now_ms);
/* Records the furthest point of the video watched (stored, so that a resume after a crash
 * starts there). Writes to the store only when watched_ms grew; call every few seconds. */
bool session_video_progress(struct session *session, int64_t watched_ms);
/* The video time a cue step was asked at, -1 when it has not been (or is no cue step). */
int64_t session_video_ms(const struct session *session, size_t index);
/* The furthest point watched before (from a resumed session or the last cue), 0 when new. */
int64_t session_video_resume_ms(const struct session *session);
/* The video cannot be played: goes on to the steps, where the cue steps are then asked in
 * the normal list. */
bool session_video_failed(struct session *session, int64_t now_ms);

/* Timers: writes a pending draft whose time has come and leaves the thanks screen after
 * SESSION_THANKS_MS. Returns true when the screen changed or should be redrawn. */
bool session_tick(struct session *session, int64_t now_ms);
/* The next time (ms) session_tick has something to do, or -1 for none. */
int64_t session_next_deadline(const struct session *session, int64_t now_ms);

#endif
