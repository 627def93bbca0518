/* Font lookup (the DejaVu files where Debian installs them, else through fontconfig) and sizing
 * through SDL2_ttf. */
#include "ui/font.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *const families[] = {"DejaVu Sans", "Noto Sans", "sans-serif"};
/* Where Debian's fonts-dejavu-core puts the first family: fontconfig's match for it, read
 * without starting fontconfig (which parses its XML configuration on every start: about 8 ms
 * of CPU before the first frame). */
#define DEJAVU_DIR "/usr/share/fonts/truetype/dejavu/"
static const char dejavu_regular[] = DEJAVU_DIR "DejaVuSans.ttf";
static const char dejavu_bold[] = DEJAVU_DIR "DejaVuSans-Bold.ttf";

/* fontconfig's best match for pattern (which it takes), or NULL. */
static FcPattern *best_match(FcConfig *config, FcPattern *pattern)
{
	FcPattern *match;
	FcResult result;

	if (!pattern)
		return NULL;
	FcConfigSubstitute(config, pattern, FcMatchPattern);
	FcDefaultSubstitute(pattern);
	match = FcFontMatch(config, pattern, &result);
	FcPatternDestroy(pattern);
	return match;
}

/* Writes the file of the best match for family at weight, if fontconfig has that family. */
static bool find_face(FcConfig *config, const char *family, int weight, char *out, size_t size)
{
	FcPattern *match = best_match(config, FcPatternBuild(NULL, FC_FAMILY, FcTypeString, family,
							      FC_WEIGHT, FcTypeInteger, weight,
							      FC_SLANT, FcTypeInteger, FC_SLANT_ROMAN,
							      (char *)NULL));
	FcChar8 *file = NULL, *found_family = NULL;
	bool ok = false;

	if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
	    FcPatternGetString(match, FC_FAMILY, 0, &found_family) == FcResultMatch &&
	    (!strcmp(family, "sans-serif") || !strcasecmp((const char *)found_family, family)) &&
	    (size_t)snprintf(out, size, "%s", (const char *)file) < size)
		ok = true;
	if (match)
		FcPatternDestroy(match);
	return ok;
}

bool fonts_init(struct fonts *fonts, struct rjk_error *err)
{
	FcConfig *config;
	bool found = false;

	memset(fonts, 0, sizeof *fonts);
	if (access(dejavu_regular, R_OK) == 0 && access(dejavu_bold, R_OK) == 0) {
		snprintf(fonts->regular_path, sizeof fonts->regular_path, "%s", dejavu_regular);
		snprintf(fonts->bold_path, sizeof fonts->bold_path, "%s", dejavu_bold);
		return true;
	}
	/* A private configuration, destroyed once the two paths are known: no fontconfig state
	 * outlives this call (FcFini at exit can abort while a GL driver still uses it). */
	config = FcInitLoadConfigAndFonts();
	if (!config)
		return rjk_error_set(err, "fontconfig could not start");
	for (size_t i = 0; i < sizeof families / sizeof families[0] && !found; i++) {
		if (!find_face(config, families[i], FC_WEIGHT_REGULAR, fonts->regular_path,
			       sizeof fonts->regular_path))
			continue;
		if (!find_face(config, families[i], FC_WEIGHT_BOLD, fonts->bold_path,
			       sizeof fonts->bold_path))
			strcpy(fonts->bold_path, fonts->regular_path);
		found = true;
	}
	FcConfigDestroy(config);
	if (!found)
		return rjk_error_set(err, "no sans-serif font found: install fonts-dejavu-core");
	return true;
}

bool fonts_bold(int role)
{
	return role == FONT_HEADING || role == FONT_TITLE;
}

const char *fonts_path(const struct fonts *fonts, int role)
{
	return fonts_bold(role) ? fonts->bold_path : fonts->regular_path;
}

bool fonts_fallback(uint32_t cp, bool bold, struct font_face *face)
{
	/* A private configuration, as at start-up: fontconfig is used for the call and gone
	 * after it. */
	FcConfig *config = FcInitLoadConfigAndFonts();
	FcCharSet *charset = FcCharSetCreate();
	FcPattern *match = NULL;
	FcCharSet *has = NULL;
	FcChar8 *file = NULL;
	int weight = FC_WEIGHT_REGULAR;
	FcBool embolden = FcFalse;
	bool ok = false;

	memset(face, 0, sizeof *face);
	/* fontconfig ranks coverage of the characters asked for above the family: the match is
	 * the sans-serif face nearest the kiosk's among those that have cp. */
	if (config && charset && FcCharSetAddChar(charset, cp))
		match = best_match(config, FcPatternBuild(NULL, FC_FAMILY, FcTypeString,
							  "sans-serif", FC_WEIGHT, FcTypeInteger,
							  bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR,
							  FC_SLANT, FcTypeInteger, FC_SLANT_ROMAN,
							  FC_CHARSET, FcTypeCharSet, charset,
							  (char *)NULL));
	if (match && FcPatternGetCharSet(match, FC_CHARSET, 0, &has) == FcResultMatch &&
	    FcCharSetHasChar(has, cp) &&
	    FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
	    (size_t)snprintf(face->path, sizeof face->path, "%s", (const char *)file) <
		    sizeof face->path) {
		if (FcPatternGetInteger(match, FC_INDEX, 0, &face->index) != FcResultMatch)
			face->index = 0;
		if (FcPatternGetInteger(match, FC_WEIGHT, 0, &weight) != FcResultMatch)
			weight = FC_WEIGHT_REGULAR;
		/* A face with no bold is matched at the weight asked for, to be made bold */
		if (FcPatternGetBool(match, FC_EMBOLDEN, 0, &embolden) != FcResultMatch)
			embolden = FcFalse;
		face->bold = weight >= FC_WEIGHT_DEMIBOLD && !embolden;
		ok = true;
	}
	if (match)
		FcPatternDestroy(match);
	if (charset)
		FcCharSetDestroy(charset);
	if (config)
		FcConfigDestroy(config);
	return ok;
}

bool fonts_resize(struct fonts *fonts, const int px[FONT_ROLE_COUNT], struct rjk_error *err)
{
	for (int role = 0; role < FONT_ROLE_COUNT; role++) {
		const char *path = fonts_path(fonts, role);
		TTF_Font *font;

		if (fonts->font[role] && fonts->px[role] == px[role])
			continue;
		font = TTF_OpenFont(path, px[role]);
		if (!font)
			return rjk_error_set(err, "%s: cannot open font: %s", path, TTF_GetError());
		/* Light hinting keeps shapes faithful at large sizes and crisp at small ones. */
		TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
		if (fonts->font[role])
			TTF_CloseFont(fonts->font[role]);
		fonts->font[role] = font;
		fonts->px[role] = px[role];
		fonts->line_h[role] = TTF_FontLineSkip(font);
	}
	return true;
}

void fonts_release(struct fonts *fonts)
{
	for (int role = 0; role < FONT_ROLE_COUNT; role++) {
		if (fonts->font[role])
			TTF_CloseFont(fonts->font[role]);
		fonts->font[role] = NULL;
		fonts->px[role] = 0;
	}
}
