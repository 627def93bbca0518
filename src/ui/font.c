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

/* Writes the file of the best match for family at weight, if fontconfig has that family. */
static bool find_face(FcConfig *config, const char *family, int weight, char *out, size_t size)
{
	FcPattern *pattern = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, family, FC_WEIGHT,
					    FcTypeInteger, weight, FC_SLANT, FcTypeInteger,
					    FC_SLANT_ROMAN, (char *)NULL);
	FcPattern *match = NULL;
	FcResult result;
	FcChar8 *file = NULL, *found_family = NULL;
	bool ok = false;

	if (!pattern)
		return false;
	FcConfigSubstitute(config, pattern, FcMatchPattern);
	FcDefaultSubstitute(pattern);
	match = FcFontMatch(config, pattern, &result);
	if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
	    FcPatternGetString(match, FC_FAMILY, 0, &found_family) == FcResultMatch &&
	    (!strcmp(family, "sans-serif") || !strcasecmp((const char *)found_family, family)) &&
	    (size_t)snprintf(out, size, "%s", (const char *)file) < size)
		ok = true;
	if (match)
		FcPatternDestroy(match);
	FcPatternDestroy(pattern);
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

const char *fonts_path(const struct fonts *fonts, int role)
{
	return role == FONT_HEADING || role == FONT_TITLE ? fonts->bold_path : fonts->regular_path;
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
