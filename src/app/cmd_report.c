/* `rjkiosk report`: the session report as an A4 PDF (chart/report_pdf.c), for one session
 * picked by id or by its name. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/commands.h"
#include "chart/chart.h"
#include "chart/report_pdf.h"
#include "core/settings.h"
#include "core/store.h"

static const char report_usage[] =
	"Usage: rjkiosk report [--data DIR] (--session ID | --name NAME) --out FILE.pdf\n"
	"                      [--names] [--min-answers N]\n"
	"\n"
	"Writes a session's report as an A4 PDF (private, mode 0600, replaced only once\n"
	"complete): a cover, then every question with its counts and chart or its anonymous\n"
	"answers (answers hidden in the debrief left out).\n"
	"  --session ID       the session (see 'rjkiosk sessions')\n"
	"  --name NAME        the session with that name (its label)\n"
	"  --out FILE         the PDF to write\n"
	"  --names            add an appendix with each trainee's answers under their name\n"
	"  --min-answers N    show nothing of a question with fewer answers (default: the\n"
	"                     kiosk's setting, 3 unless changed)\n"
	"  --data DIR         the data folder\n"
	"  -h, --help         show this help\n";

_Static_assert(SETTINGS_MIN_ANSWERS_MAX == 50, "--min-answers' message names the limit");

static int usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "rjkiosk report: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", report_usage);
	return 2;
}

/* The session named name: the only one with that label, else an error naming the ids. */
static bool find_by_name(struct store *store, const char *name, int64_t *id,
			 struct rjk_error *err)
{
	struct store_session_info *list;
	size_t n, found = 0;
	char ids[256] = "";

	if (!store_list_sessions(store, 0, &list, &n, err))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!list[i].label || strcmp(list[i].label, name))
			continue;
		*id = list[i].id;
		snprintf(ids + strlen(ids), sizeof ids - strlen(ids), "%s%lld", found ? ", " : "",
			 (long long)list[i].id);
		found++;
	}
	store_sessions_free(list, n);
	if (found == 1)
		return true;
	if (!found)
		return rjk_error_set(err, "no session is named '%s'; 'rjkiosk sessions' lists them",
				     name);
	return rjk_error_set(err, "%zu sessions are named '%s' (ids %s): pass --session ID", found,
			     name, ids);
}

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"data", required_argument, NULL, 'd'},
		{"session", required_argument, NULL, 's'},
		{"name", required_argument, NULL, 'n'},
		{"out", required_argument, NULL, 'o'},
		{"names", no_argument, NULL, 'N'},
		{"min-answers", required_argument, NULL, 'm'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *data = NULL, *name = NULL, *out = NULL;
	struct report_request req = {0};
	struct rjk_error err = {{0}};
	char dir[PATH_MAX], db[PATH_MAX + 32];
	struct settings settings;
	struct stat st;
	struct store *store;
	long v;
	char *end;
	int c;

	req.min_n = 0;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'n': name = optarg; break;
		case 'o': out = optarg; break;
		case 'N': req.names = true; break;
		case 's':
		case 'm':
			errno = 0;
			v = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || v < 1 ||
			    (c == 'm' && v > SETTINGS_MIN_ANSWERS_MAX))
				return usage(c == 's' ? "bad session id '%s'" :
					     "--min-answers takes a whole number from 1 to 50, "
					     "not '%s'", optarg);
			if (c == 's')
				req.session = v;
			else
				req.min_n = (int)v;
			break;
		case 'h': return fputs(report_usage, stdout), 0;
		default: return usage("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage("unexpected argument '%s'", argv[optind]);
	if (!out || (!req.session == !name))
		return usage("%s", !out ? "--out FILE.pdf is required"
					: "give one of --session ID and --name NAME");
	if (data)
		snprintf(dir, sizeof dir, "%s", data);
	else if (!store_default_dir(dir, sizeof dir, &err))
		return fprintf(stderr, "rjkiosk report: %s\n", err.message), 1;
	snprintf(db, sizeof db, "%s/%s", dir, STORE_DB_NAME);
	if (lstat(db, &st) != 0)
		return fprintf(stderr, "rjkiosk report: no responses are stored in %s (there is no "
			       "%s).\n", dir, STORE_DB_NAME), 1;
	if (!req.min_n)
		req.min_n = settings_load(dir, &settings, &err) ? settings.min_answers
								  : settings_defaults().min_answers;
	store = store_open_beside_kiosk(dir, &err);
	if (!store)
		return fprintf(stderr, "rjkiosk report: %s\n", err.message), 1;
	bool ok = (!name || find_by_name(store, name, &req.session, &err)) &&
		  report_write(store, &req, out, &err);
	store_close(store);
	chart_release_fonts();
	if (!ok)
		return fprintf(stderr, "rjkiosk report: %s\n", err.message), 1;
	printf("Wrote the report of session %lld to %s\n", (long long)req.session, out);
	return 0;
}
