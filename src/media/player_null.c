/* The null player: opens nothing and shows nothing, for runs without video. */
#include "media/player.h"

#include <stdlib.h>

static bool null_open(struct player *p, const char *path, struct rjk_error *err)
{
	return rjk_error_set(err, "no video: this kiosk was started without video playback");
}

static void null_nothing(struct player *p)
{
}

static void null_at(struct player *p, int64_t ms)
{
}

static void null_volume(struct player *p, int volume)
{
}

static unsigned null_update(struct player *p)
{
	return 0;
}

static int null_timeout(struct player *p)
{
	return -1;
}

static enum player_state null_state(struct player *p)
{
	return PLAYER_IDLE;
}

static int64_t null_zero(struct player *p)
{
	return 0;
}

static bool null_acquire(struct player *p, uint64_t seen_serial, struct player_frame *out)
{
	return false;
}

static const char *null_error(struct player *p)
{
	return "";
}

static void null_free(struct player *p)
{
	free(p);
}

static const struct player_ops null_ops = {
	.name = "null",
	.open = null_open,
	.close = null_nothing,
	.play = null_nothing,
	.pause = null_nothing,
	.seek = null_at,
	.pause_at = null_at,
	.set_volume = null_volume,
	.update = null_update,
	.timeout_ms = null_timeout,
	.state = null_state,
	.length_ms = null_zero,
	.time_ms = null_zero,
	.frame_acquire = null_acquire,
	.frame_release = null_nothing,
	.error = null_error,
	.free = null_free,
};

struct player *player_null_new(void)
{
	struct player *p = malloc(sizeof *p);
	if (p)
		p->ops = &null_ops;
	return p;
}
