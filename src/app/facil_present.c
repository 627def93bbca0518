/* The facilitator who stays: after the PIN the menu and the quick keys (Ctrl+Alt+N for the next
 * discussion prompt, Ctrl+Alt+B to blank or unblank the screen) work without it for the set
 * time, counted from the facilitator's last action, until it runs out or they press Lock. */
#include <stdio.h>
#include <string.h>

#include "app/clock.h"
#include "app/facil_impl.h"
#include "core/deadline.h"
#include "core/words.h"

bool facil_menu_mode(const struct facil *f)
{
	switch (f->mode) {
	case FACIL_NONE:
	case FACIL_PIN:
	case FACIL_NO_PIN:
	case FACIL_BLANK:
	case FACIL_IDLE:
	case FACIL_WARNING:
		return false;
	case FACIL_NEW_PIN:
	case FACIL_NEW_PIN_AGAIN:
		return f->changing_pin;
	default:
		return true;
	}
}

void facil_refresh_pin(struct facil *f)
{
	struct rjk_error err = {{0}};

	if (!f->pin) {
		/* Damaged files when the kiosk started: 'rjkiosk set-pin' may have repaired them. */
		f->pin = pin_open(f->data_dir, NULL, &err);
		if (f->pin)
			f->pin_problem[0] = '\0';
	} else if (!pin_refresh(f->pin, &err)) {
		fprintf(stderr, "rjkiosk: %s\n", err.message);
	}
}

/* Does what the facilitator asked for, once they are known. */
static void act(struct facil *f, const struct facil_context *c, enum facil_quick action,
		struct request_list *out)
{
	switch (action) {
	case QUICK_MENU:
		facil_show(f, c, FACIL_MENU);
		break;
	case QUICK_NEXT:
		/* The kiosk answers through facil_done: the journey, or why nobody moved on. */
		request_add(out, (struct request){.kind = REQUEST_NEXT_DISCUSSION});
		break;
	case QUICK_BLANK:
		facil_show(f, c, FACIL_BLANK);
		break;
	case QUICK_UNBLANK:
		facil_show(f, c, FACIL_NONE);
		break;
	}
}

void facil_way_in(struct facil *f, const struct facil_context *c, enum facil_quick action,
		  struct request_list *out)
{
	int64_t now = clock_now_ms();

	/* On a menu page the facilitator is known even when presence is off. */
	if (presence_active(&f->present, now) || facil_menu_mode(f)) {
		presence_touch(&f->present, now);
		act(f, c, action, out);
		return;
	}
	f->after_pin = action;
	f->digits[0] = '\0';
	f->notice[0] = '\0';
	facil_refresh_pin(f);
	if (!f->pin)
		facil_show(f, c, FACIL_NO_PIN); /* the PIN files are damaged: says how to repair them */
	else if (!pin_is_set(f->pin))
		facil_show(f, c, f->options->kiosk ? FACIL_NEW_PIN : FACIL_NO_PIN);
	else
		facil_show(f, c, FACIL_PIN);
}

bool facil_chord(struct facil *f, const struct facil_context *c, const SDL_Keysym *key,
		 struct request_list *out)
{
	enum facil_quick action;

	if (!(key->mod & KMOD_CTRL) || !(key->mod & KMOD_ALT))
		return false;
	switch (key->sym) {
	case SDLK_f:
		/* On the facilitator's own pages the chord does nothing more. */
		if (f->mode == FACIL_NONE || f->mode >= FACIL_BLANK)
			facil_way_in(f, c, QUICK_MENU, out);
		return true;
	case SDLK_n:
		action = QUICK_NEXT;
		break;
	case SDLK_b:
		action = f->mode == FACIL_BLANK ? QUICK_UNBLANK : QUICK_BLANK;
		break;
	default:
		return false;
	}
	/* Not while a PIN is being typed or chosen: the pad stays as it is. */
	if (f->mode == FACIL_PIN || f->mode == FACIL_NO_PIN || f->mode == FACIL_CHANGE_PIN ||
	    f->mode == FACIL_NEW_PIN || f->mode == FACIL_NEW_PIN_AGAIN)
		return true;
	facil_way_in(f, c, action, out);
	return true;
}

void facil_pin_accepted(struct facil *f, const struct facil_context *c,
			struct request_list *out)
{
	enum facil_quick action = (enum facil_quick)f->after_pin;

	f->after_pin = QUICK_MENU;
	presence_start(&f->present, clock_now_ms());
	act(f, c, action, out);
}

void facil_present_touch(struct facil *f)
{
	if (facil_menu_mode(f))
		presence_touch(&f->present, clock_now_ms());
}

static int64_t minutes_left(const struct facil *f, int64_t now)
{
	return (presence_left_ms(&f->present, now) + 59999) / 60000;
}

void facil_present_tick(struct facil *f, const struct facil_context *c, int64_t now)
{
	bool present = presence_active(&f->present, now);

	if (f->was_present && !present && facil_menu_mode(f)) {
		/* A menu left open locks itself with the time the facilitator chose. */
		f->changing_pin = false;
		facil_show(f, c, FACIL_NONE);
	}
	f->was_present = present;
	if (minutes_left(f, now) != f->shown_minutes) {
		f->shown_minutes = minutes_left(f, now);
		if (f->mode == FACIL_MENU)
			facil_show(f, c, FACIL_MENU);
	}
}

int64_t facil_present_deadline(const struct facil *f, int64_t now)
{
	int64_t left = presence_left_ms(&f->present, now), due;

	due = presence_deadline(&f->present, now);
	/* The menu's minutes change when the time left crosses a whole minute. */
	if (left > 0 && f->mode == FACIL_MENU && left % 60000)
		due = deadline_earliest(due, now + left % 60000);
	return due;
}

void facil_present_text(const struct facil *f, int64_t now, char *out, size_t size)
{
	char minutes[64];

	out[0] = '\0';
	if (!presence_active(&f->present, now))
		return;
	words_count(minutes, sizeof minutes, minutes_left(f, now), "more minute", "more minutes", 0);
	snprintf(out, size, "Unlocked for %s: no PIN until then, or until you press Lock.",
		 minutes);
}
