/* The inactivity timer's arithmetic (see inactivity.h). */
#include "core/inactivity.h"

void inactivity_init(struct inactivity *in, int64_t quiet_ms)
{
	in->quiet_ms = quiet_ms > 0 ? quiet_ms : 0;
	in->warn_ms = INACTIVITY_WARN_MS;
	in->last = 0;
	in->watching = false;
}

void inactivity_set_quiet(struct inactivity *in, int64_t quiet_ms, int64_t now_ms)
{
	in->quiet_ms = quiet_ms > 0 ? quiet_ms : 0;
	in->last = now_ms;
}

void inactivity_watch(struct inactivity *in, bool watching, int64_t now_ms)
{
	if (watching && !in->watching)
		in->last = now_ms;
	in->watching = watching;
}

void inactivity_touch(struct inactivity *in, int64_t now_ms)
{
	in->last = now_ms;
}

enum inactivity_state inactivity_state(const struct inactivity *in, int64_t now_ms)
{
	int64_t quiet = now_ms - in->last;

	if (!in->watching || in->quiet_ms <= 0)
		return INACTIVITY_OFF;
	if (quiet < in->quiet_ms)
		return INACTIVITY_ACTIVE;
	if (quiet < in->quiet_ms + in->warn_ms)
		return INACTIVITY_WARNING;
	return INACTIVITY_EXPIRED;
}

int64_t inactivity_warning_left(const struct inactivity *in, int64_t now_ms)
{
	int64_t left = in->last + in->quiet_ms + in->warn_ms - now_ms;

	if (left < 0)
		return 0;
	return left > in->warn_ms ? in->warn_ms : left;
}

int64_t inactivity_deadline(const struct inactivity *in, int64_t now_ms)
{
	switch (inactivity_state(in, now_ms)) {
	case INACTIVITY_ACTIVE:
		return in->last + in->quiet_ms;
	case INACTIVITY_WARNING: {
		/* The warning counts down whole seconds: wake when the next one starts. */
		int64_t left = inactivity_warning_left(in, now_ms);

		return now_ms + (left % 1000 ? left % 1000 : 1000);
	}
	case INACTIVITY_EXPIRED:
		return now_ms;
	case INACTIVITY_OFF:
		break;
	}
	return -1;
}
