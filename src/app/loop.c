/* The event loop: input to actions, actions to the session, timers, and frames on change. */
#include "app/loop.h"

#include "app/facil.h"
#include "app/lockdown.h"
#include "app/script.h"
#include "app/signals.h"
#include "app/video_glue.h"
#include "ui/page.h"

void loop_apply(struct kiosk *k, struct ui_action a)
{
	struct session *s = k->session;
	int64_t now = kiosk_now();

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
		break;
	case UI_BACK:
		session_back(s, now);
		break;
	case UI_PASS:
		session_pass(s, now);
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
			facil_trainee_view(k, a);
		break;
	case UI_VIDEO_PLAY:
	case UI_VIDEO_BACK:
	case UI_VIDEO_FORWARD:
	case UI_VIDEO_RESTART:
	case UI_VIDEO_CAPTIONS:
	case UI_VIDEO_VOLUME:
	case UI_VIDEO_SKIP:
	case UI_VIDEO_SEEK:
		if (k->video)
			video_glue_apply(k, a);
		break;
	}
	ui_invalidate(k->ui);
}

void loop_handle(struct kiosk *k, const SDL_Event *ev)
{
	bool redraw = false;

	/* systemd stopping the service, or Ctrl+C on a terminal: save and leave, in every mode
	 * (a trainee cannot send signals). */
	if (signals_event() && ev->type == signals_event()) {
		k->quit = true;
		return;
	}
	/* In kiosk mode nothing a trainee does closes the window: only the facilitator's menu
	 * quits. */
	if (lockdown_ignores(ev, k->options.kiosk))
		return;
	lockdown_restore(k->window, ev, k->options.kiosk);
	if (ev->type == SDL_QUIT) {
		k->quit = true;
		return;
	}
	/* The player's wake-ups first: the video must keep updating under the facilitator's
	 * pages too. */
	if (k->video && video_glue_event(k, ev))
		return;
	if (facil_handle(k, ev))
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
	int64_t now = kiosk_now();

	if (k->facil)
		facil_follow_trainee(k);
	if (!ui_needs_redraw(k->ui))
		return false;
	if (ui_page(k->ui)) {
		ui_draw_page(k->ui);
	} else if (k->session) {
		int64_t left = session_countdown_ms(k->session, now);

		k->shown_countdown = left < 0 ? -1 : (left + 999) / 1000;
		ui_draw(k->ui, k->session, now);
	} else {
		ui_draw_problem(k->ui, k->problem);
	}
	return true;
}

void loop_present(struct kiosk *k)
{
	SDL_RenderPresent(k->ren);
	if (!k->frames++)
		k->first_frame_ms = kiosk_now();
}

/* Milliseconds until the next timer (session or script), or -1 when nothing is due. */
static int next_timeout(struct kiosk *k, int64_t now)
{
	int64_t due = k->session ? session_next_deadline(k->session, now) : -1;
	int64_t f = facil_deadline(k, now);

	if (f >= 0 && (due < 0 || f < due))
		due = f;
	int64_t video = video_glue_deadline(k);

	if (video >= 0 && (due < 0 || video < due))
		due = video;

	if (k->script) {
		int64_t s = script_due(k->script);

		if (due < 0 || s < due)
			due = s;
	}
	if (due < 0)
		return -1;
	return due <= now ? 0 : (int)(due - now);
}

static void run_timers(struct kiosk *k)
{
	int64_t now = kiosk_now(), left;

	facil_tick(k, now);
	if (!k->session)
		return;
	if (session_tick(k->session, now))
		ui_invalidate(k->ui);
	video_glue_sync(k);
	left = session_countdown_ms(k->session, now);
	if ((left < 0 ? -1 : (left + 999) / 1000) != k->shown_countdown)
		ui_invalidate(k->ui);
}

bool loop_iterate(struct kiosk *k, int max_wait_ms)
{
	SDL_Event ev;
	int timeout = next_timeout(k, kiosk_now());
	bool presented = false;

	if (max_wait_ms >= 0 && (timeout < 0 || timeout > max_wait_ms))
		timeout = max_wait_ms;
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

int loop_run(struct kiosk *k)
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
		if (k->script &&
		    (script_polling(k->script) || script_due(k->script) <= kiosk_now())) {
			script_step(k->script, k);
			if (k->quit)
				break;
		}
		loop_iterate(k, -1);
	}
	return k->status;
}
