/* Crash test of the response store: a child process saves answers in a loop and reports each
 * one the store said was saved; the parent kills it with SIGKILL at random moments, hundreds
 * of times. Every reported answer must be on disk afterwards and the database intact.
 * RJK_CRASH_KILLS sets the number of kills (default 200), RJK_CRASH_SEED the random seed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/store.h"
#include "store_fixture.h"

#define MAX_SAVES_PER_CHILD 100000

struct report {
	int64_t participant;
	int64_t k;                      /* even: a new step "a<k>"; odd: the draft now says k */
};

/* The child: resumes the open session (or starts one), joins as a new participant, and saves
 * until killed. Never returns. */
static void child(const char *data, int fd)
{
	struct rjk_error err = {{0}};
	struct store *store = store_open(data, &err);
	if (!store)
		_exit(3);
	const struct scenario *sc = fixture_scenario();
	int64_t session;
	if (!store_find_open_session(store, sc->id, &session, &err))
		_exit(4);
	if (!session && !(session = store_session_start(store, sc, NULL, &err)))
		_exit(5);
	int64_t who = store_participant_add(store, session, NULL, NULL, 0, &err);
	if (!who)
		_exit(6);
	char step[32], text[96];
	for (int64_t k = 0; k < MAX_SAVES_PER_CHILD; k++) {
		bool draft = k % 2;
		snprintf(step, sizeof step, draft ? "draft" : "a%lld", (long long)k);
		snprintf(text, sizeof text, "participant %lld answer %lld", (long long)who,
			 (long long)k);
		struct response r = {.step_id = step, .kind = STEP_TEXT, .prompt = "Go on",
				     .status = draft ? RESPONSE_DRAFT : RESPONSE_ANSWERED,
				     .text = text, .video_ms = -1};
		if (!store_save_response(store, who, &r, &err))
			_exit(7);
		struct report rep = {who, k};
		if (write(fd, &rep, sizeof rep) != sizeof rep)
			_exit(8);
	}
	_exit(0);
}

struct tally {
	struct report *reports;
	size_t count, cap;
};

static void collect(int fd, struct tally *t)
{
	struct report rep;
	ssize_t n;
	while ((n = read(fd, &rep, sizeof rep)) == (ssize_t)sizeof rep) {
		if (t->count == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 1024;
			t->reports = realloc(t->reports, t->cap * sizeof *t->reports);
			assert_non_null(t->reports);
		}
		t->reports[t->count++] = rep;
	}
	assert_true(n == 0); /* a record is written whole or not at all (< PIPE_BUF) */
}

static const struct stored_response *find(const struct stored_response *list, size_t n,
					  const char *step)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(list[i].step_id, step))
			return &list[i];
	return NULL;
}

/* Every reported save is on disk: each "a<k>" with its exact text, and each draft at least as
 * new as the last reported draft. */
static size_t verify(const char *data, const struct tally *t)
{
	struct rjk_error err = {{0}};
	struct store *store = store_open(data, &err);
	if (!store)
		fail_msg("reopen after the kills failed: %s", err.message);
	size_t checked = 0;
	int64_t loaded_for = 0;
	struct stored_response *list = NULL;
	size_t n = 0;
	for (size_t i = 0; i < t->count; i++) {
		const struct report *rep = &t->reports[i];
		if (rep->participant != loaded_for) {
			store_responses_free(list, n);
			assert_true(store_load_responses(store, rep->participant, &list, &n, &err));
			loaded_for = rep->participant;
		}
		char step[32], text[96];
		snprintf(step, sizeof step, rep->k % 2 ? "draft" : "a%lld", (long long)rep->k);
		const struct stored_response *got = find(list, n, step);
		if (!got)
			fail_msg("participant %lld: reported answer %lld is missing",
				 (long long)rep->participant, (long long)rep->k);
		long long participant, k;
		assert_int_equal(sscanf(got->text, "participant %lld answer %lld", &participant, &k),
				 2);
		assert_int_equal(participant, rep->participant);
		if (rep->k % 2 == 0) {
			snprintf(text, sizeof text, "participant %lld answer %lld",
				 (long long)rep->participant, (long long)rep->k);
			assert_string_equal(got->text, text);
		} else if (k < rep->k) {
			fail_msg("participant %lld: draft says %lld, %lld was reported saved",
				 (long long)rep->participant, k, (long long)rep->k);
		}
		checked++;
	}
	store_responses_free(list, n);

	assert_true(fixture_integrity_ok(store_path(store)));

	int64_t session;
	assert_true(store_find_open_session(store, fixture_scenario()->id, &session, &err));
	assert_true(session > 0); /* the session the children kept resuming is still open */
	int64_t unfinished;
	assert_true(store_find_unfinished_participant(store, session, &unfinished, NULL, 0, NULL, 0,
						      &err));
	assert_true(unfinished >= t->reports[t->count - 1].participant);
	store_close(store);
	return checked;
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static void test_sigkill_loses_nothing_reported(void **state)
{
	char dir[128], data[160];
	assert_true(fixture_tempdir(dir, sizeof dir));
	snprintf(data, sizeof data, "%s/data", dir);
	const char *env = getenv("RJK_CRASH_KILLS");
	int kills = env ? atoi(env) : 200;
	env = getenv("RJK_CRASH_SEED");
	unsigned seed = env ? (unsigned)strtoul(env, NULL, 10) : (unsigned)time(NULL);
	srand(seed);
	struct tally t = {0};
	int silent = 0, max_delay_us = 40000;
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (int i = 0; i < kills; i++) {
		int fds[2];
		assert_int_equal(pipe(fds), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			child(data, fds[1]);
		}
		close(fds[1]);
		usleep((useconds_t)(rand() % max_delay_us));
		assert_int_equal(kill(pid, SIGKILL), 0);
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (!WIFSIGNALED(status))
			fail_msg("the child exited by itself (status %d) before it was killed",
				 WEXITSTATUS(status));
		size_t before = t.count;
		collect(fds[0], &t);
		close(fds[0]);
		silent += t.count == before;
		/* On a loaded machine a child may need more than the usual window to open the store
		 * and save once: after a kill that landed before any save, the next child gets twice
		 * the time (up to a second), so the kills keep landing between saves too. */
		max_delay_us = t.count == before ? (max_delay_us < 500000 ? max_delay_us * 2 : 1000000)
						 : 40000;
	}
	double run = seconds_since(&start);
	size_t checked = verify(data, &t);
	printf("crash test: %d SIGKILLs (seed %u) in %.1f s; %zu saves reported by the children, "
	       "%zu verified on disk after the kills; %d kills landed before any save completed; "
	       "integrity_check ok\n", kills, seed, run, t.count, checked, silent);
	assert_int_equal(checked, t.count);
	assert_true(t.count > (size_t)kills); /* the kills did land between saves */
	free(t.reports);
	fixture_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sigkill_loses_nothing_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
