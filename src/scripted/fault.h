/* Fault injection for scripted runs: a full disk and a power cut. Test-only. */
#ifndef RJK_SCRIPTED_FAULT_H
#define RJK_SCRIPTED_FAULT_H

#include <stdbool.h>

/* full: every later file write past a few bytes fails, as on a full disk (works as root too);
 * !full lifts it again. Only the soft limit changes, so it can be raised back. */
void fault_disk_full(bool full);

/* Ends the process at once (SIGKILL): no cleanup runs, as in a power cut. Does not return. */
void fault_kill(void);

#endif
