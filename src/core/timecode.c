/* Parsing and formatting of video times (see timecode.h). */
#include "core/timecode.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>

/* Reads 1 to max_digits digits at *p into *value. */
static bool digits(const char **p, int min_digits, int max_digits, int64_t *value)
{
	int n = 0;
	int64_t v = 0;
	while (n < max_digits && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++, n++;
	}
	*value = v;
	return n >= min_digits && !isdigit((unsigned char)**p);
}

bool timecode_parse(const char *text, int64_t *ms)
{
	const char *p = text;
	int64_t f[3];
	int fields = 0;
	for (;;) {
		if (fields == 3)
			return false;
		/* the first field is free-width; the following ones are exactly two digits */
		bool first = fields == 0;
		if (!digits(&p, first ? 1 : 2, first ? 3 : 2, &f[fields]))
			return false;
		fields++;
		if (*p != ':')
			break;
		p++;
	}
	if (fields < 2)
		return false;
	int64_t frac = 0;
	if (*p == '.') {
		p++;
		const char *start = p;
		if (!digits(&p, 1, 3, &frac))
			return false;
		for (ptrdiff_t n = p - start; n < 3; n++)
			frac *= 10;
	}
	if (*p != '\0')
		return false;
	int64_t h = 0, m, s;
	if (fields == 3) {
		h = f[0], m = f[1], s = f[2];
		if (h > 99 || m > 59)
			return false;
	} else {
		m = f[0], s = f[1];
	}
	if (s > 59)
		return false;
	*ms = ((h * 60 + m) * 60 + s) * 1000 + frac;
	return true;
}

char *timecode_format(int64_t ms, char *out, size_t outsz)
{
	if (ms < 0)
		ms = 0;
	int64_t s = ms / 1000;
	if (s >= 3600)
		snprintf(out, outsz, "%" PRId64 ":%02" PRId64 ":%02" PRId64, s / 3600, s / 60 % 60,
			 s % 60);
	else
		snprintf(out, outsz, "%" PRId64 ":%02" PRId64, s / 60, s % 60);
	return out;
}

char *timecode_format_ms(int64_t ms, char *out, size_t outsz)
{
	if (ms < 0)
		ms = 0;
	snprintf(out, outsz, "%" PRId64 ":%02" PRId64 ":%02" PRId64 ".%03" PRId64, ms / 3600000,
		 ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
	return out;
}
