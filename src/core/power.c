/* Shutting down or restarting through systemctl (see power.h). */
#define _GNU_SOURCE /* pipe2 */
#include "core/power.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

const char *power_verb(enum power_action action)
{
	return action == POWER_REBOOT ? "reboot" : "poweroff";
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads what the child writes until it closes its end or the time runs out; false on time
 * out. Keeps the first size - 1 bytes. */
static bool collect(int fd, char *out, size_t size)
{
	long long end = now_ms() + POWER_WAIT_MS;
	size_t used = 0;

	out[0] = '\0';
	for (;;) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		long long left = end - now_ms();
		char buf[512];
		ssize_t n;
		int r;

		if (left <= 0)
			return false;
		r = poll(&p, 1, (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return true;
		if (used + 1 < size) {
			size_t take = (size_t)n < size - 1 - used ? (size_t)n : size - 1 - used;

			memcpy(out + used, buf, take);
			used += take;
			out[used] = '\0';
		}
	}
}

/* The message as one line: newlines and tabs become spaces, trailing space goes. */
static void one_line(char *s)
{
	size_t n;

	for (char *p = s; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
}

bool power_request(enum power_action action, struct rjk_error *err)
{
	char *argv[] = {"systemctl", "--no-ask-password", (char *)power_verb(action), NULL};
	posix_spawn_file_actions_t files;
	char said[RJK_ERROR_MAX / 2];
	int pipefd[2], status = 0, e;
	bool answered;
	pid_t pid;

	if (pipe2(pipefd, O_CLOEXEC) != 0)
		return rjk_error_set(err, "cannot run systemctl: %s", strerror(errno));
	posix_spawn_file_actions_init(&files);
	posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&files, pipefd[1], 1);
	posix_spawn_file_actions_adddup2(&files, pipefd[1], 2);
	e = posix_spawnp(&pid, "systemctl", &files, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&files);
	close(pipefd[1]);
	if (e != 0) {
		close(pipefd[0]);
		return rjk_error_set(err, "cannot run systemctl %s: %s", argv[2], strerror(e));
	}
	answered = collect(pipefd[0], said, sizeof said);
	close(pipefd[0]);
	if (!answered)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	one_line(said);
	if (!answered)
		return rjk_error_set(err, "systemctl %s did not answer within %d seconds", argv[2],
				     POWER_WAIT_MS / 1000);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return true;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && !said[0])
		return rjk_error_set(err, "systemctl could not be found");
	return rjk_error_set(err, "systemctl %s was refused: %s", argv[2],
			     said[0] ? said : "it gave no reason");
}
