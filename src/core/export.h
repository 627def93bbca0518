/* Exports of stored responses for the facilitator: CSV, JSON and xAPI statements, shared by the
 * command line and the kiosk's facilitator menu. */
#ifndef RJK_CORE_EXPORT_H
#define RJK_CORE_EXPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/error.h"
#include "core/store.h"

/* Base of the IRIs in xAPI statements (activities, actor home page, extensions) when the
 * facilitator names none. */
#define EXPORT_XAPI_DEFAULT_BASE "https://rjkiosk.invalid"

enum export_format {
	EXPORT_CSV,
	EXPORT_JSON,
	EXPORT_XAPI,
};

/* "csv", "json" or "xapi". */
const char *export_format_name(enum export_format format);

/* Parses a format name as the command line takes it. */
bool export_format_parse(const char *name, enum export_format *format);

struct export_options {
	enum export_format format;
	int64_t session;                /* one session, or 0 for every session */
	bool excel_bom;                 /* CSV: start with a UTF-8 byte-order mark for Excel */
	/* xAPI: IRI base, NULL for EXPORT_XAPI_DEFAULT_BASE; checked with iri_check_base
	 * before anything is written */
	const char *xapi_base;
};

/* What an export contained. */
struct export_summary {
	size_t sessions, participants, responses;
};

/* Writes the export to out (borrowed) and logs it in the store's event log. summary may be
 * NULL. On failure out may hold a partial export. */
bool export_write(struct store *store, const struct export_options *opts, FILE *out,
		  struct export_summary *summary, struct rjk_error *err);

/* Writes the xAPI statements with these ids (ids[i] of session sessions[i]; any order) to out
 * as one JSON array: the very statements the xAPI export gives, for sending to a learning
 * record store. xapi_base NULL: the default. Not logged as an export. */
bool export_statements(struct store *store, const char *xapi_base, const char *const *ids,
		       const int64_t *sessions, size_t count, FILE *out, struct rjk_error *err);

/* Writes the export to path atomically: a private (0600) temporary file in the same folder
 * (".NAME.rjkiosk-part.XXXXXX"), flushed to disk, then renamed over path. path is never left
 * half-written. Only a regular file is replaced: a device, FIFO, link or folder at path is
 * refused before anything is written. Partial exports left in that folder by a killed export
 * are removed first (export_remove_partials). */
bool export_to_path(struct store *store, const struct export_options *opts, const char *path,
		    struct export_summary *summary, struct rjk_error *err);

/* True when name is a partial export: ours (".NAME.rjkiosk-part.XXXXXX"), or one from an
 * earlier release (".NAME.csv.XXXXXX", ".NAME.json.XXXXXX"). */
bool export_is_partial(const char *name);

/* Removes the partial exports that killed exports left in folder (regular files of this user
 * that no running export is writing). Returns how many were removed. */
size_t export_remove_partials(const char *folder);

/* The partial file export_to_path is writing now, or NULL: for a signal handler to remove
 * before the process dies. Async-signal-safe. */
const char *export_partial_file(void);

#endif
