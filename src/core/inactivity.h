/* When a quiet kiosk warns the trainee and then gives up on them: pure timing, driven by the
 * caller's clock, so it can be tested without waiting. */
#ifndef RJK_CORE_INACTIVITY_H
#define RJK_CORE_INACTIVITY_H

#include <stdbool.h>
#include <stdint.h>

/* How long the "are you still there?" warning stays before the kiosk resets (WCAG 2.2.1 asks
 * for at least 20 s). */
#define INACTIVITY_WARN_MS 30000

enum inactivity_state {
	INACTIVITY_OFF,     /* not watching (timeout off, or a screen where it does not apply) */
	INACTIVITY_ACTIVE,  /* someone used the kiosk recently */
	INACTIVITY_WARNING, /* the warning is on screen */
	INACTIVITY_EXPIRED, /* time is up: save the draft and go back to the start */
};

struct inactivity {
	int64_t quiet_ms;   /* quiet time before the warning; 0 is off */
	int64_t warn_ms;    /* length of the warning */
	int64_t last;       /* time of the last input */
	bool watching;
};

/* Starts off, with the given quiet time (0: never) and INACTIVITY_WARN_MS of warning. */
void inactivity_init(struct inactivity *in, int64_t quiet_ms);

/* Changes the quiet time, counting from now. */
void inactivity_set_quiet(struct inactivity *in, int64_t quiet_ms, int64_t now_ms);

/* Starts or stops watching (a trainee screen is shown, or not); starting counts from now. */
void inactivity_watch(struct inactivity *in, bool watching, int64_t now_ms);

/* The trainee did something: the quiet time starts again and any warning goes. */
void inactivity_touch(struct inactivity *in, int64_t now_ms);

enum inactivity_state inactivity_state(const struct inactivity *in, int64_t now_ms);

/* Milliseconds left on the warning (0 when over); meaningful in INACTIVITY_WARNING. */
int64_t inactivity_warning_left(const struct inactivity *in, int64_t now_ms);

/* When the state next changes (or the warning's seconds tick), or -1 for never. */
int64_t inactivity_deadline(const struct inactivity *in, int64_t now_ms);

#endif
