/* The read-only probe of the running kiosk for the scripted test executable: each query asks
 * the part that owns the answer through its public header. */
#include "scripted/probe.h"

#include <stdio.h>
#include <string.h>

#include "app/facil.h"
#include "app/kiosk.h"
#include "app/loop.h"
#include "app/video_glue.h"
#include "ui/page.h"
#include "ui/screen_video.h"

const char *probe_screen(const struct kiosk *k, char *buf, size_t size)
{
	const struct session *ses = k->session;
	const char *page = facil_page_name(k->facil);

	if (page)
		snprintf(buf, size, "facilitator:%s", page);
	else if (!ses)
		snprintf(buf, size, "problem");
	else if (session_screen(ses) == SESSION_STEP)
		snprintf(buf, size, "step:%s", session_step(ses)->id);
	else
		snprintf(buf, size, "%s", session_screen_name(session_screen(ses)));
	return buf;
}

bool probe_screen_is(const struct kiosk *k, const char *want)
{
	char buf[128];
	const char *now = probe_screen(k, buf, sizeof buf);

	return !strcmp(now, want) || (!strcmp(want, "step") && !strncmp(now, "step:", 5));
}

bool probe_shows_text(const struct kiosk *k, const char *text)
{
	return ui_shows_text(k->ui, k->session, text);
}

bool probe_fits(const struct kiosk *k)
{
	return ui_fits(k->ui, k->session);
}

bool probe_find_control(struct kiosk *k, const char *label, int *x, int *y)
{
	if (!k->session && !ui_page(k->ui))
		return false;
	return ui_find_control(k->ui, k->session, label, x, y);
}

const char *probe_focus_label(const struct kiosk *k)
{
	return ui_focus_label(k->ui);
}

const char *probe_editor_text(const struct kiosk *k)
{
	return ui_editor_text(k->ui);
}

bool probe_keyboard_shown(const struct kiosk *k)
{
	return k->ui && ui_keyboard_shown(k->ui);
}

bool probe_editor_shows_whole(const struct kiosk *k)
{
	return k->ui && ui_editor_shows_whole(k->ui);
}

bool probe_seek_bar(struct kiosk *k, SDL_Rect *bar)
{
	return k->ui && screen_video_seek_bar(k->ui, bar);
}

int64_t probe_video_time_ms(const struct kiosk *k)
{
	return video_glue_status(k->video).time_ms;
}

unsigned long probe_video_frames(const struct kiosk *k)
{
	return video_glue_status(k->video).frames;
}

const char *probe_video_notice(const struct kiosk *k)
{
	return video_glue_status(k->video).notice;
}

const char *probe_video_error(const struct kiosk *k)
{
	return video_glue_status(k->video).error;
}

bool probe_stored_responses(const struct kiosk *k, struct stored_response **responses,
			    size_t *count, struct rjk_error *err)
{
	struct store *store;
	bool ok;

	if (!k->session || !k->store)
		return rjk_error_set(err, "no session is open");
	store = store_open(store_dir(k->store), err);
	if (!store)
		return false;
	ok = store_load_responses(store, session_participant(k->session), responses, count, err);
	store_close(store);
	return ok;
}

void probe_draw(struct kiosk *k)
{
	ui_invalidate(k->ui);
	loop_render(k);
}

void probe_present(struct kiosk *k)
{
	loop_present(k);
}

void probe_output_size(const struct kiosk *k, int *w, int *h)
{
	SDL_GetRendererOutputSize(k->ren, w, h);
}

bool probe_pixels(const struct kiosk *k, const SDL_Rect *rect, void *pixels, int pitch)
{
	return SDL_RenderReadPixels(k->ren, rect, SDL_PIXELFORMAT_ARGB8888, pixels, pitch) == 0;
}

bool probe_caption_box(const struct kiosk *k, SDL_Rect *box, bool *whole)
{
	return screen_video_caption_box(k->ui, box, whole);
}

bool probe_check_frame(struct kiosk *k, struct rjk_error *err)
{
	return ui_check_frame(k->ui, err);
}

Uint32 probe_window_id(const struct kiosk *k)
{
	return SDL_GetWindowID(k->window);
}
