/* The video screen: the picture letterboxed, large playback controls over a dark strip that
 * fades out while the video plays, the progress bar with the watched part, and captions drawn
 * with the kiosk's own font at screen resolution. */
#include "ui/screen_video.h"

#include <stdio.h>
#include <string.h>

#include "core/grapheme.h"
#include "core/seekbar.h"
#include "core/timecode.h"
#include "ui/draw.h"
#include "ui/ui_impl.h"

#define CAPTION_LINES 3
#define WHITE ((struct theme_color){255, 255, 255})
#define BLACK ((struct theme_color){0, 0, 0})
#define GREY ((struct theme_color){150, 150, 150})

void screen_video_attach(struct ui *ui, const struct screen_video_state *state)
{
	ui->video = state;
	ui->stale = ui->dirty = true;
}

bool screen_video_caption_box(const struct ui *ui, SDL_Rect *box, bool *whole)
{
	*whole = ui->caption_whole;
	*box = ui->caption_box;
	return box->w > 0;
}

/* The control buttons: full labels when they fit on one row, short ones otherwise, and two
 * rows (playback above, captions and volume below) when even those do not fit. */
struct controls {
	const char *labels[6];
	int actions[6], args[6];
	int n;
	int split;  /* index of the first button of the right-hand group (or second row) */
	int rows;
};

static void add(struct controls *c, const char *label, int action, int arg)
{
	c->labels[c->n] = label;
	c->actions[c->n] = action;
	c->args[c->n++] = arg;
}

static int row_width(const struct view *view, const struct controls *c, int from, int to)
{
	int w = 0;

	for (int i = from; i < to; i++)
		w += view_button_width(view, c->labels[i]) + (i > from ? view->lay->unit * 2 : 0);
	return w;
}

static void plan(const struct view *view, const struct screen_video_state *v,
		 struct controls *c)
{
	int room = view->lay->w - 2 * view->lay->margin;

	for (int compact = 0; compact < 2; compact++) {
		c->n = 0;
		add(c, v->playing ? "Pause" : "Play", UI_VIDEO_PLAY, 0);
		add(c, compact ? "-10 s" : "Back 10 s", UI_VIDEO_BACK, 0);
		add(c, "Restart", UI_VIDEO_RESTART, 0);
		c->split = c->n;
		if (v->has_captions)
			add(c, compact ? (v->captions_on ? "CC on" : "CC off") :
			    (v->captions_on ? "Captions: on" : "Captions: off"), UI_VIDEO_CAPTIONS,
			    0);
		add(c, compact ? "Vol -" : "Quieter", UI_VIDEO_VOLUME, -10);
		add(c, compact ? "Vol +" : "Louder", UI_VIDEO_VOLUME, 10);
		c->rows = 1;
		if (row_width(view, c, 0, c->split) + row_width(view, c, c->split, c->n) +
		    view->lay->unit * 6 <= room)
			return;
	}
	c->rows = 2;
}

/* The control strip at the bottom of the screen: the times, the progress bar in a row a
 * finger's height tall, and the buttons. */
static SDL_Rect strip_rect(const struct view *view, const struct screen_video_state *v)
{
	const struct layout *l = view->lay;
	struct controls c;
	int h;

	plan(view, v, &c);
	h = c.rows * (l->target + l->unit * 2) + l->unit * 3 + view->fonts->line_h[FONT_SMALL] +
	    l->target;
	return (SDL_Rect){0, l->h - h, l->w, h};
}

/* The progress bar in the strip: hit is where a press seeks (the row's full height, and a
 * little past both ends, as a finger rarely lands on a thin line), bar the track drawn. */
static void bar_rects(const struct view *view, SDL_Rect strip, SDL_Rect *hit, SDL_Rect *bar)
{
	const struct layout *l = view->lay;
	int row = strip.y + l->unit * 2 + view->fonts->line_h[FONT_SMALL];
	int h = l->unit + l->unit / 2;

	*hit = (SDL_Rect){l->margin - l->unit * 2, row, l->w - 2 * l->margin + l->unit * 4,
			  l->target};
	*bar = (SDL_Rect){l->margin, row + (l->target - h) / 2, l->w - 2 * l->margin, h};
}

bool screen_video_bar(struct ui *ui, SDL_Rect *hit, SDL_Rect *bar)
{
	const struct screen_video_state *v = ui->video;

	if (!v || v->error[0] || ui->settings_open || ui->page || v->length_ms <= 0)
		return false;
	bar_rects(&ui->view, strip_rect(&ui->view, v), hit, bar);
	return true;
}

bool screen_video_seek_bar(struct ui *ui, SDL_Rect *bar)
{
	SDL_Rect hit;

	return ui->video && ui->video->controls && screen_video_bar(ui, &hit, bar);
}

/* The page shown when the video cannot be played: why, and a way on to the questions. */
static void error_page(struct view *view, const struct session *s, const char *error)
{
	const struct layout *l = view->lay;
	int x = l->column_x, w = l->column_w, y = l->unit * 6;

	view_header(view, session_scenario(s)->title, NULL, 0);
	y += view_paragraph(view, REGION_CONTENT, FONT_TITLE, COLOR_NOTICE,
			    "The video cannot be played", x, y, w);
	y += l->unit * 4;
	y += view_paragraph(view, REGION_CONTENT, FONT_BODY, COLOR_TEXT,
			    "You can go on to the questions without it. Please tell the "
			    "facilitator, so that it can be fixed for the next group.", x, y, w);
	y += l->unit * 4;
	view_paragraph(view, REGION_CONTENT, FONT_SMALL, COLOR_MUTED,
		       view_printf(view, "What went wrong: %s", error), x, y, w);
	view_footer(view, NULL, NULL, "Go on to the questions", UI_VIDEO_SKIP);
}

void screen_video(struct view *view, const struct session *s,
		  const struct screen_video_state *video)
{
	const struct layout *l = view->lay;
	struct controls c;
	int y, x;

	if (video->error[0]) {
		error_page(view, s, video->error);
		return;
	}
	if (!video->controls)
		return;
	plan(view, video, &c);
	y = l->h - l->unit * 2 - l->target - (c.rows - 1) * (l->target + l->unit * 2);
	x = l->margin;
	for (int i = 0; i < c.n; i++) {
		struct item *b;

		if (i == c.split) {
			/* Captions and volume sit at the right edge (or on the row below). */
			if (c.rows == 2) {
				y += l->target + l->unit * 2;
				x = l->margin;
			} else {
				x = l->w - l->margin - row_width(view, &c, c.split, c.n);
			}
		}
		b = view_button(view, REGION_FOOTER, c.labels[i], c.actions[i],
				i == 0 ? STYLE_PRIMARY : STYLE_SECONDARY, x, y);
		b->arg = c.args[i];
		x += b->rect.w + l->unit * 2;
	}
}

/* A filled disc, row by row (SDL 2 has no circle primitive). */
static void fill_disc(struct ui *ui, struct theme_color c, int cx, int cy, int r)
{
	for (int dy = -r; dy <= r; dy++) {
		int dx = 0;

		while ((dx + 1) * (dx + 1) + dy * dy <= r * r)
			dx++;
		draw_fill_alpha(ui, c, (SDL_Rect){cx - dx, cy + dy, 2 * dx + 1, 1}, 255);
	}
}

/* The time a drag or hover points at, in a box above the bar, kept on screen; greyed when
 * that point may not be reached yet. Returns the box. */
static SDL_Rect draw_bubble(struct ui *ui, SDL_Rect bar, int x, int64_t ms, int lift,
			    bool reachable)
{
	const struct layout *l = &ui->lay;
	TTF_Font *f = ui->fonts.font[FONT_BODY];
	char buf[32];
	const char *t = timecode_format(ms, buf, sizeof buf);
	int w = text_width(ui->text, f, t, strlen(t)), pad = l->unit;
	SDL_Rect box = {x - w / 2 - pad, 0, w + 2 * pad, ui->fonts.line_h[FONT_BODY]};

	box.y = bar.y + bar.h / 2 - lift - box.h;
	if (box.x < l->unit)
		box.x = l->unit;
	if (box.x + box.w > l->w - l->unit)
		box.x = l->w - l->unit - box.w;
	draw_fill_alpha(ui, reachable ? WHITE : GREY, box, 255);
	text_draw(ui->text, f, theme_sdl_color(BLACK), t, strlen(t), box.x + pad, box.y);
	return box;
}

/* One line of the strip's small text, left out where the time label covers it. */
static void strip_text(struct ui *ui, const char *text, int x, int y, const SDL_Rect *label)
{
	TTF_Font *small = ui->fonts.font[FONT_SMALL];
	SDL_Rect r = {x, y, text_width(ui->text, small, text, strlen(text)),
		      ui->fonts.line_h[FONT_SMALL]};

	if (!SDL_HasIntersection(&r, label))
		text_draw(ui->text, small, theme_sdl_color(WHITE), text, strlen(text), x, y);
}

static void draw_progress(struct ui *ui, SDL_Rect strip)
{
	const struct screen_video_state *v = ui->video;
	const struct layout *l = &ui->lay;
	TTF_Font *small = ui->fonts.font[FONT_SMALL];
	char a[32], b[32], vol[32], times[72];
	SDL_Rect hit, bar, part, label = {0, 0, 0, 0};
	int64_t len = v->length_ms;
	int played, knob = l->unit + l->unit / 2;

	snprintf(times, sizeof times, "%s / %s", timecode_format(v->time_ms, a, sizeof a),
		 timecode_format(v->length_ms, b, sizeof b));
	bar_rects(&ui->view, strip, &hit, &bar);
	played = seekbar_fill(v->time_ms, bar.w, len);
	if (ui->seek.seeking) {
		/* The drag shows where the video will go, held to the part that may be reached. */
		int reach = seekbar_fill(v->watched_ms, bar.w, len);

		played = ui->seek.x - bar.x;
		played = played < 0 ? 0 : played > reach ? reach : played;
		knob = l->target / 3;
	} else if (ui->seek.hover) {
		knob = l->unit * 2;
	}
	/* Solid colours: the watched part stands out from the rest (3:1) in both themes. */
	draw_fill_alpha(ui, ui->theme->video_rest, bar, 255);
	part = bar;
	part.w = seekbar_fill(v->watched_ms, bar.w, len);
	draw_fill_alpha(ui, ui->theme->video_watched, part, 255);
	part.w = played;
	draw_fill_alpha(ui, ui->theme->video_played, part, 255);
	/* The knob says the bar can be moved; it grows under the mouse and while dragged. */
	fill_disc(ui, WHITE, bar.x + played, bar.y + bar.h / 2, knob);
	if (ui->seek.seeking) {
		label = draw_bubble(ui, bar, bar.x + played,
				    seekbar_time_at(bar.x + played, bar.x, bar.w, len),
				    knob + l->unit, true);
	} else if (ui->seek.hover) {
		int64_t at = seekbar_time_at(ui->seek.x, bar.x, bar.w, len);

		label = draw_bubble(ui, bar, ui->seek.x, at, knob + l->unit, at <= v->watched_ms);
	}
	strip_text(ui, times, l->margin, strip.y + l->unit * 2, &label);
	snprintf(vol, sizeof vol, "Volume %d%%", v->volume);
	strip_text(ui, vol, l->w - l->margin - text_width(ui->text, small, vol, strlen(vol)),
		   strip.y + l->unit * 2, &label);
}

/* How much of a caption can show in CAPTION_LINES lines of width w: its first lines, each
 * up to what CAPTION_LINES lines could hold. Only that is wrapped, for every frame, so a cue
 * of any length costs what shows. */
static size_t caption_shown(struct ui *ui, TTF_Font *font, const char *text, int w)
{
	size_t len = strlen(text), at = 0;

	for (int line = 0; line < CAPTION_LINES && at < len; line++) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;
		int fit_w;
		size_t fit = text_fit(ui->text, font, text + at, end - at, w * CAPTION_LINES, &fit_w);

		if (at + fit < end)
			return grapheme_next(text, len, at + fit);
		at = nl ? end + 1 : len;
	}
	return at;
}

/* Lays out a caption in the largest caption font in which it fits two lines of width w, else
 * the largest in which it fits CAPTION_LINES lines of width
 * w: the author's line breaks are kept where the cue fits with them and turned into spaces
 * where it does not (large text wraps those lines again anyway), before a smaller font is
 * tried, so that no word is lost to a large text size. A cue that fits in none is cut after
 * CAPTION_LINES lines of the smallest. Leaves the lines in ui->wrap over the text returned
 * (text, or its joined copy in buf) and the font in *role; *whole is false when it was cut.
 * NULL when memory runs out. */
static const char *caption_fit(struct ui *ui, const char *text, int w, char *buf, size_t size,
			       enum font_role *role, bool *whole)
{
	static const enum font_role roles[] = {FONT_HEADING, FONT_PROMPT, FONT_BODY, FONT_SMALL};
	const size_t last = sizeof roles / sizeof roles[0] - 1;
	size_t len = strlen(text);
	bool can_join = len < size && memchr(text, '\n', len);

	if (can_join)
		for (size_t i = 0; i <= len; i++)
			buf[i] = text[i] == '\n' ? ' ' : text[i];
	/* Two lines in a smaller font before three in a larger one: at a large text size three
	 * lines of the largest made a box in the middle of the picture. */
	for (int most = CAPTION_LINES - 1; most <= CAPTION_LINES; most++)
		for (size_t r = 0; r <= last; r++) {
			TTF_Font *font = ui->fonts.font[roles[r]];

			for (int join = 0; join <= (int)can_join; join++) {
				const char *t = join ? buf : text;
				size_t shown = caption_shown(ui, font, t, w);

				if (!text_wrap(ui->text, &ui->wrap, font, t, shown, w))
					return NULL;
				*role = roles[r];
				*whole = shown == len && ui->wrap.count <= (size_t)most;
				if (*whole || (most == CAPTION_LINES && r == last &&
					       join == (int)can_join))
					return t;
			}
		}
	return NULL;
}

/* Captions at the bottom centre of the picture (above the controls when they show), on a
 * dark box; at most CAPTION_LINES lines. */
static void draw_caption(struct ui *ui, SDL_Rect pic, int bottom)
{
	const struct layout *l = &ui->lay;
	enum font_role role;
	char joined[1024];
	int max_w = (pic.w > l->w / 2 ? pic.w : l->w) * 85 / 100, widest = 0, pad = l->unit * 2;
	const char *text = caption_fit(ui, ui->video->caption, max_w - 2 * pad, joined,
				       sizeof joined, &role, &ui->caption_whole);
	TTF_Font *font;
	int line_h;
	size_t lines;
	SDL_Rect box;
	bool hc = ui->settings.high_contrast;

	if (!text)
		return;
	font = ui->fonts.font[role];
	line_h = ui->fonts.line_h[role];
	lines = ui->wrap.count < CAPTION_LINES ? ui->wrap.count : CAPTION_LINES;
	for (size_t i = 0; i < lines; i++)
		if (ui->wrap.lines[i].width > widest)
			widest = ui->wrap.lines[i].width;
	if (!lines)
		return;
	box.w = widest + 2 * pad;
	box.h = (int)lines * line_h + pad;
	box.x = (l->w - box.w) / 2;
	box.y = bottom - box.h;
	draw_fill_alpha(ui, BLACK, box, hc ? 255 : 180);
	for (size_t i = 0; i < lines; i++)
		text_draw_line(ui->text, font,
			       theme_sdl_color(hc ? (struct theme_color){255, 255, 0} : WHITE),
			       &ui->wrap, text, i, (l->w - ui->wrap.lines[i].width) / 2,
			       box.y + pad / 2 + (int)i * line_h);
	ui->caption_box = box;
}

static void draw_controls(struct ui *ui, SDL_Rect strip)
{
	/* Opaque: the film's own lower lines showed faintly between the buttons, and blending a
	 * strip this size costs every picture while the controls show. */
	draw_fill_alpha(ui, BLACK, strip, 255);
	draw_progress(ui, strip);
	draw_region(ui, REGION_FOOTER);
}

/* While the controls fade out they are drawn into a texture of the strip's size, then copied
 * over the picture with the fading opacity. The strip is opaque, so the texture has no alpha
 * channel: one opacity for the whole strip lets the software renderer blend it 5 times faster
 * than per-pixel alpha. Drawing keeps screen coordinates: the target's origin is moved up to
 * the strip's top. False when the renderer cannot: they are then drawn as they are until they
 * go. */
static bool fade_begin(struct ui *ui, SDL_Rect strip)
{
	int w = 0, h = 0;

	if (ui->fade && (SDL_QueryTexture(ui->fade, NULL, NULL, &w, &h) != 0 || w != strip.w ||
			 h != strip.h)) {
		SDL_DestroyTexture(ui->fade);
		ui->fade = NULL;
	}
	if (!ui->fade) {
		ui->fade = SDL_CreateTexture(ui->ren, SDL_PIXELFORMAT_RGB888,
					     SDL_TEXTUREACCESS_TARGET, strip.w, strip.h);
		if (!ui->fade)
			return false;
		SDL_SetTextureBlendMode(ui->fade, SDL_BLENDMODE_BLEND);
	}
	/* No clear: draw_controls fills the whole strip first. */
	if (SDL_SetRenderTarget(ui->ren, ui->fade) != 0)
		return false;
	SDL_RenderSetViewport(ui->ren, &(SDL_Rect){-strip.x, -strip.y, ui->lay.w, ui->lay.h});
	return true;
}

void screen_video_draw(struct ui *ui)
{
	const struct screen_video_state *v = ui->video;
	const struct layout *l = &ui->lay;
	SDL_Rect all = {0, 0, l->w, l->h}, pic;
	SDL_Rect strip = strip_rect(&ui->view, v);
	bool has_pic = v->view && video_view_picture_rect(v->view, &all, &pic);
	/* A drag holds the controls up even if they were fading when it began. */
	bool controls = v->controls || ui->seek.seeking;
	int bottom;

	SDL_RenderSetClipRect(ui->ren, NULL);
	/* The view paints the picture and the black bars around it: clearing first would fill
	 * the whole screen once more for every picture. */
	if (v->view) {
		video_view_draw(v->view, &all);
	} else {
		SDL_SetRenderDrawColor(ui->ren, 0, 0, 0, 255);
		SDL_RenderClear(ui->ren);
	}
	if (!has_pic) {
		const char *wait = "Starting the video…";
		TTF_Font *f = ui->fonts.font[FONT_BODY];
		int w = text_width(ui->text, f, wait, strlen(wait));

		pic = all;
		text_draw(ui->text, f, theme_sdl_color(GREY), wait, strlen(wait), (l->w - w) / 2,
			  (l->h - ui->fonts.line_h[FONT_BODY]) / 2);
	}
	bottom = pic.y + pic.h - l->unit * 4;
	if (controls && bottom > strip.y - l->unit * 2)
		bottom = strip.y - l->unit * 2;
	if (v->captions_on && v->caption[0])
		draw_caption(ui, pic, bottom);
	if (v->notice[0]) {
		TTF_Font *f = ui->fonts.font[FONT_BODY];
		int w = text_width(ui->text, f, v->notice, strlen(v->notice));
		int pad = l->unit * 2;
		SDL_Rect box = {(l->w - w) / 2 - pad, l->unit * 4, w + 2 * pad,
				ui->fonts.line_h[FONT_BODY] + pad};

		draw_fill_alpha(ui, BLACK, box, 220);
		text_draw(ui->text, f, theme_sdl_color(WHITE), v->notice, strlen(v->notice),
			  box.x + pad, box.y + pad / 2);
	}
	if (ui->fade && (!controls || v->controls_alpha >= 255 || ui->seek.seeking)) {
		/* A strip-sized texture is still 2 MiB at 1080p: not kept between fades. */
		SDL_DestroyTexture(ui->fade);
		ui->fade = NULL;
	}
	if (!controls) {
		/* The mouse may rest where the bar was: no label when the controls come back. */
		video_input_hover_off(ui);
		return;
	}
	if (v->controls_alpha >= 255 || ui->seek.seeking || !fade_begin(ui, strip)) {
		draw_controls(ui, strip);
		return;
	}
	draw_controls(ui, strip);
	SDL_SetRenderTarget(ui->ren, NULL);
	SDL_SetTextureAlphaMod(ui->fade, (Uint8)(v->controls_alpha < 0 ? 0 : v->controls_alpha));
	SDL_RenderCopy(ui->ren, ui->fade, NULL, &strip);
}
