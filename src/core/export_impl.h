/* Internals shared by the export formats (export*.c): one session's data and the format table. */
#ifndef RJK_CORE_EXPORT_IMPL_H
#define RJK_CORE_EXPORT_IMPL_H

#include "core/export.h"
#include "core/json_writer.h"

#include <stdint.h>

struct export_ctx;

/* The one participant's responses held at a time (see export_participant_responses). */
struct export_loaded {
	struct store *store;            /* borrowed */
	size_t participant;             /* index of the participant loaded, or SIZE_MAX */
	struct stored_response *responses;
	size_t count;
	/* The format's choice of responses it writes, NULL for every one (see
	 * export_format_ops.writes) */
	bool (*writes)(const struct export_ctx *ctx, const struct stored_response *r);
	size_t total;                   /* responses the format writes, so far in the session */
	size_t people;                  /* participants with any of them, so far */
	bool read_failed;               /* the store could not be read: the message is in err */
};

/* One session with everything the formats need, loaded by export.c. The responses are read
 * one participant at a time, so that an export's memory does not grow with the number of
 * responses. */
struct export_session {
	const struct store_session_info *info;
	const struct store_step *steps;
	size_t step_count;
	const struct store_participant_info *participants;
	size_t participant_count;
	struct export_loaded *loaded;   /* export.c's; read through export_participant_responses */
};

/* State of one export run. */
struct export_ctx {
	FILE *out;                      /* borrowed */
	const struct export_options *opts;
	struct json_writer json;        /* the JSON formats' writer on out */
	int64_t now;                    /* ms UTC, the store's clock */
	char kiosk_id[33];
	bool failed;                    /* a format could not write (beyond a stream error) */
	/* xAPI: only the statements with these ids (borrowed), or every one when NULL */
	const char *const *only_ids;
	size_t only_count;
	struct rjk_error *err;
};

struct export_format_ops {
	void (*begin)(struct export_ctx *ctx);
	void (*session)(struct export_ctx *ctx, const struct export_session *session);
	void (*end)(struct export_ctx *ctx);
	/* Whether the format writes response r, NULL when it writes every one: the export's
	 * summary counts only those, so that it says what the file holds. */
	bool (*writes)(const struct export_ctx *ctx, const struct stored_response *r);
};

extern const struct export_format_ops export_csv_ops;
extern const struct export_format_ops export_json_ops;
extern const struct export_format_ops export_xapi_ops;

/* Participant p's responses (0 <= p < participant_count) into *responses and *count, valid
 * until the next call with another participant. False with ctx->failed set and ctx->err filled
 * when they cannot be read; the format then stops writing. */
bool export_participant_responses(struct export_ctx *ctx, const struct export_session *es,
				  size_t p, const struct stored_response **responses,
				  size_t *count);

/* "2026-03-01T09:30:00.250Z" (UTC); an empty string for 0. buf holds at least 32 bytes. */
void export_time_iso(int64_t ms, char *buf, size_t size);

/* A JSON member holding a UTC time, or null for 0. */
void export_json_time(struct json_writer *w, const char *key, int64_t ms);

/* The session's snapshot of a step, or NULL when the step is not in it. */
const struct store_step *export_find_step(const struct export_session *session,
					  const char *step_id);

/* The label of a scale value in a step's snapshot, or NULL. */
const char *export_scale_label(const struct store_step *step, int value);

#endif
