/* A stamp for measuring start-up from outside the kiosk: loaded with LD_PRELOAD into the real,
 * unchanged rjkiosk, it passes every SDL_RenderPresent on to SDL and, after the first one
 * returns, writes one line to the file named by RJK_STAMP_FILE:
 *   "<ms to the library's load> <ms to the first present returned> <the same from /proc>
 *    <CPU ms the process used until then>"
 * counted from RJK_STAMP_T0_NS, the launcher's CLOCK_BOOTTIME in ns just before it started the
 * process (or, without it, from the process's start time), and last from the process's start
 * time in /proc/self/stat (10 ms resolution, a check that needs nothing from the launcher).
 * The CPU time (all threads, user and system) barely depends on what else the machine runs,
 * unlike the wall-clock figures.
 * With RJK_STAMP_EXIT set, the process ends right after the stamp (for profiling start-up
 * alone: perf record ... rjkiosk). Used by scripts/bench-startup.sh. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct SDL_Renderer SDL_Renderer;
void SDL_RenderPresent(SDL_Renderer *renderer);

static double loaded_ms;   /* CLOCK_BOOTTIME when this library was loaded */
static int stamped;

static double boottime_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_BOOTTIME, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* When the process started by its /proc/self/stat, CLOCK_BOOTTIME in ms. */
static double proc_start_ms(void)
{
	char stat[4096], *p;
	unsigned long long ticks = 0;
	FILE *f;

	f = fopen("/proc/self/stat", "r");
	if (!f)
		return 0;
	size_t n = fread(stat, 1, sizeof stat - 1, f);
	fclose(f);
	stat[n] = '\0';
	/* Field 22, starttime; counted after the ")" that ends the command name (field 2). */
	p = strrchr(stat, ')');
	for (int field = 2; p && field < 22; field++)
		p = strchr(p + 1, ' ');
	if (p)
		ticks = strtoull(p + 1, NULL, 10);
	return (double)ticks * 1e3 / (double)sysconf(_SC_CLK_TCK);
}

__attribute__((constructor)) static void stamp_loaded(void)
{
	loaded_ms = boottime_ms();
}

void SDL_RenderPresent(SDL_Renderer *renderer)
{
	static void (*real)(SDL_Renderer *);
	const char *path;

	if (!real)
		real = (void (*)(SDL_Renderer *))dlsym(RTLD_NEXT, "SDL_RenderPresent");
	real(renderer);
	if (stamped++)
		return;
	const char *t0 = getenv("RJK_STAMP_T0_NS");
	double now = boottime_ms(), proc = proc_start_ms();
	struct timespec cpu;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
	double start = t0 && *t0 ? (double)strtoull(t0, NULL, 10) / 1e6 : proc;
	path = getenv("RJK_STAMP_FILE");
	int fd = path ? open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : 2;
	if (fd < 0)
		return;
	dprintf(fd, "%.2f %.2f %.2f %.2f\n", loaded_ms - start, now - start, now - proc,
		(double)cpu.tv_sec * 1e3 + (double)cpu.tv_nsec / 1e6);
	if (fd != 2)
		close(fd);
	if (getenv("RJK_STAMP_EXIT"))
		_exit(0);
}
