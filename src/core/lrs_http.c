/* One HTTP exchange with a learning record store through libcurl: the xAPI version header,
 * Basic auth, certificate checks (the system's store, or the configured CA file), timeouts.
 * Safe to call from any thread; each call uses its own handle. */
#include "core/lrs_http.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/curl_lazy.h"

struct lazylib lazy_curl = LAZYLIB_INIT(RJK_SONAME_CURL);

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_start(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

struct sink {
	struct lrs_reply *reply;
	size_t cap, max;
	bool too_big;
};

static size_t on_body(char *data, size_t size, size_t n, void *ctx)
{
	struct sink *s = ctx;
	size_t len = size * n;
	if (s->reply->body_len + len + 1 > s->max) {
		s->too_big = true;
		return 0;
	}
	if (s->reply->body_len + len + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 4096;
		while (cap < s->reply->body_len + len + 1)
			cap *= 2;
		char *grown = realloc(s->reply->body, cap);
		if (!grown)
			return 0;
		s->reply->body = grown;
		s->cap = cap;
	}
	memcpy(s->reply->body + s->reply->body_len, data, len);
	s->reply->body_len += len;
	s->reply->body[s->reply->body_len] = '\0';
	return len;
}

static size_t on_header(char *data, size_t size, size_t n, void *ctx)
{
	struct lrs_reply *reply = ctx;
	size_t len = size * n;
	if (len > 12 && !strncasecmp(data, "Retry-After:", 12)) {
		char value[128];
		snprintf(value, sizeof value, "%.*s", (int)(len - 12), data + 12);
		value[strcspn(value, "\r\n")] = '\0';
		char *end, *v = value + strspn(value, " \t");
		long secs = strtol(v, &end, 10);
		if (end != v && *end == '\0' && secs >= 0) {
			reply->retry_after_ms = (int64_t)secs * 1000;
		} else {
			time_t when = curl_getdate(v, NULL);
			if (when > 0)
				reply->retry_after_ms = when > time(NULL)
								? (int64_t)(when - time(NULL)) * 1000
								: 0;
		}
	}
	return len;
}

void lrs_reply_release(struct lrs_reply *reply)
{
	free(reply->body);
	reply->body = NULL;
	reply->body_len = 0;
}

void lrs_http(const struct lrs_config *config, const char *method, const char *url,
	      const char *body, size_t body_len, long timeout_ms, size_t max_body,
	      struct lrs_reply *reply)
{
	memset(reply, 0, sizeof *reply);
	reply->retry_after_ms = -1;
	struct rjk_error err = {{0}};
	if (!lazylib_open(&lazy_curl, &err)) {
		snprintf(reply->message, sizeof reply->message, "cannot start libcurl: %.200s",
			 err.message);
		return;
	}
	pthread_once(&curl_once, curl_start);
	char full[LRS_FIELD_MAX * 4];
	if (!strncasecmp(url, "http", 4))
		snprintf(full, sizeof full, "%s", url);
	else
		snprintf(full, sizeof full, "%s%s", config->endpoint, url);
	CURL *curl = curl_easy_init();
	if (!curl) {
		snprintf(reply->message, sizeof reply->message, "cannot start libcurl");
		return;
	}
	struct curl_slist *headers = NULL;
	headers = curl_slist_append(headers, "X-Experience-API-Version: 1.0.3");
	headers = curl_slist_append(headers, "Content-Type: application/json");
	struct sink sink = {.reply = reply, .max = max_body};
	char curl_error[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(curl, CURLOPT_URL, full);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
	curl_easy_setopt(curl, CURLOPT_USERNAME, config->username);
	curl_easy_setopt(curl, CURLOPT_PASSWORD, config->password);
	curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
	if (config->ca_file[0])
		curl_easy_setopt(curl, CURLOPT_CAINFO, config->ca_file);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms < 10000 ? timeout_ms : 10000L);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
	curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(curl, CURLOPT_HEADERDATA, reply);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_error);
	if (!strcmp(method, "POST")) {
		curl_easy_setopt(curl, CURLOPT_POST, 1L);
		curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body ? body : "");
		curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
	}
	CURLcode rc = curl_easy_perform(curl);
	if (rc == CURLE_OK) {
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply->status);
	} else {
		reply->status = 0;
		snprintf(reply->message, sizeof reply->message, "%s",
			 sink.too_big ? "the LRS's answer was too long"
				      : curl_error[0] ? curl_error : curl_easy_strerror(rc));
	}
	curl_slist_free_all(headers);
	curl_easy_cleanup(curl);
}
