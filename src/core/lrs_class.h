/* A class across kiosks: its statements read back from the learning record store, brought in
 * from other kiosks' export files, and merged with this kiosk's own answers without
 * duplicates, for the debrief. */
#ifndef RJK_CORE_LRS_CLASS_H
#define RJK_CORE_LRS_CLASS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/lrs_config.h"
#include "core/store.h"
#include "core/store_lrs.h"

/* Reads every "answered" statement of a registration from the LRS (GET
 * statements?registration=..., following "more" to the end) and keeps each one in the store
 * (store_class_add). *fetched receives how many the LRS gave. */
bool lrs_class_fetch(struct store *store, const struct lrs_config *config,
		     const char *registration, size_t *fetched, struct rjk_error *err);

/* The class's answers, merged without duplicates (by statement id) and ordered by time: this
 * kiosk's own statements for the sessions with that registration, and those kept from other
 * kiosks (imported, or read from the LRS). With config (may be NULL) the LRS is read first;
 * when it cannot be reached the merge still succeeds from what is here, and *offline (may be
 * NULL) is set with the reason in lrs_error (may be NULL, 256 bytes). Free with
 * class_statements_free. */
bool lrs_class_responses(struct store *store, const struct lrs_config *config,
			 const char *registration, struct class_statement **out, size_t *count,
			 bool *offline, char *lrs_error, struct rjk_error *err);

/* Brings another kiosk's export into this kiosk's store: an xAPI export (a JSON array of
 * statements) or a JSON export (rjkiosk-responses). Only "answered" statements with a
 * registration are kept; importing the same file twice changes nothing. *added and
 * *skipped (already here) receive the counts. */
bool lrs_class_import(struct store *store, const char *path, size_t *added, size_t *skipped,
		      struct rjk_error *err);

#endif
