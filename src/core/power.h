/* Shutting the computer down or restarting it through logind: `systemctl poweroff` or
 * `systemctl reboot`, with systemctl found on PATH, and what it said when it was refused. */
#ifndef RJK_CORE_POWER_H
#define RJK_CORE_POWER_H

#include <stdbool.h>

#include "core/error.h"

enum power_action {
	POWER_OFF,     /* systemctl poweroff */
	POWER_REBOOT,  /* systemctl reboot */
};

/* How long systemctl may take to answer before it is given up on (ms). */
#define POWER_WAIT_MS 20000

/* The systemctl verb for action ("poweroff", "reboot"). */
const char *power_verb(enum power_action action);

/* Runs `systemctl --no-ask-password VERB` (never a password prompt on the kiosk's console)
 * and waits for it. True when systemctl accepted: the machine goes down and systemd stops the
 * kiosk as it does at every shutdown. False and err, with what systemctl said (for example
 * polkit's "Access denied" or "Interactive authentication required"), when it refused, could
 * not be run, or did not answer within POWER_WAIT_MS. */
bool power_request(enum power_action action, struct rjk_error *err);

#endif
