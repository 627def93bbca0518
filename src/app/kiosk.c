/* The running kiosk: opens the window, the scenario, the store and the session, and is the one
 * place where what it runs changes (the requests of the facilitator's side and the video). */
#include "app/kiosk.h"

#include <assert.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <SDL_ttf.h>

#include "app/clock.h"
#include "app/lockdown.h"
#include "app/video_glue.h"
#include "core/datalock.h"
#include "core/export.h"
#include "core/pin.h"
#include "core/power.h"
#include "core/report.h"
#include "core/settings.h"

/* Something bundled with the kiosk: the installed copy when `probe` (a path inside it, or ""
 * for itself) can be read there, else the source tree's (running from a build). */
static const char *bundled(const char *installed, const char *source, const char *probe)
{
	char path[4096];

	snprintf(path, sizeof path, "%s%s", installed, probe);
	return access(path, R_OK) == 0 ? installed : source;
}

/* The store's meta key for the path the open session's scenario was loaded from. */
#define OPEN_SCENARIO_KEY "open_session_scenario"

/* The bundled sample scenario. */
static const char *sample_scenario(void)
{
	return bundled(RJK_INSTALLED_SCENARIO_DIR "/sample", RJK_SOURCE_SCENARIO_DIR "/sample",
		       "/scenario.yaml");
}

/* True when the machine has a graphics device OpenGL could use (a DRM render node). Without
 * one OpenGL can only be Mesa's software rasteriser, and merely trying it maps about 50 MiB of
 * Mesa and LLVM into the kiosk for good. */
static bool has_render_node(void)
{
	DIR *dir = opendir("/dev/dri");
	struct dirent *entry;
	bool found = false;

	if (!dir)
		return false;
	while (!found && (entry = readdir(dir)))
		found = strncmp(entry->d_name, "renderD", 7) == 0;
	closedir(dir);
	return found;
}

/* SDL prefers OpenGL even where it is only Mesa's software rasteriser (no GPU, as in many
 * classroom PCs and under Xvfb): there its own software renderer, drawing straight into the
 * window surface, plays the video at a fraction of the CPU (measured: 1.7 s against 9.4 s of CPU
 * for 12 s of the 1080p sample). SDL_RENDER_DRIVER, when set, still decides. */
static SDL_Renderer *create_renderer(SDL_Window *window)
{
	SDL_Renderer *ren;
	SDL_RendererInfo info;
	const unsigned char *(*gl_string)(unsigned int);
	const char *gl_renderer = NULL;

	SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
	/* Where the window has no surface of its own (Wayland), the software renderer fails
	 * and OpenGL is all there is, GPU or not. */
	if (!SDL_GetHint(SDL_HINT_RENDER_DRIVER) && !has_render_node() &&
	    (ren = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE)))
		return ren;
	ren = SDL_CreateRenderer(window, -1, 0);
	if (!ren || SDL_GetRendererInfo(ren, &info) != 0 || strncmp(info.name, "opengl", 6))
		return ren;
	gl_string = (const unsigned char *(*)(unsigned int))SDL_GL_GetProcAddress("glGetString");
	if (gl_string)
		gl_renderer = (const char *)gl_string(0x1F01 /* GL_RENDERER */);
	if (!gl_renderer || (!strstr(gl_renderer, "llvmpipe") && !strstr(gl_renderer, "softpipe")))
		return ren;
	SDL_DestroyRenderer(ren);
	ren = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
	return ren ? ren : SDL_CreateRenderer(window, -1, 0);
}

/* The window's icon (task bars and window lists on a desktop); the kiosk runs without it when
 * it cannot be read. A BMP, which SDL reads itself: a PNG would need SDL_image and the dozen
 * image libraries it brings, a megabyte and a half of memory for one small picture. */
static void set_icon(SDL_Window *window)
{
	SDL_Surface *icon = SDL_LoadBMP(bundled(RJK_INSTALLED_ASSET_DIR "/rjkiosk-icon.bmp",
						RJK_SOURCE_ASSET_DIR "/rjkiosk-icon.bmp", ""));

	if (icon) {
		SDL_SetWindowIcon(window, icon);
		SDL_FreeSurface(icon);
	}
}

/* With SDL's software renderer the window's pixels are fresh shared memory, 8 MiB at 1080p,
 * which the first frame writes whole. Faulted in with one call now instead of a page fault
 * per 4 KiB page then: the first frame comes sooner (most of all in a virtual machine, where
 * each fault is costly). Nothing changes where the kernel cannot (before Linux 5.14). */
static void prefault_window(SDL_Renderer *ren, SDL_Window *window)
{
#ifdef MADV_POPULATE_WRITE
	SDL_RendererInfo info;
	SDL_Surface *surface;
	long page = sysconf(_SC_PAGESIZE);

	if (SDL_GetRendererInfo(ren, &info) != 0 || !(info.flags & SDL_RENDERER_SOFTWARE) ||
	    !(surface = SDL_GetWindowSurface(window)) || !surface->pixels || page <= 0)
		return;
	uintptr_t start = (uintptr_t)surface->pixels & ~(uintptr_t)(page - 1);
	uintptr_t end = (uintptr_t)surface->pixels + (size_t)surface->pitch * (size_t)surface->h;
	madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#else
	(void)ren, (void)window;
#endif
}

static bool open_window(struct kiosk *k, struct rjk_error *err)
{
	const struct options *o = &k->options;
	Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE;
	int w = o->width ? o->width : 1280, h = o->height ? o->height : 800;
	int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;

	lockdown_hints(o->kiosk);
	SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1");
	/* Stop signals are the kiosk's own (app/signals.c): as SDL_QUIT they would be ignored in
	 * --kiosk like a close request. */
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
		return rjk_error_set(err, "cannot start SDL: %s", SDL_GetError());
	if (TTF_Init() != 0)
		return rjk_error_set(err, "cannot start SDL_ttf: %s", TTF_GetError());
	if (!o->windowed) {
		SDL_Rect screen;

		/* Created borderless over the whole screen, the window needs no resize that a
		 * renderer might miss (seen with the opengl renderer under cage). It asks the
		 * window manager for full screen once its first frame is shown (kiosk_first_frame):
		 * asked at creation, SDL's X11 driver waits 100 ms for the window manager to move
		 * it before anything can be drawn, the whole 100 ms when it is already in place. */
		if (SDL_GetDisplayBounds(0, &screen) == 0 && screen.w > 0 && screen.h > 0) {
			flags |= SDL_WINDOW_BORDERLESS;
			x = screen.x;
			y = screen.y;
			w = screen.w;
			h = screen.h;
		} else {
			flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
		}
	}
	k->window = SDL_CreateWindow("rjkiosk", x, y, w, h, flags);
	if (!k->window)
		return rjk_error_set(err, "cannot open a window: %s", SDL_GetError());
	SDL_SetWindowMinimumSize(k->window, 640, 480);
	k->ren = create_renderer(k->window);
	if (!k->ren)
		k->ren = SDL_CreateRenderer(k->window, -1, SDL_RENDERER_SOFTWARE);
	if (!k->ren)
		return rjk_error_set(err, "cannot draw in the window: %s", SDL_GetError());
	prefault_window(k->ren, k->window);
	lockdown_window(k->window, o->kiosk);
	return true;
}

/* Opens a session on the kiosk's scenario and store (resuming the one left open, else a new one
 * named name, NULL for the default name), and its player when the scenario has a video. The
 * store keeps where the scenario was loaded from, to load it again for the open session after
 * a restart. False and err when the session cannot open. */
static bool start_session(struct kiosk *k, const char *name, struct rjk_error *err)
{
	bool video = k->scenario->video && !k->options.no_video;
	const struct settings *saved = facil_settings(k->facil);
	struct rjk_error why = {{0}};

	assert(!k->session && !k->video);
	k->session = session_open(k->scenario, k->store, video, name, err);
	if (!k->session)
		return false;
	if (!store_meta_set(k->store, OPEN_SCENARIO_KEY, k->scenario_path, &why))
		fprintf(stderr, "rjkiosk: %s (after a restart the session resumes only on the "
			"scenario the kiosk starts with)\n", why.message);
	/* After the session opens: the video's event log entries name it. */
	if (video)
		k->video = video_glue_new(&(struct video_glue_setup){
			.ren = k->ren,
			.ui = k->ui,
			.scenario = k->scenario,
			.session = k->session,
			.store = k->store,
			.silent = k->options.silent,
			/* --volume wins over the facilitator's saved volume for one run. */
			.volume = k->options.volume >= 0 ? k->options.volume : saved->volume,
			.captions = saved->captions,
			.no_sound_said = &k->no_sound_said,
		});
	return true;
}

/* Ends the running session, and its player before it; a trainee part-way through keeps their
 * saved drafts unless end_stored is false. */
/* Closes the session and its player (ending the stored session when end_stored). False with
 * err (also logged) when the last draft or the end did not reach the store; the session is
 * closed all the same. */
static bool end_session(struct kiosk *k, bool end_stored, struct rjk_error *err)
{
	bool ok;

	video_glue_free(k->video);
	k->video = NULL;
	ok = session_close(k->session, end_stored, err);
	k->session = NULL;
	if (!ok)
		fprintf(stderr, "rjkiosk: %s\n", err->message);
	return ok;
}

/* The scenarios folder the menu offers. */
static const char *scenarios_folder(void)
{
	return bundled(RJK_INSTALLED_SCENARIO_DIR, RJK_SOURCE_SCENARIO_DIR, "");
}

/* What writers killed part-way left in the data folder and the menu's export folder: partial
 * exports of answers nobody would find, and half-written PIN or settings files. */
static void remove_partials(const char *data_dir)
{
	char exports[PATH_MAX];

	pin_remove_partials(data_dir);
	settings_remove_partials(data_dir);
	if (snprintf(exports, sizeof exports, "%s/exports", data_dir) < (int)sizeof exports)
		export_remove_partials(exports);
}

/* The scenario a starting kiosk runs: the one chosen in the menu comes back after a restart; a
 * locked kiosk keeps it over the service's --scenario, which only says where a new kiosk
 * starts. */
static const char *first_scenario(const struct kiosk *k)
{
	const char *saved = facil_settings(k->facil)->scenario;

	if (saved[0] && (!k->options.scenario || k->options.kiosk))
		return saved;
	return k->options.scenario ? k->options.scenario : sample_scenario();
}

/* Makes sc (loaded from path) the kiosk's scenario, in place of any other; false when out of
 * memory (sc is freed). */
static bool take_scenario(struct kiosk *k, struct scenario *sc, const char *path)
{
	char *copy = strdup(path);

	if (!copy) {
		scenario_free(sc);
		return false;
	}
	if (k->scenario != sc)
		scenario_free(k->scenario);
	k->scenario = sc;
	free(k->scenario_path);
	k->scenario_path = copy;
	return true;
}

/* A session stays open across restarts until the facilitator ends it. When the one left open
 * is on another scenario than the one loaded (the facilitator chose it from the menu), that
 * scenario is loaded again from where it was loaded last (the store keeps the path), if it
 * still holds the same scenario (its id). When it cannot be, the open session is ended (its
 * answers stay, for export from the Sessions page), a new one starts on the scenario loaded,
 * and the menu says why. While the kiosk's own scenario does not load, nothing changes. */
static void follow_open_session(struct kiosk *k)
{
	struct store_session_info *info = NULL;
	struct rjk_diags diags = {0};
	struct rjk_error err = {{0}};
	struct scenario *sc = NULL;
	char path[4096], why[sizeof path + 64];
	int64_t open = 0;
	bool found = false;
	size_t n = 0;

	/* A scenario that does not load is the problem shown: the open session waits for it. */
	if (!k->scenario || !store_find_open_session(k->store, NULL, &open, &err) || !open ||
	    !store_list_sessions(k->store, open, &info, &n, &err) || !n)
		goto done;
	if (!strcmp(info->scenario_id, k->scenario->id))
		goto done; /* session_open resumes it */
	if (!store_meta_get(k->store, OPEN_SCENARIO_KEY, path, sizeof path, &found, &err))
		found = false;
	if (found && (sc = scenario_load(path, &diags)) && !strcmp(sc->id, info->scenario_id)) {
		take_scenario(k, sc, path);
		goto done;
	}
	if (!found)
		snprintf(why, sizeof why, "the kiosk does not know where its scenario is");
	else if (sc)
		snprintf(why, sizeof why, "%s now holds another scenario", path);
	else
		snprintf(why, sizeof why, "%s cannot be loaded", path);
	scenario_free(sc);
	snprintf(k->notice, sizeof k->notice, "The open session \xe2\x80\x9c%s\xe2\x80\x9d (%s) could not be "
		 "resumed: %s. It has been ended; its answers are kept and can be exported from "
		 "Sessions.", info->label ? info->label : "without a name", info->title, why);
	/* The log shows the name's control characters, never acts on them. */
	char logged[sizeof k->notice * 4];
	report_escape(logged, sizeof logged, k->notice, strlen(k->notice), 0);
	fprintf(stderr, "rjkiosk: %s\n", logged);
	if (!store_session_end(k->store, open, &err))
		fprintf(stderr, "rjkiosk: %s\n", err.message);
done:
	if (err.message[0])
		fprintf(stderr, "rjkiosk: %s\n", err.message);
	rjk_diags_release(&diags);
	store_sessions_free(info, n);
}

static void open_session(struct kiosk *k)
{
	const char *path = first_scenario(k);
	struct rjk_diags diags = {0};
	struct rjk_error err = {{0}};
	size_t used = 0;

	k->scenario = scenario_load(path, &diags);
	if (k->scenario && !take_scenario(k, k->scenario, path))
		k->scenario = NULL;
	if (k->lock && (k->store = store_open(k->options.data, &err))) {
		remove_partials(store_dir(k->store));
		follow_open_session(k);
	}
	if (!k->scenario) {
		used = (size_t)snprintf(k->problem, sizeof k->problem,
					"The scenario could not be loaded:\n");
		for (size_t i = 0; i < diags.count; i++) {
			fprintf(stderr, "%s\n", diags.items[i]);
			if (used < sizeof k->problem)
				used += (size_t)snprintf(k->problem + used, sizeof k->problem - used,
							 "%s\n", diags.items[i]);
		}
		if (!diags.count && used < sizeof k->problem)
			used += (size_t)snprintf(k->problem + used, sizeof k->problem - used,
						 "%s: not found\n", path);
		if (used < sizeof k->problem)
			snprintf(k->problem + used, sizeof k->problem - used,
				 "\nPlease tell the facilitator. 'rjkiosk check %s' lists every "
				 "problem with the place it is in the file.", path);
		rjk_diags_release(&diags);
		return;
	}
	rjk_diags_release(&diags);
	if (!k->lock)
		return;     /* why is in problem already */
	if (k->store)
		start_session(k, NULL, &err);
	if (!k->session) {
		fprintf(stderr, "rjkiosk: %s\n", err.message);
		snprintf(k->problem, sizeof k->problem,
			 "Answers cannot be saved on this machine, so the kiosk cannot start.\n\n%s\n\n"
			 "Please tell the facilitator.", err.message);
	}
}

/* One kiosk per data folder: a second one would resume the first one's trainee and overwrite
 * her answers. False only when another process holds the lock; any other failure to lock
 * becomes the problem shown on screen (the store could not be used either). */
static bool lock_data(struct kiosk *k, struct rjk_error *err)
{
	char dir[PATH_MAX];
	struct rjk_error why = {{0}};
	bool busy = false;

	if (k->options.data)
		snprintf(dir, sizeof dir, "%s", k->options.data);
	else if (!store_default_dir(dir, sizeof dir, &why))
		goto problem;
	k->lock = datalock_take(dir, DATALOCK_KIOSK, &busy, &why);
	if (k->lock)
		return true;
	if (busy)
		return rjk_error_set(err, "%s", why.message);
problem:
	fprintf(stderr, "rjkiosk: %s\n", why.message);
	snprintf(k->problem, sizeof k->problem,
		 "Answers cannot be saved on this machine, so the kiosk cannot start.\n\n%s\n\n"
		 "Please tell the facilitator.", why.message);
	return true;
}

bool kiosk_open(struct kiosk *k, const struct options *options, struct rjk_error *err)
{
	struct ui_settings settings = {options->text_percent, options->high_contrast,
				       KEYBOARD_AUTO, KEYBOARD_DEFAULT_LAYOUT};
	struct facil_context context;

	memset(k, 0, sizeof *k);
	k->options = *options;
	k->shown_countdown = -1;
	if (!lock_data(k, err))
		return false;
	if (!open_window(k, err))
		return false;
	if (!(k->ui = ui_new(k->window, k->ren, &settings, err)))
		return false;
	if (!k->options.scenarios)
		k->options.scenarios = scenarios_folder();
	if (!(k->facil = facil_new(&k->options, k->ui, k->window)))
		return rjk_error_set(err, "out of memory");
	open_session(k);
	context = kiosk_facil_context(k);
	facil_start(k->facil, &context);
	return true;
}

void kiosk_first_frame(struct kiosk *k)
{
	if (k->store) {
		struct rjk_error why = {{0}};
		/* Answers stay queued in the store when the sending cannot start. */
		if (!(k->lrs = lrs_worker_new(store_dir(k->store), &why)))
			fprintf(stderr, "rjkiosk: %s\n", why.message);
		else
			lrs_worker_status(k->lrs, &k->lrs_status);
	}
	if (!k->options.windowed && !(SDL_GetWindowFlags(k->window) & SDL_WINDOW_FULLSCREEN))
		SDL_SetWindowFullscreen(k->window, SDL_WINDOW_FULLSCREEN_DESKTOP);
	set_icon(k->window);
}

bool kiosk_close(struct kiosk *k)
{
	struct rjk_error err = {{0}};
	bool saved;

	/* The session stays open for the next start: only the facilitator ends it. */
	saved = !k->session || end_session(k, false, &err);
	facil_free(k->facil);
	lrs_worker_free(k->lrs);
	store_close(k->store);
	scenario_free(k->scenario);
	free(k->scenario_path);
	ui_free(k->ui);
	if (k->ren)
		SDL_DestroyRenderer(k->ren);
	if (k->window)
		SDL_DestroyWindow(k->window);
	if (TTF_WasInit())
		TTF_Quit();
	SDL_Quit();
	datalock_release(k->lock);
	memset(k, 0, sizeof *k);
	return saved;
}

struct facil_context kiosk_facil_context(const struct kiosk *k)
{
	return (struct facil_context){
		.scenario = k->scenario,
		.scenario_path = k->scenario_path,
		.store = k->store,
		.session = k->session,
		.lrs = k->lrs ? &k->lrs_status : NULL,
		.problem = k->problem,
		.notice = k->notice,
		.no_sound = video_glue_no_sound(k->video),
	};
}

/* A new session named name (NULL: the default name) on the kiosk's scenario, opening the store
 * first when it could not be opened before. */
static bool open_new(struct kiosk *k, const char *name, struct rjk_error *err)
{
	if (!k->store && !(k->store = store_open(k->options.data, err)))
		return false;
	if (!start_session(k, name, err))
		return false;
	k->problem[0] = '\0';
	k->notice[0] = '\0';
	return true;
}

/* Deletes the stored session id for good (ending it first when it runs). */
static bool delete_session(struct kiosk *k, int64_t id, struct rjk_error *err)
{
	struct store_purge_request req = {.scope = STORE_PURGE_SESSION, .session = id};
	size_t deleted = 0;

	if (!k->store)
		return rjk_error_set(err, "no answers can be read on this machine");
	if (k->session && session_store_id(k->session) == id && !end_session(k, true, err))
		return false;
	return store_purge(k->store, &req, &deleted, err);
}

/* Loads the scenario at path and starts a session on it; the session running now ends first.
 * When path does not load, nothing changes. */
static bool use_scenario(struct kiosk *k, const char *path, struct rjk_error *err)
{
	struct rjk_diags diags = {0};
	struct scenario *sc = scenario_load(path, &diags);
	char *copy = strdup(path);

	if (!sc || !copy) {
		rjk_error_set(err, "%s", diags.count ? diags.items[0] : "out of memory");
		rjk_diags_release(&diags);
		scenario_free(sc);
		free(copy);
		return false;
	}
	rjk_diags_release(&diags);
	if (k->session && !end_session(k, true, err)) {
		scenario_free(sc);
		free(copy);
		return false;
	}
	scenario_free(k->scenario);
	k->scenario = sc;
	free(k->scenario_path);
	k->scenario_path = copy;
	return open_new(k, NULL, err);
}

/* For the author's preview: the problem shown while the scenario file has errors. */
static void preview_problem(struct kiosk *k, const struct rjk_diags *diags)
{
	size_t used = (size_t)snprintf(k->problem, sizeof k->problem,
				       "Fix them and save the file: the preview comes back on "
				       "its own, on the same step.\n\n");

	for (size_t i = 0; i < diags->count && used < sizeof k->problem; i++)
		used += (size_t)snprintf(k->problem + used, sizeof k->problem - used, "%s\n\n",
					 diags->items[i]);
	if (!diags->count && used < sizeof k->problem)
		snprintf(k->problem + used, sizeof k->problem - used, "%s: not found\n",
			 k->options.scenario);
}

/* Loads the preview's scenario again from its file and starts a session at position (a stored
 * position's text, "" for the start screen), the way a restarted kiosk puts a trainee back:
 * a participant stored at that place is resumed. When the file does not load, its errors
 * become the problem shown and nothing runs until it loads. */
static bool load_for_preview(struct kiosk *k, const char *position, struct rjk_error *err)
{
	struct rjk_diags diags = {0};
	struct scenario *sc = scenario_load(k->options.scenario, &diags);
	int64_t id, participant;

	if (k->session && !end_session(k, true, err))
		return false;
	if (!sc) {
		for (size_t i = 0; i < diags.count; i++)
			fprintf(stderr, "%s\n", diags.items[i]);
		preview_problem(k, &diags);
		rjk_diags_release(&diags);
		scenario_free(k->scenario);
		k->scenario = NULL;
		return false;
	}
	scenario_free(k->scenario);
	k->scenario = sc;
	free(k->scenario_path);
	if (!(k->scenario_path = strdup(k->options.scenario)))
		return rjk_error_set(err, "out of memory");
	if (!k->store && !(k->store = store_open(k->options.data, err)))
		return false;
	if (position[0] && (!(id = store_session_start(k->store, sc, NULL, err)) ||
			    !(participant = store_participant_add(k->store, id, NULL, NULL, 0, err)) ||
			    !store_participant_set_position(k->store, participant, position, err)))
		return false;
	return open_new(k, NULL, err);
}

/* Saves what is pending, then asks logind to shut down or restart. The session stays open in
 * the store, so the trainee part-way through is resumed at the next start; when logind agrees
 * systemd stops the kiosk as at every shutdown, and when it refuses the kiosk runs on. */
static bool power(struct kiosk *k, enum power_action action, int64_t now, struct rjk_error *err)
{
	if (k->session && !session_save_now(k->session, now))
		return rjk_error_set(err, "the answer being written could not be saved, so the PC "
				     "was left running");
	if (!power_request(action, err)) {
		fprintf(stderr, "rjkiosk: %s\n", err->message);
		return false;
	}
	return true;
}

/* Applies one request; false and err (for the facilitator's requests) when it could not be. */
static bool apply(struct kiosk *k, const struct request *r, struct rjk_error *err)
{
	int64_t now = clock_now_ms();

	switch (r->kind) {
	case REQUEST_USE_SCENARIO:
		return use_scenario(k, r->path, err);
	case REQUEST_NEW_SESSION:
		if (!k->scenario)
			return rjk_error_set(err, "no scenario is loaded: choose one first");
		if (k->session && !end_session(k, true, err))
			return false;
		return open_new(k, r->path, err);
	case REQUEST_END_SESSION:
		return !k->session || end_session(k, true, err);
	case REQUEST_RENAME_SESSION:
		return store_session_rename(k->store, r->ms, r->path, err);
	case REQUEST_DELETE_SESSION:
		return delete_session(k, r->ms, err);
	case REQUEST_NEXT_DISCUSSION:
		return k->session && session_next_discussion(k->session, now);
	case REQUEST_TIME_OUT:
		return k->session && session_time_out(k->session, now);
	case REQUEST_QUIT:
		k->quit = true;
		return true;
	case REQUEST_POWER_OFF:
		return power(k, POWER_OFF, now, err);
	case REQUEST_REBOOT:
		return power(k, POWER_REBOOT, now, err);
	case REQUEST_PREVIEW_LOAD:
		if (load_for_preview(k, r->path, err))
			return true;
		if (!err->message[0])
			return false;     /* the file's errors are the problem shown */
		fprintf(stderr, "rjkiosk: %s\n", err->message);
		snprintf(k->problem, sizeof k->problem, "The preview cannot run a session: %s",
			 err->message);
		return false;
	case REQUEST_VIDEO_PROGRESS:
	case REQUEST_VIDEO_DONE:
	case REQUEST_VIDEO_CUE:
	case REQUEST_VIDEO_FAILED:
		break;
	}
	/* The video's requests come from the session's own player, which goes with it. */
	assert(k->session);
	switch (r->kind) {
	case REQUEST_VIDEO_PROGRESS:
		return session_video_progress(k->session, r->ms);
	case REQUEST_VIDEO_DONE:
		return session_video_done(k->session, now);
	case REQUEST_VIDEO_CUE:
		return session_cue_open(k->session, r->step, r->ms, now);
	case REQUEST_VIDEO_FAILED:
		return session_video_failed(k->session, now);
	default:
		return false;
	}
}

/* The requests whose outcome the facilitator's side shows. */
static bool from_facil(enum request_kind kind)
{
	return kind == REQUEST_USE_SCENARIO || kind == REQUEST_NEW_SESSION ||
	       kind == REQUEST_END_SESSION || kind == REQUEST_NEXT_DISCUSSION ||
	       kind == REQUEST_RENAME_SESSION || kind == REQUEST_DELETE_SESSION ||
	       kind == REQUEST_TIME_OUT || kind == REQUEST_POWER_OFF || kind == REQUEST_REBOOT;
}

void kiosk_apply(struct kiosk *k, const struct request_list *requests)
{
	for (size_t i = 0; i < requests->count; i++) {
		const struct request *r = &requests->items[i];
		struct rjk_error err = {{0}};
		bool ok = apply(k, r, &err);

		if (from_facil(r->kind)) {
			struct facil_context context = kiosk_facil_context(k);

			facil_done(k->facil, &context, r, ok, &err);
		}
		ui_invalidate(k->ui);
	}
}

void kiosk_request(struct kiosk *k, enum request_kind kind)
{
	struct request_list one = {.items = {{.kind = kind}}, .count = 1};

	kiosk_apply(k, &one);
}
