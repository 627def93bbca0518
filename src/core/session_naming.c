/* The names facilitators give sessions: a default from the time and the scenario, and a typed
 * one made tidy. */
#include "core/session_naming.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/utf8.h"

const char *session_naming_time(char *out, size_t size, int64_t ms)
{
	/* Written out here rather than by strftime, so that the name reads the same whatever
	 * locale the kiosk runs in. */
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (!size)
		return out;
	if (!localtime_r(&t, &tm))
		memset(&tm, 0, sizeof tm);
	snprintf(out, size, "%s %d %s, %02d:%02d", days[(unsigned)tm.tm_wday % 7], tm.tm_mday,
		 months[(unsigned)tm.tm_mon % 12], tm.tm_hour, tm.tm_min);
	return out;
}

const char *session_naming_default(char *out, size_t size, int64_t ms, const char *title,
				   size_t max_chars)
{
	size_t used, chars, at = 0, len;

	if (!size)
		return out;
	session_naming_time(out, size, ms);
	used = strlen(out);
	if (used + 1 >= size || !title || !*title)
		return out;
	chars = used + 3; /* " · " */
	if (chars >= max_chars || used + 4 >= size)
		return out;
	memcpy(out + used, " \xc2\xb7 ", 4);
	used += 4;
	len = strlen(title);
	/* Whole characters of the title while they fit, in characters and in bytes. */
	while (at < len && chars < max_chars) {
		size_t next = utf8_next(title, len, at);

		if (next <= at || used + next >= size)
			break;
		at = next;
		chars++;
	}
	if (!at) {
		out[used - 4] = '\0'; /* no room for any of the title: no separator either */
		return out;
	}
	memcpy(out + used, title, at);
	used += at;
	while (used > 0 && out[used - 1] == ' ')
		used--;
	out[used] = '\0';
	return out;
}

static bool space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool session_naming_tidy(const char *typed, char *out, size_t size)
{
	size_t len;

	if (!typed)
		return false;
	while (space(*typed))
		typed++;
	len = strlen(typed);
	while (len && space(typed[len - 1]))
		len--;
	if (!len || len >= size)
		return false;
	memcpy(out, typed, len);
	out[len] = '\0';
	return true;
}
