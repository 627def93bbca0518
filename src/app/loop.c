/* The event loop: input to actions, actions to the session, timers, and frames on change. */
#include "app/loop.h"

#include "app/clock.h"
#include "app/facil.h"
#include "app/lockdown.h"
#include "app/lrs_worker.h"
#include "app/preview.h"
#include "app/signals.h"
#include "app/video_glue.h"
#include "core/deadline.h"
#include "core/store.h"
#include "ui/page.h"

void loop_apply(struct kiosk *k, struct ui_action a)
{
	struct session *s = k->session;
	int64_t now = clock_now_ms();

	switch (a.kind) {
	case UI_NONE:
	case UI_PAGE: /* the facilitator's pages are handled before the journey's */
		return;
	case UI_START:
		session_start(s, now);
		break;
	case UI_WHO:
		session_set_who(s, a.text, now);
		break;
	case UI_NOTE_CONTINUE:
		session_note_continue(s, now);
		break;
	case UI_NEXT:
		session_next(s, now);
		lrs_worker_nudge(k->lrs); /* an answer was stored: send it now */
		break;
	case UI_BACK:
		session_back(s, now);
		break;
	case UI_PASS:
		session_pass(s, now);
		lrs_worker_nudge(k->lrs);
		break;
	case UI_TEXT:
		session_text_edited(s, now);
		break;
	case UI_SCALE:
		session_set_scale(s, a.arg, now);
		break;
	case UI_CHOICE:
		session_toggle_choice(s, (size_t)a.arg, now);
		break;
	case UI_EDIT:
		session_review_edit(s, (size_t)a.arg, now);
		break;
	case UI_SUBMIT:
		session_submit(s, now);
		break;
	case UI_FINISH:
		session_finish(s, now);
		break;
	case UI_DISMISS:
		session_dismiss_message(s);
		break;
	case UI_TEXT_SIZE:
	case UI_CONTRAST:
		if (k->facil)
			facil_trainee_view(k->facil, a);
		break;
	case UI_VIDEO_PLAY:
	case UI_VIDEO_BACK:
	case UI_VIDEO_FORWARD:
	case UI_VIDEO_RESTART:
	case UI_VIDEO_CAPTIONS:
	case UI_VIDEO_VOLUME:
	case UI_VIDEO_SKIP:
	case UI_VIDEO_SEEK:
		if (k->video) {
			struct request_list out = {0};

			video_glue_apply(k->video, a, &out);
			kiosk_apply(k, &out);
		}
		break;
	}
	ui_invalidate(k->ui);
}

/* The sending thread reads the running session's class back from the LRS, so the debrief
 * shows every kiosk's answers. Looked at again when the session changes, and every few seconds
 * (the facilitator may have joined a class meanwhile). */
static void follow_class(struct kiosk *k)
{
	int64_t id = k->session ? session_store_id(k->session) : 0, now = clock_now_ms();
	struct store_session_info *info = NULL;
	struct rjk_error err = {{0}};
	size_t n = 0;

	if (!k->lrs || (id == k->class_session && now - k->class_checked_ms < 5000))
		return;
	k->class_session = id;
	k->class_checked_ms = now;
	if (id && k->store && !store_list_sessions(k->store, id, &info, &n, &err))
		n = 0;
	lrs_worker_follow_class(k->lrs, n ? info[0].registration : NULL);
	store_sessions_free(info, n);
}

void loop_handle(struct kiosk *k, const SDL_Event *ev)
{
	struct request_list out = {0};
	struct facil_context context;
	bool redraw = false, used;

	/* systemd stopping the service, or Ctrl+C on a terminal: save and leave, in every mode
	 * (a trainee cannot send signals). */
	if (signals_event() && ev->type == signals_event()) {
		kiosk_request(k, REQUEST_QUIT);
		return;
	}
	/* In kiosk mode nothing a trainee does closes the window: only the facilitator's menu
	 * quits. */
	if (lockdown_ignores(ev, k->options.kiosk))
		return;
	lockdown_restore(k->window, ev, k->options.kiosk);
	if (ev->type == SDL_QUIT) {
		kiosk_request(k, REQUEST_QUIT);
		return;
	}
	/* The player's wake-ups first: the video must keep updating under the facilitator's
	 * pages too. */
	if (k->video) {
		used = video_glue_event(k->video, ev, &out);
		kiosk_apply(k, &out);
		if (used)
			return;
	}
	follow_class(k);
	/* The sending thread's status changed: the menu shows it. */
	if (lrs_worker_event(k->lrs, ev)) {
		lrs_worker_status(k->lrs, &k->lrs_status);
		context = kiosk_facil_context(k);
		facil_refresh(k->facil, &context);
		return;
	}
	if (k->preview) {
		out.count = 0;
		used = preview_event(k->preview, ev, k->session, &out);
		kiosk_apply(k, &out);
		if (used) {
			preview_follow(k->preview, k->scenario);
			return;
		}
	}
	out.count = 0;
	context = kiosk_facil_context(k);
	used = facil_handle(k->facil, &context, ev, &out);
	kiosk_apply(k, &out);
	if (used)
		return;
	if (!k->session) {
		if (ev->type == SDL_WINDOWEVENT)
			ui_invalidate(k->ui);
		return;
	}
	loop_apply(k, ui_event(k->ui, k->session, ev, &redraw));
}

bool loop_render(struct kiosk *k)
{
	int64_t now = clock_now_ms();

	if (k->facil)
		facil_follow_trainee(k->facil, k->session);
	if (!ui_needs_redraw(k->ui))
		return false;
	if (ui_page(k->ui)) {
		ui_draw_page(k->ui);
	} else if (k->session) {
		int64_t left = session_countdown_ms(k->session, now);

		k->shown_countdown = left < 0 ? -1 : (left + 999) / 1000;
		ui_draw(k->ui, k->session, now);
	} else {
		ui_draw_problem(k->ui, k->preview && !k->scenario ? "The scenario has errors" : NULL,
				k->problem);
	}
	return true;
}

void loop_present(struct kiosk *k)
{
	SDL_RenderPresent(k->ren);
	if (!k->frames++) {
		k->first_frame_ms = clock_now_ms();
		kiosk_first_frame(k);
	}
}

/* Milliseconds until the next timer (session, facilitator, video), or -1 when nothing is due. */
static int next_timeout(struct kiosk *k, int64_t now)
{
	int64_t due = k->session ? session_next_deadline(k->session, now) : DEADLINE_NONE;

	due = deadline_earliest(due, facil_deadline(k->facil, now));
	due = deadline_earliest(due, ui_deadline(k->ui));
	if (k->video)
		due = deadline_earliest(due, video_glue_deadline(k->video, now));
	return deadline_wait_ms(due, now);
}

static void run_timers(struct kiosk *k)
{
	int64_t now = clock_now_ms(), left;
	struct ui_action act;
	struct facil_context context = kiosk_facil_context(k);
	struct request_list out = {0};

	facil_tick(k->facil, &context, now, &out);
	kiosk_apply(k, &out);
	/* A key held on the on-screen keyboard (its Backspace repeats), also on a page. */
	act = ui_tick(k->ui, now);
	if (!k->session)
		return;
	loop_apply(k, act);
	if (session_tick(k->session, now))
		ui_invalidate(k->ui);
	if (k->video) {
		out.count = 0;
		video_glue_sync(k->video, &out);
		kiosk_apply(k, &out);
	}
	left = session_countdown_ms(k->session, now);
	if ((left < 0 ? -1 : (left + 999) / 1000) != k->shown_countdown)
		ui_invalidate(k->ui);
}

bool loop_iterate(struct kiosk *k, int max_wait_ms)
{
	SDL_Event ev;
	/* Waits in ms, like deadlines: the earlier one wins, -1 (none) gives way. */
	int timeout = (int)deadline_earliest(next_timeout(k, clock_now_ms()), max_wait_ms);
	bool presented = false;

	if (ui_needs_redraw(k->ui))
		timeout = 0;
	if (timeout < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, timeout)) {
		loop_handle(k, &ev);
		while (!k->quit && SDL_PollEvent(&ev))
			loop_handle(k, &ev);
	}
	/* Draw what the input changed before any timer work (a draft's fsync), so that a key
	 * press never waits on the disk to be seen. */
	if (loop_render(k)) {
		loop_present(k);
		presented = true;
	}
	run_timers(k);
	if (loop_render(k)) {
		loop_present(k);
		presented = true;
	}
	return presented;
}

int loop_run(struct kiosk *k, const struct loop_feed *feed)
{
	SDL_Event ev;

	/* Take in the window's real size (going full screen resizes it) before the first frame,
	 * so that frame is laid out and viewed at the size it is shown. */
	SDL_PumpEvents();
	while (SDL_PollEvent(&ev))
		loop_handle(k, &ev);
	ui_invalidate(k->ui);
	loop_render(k);
	loop_present(k);
	while (!k->quit && !signals_caught()) {
		int wait = -1;

		if (feed) {
			if (feed->ready(feed->data, clock_now_ms())) {
				feed->run(feed->data, k);
				if (k->quit)
					break;
			}
			wait = deadline_wait_ms(feed->due(feed->data), clock_now_ms());
		}
		loop_iterate(k, wait);
	}
	return k->status;
}
