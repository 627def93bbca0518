/* Seeking while paused, made when libvlc is ready for it and checked.
 *
 * Paused, libvlc's decoder makes one picture after a seek and waits. When it is still busy as
 * the seek comes (just paused, or still working on the seek before), that one picture can be
 * the one it was finishing, from before the seek (libvlc could not time it: PICTURE_STALE), or
 * the point's picture comes before libvlc's output has paused and is dropped as late; either
 * way the point's picture never shows and the old one stays, labelled with the new time. Once
 * the output repaints its last picture (it does when nothing new came for 80 ms) the decoder
 * has stopped. So a seek while paused is given to libvlc when the output is still, or after
 * SETTLE_MS; a newer seek replaces one still waiting (a drag along the bar); and a seek that
 * shows a stale picture, or none within SETTLE_MS, is made again, twice at most. Through
 * libvlc's own memory output (PICTURE_UNKNOWN) only the waiting applies. */
#include "media/vlc_player.h"
#include "media/vlc_lazy.h"

/* How long libvlc's output may take to be still, and a seek to show a picture. */
#define SETTLE_MS 250
#define SEEKS_AGAIN 2

static void settle_in(struct vlc_player *vp)
{
	vp->settle_us = vlc_now_us() + SETTLE_MS * 1000;
}

void vlc_paused_seek(struct vlc_player *vp, int64_t ms)
{
	vlc_player_anchor(vp, ms, false);
	if (vp->seek_wanted == NO_TIME)
		settle_in(vp);
	vp->seek_wanted = ms;
	vp->seeks_again = 0;
}

static void make(struct vlc_player *vp)
{
	int64_t ms = vp->seek_wanted;
	vp->seek_wanted = NO_TIME;
	vlc_player_anchor(vp, ms, false); /* pictures count as new for a while again */
	pthread_mutex_lock(&vp->sh.lock);
	vp->sh.still = vp->sh.seek_shown = false;
	pthread_mutex_unlock(&vp->sh.lock);
	settle_in(vp);
	libvlc_media_player_set_time(vp->mp, ms);
}

void vlc_paused_seek_settle(struct vlc_player *vp, unsigned events)
{
	if (!vp->settle_us)
		return;
	pthread_mutex_lock(&vp->sh.lock);
	bool still = vp->sh.still, shown = vp->sh.seek_shown;
	pthread_mutex_unlock(&vp->sh.lock);
	bool late = vlc_now_us() >= vp->settle_us;
	if (vp->seek_wanted != NO_TIME) {
		if (still || late)
			make(vp);
		return;
	}
	if (shown || vp->seeks_again >= SEEKS_AGAIN) {
		vp->settle_us = 0;
		return;
	}
	if (!(events & EV_STALE) && !late)
		return;
	vp->seeks_again++;
	vlc_player_say(vp, PLAYER_LOG_DEBUG, "no picture from the seek to %lld ms showed; seeking "
		       "there again", (long long)vp->paused_ms);
	vp->seek_wanted = vp->paused_ms;
	settle_in(vp);
}

int64_t vlc_paused_seek_unmade(struct vlc_player *vp)
{
	int64_t ms = vp->seek_wanted;
	vp->seek_wanted = NO_TIME;
	vp->settle_us = 0;
	vp->seeks_again = 0;
	return ms;
}
