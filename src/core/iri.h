/* Checks an IRI that the kiosk builds other IRIs on: the xAPI base address (the force's own
 * IRI), given on the command line or kept as a setting. */
#ifndef RJK_CORE_IRI_H
#define RJK_CORE_IRI_H

#include <stdbool.h>

#include "core/error.h"

/* The longest base accepted, in bytes. */
#define IRI_BASE_MAX 512

/* True when base is an absolute IRI (RFC 3987) the kiosk can add paths to: the scheme http or
 * https, "://", a host (a name, or an address in brackets) with an optional port, then an
 * optional path; no user name, query, fragment, spaces, control characters or characters an
 * IRI cannot hold; valid UTF-8; at most IRI_BASE_MAX bytes. False with a message that says
 * what is wrong and what to write instead; the refused text is quoted in it with its control
 * characters escaped. */
bool iri_check_base(const char *base, struct rjk_error *err);

#endif
