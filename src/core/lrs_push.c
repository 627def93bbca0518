/* Sending the outbox to a learning record store: batches of at most 50 statements, a batch the
 * LRS refuses split until the refused statement is found and parked, backoff with jitter on
 * failures, the state kept in the store so a restart resumes. */
#include "core/lrs_push.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/export.h"
#include "core/lrs_http.h"
#include "core/store_lrs.h"

/* The longest Retry-After honoured: a day. */
#define RETRY_AFTER_MAX_MS (24LL * 3600 * 1000)

struct lrs_push_options lrs_push_defaults(void)
{
	return (struct lrs_push_options){.timeout_ms = 30000, .backoff_base_ms = 5000,
					 .backoff_max_ms = 15 * 60 * 1000,
					 .batch_max = LRS_BATCH_MAX};
}

int64_t lrs_backoff_ms(int failures, int64_t base_ms, int64_t max_ms, double jitter,
		       int64_t retry_after_ms)
{
	int64_t wait = base_ms;
	for (int i = 1; i < failures && wait < max_ms; i++)
		wait *= 2;
	if (wait > max_ms)
		wait = max_ms;
	wait = wait / 2 + (int64_t)((double)(wait / 2) * jitter);
	if (retry_after_ms > RETRY_AFTER_MAX_MS)
		retry_after_ms = RETRY_AFTER_MAX_MS;
	return retry_after_ms > wait ? retry_after_ms : wait;
}

static double random_unit(void)
{
	uint32_t n = 0;
	if (getrandom(&n, sizeof n, 0) != (ssize_t)sizeof n)
		return 0.5;
	return (double)n / 4294967295.0;
}

/* The LRS's answer cut to one printable line, for a parked statement's reason. */
static void excerpt(const struct lrs_reply *reply, char *out, size_t size)
{
	size_t at = (size_t)snprintf(out, size, "HTTP %ld", reply->status);
	if (reply->body && at + 3 < size) {
		at += (size_t)snprintf(out + at, size - at, ": ");
		for (const char *p = reply->body; *p && at + 1 < size; p++)
			out[at++] = isprint((unsigned char)*p) ? *p : ' ';
		out[at] = '\0';
	}
}

enum sent { SENT_OK, SENT_FAILED, SENT_CREDENTIALS, SENT_STORE_ERROR };

struct run {
	struct store *store;
	const struct lrs_config *config;
	const struct lrs_push_options *opts;
	struct lrs_push_result *result;
	struct lrs_reply last;          /* the failing reply, for the wait and the message */
	struct rjk_error *err;
};

/* Sends items[0..n) as one POST; on a refusal of the batch (400, 409, 413) splits it in two
 * and sends each half, so that only the refused statement is parked. */
static enum sent send_batch(struct run *run, const struct outbox_item *items, size_t n)
{
	const char *ids[LRS_BATCH_MAX];
	int64_t sessions[LRS_BATCH_MAX];
	for (size_t i = 0; i < n; i++) {
		ids[i] = items[i].statement_id;
		sessions[i] = items[i].session;
	}
	char *body = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&body, &len);
	if (!mem)
		return rjk_error_set(run->err, "out of memory"), SENT_STORE_ERROR;
	bool built = export_statements(run->store, run->config->xapi_base[0] ? run->config->xapi_base
									    : NULL,
				       ids, sessions, n, mem, run->err);
	fclose(mem);
	if (!built) {
		free(body);
		return SENT_STORE_ERROR;
	}
	struct lrs_reply reply;
	lrs_http(run->config, "POST", "statements", body, len, run->opts->timeout_ms, 1 << 20,
		 &reply);
	free(body);
	long status = reply.status;
	if (status == 200 || status == 204) {
		lrs_reply_release(&reply);
		if (!store_outbox_delivered(run->store, items, n, run->err))
			return SENT_STORE_ERROR;
		run->result->sent += n;
		return SENT_OK;
	}
	if (status == 400 || status == 409 || status == 413) {
		if (n == 1) {
			char reason[300];
			excerpt(&reply, reason, sizeof reason);
			lrs_reply_release(&reply);
			if (!store_outbox_park(run->store, items[0].statement_id, reason, run->err))
				return SENT_STORE_ERROR;
			run->result->parked++;
			return SENT_OK;
		}
		lrs_reply_release(&reply);
		enum sent first = send_batch(run, items, n / 2);
		return first != SENT_OK ? first : send_batch(run, items + n / 2, n - n / 2);
	}
	lrs_reply_release(&run->last);
	run->last = reply;
	return status == 401 || status == 403 ? SENT_CREDENTIALS : SENT_FAILED;
}

static void describe(const struct lrs_reply *reply, char *out, size_t size)
{
	if (reply->status == 0)
		snprintf(out, size, "cannot reach the LRS: %.200s", reply->message);
	else if (reply->status == 429)
		snprintf(out, size, "the LRS is busy (HTTP 429, too many requests)");
	else if (reply->status >= 500)
		snprintf(out, size, "the LRS has a problem (HTTP %ld)", reply->status);
	else
		snprintf(out, size, "the LRS answered HTTP %ld: check the endpoint", reply->status);
}

bool lrs_push_run(struct store *store, const struct lrs_config *config,
		  const struct lrs_push_options *opts, struct lrs_push_result *result,
		  struct rjk_error *err)
{
	struct run run = {.store = store, .config = config, .opts = opts, .result = result,
			  .err = err};
	struct lrs_state state;
	memset(result, 0, sizeof *result);
	if (!store_lrs_state_load(store, &state, err))
		return false;
	if (state.stopped && !opts->ignore_wait) {
		result->outcome = LRS_CREDENTIALS;
		snprintf(result->message, sizeof result->message, "%s", state.last_error);
		return true;
	}
	if (state.next_ms > store_now(store) && !opts->ignore_wait) {
		result->outcome = LRS_WAITING;
		snprintf(result->message, sizeof result->message, "%s", state.last_error);
		return true;
	}
	size_t max = opts->batch_max && opts->batch_max < LRS_BATCH_MAX ? opts->batch_max
									  : LRS_BATCH_MAX;
	struct outbox_item items[LRS_BATCH_MAX];
	enum sent sent = SENT_OK;
	size_t n = 0;
	while (sent == SENT_OK && !(opts->stop && atomic_load(opts->stop))) {
		if (!store_outbox_batch(store, max, items, &n, err))
			return false;
		if (n == 0)
			break;
		sent = send_batch(&run, items, n);
		if (sent == SENT_OK) {
			state.failures = 0;
			state.next_ms = 0;
			state.stopped = false;
			state.last_success_ms = store_now(store);
			state.last_error[0] = '\0';
			if (opts->progress)
				opts->progress(opts->progress_ctx);
		}
	}
	if (sent == SENT_STORE_ERROR) {
		lrs_reply_release(&run.last);
		return false;
	}
	result->outcome = LRS_EMPTY;
	if (sent == SENT_CREDENTIALS) {
		state.stopped = true;
		snprintf(state.last_error, sizeof state.last_error, "the LRS refused the kiosk's "
			 "credentials (HTTP %ld): check the LRS credentials", run.last.status);
		result->outcome = LRS_CREDENTIALS;
	} else if (sent == SENT_FAILED) {
		state.failures++;
		int64_t wait = lrs_backoff_ms(state.failures, opts->backoff_base_ms,
					      opts->backoff_max_ms, random_unit(),
					      run.last.retry_after_ms);
		state.next_ms = store_now(store) + wait;
		describe(&run.last, state.last_error, sizeof state.last_error);
		result->outcome = LRS_WAITING;
	}
	lrs_reply_release(&run.last);
	snprintf(result->message, sizeof result->message, "%s", state.last_error);
	return store_lrs_state_save(store, &state, err);
}
