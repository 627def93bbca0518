/* Requests to change what the kiosk runs (its scenario, session and player) or where the trainee
 * is, made by the facilitator's side, the video glue and the author's preview, and applied by the kiosk alone
 * (kiosk_apply in app/kiosk.c), the way the UI reports a ui_action instead of changing the
 * session. */
#ifndef RJK_APP_REQUEST_H
#define RJK_APP_REQUEST_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

enum request_kind {
	/* from the facilitator's side; the kiosk tells it the outcome (facil_done) */
	REQUEST_USE_SCENARIO,    /* path: load it, end the session, start one on it */
	REQUEST_NEW_SESSION,     /* path: its name (NULL: the default name): end the session,
				  * start a new one on the same scenario */
	REQUEST_END_SESSION,     /* end the session (its player goes with it) */
	REQUEST_RENAME_SESSION,  /* ms: a stored session's id (the running one or a past one);
				  * path: its new name */
	REQUEST_DELETE_SESSION,  /* ms: the stored session's id: delete it for good with its
				  * participants and answers (ending it first when it runs) */
	REQUEST_NEXT_DISCUSSION, /* move the trainee on to the next discussion prompt */
	REQUEST_TIME_OUT,        /* nobody is there: save and go back to the start */
	REQUEST_QUIT,            /* save and leave */
	REQUEST_POWER_OFF,       /* save, then shut the PC down through logind (core/power.h) */
	REQUEST_REBOOT,          /* save, then restart the PC through logind */
	/* from the author's preview */
	REQUEST_PREVIEW_LOAD,    /* path: a stored position ("" for the start screen): load the
				  * scenario again from its file and start a session there */
	/* from the video glue */
	REQUEST_VIDEO_PROGRESS,  /* ms: the furthest point watched, to keep */
	REQUEST_VIDEO_DONE,      /* played to the end: on to the steps */
	REQUEST_VIDEO_CUE,       /* step: the cue step to ask, ms: the video time it is asked at */
	REQUEST_VIDEO_FAILED,    /* the video cannot be played: on to the steps */
};

struct request {
	enum request_kind kind;
	int64_t ms;
	size_t step;
	const char *path;        /* borrowed from the requester until the request is applied */
};

/* The most requests one call makes (the video: progress, progress at the end, done). */
#define REQUEST_LIST_MAX 4

/* Requests in the order they were made; start empty ({0}). */
struct request_list {
	struct request items[REQUEST_LIST_MAX];
	size_t count;
};

/* Appends request to list. */
static inline void request_add(struct request_list *list, struct request request)
{
	assert(list->count < REQUEST_LIST_MAX);
	if (list->count < REQUEST_LIST_MAX)
		list->items[list->count++] = request;
}

#endif
