/* The menu's changes to what the kiosk runs: another scenario, a new session, the end of
 * the current one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/facil_impl.h"

/* Ends the running session: a trainee part-way through keeps their saved drafts. False with
 * err (also logged) when the last draft or the end did not reach the store; the session is
 * closed all the same. */
static bool end_session(struct kiosk *k, struct rjk_error *err)
{
	bool ok = session_close(k->session, true, err);

	k->session = NULL;
	if (!ok)
		fprintf(stderr, "rjkiosk: %s\n", err->message);
	return ok;
}

static bool open_new(struct kiosk *k, struct rjk_error *err)
{
	if (!k->store && !(k->store = store_open(k->options.data, err)))
		return false;
	if (!(k->session = kiosk_session_open(k, err)))
		return false;
	k->problem[0] = '\0';
	return true;
}

bool facil_use_scenario(struct kiosk *k, const char *path, struct rjk_error *err)
{
	struct rjk_diags diags = {0};
	struct scenario *sc = scenario_load(path, &diags);
	char *copy = strdup(path);

	if (!sc || !copy) {
		rjk_error_set(err, "%s", diags.count ? diags.items[0] : "out of memory");
		rjk_diags_release(&diags);
		scenario_free(sc);
		free(copy);
		return false;
	}
	if (!end_session(k, err)) {
		scenario_free(sc);
		free(copy);
		return false;
	}
	scenario_free(k->scenario);
	k->scenario = sc;
	free(k->facil->scenario_path);
	k->facil->scenario_path = copy;
	k->options.scenario = copy;
	snprintf(k->facil->settings.scenario, sizeof k->facil->settings.scenario, "%s", path);
	if (!settings_save(k->facil->data_dir, &k->facil->settings, err))
		fprintf(stderr, "rjkiosk: %s\n", err->message);
	return open_new(k, err);
}

bool facil_new_session(struct kiosk *k, struct rjk_error *err)
{
	if (!k->scenario)
		return rjk_error_set(err, "no scenario is loaded: choose one first");
	if (!end_session(k, err))
		return false;
	return open_new(k, err);
}

bool facil_end_session(struct kiosk *k, struct rjk_error *err)
{
	return end_session(k, err);
}
