/* The video screen's keys and the pointer on its progress bar: what the trainee did, for the
 * event loop; the bar's geometry comes from screen_video.c. */
#include "ui/video_input.h"

#include <stdint.h>

#include "core/seekbar.h"
#include "ui/screen_video.h"
#include "ui/ui_impl.h"

bool video_input_key(struct ui *ui, const SDL_Keysym *key, struct ui_action *act)
{
	struct ui_action a = {UI_NONE, 0, NULL};

	if (!ui->video || ui->video->error[0] || ui->settings_open ||
	    (key->mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)))
		return false;
	switch (key->sym) {
	case SDLK_SPACE:
	case SDLK_k:
		a.kind = UI_VIDEO_PLAY;
		break;
	case SDLK_LEFT:
		a.kind = UI_VIDEO_BACK;
		break;
	case SDLK_RIGHT:
		a.kind = UI_VIDEO_FORWARD;
		break;
	case SDLK_HOME:
		a.kind = UI_VIDEO_RESTART;
		break;
	case SDLK_c:
		a.kind = UI_VIDEO_CAPTIONS;
		break;
	case SDLK_UP:
	case SDLK_DOWN:
		a.kind = UI_VIDEO_VOLUME;
		a.arg = key->sym == SDLK_UP ? 10 : -10;
		break;
	default:
		return false;
	}
	*act = a;
	ui->stale = ui->dirty = true;
	return true;
}

/* The mouse is over the bar (or on it, dragging) or not: a pointing hand says it can be
 * clicked. Drivers without cursors (the dummy one) keep the arrow. */
static void set_hover(struct video_pointer *p, bool on)
{
	bool hand = on || p->seeking;

	p->hover = on;
	if (hand == p->hand_shown)
		return;
	if (hand && !p->hand)
		p->hand = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_HAND);
	if (p->hand)
		SDL_SetCursor(hand ? p->hand : SDL_GetDefaultCursor());
	p->hand_shown = hand;
}

void video_input_hover_off(struct ui *ui)
{
	set_hover(&ui->seek, false);
}

void video_input_release(struct video_pointer *p)
{
	if (p->hand) {
		SDL_SetCursor(SDL_GetDefaultCursor());
		SDL_FreeCursor(p->hand);
	}
	p->hand = NULL;
	p->hand_shown = false;
}

enum phase { DOWN, MOVE, UP };

/* The pointer at x, y (renderer pixels) in one phase of a press, drag or release. */
static bool pointer(struct ui *ui, bool on_video, enum phase phase, bool touch, int x, int y,
		    struct ui_action *act)
{
	const struct screen_video_state *v = ui->video;
	struct video_pointer *p = &ui->seek;
	SDL_Point at = {x, y};
	SDL_Rect hit, bar;
	bool over;

	if (!on_video || !screen_video_bar(ui, &hit, &bar)) {
		if (p->seeking || p->hover)
			ui->dirty = true;
		p->seeking = false;
		set_hover(p, false);
		return false;
	}
	over = v->controls && SDL_PointInRect(&at, &hit);
	if (p->seeking && touch != p->touch)
		return false;
	switch (phase) {
	case DOWN:
		if (!over)
			return false;
		p->seeking = true;
		p->touch = touch;
		set_hover(p, false);
		ui->pressed = -1;
		break;
	case MOVE:
		if (!p->seeking) {
			/* Hovering shows the time under the mouse; the UI's own hover runs too. */
			over = over && !touch;
			if (over != p->hover || (over && x != p->x))
				ui->dirty = true;
			set_hover(p, over);
			p->x = x;
			return false;
		}
		break;
	case UP:
		if (!p->seeking)
			return false;
		p->seeking = false;
		set_hover(p, !touch && SDL_PointInRect(&at, &hit));
		/* One seek on release: libvlc is not asked to seek for every pixel dragged. */
		*act = (struct ui_action){UI_VIDEO_SEEK,
			(int)seekbar_time_at(x, bar.x, bar.w, v->length_ms > INT32_MAX ? INT32_MAX :
					     v->length_ms), NULL};
		break;
	}
	p->x = x;
	ui->dirty = true;
	return true;
}

bool video_input_pointer(struct ui *ui, const struct session *s, const SDL_Event *ev,
			 struct ui_action *act)
{
	bool on_video = session_screen(s) == SESSION_VIDEO, touch = false;
	enum phase phase;
	int x, y;

	switch (ev->type) {
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT)
			return false;
		x = ev->button.x;
		y = ev->button.y;
		phase = ev->type == SDL_MOUSEBUTTONDOWN ? DOWN : UP;
		ui_to_pixels(ui, &x, &y);
		break;
	case SDL_MOUSEMOTION:
		if (ev->motion.which == SDL_TOUCH_MOUSEID)
			return false;
		x = ev->motion.x;
		y = ev->motion.y;
		phase = MOVE;
		ui_to_pixels(ui, &x, &y);
		break;
	case SDL_FINGERDOWN:
	case SDL_FINGERMOTION:
	case SDL_FINGERUP:
		x = (int)(ev->tfinger.x * ui->lay.w);
		y = (int)(ev->tfinger.y * ui->lay.h);
		phase = ev->type == SDL_FINGERDOWN ? DOWN : ev->type == SDL_FINGERUP ? UP : MOVE;
		touch = true;
		break;
	default:
		return false;
	}
	return pointer(ui, on_video, phase, touch, x, y, act);
}
