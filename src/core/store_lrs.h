/* The response store's side of sending answers to a learning record store (LRS): the outbox of
 * statements waiting to be sent, the sender's saved state, class codes, and statements of a
 * class brought in from other kiosks. */
#ifndef RJK_CORE_STORE_LRS_H
#define RJK_CORE_STORE_LRS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/store.h"
#include "core/uuid.h"

/* Class codes are this many digits, so the PIN pad's digits can type them. */
#define CLASS_CODE_DIGITS 8
#define CLASS_CODE_SIZE (CLASS_CODE_DIGITS + 1)

/* The registration (UUID) every kiosk derives from a class code for a scenario: kiosks that
 * join the same class by its code give their answers the same registration. */
void class_registration(const char *scenario_id, const char *code, char out[UUID_TEXT_SIZE]);

/* True when code is CLASS_CODE_DIGITS digits. */
bool class_code_valid(const char *code);

/* Puts a session in the class with that code (its answers then carry the class's
 * registration). Refused, with a message, once the session holds an answered or passed
 * response: statements already made keep the registration they were made with. */
bool store_session_join_class(struct store *store, int64_t session, const char *code,
			      struct rjk_error *err);

/* Replaces the source of the random bytes behind statement ids and class codes, so tests get
 * the same ids every run. NULL restores the system's randomness. */
void store_set_random(struct store *store, void (*fill)(void *ctx, void *buf, size_t len),
		      void *ctx);

/* A statement waiting in the outbox. */
struct outbox_item {
	char statement_id[UUID_TEXT_SIZE];
	int64_t session;
};

/* Up to max queued statements, oldest first, into items (caller's array). */
bool store_outbox_batch(struct store *store, size_t max, struct outbox_item *items,
			size_t *count, struct rjk_error *err);

/* Removes delivered statements from the outbox, in one transaction. */
bool store_outbox_delivered(struct store *store, const struct outbox_item *items, size_t count,
			    struct rjk_error *err);

/* Parks a statement the LRS refused, with its reason: it is no longer sent, and the status
 * lists it for IT. */
bool store_outbox_park(struct store *store, const char *statement_id, const char *reason,
		       struct rjk_error *err);

/* Queues the parked statements again (after IT fixed the cause); *count receives how many. */
bool store_outbox_unpark(struct store *store, size_t *count, struct rjk_error *err);

/* How many statements are queued and parked. */
bool store_outbox_counts(struct store *store, size_t *queued, size_t *parked,
			 struct rjk_error *err);

/* A parked statement and why. Strings owned by the array (store_outbox_parked_free). */
struct outbox_parked {
	char *statement_id;
	char *reason;
};

/* Parked statements, oldest first, at most max. */
bool store_outbox_parked(struct store *store, size_t max, struct outbox_parked **out,
			 size_t *count, struct rjk_error *err);
void store_outbox_parked_free(struct outbox_parked *list, size_t count);

/* The sender's state, kept in the store so that a restarted kiosk carries on where it was. */
struct lrs_state {
	int failures;                   /* failed attempts in a row (drives the backoff) */
	int64_t next_ms;                /* no attempt before this (ms UTC); 0: now */
	int64_t last_success_ms;        /* the last delivery (ms UTC); 0: never */
	bool stopped;                   /* the LRS refused the credentials: no more tries until
					 * they are set again */
	char last_error[256];           /* the last failure in words; empty when none */
};

bool store_lrs_state_load(struct store *store, struct lrs_state *state, struct rjk_error *err);
bool store_lrs_state_save(struct store *store, const struct lrs_state *state,
			  struct rjk_error *err);

/* A statement of a class from another kiosk (imported from its export, or read from the LRS),
 * reduced to what the debrief shows. Strings owned by the holder. */
struct class_statement {
	char *statement_id;
	char *registration;
	char *actor;                    /* the pseudonymous account name */
	char *step_id;
	char *response;                 /* result.response ("" for a pass) */
	bool passed;
	char *timestamp;                /* ISO 8601 as the statement gives it */
};

void class_statement_release(struct class_statement *s);
void class_statements_free(struct class_statement *list, size_t count);

/* Keeps a class statement; *added is false when one with that id is already kept (importing
 * twice changes nothing) or is one of this kiosk's own answers. */
bool store_class_add(struct store *store, const struct class_statement *s, bool *added,
		     struct rjk_error *err);

/* The kept class statements of a registration, oldest first. */
bool store_class_list(struct store *store, const char *registration,
		      struct class_statement **out, size_t *count, struct rjk_error *err);

#endif
