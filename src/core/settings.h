/* The facilitator's settings that persist across restarts: text size, contrast, captions,
 * volume, the inactivity timeout, the on-screen keyboard, the xAPI base address and how long
 * the facilitator stays present, kept in a private file in the data folder. */
#ifndef RJK_CORE_SETTINGS_H
#define RJK_CORE_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/iri.h"
#include "core/keyboard.h"

#define SETTINGS_FILE "settings"
#define SETTINGS_TEXT_MIN 100
#define SETTINGS_TEXT_MAX 200
#define SETTINGS_VOLUME_MAX 100
/* Default quiet time on a trainee screen before the "are you still there?" warning. */
#define SETTINGS_IDLE_DEFAULT_S 300
#define SETTINGS_IDLE_MAX_S 7200
/* Default time the facilitator stays present after the PIN (see core/presence.h). */
#define SETTINGS_PRESENT_DEFAULT_S 600
#define SETTINGS_PRESENT_MAX_S 3600
#define SETTINGS_MIN_ANSWERS_MAX 50

struct settings {
	int text_percent;    /* 100 to 200 */
	bool high_contrast;
	bool captions;       /* captions shown by default on the video */
	int volume;          /* 0 to 100 */
	int idle_s;          /* quiet seconds before the warning; 0 turns the timeout off */
	int present_s;       /* seconds the facilitator stays present after an action; 0: off */
	int min_answers;     /* the debrief shows nothing of a question with fewer answers */
	char scenario[1024]; /* the scenario folder chosen in the menu, "" for the default */
	/* The force's own IRI, the base of xAPI exports' ids (iri_check_base holds); "" for
	 * EXPORT_XAPI_DEFAULT_BASE. */
	char xapi_base[IRI_BASE_MAX + 1];
	enum keyboard_mode touch_keyboard; /* when the on-screen keyboard shows */
	char keyboard_layout[32];          /* its layout's xkb name ("gb") */
};

/* The settings a fresh kiosk starts with. */
struct settings settings_defaults(void);

/* Reads data_dir/settings into *out. A missing file gives the defaults and true; unknown keys
 * and out-of-range values (an xAPI base iri_check_base refuses) are ignored (the default stays), so a damaged file never stops the
 * kiosk. False and err only when the file exists but cannot be read. */
bool settings_load(const char *data_dir, struct settings *out, struct rjk_error *err);

/* Writes the settings atomically (a 0600 temporary file, flushed, renamed over the old one,
 * folder synced); the folder is created 0700 when missing. */
bool settings_save(const char *data_dir, const struct settings *settings,
		   struct rjk_error *err);

/* Removes what a save killed part-way left in data_dir ("settings.XXXXXX", or "settings.tmp"
 * from an earlier release; never a file being written). Returns how many were removed. */
size_t settings_remove_partials(const char *data_dir);

#endif
