/* Names for the facilitator's exports of one session: the session as people call it and a
 * clearly named file for it ("rjkiosk-Intake-24-07-group-B-2026-12-05.csv"). */
#ifndef RJK_CORE_EXPORT_NAME_H
#define RJK_CORE_EXPORT_NAME_H

#include <stdbool.h>
#include <stddef.h>

#include "core/export.h"
#include "core/store.h"

/* The longest file name export_name_pick makes, with its ending nul. */
#define EXPORT_NAME_MAX 128

/* The session's name as people read it: its label, else "Session N". Written into out. */
void export_name_session(const struct store_session_info *session, char *out, size_t size);

/* The ending export_name_file gives an export in format: "csv", "json" or "xapi.json". */
const char *export_name_ending(enum export_format format);

/* The file name of session's export with that ending ("csv", "pdf"...), the nth of that name
 * (1, then "-2", "-3"...): "rjkiosk-", the session's name with only letters, digits and '-'
 * (at most 48, cut after a whole word), "-", the day it started (local time, YYYY-MM-DD), ".",
 * then the ending. */
void export_name_file(const struct store_session_info *session, const char *ending,
		      unsigned n, char *out, size_t size);

/* The first of export_name_file's names (n = 1, 2, ...) that nothing in folder has yet, so no
 * earlier export is replaced. False (err says why) when the first 999 are all taken. */
bool export_name_pick(const char *folder, const struct store_session_info *session,
		      const char *ending, char *out, size_t size, struct rjk_error *err);

/* What an export wrote, for the facilitator: "140 answers from 12 participants were written to
 * WHERE as FILE." ("1 answer from 1 participant was written ...", "No answers ... were
 * written ..."), counts and verbs agreeing (core/words.h). where is shown as given (say,
 * 'USB stick "KINGSTON"'). */
void export_name_message(const struct export_summary *summary, const char *where,
			 const char *file, char *out, size_t size);

#endif
