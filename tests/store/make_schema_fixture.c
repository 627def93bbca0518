/* Writes the committed schema fixture through the real store API (see
 * tests/data/schema/README.md): rjk_make_schema_fixture DIR makes DIR/responses.db. */
#include <stdbool.h>
#include <stdio.h>

#include "core/store.h"
#include "core/store_lrs.h"
#include "store_fixture.h"

/* A third session, answered, ended and then purged: the purge stays in the event log. */
static bool purged_session(struct store *store, struct rjk_error *err)
{
	const char *choices[] = {"Anger"};
	int64_t s = store_session_start(store, fixture_scenario(), "Purged group", err);
	int64_t p = s ? store_participant_add(store, s, "Purged trainee", NULL, 0, err) : 0;
	struct response r = {
		.step_id = "c1", .kind = STEP_CHOICE, .prompt = "What did you feel? Choose any.",
		.status = RESPONSE_ANSWERED, .choices = choices, .choice_count = 1, .video_ms = -1,
	};
	struct store_purge_request req = {.scope = STORE_PURGE_SESSION, .session = s};
	size_t deleted = 0;
	return p && store_save_response(store, p, &r, err) && store_session_end(store, s, err) &&
	       store_purge(store, &req, &deleted, err) && deleted == 1;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: rjk_make_schema_fixture DIR\n");
		return 2;
	}
	struct rjk_error err = {{0}};
	struct store *store = store_open(argv[1], &err);
	if (!store) {
		fprintf(stderr, "rjk_make_schema_fixture: %s\n", err.message);
		return 1;
	}
	int64_t clock = FIXTURE_CLOCK_START;
	store_set_clock(store, fixture_clock, &clock);
	store_set_random(store, fixture_random, NULL);
	/* Sessions 1 (ended) and 2 (open, a draft), then session 3, purged; the open session's
	 * video could not be played. */
	bool ok = fixture_populate(store) && purged_session(store, &err) &&
		  store_log_event(store, "video-error", 2,
				  "cannot play /var/lib/rjkiosk/scenarios/brixton/video.mp4: "
				  "no decoder for this format", &err);
	store_close(store);
	if (!ok) {
		fprintf(stderr, "rjk_make_schema_fixture: %s\n", err.message);
		return 1;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", argv[1], STORE_DB_NAME);
	return fixture_set_kiosk_id(path) ? 0 : 1;
}
