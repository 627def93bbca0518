/* Session and file names for one session's export (see export_name.h). */
#include "core/export_name.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/words.h"

/* Letters and digits in the file names: other characters (spaces, punctuation, letters a
 * USB stick's file system or a spreadsheet program may garble) become one '-'. */
#define NAME_PART_MAX 48

void export_name_session(const struct store_session_info *s, char *out, size_t size)
{
	if (s->label && s->label[0])
		snprintf(out, size, "%s", s->label);
	else
		snprintf(out, size, "Session %lld", (long long)s->id);
}

static bool is_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* name reduced to letters and digits joined by single '-', at most NAME_PART_MAX long. A
 * longer name is cut after its last whole word that fits, unless that leaves less than half
 * (one very long word is cut where the room ends). */
static void safe_part(const char *name, char *out)
{
	char all[256];
	size_t n = 0;
	bool dash = false;

	for (const unsigned char *p = (const unsigned char *)name; *p && n + 2 < sizeof all; p++) {
		if (is_safe(*p)) {
			if (dash && n > 0)
				all[n++] = '-';
			all[n++] = (char)*p;
			dash = false;
		} else {
			dash = true;
		}
	}
	if (n > NAME_PART_MAX) {
		size_t cut = NAME_PART_MAX;

		if (all[cut] != '-') {
			size_t word = cut;

			while (word > 0 && all[word - 1] != '-')
				word--;
			if (word > NAME_PART_MAX / 2)
				cut = word - 1; /* the '-' before the word cut */
		}
		n = cut;
		while (n > 0 && all[n - 1] == '-')
			n--;
	}
	memcpy(out, all, n);
	out[n] = '\0';
}

const char *export_name_ending(enum export_format format)
{
	static const char *const endings[] = {
		[EXPORT_CSV] = "csv", [EXPORT_JSON] = "json", [EXPORT_XAPI] = "xapi.json",
	};

	return (size_t)format < sizeof endings / sizeof endings[0] ? endings[format] : "txt";
}

void export_name_file(const struct store_session_info *s, const char *ending, unsigned n,
		      char *out, size_t size)
{
	char name[256], part[NAME_PART_MAX + 1], day[16] = "undated", number[16] = "";
	time_t t = (time_t)(s->started / 1000);
	struct tm tm;

	export_name_session(s, name, sizeof name);
	safe_part(name, part);
	if (!part[0])
		snprintf(part, sizeof part, "Session-%lld", (long long)s->id);
	if (s->started > 0 && localtime_r(&t, &tm))
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
	if (n > 1)
		snprintf(number, sizeof number, "-%u", n);
	snprintf(out, size, "rjkiosk-%s-%s%s.%s", part, day, number, ending);
}

bool export_name_pick(const char *folder, const struct store_session_info *s,
		      const char *ending, char *out, size_t size, struct rjk_error *err)
{
	for (unsigned n = 1; n < 1000; n++) {
		char path[PATH_MAX];
		struct stat st;

		export_name_file(s, ending, n, out, size);
		if (snprintf(path, sizeof path, "%s/%s", folder, out) >= (int)sizeof path)
			return rjk_error_set(err, "the folder's path is too long");
		if (lstat(path, &st) != 0) {
			if (errno == ENOENT)
				return true;
			return rjk_error_set(err, "cannot look into the folder: %s",
					     strerror(errno));
		}
	}
	return rjk_error_set(err, "it already holds 999 exports of this session");
}

void export_name_message(const struct export_summary *sum, const char *where, const char *file,
			 char *out, size_t size)
{
	char answers[64], people[64];

	words_count(answers, sizeof answers, (long long)sum->responses, "answer", "answers", 1);
	words_count(people, sizeof people, (long long)sum->participants, "participant",
		    "participants", 0);
	/* "no answers" starts the sentence: "No answers". */
	if (answers[0] == 'n')
		answers[0] = 'N';
	if (!sum->responses && !sum->participants)
		snprintf(out, size, "Nobody has answered yet: the file written to %s as %s holds no "
			 "answers.", where, file);
	else
		snprintf(out, size, "%s from %s %s written to %s as %s.", answers, people,
			 words_verb((long long)sum->responses, "was", "were"), where, file);
}
