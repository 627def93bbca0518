/* The facilitator's presence: a span counted from the last action (see presence.h). */
#include "core/presence.h"

#include "core/deadline.h"

void presence_init(struct presence *p, int64_t span_ms)
{
	p->span_ms = span_ms > 0 ? span_ms : 0;
	p->until_ms = -1;
}

void presence_set_span(struct presence *p, int64_t span_ms, int64_t now_ms)
{
	bool was = presence_active(p, now_ms);

	p->span_ms = span_ms > 0 ? span_ms : 0;
	p->until_ms = -1;
	if (was)
		presence_start(p, now_ms);
}

void presence_start(struct presence *p, int64_t now_ms)
{
	p->until_ms = p->span_ms > 0 ? now_ms + p->span_ms : -1;
}

void presence_touch(struct presence *p, int64_t now_ms)
{
	if (presence_active(p, now_ms))
		presence_start(p, now_ms);
}

void presence_lock(struct presence *p)
{
	p->until_ms = -1;
}

bool presence_active(const struct presence *p, int64_t now_ms)
{
	return p->until_ms >= 0 && now_ms < p->until_ms;
}

int64_t presence_left_ms(const struct presence *p, int64_t now_ms)
{
	return presence_active(p, now_ms) ? p->until_ms - now_ms : 0;
}

int64_t presence_deadline(const struct presence *p, int64_t now_ms)
{
	return presence_active(p, now_ms) ? p->until_ms : DEADLINE_NONE;
}
