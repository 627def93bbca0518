/* The player_* calls: each forwards to the implementation's table of operations. */
#include "media/player.h"

#include <stddef.h>

void player_free(struct player *p)
{
	if (p)
		p->ops->free(p);
}

bool player_open(struct player *p, const char *path, struct rjk_error *err)
{
	return p->ops->open(p, path, err);
}

void player_close(struct player *p)
{
	p->ops->close(p);
}

void player_play(struct player *p)
{
	p->ops->play(p);
}

void player_pause(struct player *p)
{
	p->ops->pause(p);
}

void player_fit_to(struct player *p, int width, int height)
{
	if (p->ops->fit_to)
		p->ops->fit_to(p, width > 0 ? width : 0, height > 0 ? height : 0);
}

void player_seek(struct player *p, int64_t ms)
{
	p->ops->seek(p, ms);
}

void player_pause_at(struct player *p, int64_t ms)
{
	p->ops->pause_at(p, ms);
}

void player_set_volume(struct player *p, int volume)
{
	p->ops->set_volume(p, volume < 0 ? 0 : volume > 100 ? 100 : volume);
}

unsigned player_update(struct player *p)
{
	return p->ops->update(p);
}

int player_timeout_ms(struct player *p)
{
	return p->ops->timeout_ms(p);
}

enum player_state player_state(struct player *p)
{
	return p->ops->state(p);
}

int64_t player_length_ms(struct player *p)
{
	return p->ops->length_ms(p);
}

int64_t player_time_ms(struct player *p)
{
	return p->ops->time_ms(p);
}

bool player_frame_acquire(struct player *p, uint64_t seen_serial, struct player_frame *out)
{
	return p->ops->frame_acquire(p, seen_serial, out);
}

void player_frame_release(struct player *p)
{
	p->ops->frame_release(p);
}

const char *player_error(struct player *p)
{
	return p->ops->error(p);
}

const char *player_state_name(enum player_state state)
{
	static const char *const names[] = {
		[PLAYER_IDLE] = "idle",       [PLAYER_OPENING] = "opening",
		[PLAYER_PLAYING] = "playing", [PLAYER_PAUSED] = "paused",
		[PLAYER_ENDED] = "ended",     [PLAYER_ERROR] = "error",
	};
	if ((unsigned)state < sizeof names / sizeof names[0])
		return names[state];
	return "unknown";
}
