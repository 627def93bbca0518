/* Deadlines as every timer source gives them: a time in milliseconds on the caller's clock, or
 * -1 for none. */
#ifndef RJK_CORE_DEADLINE_H
#define RJK_CORE_DEADLINE_H

#include <stdint.h>

/* No deadline. */
#define DEADLINE_NONE ((int64_t)-1)

/* The earlier of two deadlines; DEADLINE_NONE (any negative value) gives way to the other, and
 * is the result only when both are none. */
int64_t deadline_earliest(int64_t a, int64_t b);

/* Milliseconds to wait from now_ms until due: -1 when due is none, 0 when it has passed, and
 * at most INT32_MAX. */
int deadline_wait_ms(int64_t due, int64_t now_ms);

#endif
