/* The author's preview in the running kiosk: the place to come back to and the file watch. */
#include "app/preview.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/preview_watch.h"

struct preview {
	struct preview_watch *watch;
	char name[PREVIEW_WATCH_NAME_MAX];     /* the scenario file's name in its folder */
	char position[POSITION_MAX];           /* where to come back to ("" the start screen) */
};

struct preview *preview_new(const char *file, const char *step_id, struct rjk_error *err)
{
	struct preview *p = calloc(1, sizeof *p);
	char folder[PATH_MAX], base[PATH_MAX];

	if (!p) {
		rjk_error_set(err, "out of memory");
		return NULL;
	}
	snprintf(folder, sizeof folder, "%s", file);
	snprintf(base, sizeof base, "%s", file);
	snprintf(p->name, sizeof p->name, "%s", basename(base));
	if (step_id)
		position_format(&(struct position){.kind = POSITION_STEP, .step_id = step_id},
				p->position, sizeof p->position);
	if (!(p->watch = preview_watch_new(dirname(folder), err))) {
		free(p);
		return NULL;
	}
	preview_watch_names(p->watch, p->name, NULL);
	return p;
}

void preview_free(struct preview *p)
{
	if (!p)
		return;
	preview_watch_free(p->watch);
	free(p);
}

void preview_load(struct preview *p, struct request_list *out)
{
	request_add(out, (struct request){.kind = REQUEST_PREVIEW_LOAD, .path = p->position});
}

/* Where session is, as the text a restarted kiosk resumes from; the start, who-is-answering
 * and thank-you screens come back as the start screen. A cue question asked during the video
 * comes back on the video, where it was asked from. */
static void remember(struct preview *p, const struct session *s)
{
	struct position pos = {.kind = POSITION_UNKNOWN};

	switch (session_screen(s)) {
	case SESSION_NOTE:
		pos.kind = POSITION_NOTE;
		break;
	case SESSION_VIDEO:
		pos.kind = POSITION_VIDEO;
		pos.video_ms = session_video_resume_ms(s);
		break;
	case SESSION_STEP:
		if (session_in_cue(s)) {
			pos.kind = POSITION_VIDEO;
			pos.video_ms = session_video_resume_ms(s);
		} else {
			pos.kind = POSITION_STEP;
			pos.step_id = session_step(s)->id;
		}
		break;
	case SESSION_REVIEW:
		pos.kind = POSITION_REVIEW;
		break;
	default:
		break;
	}
	position_format(&pos, p->position, sizeof p->position);
}

bool preview_event(struct preview *p, const SDL_Event *ev, const struct session *session,
		   struct request_list *out)
{
	if (ev->type != preview_watch_event(p->watch))
		return false;
	/* With the file in error nothing runs: the place before the error still holds. */
	if (session)
		remember(p, session);
	preview_load(p, out);
	return true;
}

void preview_follow(struct preview *p, const struct scenario *sc)
{
	const char *captions = sc && sc->video ? sc->video->captions_path : NULL;
	char dir[PATH_MAX], base[PATH_MAX];

	/* Only a caption file in the scenario's own folder is watched. */
	if (captions && sc->dir) {
		snprintf(dir, sizeof dir, "%s", captions);
		snprintf(base, sizeof base, "%s", captions);
		if (strcmp(dirname(dir), sc->dir) != 0)
			captions = NULL;
		else
			captions = basename(base);
	}
	preview_watch_names(p->watch, p->name, captions);
}
