/* The session report: an A4 PDF with a cover (scenario, session name, date and time,
 * participants, answers, passes), then per question its text, counts and the debrief's chart or
 * its anonymous answers (hidden ones left out, the anonymity rule kept), and, only when asked,
 * an appendix with each trainee's answers under their name. Written with cairo and pango, fonts
 * embedded, 0600 and atomically. */
#ifndef RJK_CHART_REPORT_PDF_H
#define RJK_CHART_REPORT_PDF_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"

struct store;

struct report_request {
	int64_t session;
	bool names;                   /* add the appendix with each trainee's answers by name */
	int min_n;                    /* the anonymity rule: questions with fewer answers show none */
};

/* Writes the report of req->session from store to path (replacing it atomically, 0600). False
 * with err set when the store cannot be read or the file cannot be written. */
bool report_write(struct store *store, const struct report_request *req, const char *path,
		  struct rjk_error *err);

#endif
