/* Sending the outbox to a learning record store: batches of at most 50 statements, a batch the
 * LRS refuses split until the refused statement is found and parked, backoff with jitter on
 * failures, the state kept in the store so a restart resumes. Plain C over the store and
 * lrs_http: the command line and the kiosk's sending thread both run it. */
#ifndef RJK_CORE_LRS_PUSH_H
#define RJK_CORE_LRS_PUSH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/lrs_config.h"
#include "core/store.h"

#define LRS_BATCH_MAX 50

enum lrs_outcome {
	LRS_EMPTY,          /* everything queued was delivered (or parked) */
	LRS_WAITING,        /* a failure: the next try is at state.next_ms */
	LRS_CREDENTIALS,    /* the LRS refused the credentials (401/403): stopped */
};

struct lrs_push_options {
	long timeout_ms;                /* one exchange's limit */
	int64_t backoff_base_ms;        /* the first wait after a failure, doubled each time */
	int64_t backoff_max_ms;         /* the longest wait */
	size_t batch_max;               /* at most LRS_BATCH_MAX */
	bool ignore_wait;               /* send now even when a wait is pending ("push") */
	const atomic_bool *stop;        /* may be NULL; checked between batches */
	void (*progress)(void *ctx);    /* may be NULL; called after each batch */
	void *progress_ctx;
};

/* The defaults: 30 s exchanges, waits from 5 s doubling up to 15 min, batches of 50. */
struct lrs_push_options lrs_push_defaults(void);

struct lrs_push_result {
	enum lrs_outcome outcome;
	size_t sent, parked;            /* in this run */
	char message[300];              /* the last failure in words; empty when none */
};

/* Sends queued statements until the outbox is empty, a failure sets a wait, the credentials
 * are refused or *stop is set. False only for the store's own errors (err filled). A wait
 * still pending (and not ignore_wait) returns LRS_WAITING at once. */
bool lrs_push_run(struct store *store, const struct lrs_config *config,
		  const struct lrs_push_options *opts, struct lrs_push_result *result,
		  struct rjk_error *err);

/* The wait before try number failures + 1: base * 2^(failures-1) capped at max, with "equal
 * jitter" (between half and all of it) from jitter (0..1), and never less than retry_after_ms
 * when the LRS gave one (-1: none). */
int64_t lrs_backoff_ms(int failures, int64_t base_ms, int64_t max_ms, double jitter,
		       int64_t retry_after_ms);

#endif
