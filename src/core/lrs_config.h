/* Where the kiosk sends its statements: the learning record store's endpoint, the kiosk's
 * credentials for it and an optional CA file, kept in a private file (0600) in the data
 * folder. The password is never printed, logged or exported. */
#ifndef RJK_CORE_LRS_CONFIG_H
#define RJK_CORE_LRS_CONFIG_H

#include <limits.h>
#include <stdbool.h>

#include "core/error.h"

#define LRS_CONFIG_NAME "lrs.conf"
#define LRS_FIELD_MAX 1024

struct lrs_config {
	char endpoint[LRS_FIELD_MAX];   /* ends with '/'; statements go to endpoint "statements" */
	char username[LRS_FIELD_MAX];
	char password[LRS_FIELD_MAX];
	char ca_file[PATH_MAX];         /* empty: the system's certificate store */
	/* The settings' xAPI base address (core/settings.h), filled by lrs_config_load, so the
	 * statements sent and the xAPI exports share one base; empty: the default base. */
	char xapi_base[LRS_FIELD_MAX];
};

/* Checks an endpoint as the kiosk will use it: https://, or http:// only to a loopback
 * address (127.0.0.0/8, localhost, [::1]); no user or password in it, no query or fragment.
 * A missing final '/' is added in place (endpoint holds LRS_FIELD_MAX bytes). */
bool lrs_config_check_endpoint(char *endpoint, struct rjk_error *err);

/* Reads DATA_DIR/lrs.conf into out, with the settings' xAPI base address. *found is false (and out cleared) when there is none: no
 * LRS is set. A file open to others is refused. */
bool lrs_config_load(const char *data_dir, struct lrs_config *out, bool *found,
		     struct rjk_error *err);

/* Writes the configuration atomically as a 0600 file; NULL removes it (sending stops). */
bool lrs_config_save(const char *data_dir, const struct lrs_config *config,
		     struct rjk_error *err);

/* Clears the password from memory. */
void lrs_config_wipe(struct lrs_config *config);

#endif
