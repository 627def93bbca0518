/* One HTTP exchange with a learning record store through libcurl: the xAPI version header,
 * Basic auth, certificate checks (the system's store, or the configured CA file), timeouts.
 * Safe to call from any thread; each call uses its own handle. */
#ifndef RJK_CORE_LRS_HTTP_H
#define RJK_CORE_LRS_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/lrs_config.h"

struct lrs_reply {
	long status;                    /* HTTP status; 0 when no answer came (network, TLS,
					 * timeout: see message) */
	char *body;                     /* the answer's body, NUL-terminated (owned; may be NULL) */
	size_t body_len;
	int64_t retry_after_ms;         /* from Retry-After, -1 when none */
	char message[256];              /* what went wrong without an answer, in words */
};

/* Sends method ("GET" or "POST") to url (absolute, or relative to the endpoint when it does
 * not start with http), with body (NULL for none; JSON) and returns the answer in reply. The
 * answer's body is limited to max_body bytes (more fails the exchange). Never prints the
 * password. Free with lrs_reply_release. */
void lrs_http(const struct lrs_config *config, const char *method, const char *url,
	      const char *body, size_t body_len, long timeout_ms, size_t max_body,
	      struct lrs_reply *reply);
void lrs_reply_release(struct lrs_reply *reply);

#endif
