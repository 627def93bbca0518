/* Fault injection for scripted runs: RLIMIT_FSIZE for a full disk, SIGKILL for a power cut. */
#include "scripted/fault.h"

#include <signal.h>
#include <sys/resource.h>

void fault_disk_full(bool full)
{
	struct rlimit limit;

	if (getrlimit(RLIMIT_FSIZE, &limit))
		return;
	signal(SIGXFSZ, SIG_IGN);
	limit.rlim_cur = full ? 1024 : limit.rlim_max;
	setrlimit(RLIMIT_FSIZE, &limit);
}

void fault_kill(void)
{
	raise(SIGKILL);
}
