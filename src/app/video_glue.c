/* The interview video in the running kiosk: player, picture, captions, watch limit and cues,
 * driven from the event loop on the main thread. */
#include "app/video_glue.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/clock.h"
#include "core/captions.h"
#include "core/deadline.h"
#include "core/log_limit.h"
#include "core/watch_limit.h"
#include "media/audio_probe.h"
#include "media/player.h"
#include "ui/page.h"
#include "ui/screen_video.h"

#define CONTROLS_MS 3000    /* the controls fade this long after the last input while playing */
#define FADE_MS 600         /* and take this long to fade out */
#define FADE_STEP_MS 33     /* redraw this often while fading, even between pictures */
#define NOTICE_MS 3000
#define PROGRESS_SAVE_MS 5000
#define JUMP_MS 10000
#define RESUME_BEFORE_MS 2000 /* a resumed video starts this much before where it stopped */

struct video_glue {
	/* borrowed for the glue's life: the kiosk frees the glue before any of them goes */
	struct ui *ui;
	const struct scenario *scenario;
	const struct session *session;
	struct store *store;

	struct player *player;
	struct video_view *view;
	struct captions *captions;
	struct watch_limit limit;
	struct screen_video_state shown;
	Uint32 wake_event;
	atomic_bool wake_pending;

	bool started;          /* the player was opened for the video screen */
	bool suspended;        /* paused while another screen (a message) shows */
	bool in_cue;           /* paused on a cue; the cue step is on screen */
	bool user_paused;
	bool finished;         /* played to the end once: all of it is watched */
	bool want_play;
	size_t cue;            /* index of the armed cue in scenario->video->cues */
	bool cue_armed;
	unsigned long frames;
	int64_t controls_until, notice_until, saved_at;
	int64_t caption_from, caption_until; /* the caption text is right within [from, until) */
	char error[RJK_ERROR_MAX + 64];
	char notice[160];
	char caption[1024];
	bool no_sound;         /* no sound device at start: the video plays silently */
	bool prepared;         /* libvlc started (or failed to): see prepare() */
	struct video_glue_setup setup;
	SDL_mutex *log_lock;   /* the log function runs on libvlc's threads */
	struct log_limit logged;
};

static void wake(void *data)
{
	struct video_glue *g = data;

	/* One pending wake-up is enough: the loop reads everything the player has at once. */
	if (atomic_exchange(&g->wake_pending, true))
		return;
	SDL_Event ev = {.type = g->wake_event};
	SDL_PushEvent(&ev);
}

/* libvlc's errors on standard error, each distinct line at most once a minute and a few a
 * minute in all: a failure that repeats (a missing sound device, a damaged stretch of the
 * file) would otherwise fill the journal. */
static void log_line(void *data, enum player_log_level level, const char *line)
{
	struct video_glue *g = data;
	unsigned held = 0;

	if (level < PLAYER_LOG_ERROR)
		return;
	if (g->log_lock)
		SDL_LockMutex(g->log_lock);
	/* SDL_GetTicks64 starts at 0; the limit wants a clock above 0. */
	bool pass = log_limit_pass(&g->logged, line, (int64_t)SDL_GetTicks64() + 1, &held);
	if (g->log_lock)
		SDL_UnlockMutex(g->log_lock);
	if (!pass)
		return;
	if (held)
		fprintf(stderr, "rjkiosk: video: (%u repeated messages not shown)\n", held);
	fprintf(stderr, "rjkiosk: video: %s\n", line);
}

/* Without a sound device libvlc's ALSA output retries many times a second and ALSA prints
 * every failure: ask at each session's start (a speaker plugged in between sessions is used),
 * and play silently instead. Standard error says it once while it lasts; the store's event log
 * names each session without sound; the facilitator's settings page says it too. */
static bool sound_device_missing(const struct video_glue_setup *set)
{
	struct rjk_error why = {{0}}, err = {{0}};

	if (set->silent)
		return false;
	if (audio_probe(&why)) {
		*set->no_sound_said = false;
		return false;
	}
	if (!*set->no_sound_said)
		fprintf(stderr, "rjkiosk: %s: the video plays without sound\n", why.message);
	*set->no_sound_said = true;
	if (set->store && !store_log_event(set->store, "no-sound",
					   session_store_id(set->session), why.message, &err))
		fprintf(stderr, "rjkiosk: video: not recorded in the event log: %s\n", err.message);
	return true;
}

/* A video that cannot be played: the error page, standard error, and the store's event log
 * (so the facilitator can tell afterwards which session ran without its video, and why). */
static void set_error(struct video_glue *g, const char *why)
{
	struct rjk_error err = {{0}};

	snprintf(g->error, sizeof g->error, "%s", why);
	/* Through the log: a reason the player has just logged itself is not printed twice. */
	log_line(g, PLAYER_LOG_ERROR, why);
	if (g->store && !store_log_event(g->store, "video-error", session_store_id(g->session),
					 why, &err))
		fprintf(stderr, "rjkiosk: video: not recorded in the event log: %s\n", err.message);
	player_close(g->player);
	ui_invalidate(g->ui);
}

static void load_captions(struct video_glue *g)
{
	const char *path = g->scenario->video->captions_path;
	struct rjk_diags warnings = {0};
	struct rjk_error err = {{0}};

	if (!path)
		return;
	g->captions = captions_load(path, &warnings, &err);
	for (size_t i = 0; i < warnings.count; i++)
		fprintf(stderr, "rjkiosk: captions: %s\n", warnings.items[i]);
	rjk_diags_release(&warnings);
	/* A bad caption file never stops the video: it plays without captions. */
	if (!g->captions)
		fprintf(stderr, "rjkiosk: captions: %s\n", err.message);
	g->shown.has_captions = g->captions && g->captions->count;
}

struct video_glue *video_glue_new(const struct video_glue_setup *set)
{
	struct video_glue *g = calloc(1, sizeof *g);

	if (!g || !(g->view = video_view_new(set->ren))) {
		free(g);
		return NULL;
	}
	/* Until prepare() the null player stands in: every call on it is safe. */
	if (!(g->player = player_null_new())) {
		video_view_free(g->view);
		free(g);
		return NULL;
	}
	g->setup = *set;
	g->ui = set->ui;
	g->scenario = set->scenario;
	g->session = set->session;
	g->store = set->store;
	g->wake_event = SDL_RegisterEvents(1);
	g->log_lock = SDL_CreateMutex();
	log_limit_init(&g->logged);
	watch_limit_init(&g->limit, g->scenario->video->skip_ahead);
	load_captions(g);
	g->shown.view = g->view;
	g->shown.error = g->error;
	g->shown.notice = g->notice;
	g->shown.caption = g->caption;
	g->shown.captions_on = set->captions;
	g->shown.volume = set->volume;
	screen_video_attach(g->ui, &g->shown);
	return g;
}

/* Checks the sound device and starts libvlc. Not done by video_glue_new: loading libvlc and
 * its plugins costs tens of ms the kiosk's first frame need not wait for. The loop comes here
 * right after that frame (see video_glue_deadline), or earlier when the video starts. */
static void prepare(struct video_glue *g)
{
	const struct video_glue_setup *set = &g->setup;
	struct rjk_error err = {{0}};
	int volume = set->volume;
	struct player *vlc;

	if (g->prepared)
		return;
	g->prepared = true;
	g->no_sound = sound_device_missing(set);
	struct player_options opts = {
		.silent = set->silent || g->no_sound,
		.volume = volume > 0 ? volume : 100,
		.wake = wake,
		.wake_data = g,
		.log = log_line,
		.log_data = g,
	};

	vlc = player_vlc_new(&opts, &err);
	if (!vlc) {
		snprintf(g->error, sizeof g->error, "the video player could not start (%s)",
			 err.message);
		fprintf(stderr, "rjkiosk: %s\n", g->error);
		ui_invalidate(g->ui);
		return;       /* the null player stays */
	}
	player_free(g->player);
	g->player = vlc;
	if (!g->shown.volume)
		player_set_volume(g->player, 0);
}

void video_glue_free(struct video_glue *g)
{
	if (!g)
		return;
	screen_video_attach(g->ui, NULL);
	player_free(g->player);
	SDL_DestroyMutex(g->log_lock);
	video_view_free(g->view);
	captions_free(g->captions);
	free(g);
}

/* Arms the first cue at or after from_ms whose step has not been answered yet. */
static void arm_cue(struct video_glue *g, int64_t from_ms)
{
	const struct scenario_video *v = g->scenario->video;

	g->cue_armed = false;
	for (size_t i = 0; i < v->cue_count; i++) {
		if (v->cues[i].at_ms < from_ms || session_cue_done(g->session, v->cues[i].step))
			continue;
		g->cue = i;
		g->cue_armed = true;
		player_pause_at(g->player, v->cues[i].at_ms);
		return;
	}
	player_pause_at(g->player, -1);
}

static void show_controls(struct video_glue *g)
{
	g->controls_until = clock_now_ms() + CONTROLS_MS;
	if (!g->shown.controls || g->shown.controls_alpha != 255)
		ui_invalidate(g->ui);
	g->shown.controls = true;
	g->shown.controls_alpha = 255;
}

static void start(struct video_glue *g)
{
	struct rjk_error err = {{0}};
	/* Back from the first step comes back to where the trainee had watched to: after the
	 * whole video, held paused a moment before its end (playing on goes to the steps
	 * again; Restart or the bar go back further). */
	int64_t resume = session_video_resume_ms(g->session);
	int64_t from = resume > RESUME_BEFORE_MS ? resume - RESUME_BEFORE_MS : 0;

	prepare(g);
	g->started = true;
	g->frames = 0;
	g->in_cue = g->suspended = g->user_paused = false;
	g->caption_from = g->caption_until = 0;
	g->caption[0] = '\0';
	video_view_clear(g->view);
	if (g->error[0])
		return;
	video_view_fit_player(g->view, g->player);
	if (!player_open(g->player, g->scenario->video->path, &err)) {
		set_error(g, err.message);
		return;
	}
	if (resume > g->limit.furthest_ms)
		g->limit.furthest_ms = resume;
	if (from)
		player_seek(g->player, from);
	arm_cue(g, from);
	if (g->finished) {
		player_pause_at(g->player, from);
		g->user_paused = true;
	}
	player_play(g->player);
	g->saved_at = clock_now_ms();
	show_controls(g);
}

static void stop(struct video_glue *g)
{
	g->started = g->in_cue = g->suspended = false;
	player_close(g->player);
	video_view_clear(g->view);
}

static void update_captions(struct video_glue *g, int64_t t)
{
	const struct caption_cue *cues[4];
	size_t n, used = 0;

	if (!g->captions || (t >= g->caption_from && (g->caption_until < 0 || t < g->caption_until)))
		return;
	n = captions_at(g->captions, t, cues, 4);
	g->caption[0] = '\0';
	for (size_t i = 0; i < n && i < 4 && used < sizeof g->caption; i++)
		used += (size_t)snprintf(g->caption + used, sizeof g->caption - used, "%s%s",
					 used ? "\n" : "", cues[i]->text);
	g->caption_from = t;
	g->caption_until = captions_next_change(g->captions, t);
	if (g->shown.captions_on)
		ui_invalidate(g->ui);
}

static void ended(struct video_glue *g, struct request_list *out)
{
	if (!g->frames || player_length_ms(g->player) <= 0) {
		set_error(g, "the file ended before any picture could be shown: it is damaged "
			  "or in a format this kiosk cannot play");
		return;
	}
	watch_limit_finish(&g->limit, player_length_ms(g->player));
	g->finished = true;
	request_add(out, (struct request){.kind = REQUEST_VIDEO_PROGRESS,
					  .ms = player_length_ms(g->player)});
	stop(g);
	request_add(out, (struct request){.kind = REQUEST_VIDEO_DONE});
	ui_invalidate(g->ui);
}

/* Reads what the player reported and reacts: pictures, time, captions, cues, the end. */
static void update(struct video_glue *g, struct request_list *out)
{
	unsigned bits = player_update(g->player);
	enum player_state state = player_state(g->player);
	int64_t now = clock_now_ms(), t = player_time_ms(g->player);
	bool playing = state == PLAYER_PLAYING;

	if ((bits & PLAYER_CHANGED_FRAME) && video_view_update(g->view, g->player)) {
		g->frames++;
		ui_invalidate(g->ui);
	}
	if (playing)
		watch_limit_observe(&g->limit, t, now);
	if (playing != g->shown.playing || t / 1000 != g->shown.time_ms / 1000)
		ui_invalidate(g->ui);
	g->shown.playing = playing;
	g->shown.time_ms = t;
	g->shown.length_ms = player_length_ms(g->player);
	g->shown.watched_ms = g->limit.skip_ahead ? g->shown.length_ms : g->limit.furthest_ms;
	update_captions(g, t);
	if (now - g->saved_at >= PROGRESS_SAVE_MS) {
		g->saved_at = now;
		request_add(out, (struct request){.kind = REQUEST_VIDEO_PROGRESS,
						  .ms = g->limit.furthest_ms});
	}
	if (state == PLAYER_ERROR) {
		set_error(g, player_error(g->player));
	} else if (state == PLAYER_ENDED) {
		ended(g, out);
	} else if (state == PLAYER_PAUSED && g->cue_armed && !g->user_paused &&
		   t >= g->scenario->video->cues[g->cue].at_ms - 200) {
		const struct video_cue *cue = &g->scenario->video->cues[g->cue];

		g->cue_armed = false;
		g->in_cue = true;
		/* The picture held may be a few milliseconds before the cue (the one shown when
		 * the cue fell due); the question is asked at the author's point, not before it. */
		request_add(out, (struct request){.kind = REQUEST_VIDEO_CUE,
						  .ms = t > cue->at_ms ? t : cue->at_ms,
						  .step = cue->step});
		ui_invalidate(g->ui);
	}
}

bool video_glue_event(struct video_glue *g, const SDL_Event *ev, struct request_list *out)
{
	if (ev->type == g->wake_event) {
		atomic_store(&g->wake_pending, false);
		if (g->started)
			update(g, out);
		return true;
	}
	if (session_screen(g->session) == SESSION_VIDEO &&
	    (ev->type == SDL_KEYDOWN || ev->type == SDL_MOUSEMOTION ||
	     ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_FINGERDOWN ||
	     ev->type == SDL_FINGERMOTION))
		show_controls(g);
	return false;
}

static void notice(struct video_glue *g, const char *text)
{
	snprintf(g->notice, sizeof g->notice, "%s", text);
	g->notice_until = clock_now_ms() + NOTICE_MS;
	ui_invalidate(g->ui);
}

static void seek(struct video_glue *g, int64_t ms)
{
	if (ms < 0)
		ms = 0;
	player_seek(g->player, ms);
	arm_cue(g, ms);
	g->shown.time_ms = ms;
	g->caption_from = g->caption_until = 0;
	update_captions(g, ms);
}

/* A move forward (or anywhere) as far as the watch limit allows: past the watched part the
 * trainee is told why and taken to its end, unless that gains no more than min_gain_ms over
 * the picture now at now_at (already at the end of the watched part). */
static void seek_limited(struct video_glue *g, int64_t target, int64_t now_at,
			 int64_t min_gain_ms)
{
	if (!watch_limit_allows(&g->limit, target)) {
		notice(g, "You can't skip ahead: please watch the video through first.");
		target = watch_limit_clamp(&g->limit, target);
		if (target <= now_at + min_gain_ms)
			return;
	}
	seek(g, target);
}

void video_glue_apply(struct video_glue *g, struct ui_action a, struct request_list *out)
{
	int64_t t = player_time_ms(g->player);

	show_controls(g);
	switch (a.kind) {
	case UI_VIDEO_PLAY:
		if (player_state(g->player) == PLAYER_PLAYING) {
			g->user_paused = true;
			player_pause(g->player);
		} else {
			g->user_paused = false;
			player_play(g->player);
		}
		break;
	case UI_VIDEO_BACK:
		seek(g, t - JUMP_MS);
		break;
	case UI_VIDEO_FORWARD:
		seek_limited(g, t + JUMP_MS, t, 500);
		break;
	case UI_VIDEO_SEEK:
		/* A release that lands after a cue step or the facilitator's page came up (or
		 * the video stopped) must not move the video behind them. */
		if (!g->started || g->in_cue || g->error[0] || ui_page(g->ui) ||
		    session_screen(g->session) != SESSION_VIDEO)
			break;
		/* The bar points exactly: any gain is worth the seek. */
		seek_limited(g, a.arg, t, 0);
		break;
	case UI_VIDEO_RESTART:
		seek(g, 0);
		break;
	case UI_VIDEO_CAPTIONS:
		g->shown.captions_on = !g->shown.captions_on;
		break;
	case UI_VIDEO_VOLUME:
		g->shown.volume += a.arg;
		g->shown.volume = g->shown.volume < 0 ? 0 : g->shown.volume > 100 ? 100 :
			g->shown.volume;
		player_set_volume(g->player, g->shown.volume);
		break;
	case UI_VIDEO_SKIP:
		stop(g);
		request_add(out, (struct request){.kind = REQUEST_VIDEO_FAILED});
		break;
	default:
		break;
	}
	ui_invalidate(g->ui);
}

void video_glue_sync(struct video_glue *g, struct request_list *out)
{
	enum session_screen screen = session_screen(g->session);
	int64_t now = clock_now_ms();

	prepare(g);
	if (screen == SESSION_VIDEO && ui_page(g->ui)) {
		/* The facilitator's PIN pad, menu or blank screen covers the video: hold it until
		 * the facilitator goes back to the kiosk. */
		if (g->started && !g->suspended && !g->in_cue)
			player_pause(g->player);
		g->suspended = g->started && !g->in_cue;
	} else if (screen == SESSION_VIDEO) {
		if (!g->started) {
			start(g);
		} else if (g->in_cue || g->suspended) {
			/* Back from the cue's question (or a message): play on to the next cue. */
			if (g->in_cue)
				arm_cue(g, player_time_ms(g->player) + 1);
			g->in_cue = g->suspended = false;
			if (!g->user_paused)
				player_play(g->player);
		}
	} else if (g->started && !session_in_cue(g->session)) {
		if (screen == SESSION_MESSAGE) {
			if (!g->suspended)
				player_pause(g->player);
			g->suspended = true;
		} else {
			stop(g);
		}
	}
	if (g->started && screen == SESSION_VIDEO && !g->error[0])
		update(g, out);
	if (g->shown.controls && !g->shown.playing && g->shown.controls_alpha != 255) {
		g->controls_until = now + CONTROLS_MS;
		g->shown.controls_alpha = 255;
		ui_invalidate(g->ui);
	} else if (g->shown.controls && g->shown.playing && now >= g->controls_until) {
		int64_t faded = now - g->controls_until;

		g->shown.controls = faded < FADE_MS;
		g->shown.controls_alpha = (int)(255 * (FADE_MS - faded) / FADE_MS);
		ui_invalidate(g->ui);
	}
	if (g->notice[0] && now >= g->notice_until) {
		g->notice[0] = '\0';
		ui_invalidate(g->ui);
	}
}

int64_t video_glue_deadline(const struct video_glue *g, int64_t now)
{
	int64_t due = DEADLINE_NONE;
	int t;

	if (!g->prepared)
		return now;     /* the first frame is out: time to start libvlc */
	if (!g->started)
		return DEADLINE_NONE;
	if (g->shown.controls && g->shown.playing)
		due = now < g->controls_until ? g->controls_until : now + FADE_STEP_MS;
	if (g->notice[0])
		due = deadline_earliest(due, g->notice_until);
	t = player_timeout_ms(g->player);
	if (t >= 0)
		due = deadline_earliest(due, now + t);
	return due;
}

struct video_glue_status video_glue_status(const struct video_glue *g)
{
	if (!g)
		return (struct video_glue_status){-1, 0, false, "", ""};
	return (struct video_glue_status){player_time_ms(g->player), g->frames,
					  player_state(g->player) == PLAYER_PLAYING, g->notice,
					  g->error};
}

bool video_glue_no_sound(const struct video_glue *g)
{
	return g && g->no_sound;
}
