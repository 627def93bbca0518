/* The facilitator's presence: after the PIN the menu and the quick keys work without it for a
 * set time, counted from the facilitator's last action, until it runs out or they lock. Pure
 * timing on the caller's clock, so it can be tested without waiting. */
#ifndef RJK_CORE_PRESENCE_H
#define RJK_CORE_PRESENCE_H

#include <stdbool.h>
#include <stdint.h>

struct presence {
	int64_t span_ms;    /* how long an action keeps the facilitator present; 0: off */
	int64_t until_ms;   /* present before this time; -1 when not present */
};

/* Not present, with span_ms (0: never present beyond the PIN pad's own page). */
void presence_init(struct presence *p, int64_t span_ms);

/* Changes the span; a facilitator present now stays so for span_ms from now (or leaves at
 * once when the span is 0). */
void presence_set_span(struct presence *p, int64_t span_ms, int64_t now_ms);

/* The right PIN was entered: present for the span from now (not at all when it is 0). */
void presence_start(struct presence *p, int64_t now_ms);

/* A facilitator action while present: the span starts again from now. No effect when not
 * present (an action never makes anyone present: only the PIN does). */
void presence_touch(struct presence *p, int64_t now_ms);

/* The facilitator pressed Lock: not present any more. */
void presence_lock(struct presence *p);

/* True while the facilitator is present. */
bool presence_active(const struct presence *p, int64_t now_ms);

/* Milliseconds left while present, 0 when not. */
int64_t presence_left_ms(const struct presence *p, int64_t now_ms);

/* When presence runs out (a deadline for core/deadline.h), or DEADLINE_NONE when not present. */
int64_t presence_deadline(const struct presence *p, int64_t now_ms);

#endif
