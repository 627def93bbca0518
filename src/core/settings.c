/* Reading and writing the persisted settings file (see settings.h). */
#include "core/settings.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/debrief.h"
#include "core/durable.h"

struct settings settings_defaults(void)
{
	return (struct settings){
		.text_percent = 100,
		.high_contrast = false,
		.captions = true,
		.volume = 80,
		.idle_s = SETTINGS_IDLE_DEFAULT_S,
		.present_s = SETTINGS_PRESENT_DEFAULT_S,
		.min_answers = DEBRIEF_MIN_N_DEFAULT,
		.scenario = "",
		.touch_keyboard = KEYBOARD_AUTO,
		.keyboard_layout = KEYBOARD_DEFAULT_LAYOUT,
	};
}

static bool parse_int(const char *v, int min, int max, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (end == v || *end || errno || n < min || n > max)
		return false;
	*out = (int)n;
	return true;
}

static void apply(struct settings *s, const char *key, const char *value)
{
	struct rjk_error err;
	int n;

	if (!strcmp(key, "text_percent") &&
	    parse_int(value, SETTINGS_TEXT_MIN, SETTINGS_TEXT_MAX, &n))
		s->text_percent = n;
	else if (!strcmp(key, "high_contrast") && parse_int(value, 0, 1, &n))
		s->high_contrast = n;
	else if (!strcmp(key, "captions") && parse_int(value, 0, 1, &n))
		s->captions = n;
	else if (!strcmp(key, "volume") && parse_int(value, 0, SETTINGS_VOLUME_MAX, &n))
		s->volume = n;
	else if (!strcmp(key, "idle_s") && parse_int(value, 0, SETTINGS_IDLE_MAX_S, &n))
		s->idle_s = n;
	else if (!strcmp(key, "present_s") && parse_int(value, 0, SETTINGS_PRESENT_MAX_S, &n))
		s->present_s = n;
	else if (!strcmp(key, "touch_keyboard"))
		keyboard_mode_parse(value, &s->touch_keyboard);
	else if (!strcmp(key, "keyboard_layout") && *value &&
		 strlen(value) < sizeof s->keyboard_layout)
		snprintf(s->keyboard_layout, sizeof s->keyboard_layout, "%s", value);
	else if (!strcmp(key, "min_answers") &&
		 parse_int(value, 1, SETTINGS_MIN_ANSWERS_MAX, &n))
		s->min_answers = n;
	else if (!strcmp(key, "scenario") && strlen(value) < sizeof s->scenario)
		snprintf(s->scenario, sizeof s->scenario, "%s", value);
	else if (!strcmp(key, "xapi_base") && (!value[0] || iri_check_base(value, &err)))
		snprintf(s->xapi_base, sizeof s->xapi_base, "%s", value);
}

bool settings_load(const char *data_dir, struct settings *out, struct rjk_error *err)
{
	char path[PATH_MAX], line[sizeof out->scenario + sizeof out->xapi_base + 64];
	FILE *f;

	*out = settings_defaults();
	if (snprintf(path, sizeof path, "%s/%s", data_dir, SETTINGS_FILE) >= (int)sizeof path)
		return rjk_error_set(err, "the data folder path is too long");
	f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return true;
		return rjk_error_set(err, "cannot read the settings in %s: %s", path,
				     strerror(errno));
	}
	while (fgets(line, sizeof line, f)) {
		char *eq = strchr(line, '=');

		line[strcspn(line, "\r\n")] = '\0';
		if (!eq || line[0] == '#')
			continue;
		*eq = '\0';
		apply(out, line, eq + 1);
	}
	fclose(f);
	return true;
}

bool settings_save(const char *data_dir, const struct settings *s, struct rjk_error *err)
{
	char path[PATH_MAX], buf[sizeof s->scenario + sizeof s->xapi_base + 512];
	struct rjk_error bad;
	int len;

	if (!durable_make_dirs(data_dir, err))
		return false;
	if (snprintf(path, sizeof path, "%s/%s", data_dir, SETTINGS_FILE) >= (int)sizeof path)
		return rjk_error_set(err, "the data folder path is too long");
	len = snprintf(buf, sizeof buf,
		       "# rjkiosk settings, written by the facilitator's menu\n"
		       "text_percent=%d\nhigh_contrast=%d\ncaptions=%d\nvolume=%d\nidle_s=%d\n"
		       "present_s=%d\ntouch_keyboard=%s\nkeyboard_layout=%s\nmin_answers=%d\n"
		       "scenario=%s\nxapi_base=%s\n",
		       s->text_percent, s->high_contrast, s->captions, s->volume, s->idle_s,
		       s->present_s, keyboard_mode_name(s->touch_keyboard),
		       strchr(s->keyboard_layout, '\n') ? KEYBOARD_DEFAULT_LAYOUT : s->keyboard_layout,
		       s->min_answers,
		       strchr(s->scenario, '\n') ? "" : s->scenario,
		       s->xapi_base[0] && iri_check_base(s->xapi_base, &bad) ? s->xapi_base : "");
	if (!durable_replace(data_dir, path, buf, (size_t)len))
		return rjk_error_set(err, "cannot save the settings in %s: %s", path,
				     strerror(errno));
	return true;
}

/* "settings.XXXXXX", or "settings.tmp" from an earlier release: a save killed before its
 * rename. */
static bool is_partial(const char *name)
{
	return !strcmp(name, SETTINGS_FILE ".tmp") || durable_is_temp_of(name, SETTINGS_FILE);
}

size_t settings_remove_partials(const char *data_dir)
{
	return durable_remove_stale(data_dir, is_partial);
}
