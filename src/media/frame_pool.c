/* The I420 pictures shared by libvlc's threads (writes or lends) and the main thread (reads). */
#include "media/frame_pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define NONE (-1)

struct buffer {
	uint8_t *memory;
	bool writing;     /* lent to the decoder, not shown yet */
	uint64_t lent_at; /* order of lending, to take back the oldest if the decoder never shows */
	int64_t time_ms;
};

/* A picture lent by libvlc, held while it is the newest or being read. Two slots are enough:
 * one for each. */
struct lent {
	void *picture; /* NULL: the slot is empty */
	void (*release)(void *picture);
	struct player_frame pixels; /* planes, pitches, size and aspect */
	int64_t time_ms;
};

struct frame_pool {
	pthread_mutex_t lock;
	pthread_cond_t released;
	bool lending; /* newest and reading index lent[], not buffers[] */
	struct lent lent[2];
	struct buffer buffers[FRAME_POOL_BUFFERS];
	int width, height;
	unsigned sar_num, sar_den;
	unsigned pitches[3], lines[3];
	size_t offsets[3];
	size_t size; /* of each buffer's mapping */
	int newest;  /* index shown last, or NONE */
	int reading; /* index borrowed by the main thread, or NONE */
	uint64_t serial;
	uint64_t lends;
	uint64_t shown;
};

struct frame_pool *frame_pool_new(void)
{
	struct frame_pool *pool = calloc(1, sizeof *pool);
	if (!pool)
		return NULL;
	pthread_mutex_init(&pool->lock, NULL);
	pthread_cond_init(&pool->released, NULL);
	pool->newest = NONE;
	pool->reading = NONE;
	pool->sar_num = pool->sar_den = 1;
	return pool;
}

static void free_buffers(struct frame_pool *pool)
{
	for (int i = 0; i < FRAME_POOL_BUFFERS; i++) {
		if (pool->buffers[i].memory)
			munmap(pool->buffers[i].memory, pool->size);
		pool->buffers[i] = (struct buffer){ 0 };
	}
	pool->newest = NONE;
	pool->width = pool->height = 0;
}

/* Empties slot i; its picture goes back with give_back() once the lock is let go. */
static struct lent take_lent(struct frame_pool *pool, int i)
{
	struct lent l = pool->lent[i];
	pool->lent[i] = (struct lent){ 0 };
	return l;
}

static void give_back(struct lent *l, int count)
{
	for (int i = 0; i < count; i++)
		if (l[i].picture)
			l[i].release(l[i].picture);
}

/* With the lock held and no reader: ends lending, taking both pictures out into back. */
static void stop_lending(struct frame_pool *pool, struct lent back[2])
{
	back[0] = take_lent(pool, 0);
	back[1] = take_lent(pool, 1);
	pool->lending = false;
	pool->newest = NONE;
}

void frame_pool_free(struct frame_pool *pool)
{
	if (!pool)
		return;
	struct lent back[2];
	stop_lending(pool, back);
	give_back(back, 2);
	free_buffers(pool);
	pthread_cond_destroy(&pool->released);
	pthread_mutex_destroy(&pool->lock);
	free(pool);
}

static void wait_for_reader(struct frame_pool *pool)
{
	while (pool->reading != NONE)
		pthread_cond_wait(&pool->released, &pool->lock);
}

bool frame_pool_setup(struct frame_pool *pool, int width, int height, unsigned sar_num,
		      unsigned sar_den, unsigned pitches[3], unsigned lines[3])
{
	struct lent back[2];
	pthread_mutex_lock(&pool->lock);
	wait_for_reader(pool);
	stop_lending(pool, back);
	free_buffers(pool);
	/* SDL's IYUV layout: the three planes back to back in one mapping, chroma pitch half the
	 * luma pitch. Pitches stay multiples of 32; libvlc copies min(its lines, ours), so exact
	 * line counts are safe. */
	pool->pitches[0] = ((unsigned)width + 63u) & ~63u;
	pool->pitches[1] = pool->pitches[2] = pool->pitches[0] / 2;
	pool->lines[0] = (unsigned)height;
	pool->lines[1] = pool->lines[2] = ((unsigned)height + 1) / 2;
	size_t total = 0;
	for (int i = 0; i < 3; i++) {
		pool->offsets[i] = total;
		total += (size_t)pool->pitches[i] * pool->lines[i];
		pitches[i] = pool->pitches[i];
		lines[i] = pool->lines[i];
	}
	/* Room for a decoder that writes a little past the last line. */
	total += (size_t)pool->pitches[0] * 32;
	/* Mapped, not malloc'ed: a format change or the end returns the pictures to the system
	 * at once instead of leaving megabytes in the decoder thread's malloc arena. */
	pool->size = total;
	bool ok = true;
	for (int i = 0; i < FRAME_POOL_BUFFERS && ok; i++) {
		void *m = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		pool->buffers[i].memory = m == MAP_FAILED ? NULL : m;
		ok = pool->buffers[i].memory != NULL;
		/* Black, so a picture the decoder leaves partly written never shows garbage. */
		if (ok) {
			memset(pool->buffers[i].memory, 16, pool->offsets[1]);
			memset(pool->buffers[i].memory + pool->offsets[1], 128, total - pool->offsets[1]);
		}
	}
	if (ok) {
		pool->width = width;
		pool->height = height;
		pool->sar_num = sar_num ? sar_num : 1;
		pool->sar_den = sar_den ? sar_den : 1;
	} else {
		free_buffers(pool);
	}
	pthread_mutex_unlock(&pool->lock);
	give_back(back, 2);
	return ok;
}

void frame_pool_reset(struct frame_pool *pool)
{
	struct lent back[2];
	pthread_mutex_lock(&pool->lock);
	wait_for_reader(pool);
	stop_lending(pool, back);
	free_buffers(pool);
	pthread_mutex_unlock(&pool->lock);
	give_back(back, 2);
}

/* A buffer that is neither the newest nor being read: a free one first, else the one lent
 * longest ago (the decoder dropped that picture without showing it). NONE when the reader
 * holds the only other buffer. */
static int pick_buffer(struct frame_pool *pool)
{
	int oldest = NONE;
	for (int i = 0; i < FRAME_POOL_BUFFERS; i++) {
		if (i == pool->newest || i == pool->reading)
			continue;
		if (!pool->buffers[i].writing)
			return i;
		if (oldest == NONE || pool->buffers[i].lent_at < pool->buffers[oldest].lent_at)
			oldest = i;
	}
	return oldest;
}

void *frame_pool_write(struct frame_pool *pool, void *planes[3])
{
	pthread_mutex_lock(&pool->lock);
	int i = NONE;
	while (pool->buffers[0].memory && (i = pick_buffer(pool)) == NONE)
		pthread_cond_wait(&pool->released, &pool->lock);
	if (i == NONE) {
		pthread_mutex_unlock(&pool->lock);
		/* No format set up: libvlc never locks before setup, so this is a programming error. */
		planes[0] = planes[1] = planes[2] = NULL;
		return NULL;
	}
	struct buffer *b = &pool->buffers[i];
	b->writing = true;
	b->lent_at = ++pool->lends;
	for (int k = 0; k < 3; k++)
		planes[k] = b->memory + pool->offsets[k];
	pthread_mutex_unlock(&pool->lock);
	return b;
}

/* With the lock held: picture i (a buffer, or a lent slot) is the newest; a repeat keeps the
 * serial and the count of pictures shown. */
static void make_newest(struct frame_pool *pool, int i, bool repeat)
{
	pool->newest = i;
	if (!repeat) {
		pool->serial++;
		pool->shown++;
	}
}

uint64_t frame_pool_show(struct frame_pool *pool, void *token, int64_t time_ms, bool repeat)
{
	pthread_mutex_lock(&pool->lock);
	int i = NONE;
	for (int k = 0; k < FRAME_POOL_BUFFERS; k++)
		if (token == &pool->buffers[k] && pool->buffers[k].writing)
			i = k;
	if (i != NONE) {
		pool->buffers[i].writing = false;
		pool->buffers[i].time_ms = time_ms;
		make_newest(pool, i, repeat);
	}
	uint64_t serial = pool->serial;
	pthread_mutex_unlock(&pool->lock);
	return serial;
}

uint64_t frame_pool_lend(struct frame_pool *pool, const struct player_frame *pixels,
			 void (*release)(void *picture), void *picture, int64_t time_ms, bool repeat)
{
	struct lent back = { 0 };
	pthread_mutex_lock(&pool->lock);
	if (!pool->lending) {
		wait_for_reader(pool);
		free_buffers(pool);
		pool->lending = true;
	}
	/* libvlc showing the newest again (it repaints the last picture when no new one comes)
	 * is a repeat whatever the clock says: the pool still holds it, so it cannot be another. */
	if (pool->newest != NONE && pool->lent[pool->newest].picture == picture)
		repeat = true;
	/* The newest's slot, unless the reader has it: then the other, which is empty. */
	int i = pool->newest == NONE ? 0 : pool->newest;
	if (i == pool->reading)
		i = 1 - i;
	else
		back = take_lent(pool, i);
	pool->lent[i] = (struct lent){ picture, release, *pixels, time_ms };
	make_newest(pool, i, repeat);
	uint64_t serial = pool->serial;
	pthread_mutex_unlock(&pool->lock);
	give_back(&back, 1);
	return serial;
}

bool frame_pool_acquire(struct frame_pool *pool, uint64_t seen_serial, struct player_frame *out)
{
	pthread_mutex_lock(&pool->lock);
	bool fresh = pool->newest != NONE && pool->serial != seen_serial && pool->reading == NONE;
	if (fresh && pool->lending) {
		pool->reading = pool->newest;
		*out = pool->lent[pool->newest].pixels;
		out->serial = pool->serial;
		out->time_ms = pool->lent[pool->newest].time_ms;
	} else if (fresh) {
		const struct buffer *b = &pool->buffers[pool->newest];
		pool->reading = pool->newest;
		for (int k = 0; k < 3; k++) {
			out->planes[k] = b->memory + pool->offsets[k];
			out->pitches[k] = (int)pool->pitches[k];
		}
		out->width = pool->width;
		out->height = pool->height;
		out->sar_num = pool->sar_num;
		out->sar_den = pool->sar_den;
		out->serial = pool->serial;
		out->time_ms = b->time_ms;
	}
	pthread_mutex_unlock(&pool->lock);
	return fresh;
}

void frame_pool_release(struct frame_pool *pool)
{
	struct lent back = { 0 };
	pthread_mutex_lock(&pool->lock);
	if (pool->lending && pool->reading != NONE && pool->reading != pool->newest)
		back = take_lent(pool, pool->reading);
	pool->reading = NONE;
	pthread_cond_broadcast(&pool->released);
	pthread_mutex_unlock(&pool->lock);
	give_back(&back, 1);
}

uint64_t frame_pool_serial(struct frame_pool *pool)
{
	pthread_mutex_lock(&pool->lock);
	uint64_t serial = pool->newest == NONE ? 0 : pool->serial;
	pthread_mutex_unlock(&pool->lock);
	return serial;
}

int64_t frame_pool_time(struct frame_pool *pool)
{
	pthread_mutex_lock(&pool->lock);
	int64_t t = pool->newest == NONE ? -1
		    : pool->lending  ? pool->lent[pool->newest].time_ms
				     : pool->buffers[pool->newest].time_ms;
	pthread_mutex_unlock(&pool->lock);
	return t;
}

uint64_t frame_pool_shown(struct frame_pool *pool)
{
	pthread_mutex_lock(&pool->lock);
	uint64_t n = pool->shown;
	pthread_mutex_unlock(&pool->lock);
	return n;
}
