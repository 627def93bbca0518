/* The data commands: list sessions, export responses, purge them. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/clock.h"
#include "app/commands.h"
#include "core/datalock.h"
#include "core/export.h"
#include "core/iri.h"
#include "core/report.h"
#include "core/settings.h"
#include "core/store.h"
#include "core/words.h"

static const char sessions_usage[] =
	"Usage: rjkiosk sessions [--data DIR]\n"
	"\n"
	"Lists the sessions stored on this machine: id, start and end (local time; \"(open)\"\n"
	"until the facilitator ends it), scenario, participants and answers by status, and the\n"
	"session's name (given on the kiosk's menu); export and purge take the id.\n"
	"  --data DIR   the data folder (default: $XDG_DATA_HOME/rjkiosk or\n"
	"               ~/.local/share/rjkiosk)\n"
	"  -h, --help   show this help\n";

static const char export_usage[] =
	"Usage: rjkiosk export [--data DIR] [--session ID | --all] --format csv|json|xapi\n"
	"                      [--excel] [--out FILE] [--xapi-base IRI]\n"
	"\n"
	"Writes stored responses for the facilitator (see docs/exports.md).\n"
	"  --format F       csv (one row per response), json (one document), or xapi\n"
	"                   (xAPI 1.0.3 statements for a learning record store)\n"
	"  --session ID     only that session (see 'rjkiosk sessions')\n"
	"  --all            every session (the default)\n"
	"  --excel          CSV: add the byte-order mark Excel needs to read UTF-8\n"
	"  --out FILE       write FILE (private, mode 0600) instead of standard output;\n"
	"                   FILE is replaced only once the export is complete\n"
	"  --xapi-base IRI  xAPI: base of activity ids and of the actor's home page\n"
	"                   (default: the data folder's setting, see 'rjkiosk settings',\n"
	"                   else " EXPORT_XAPI_DEFAULT_BASE ")\n"
	"  --data DIR       the data folder\n"
	"  -h, --help       show this help\n";

static const char purge_usage[] =
	"Usage: rjkiosk purge [--data DIR] (--session ID | --all | --older-than DAYS) [--yes]\n"
	"\n"
	"Deletes sessions with their participants and responses for good (for data-retention\n"
	"rules). Asks for confirmation on the terminal unless --yes is given.\n"
	"  --session ID       that session\n"
	"  --all              every session\n"
	"  --older-than DAYS  sessions that ended (or, if never ended, started) more than\n"
	"                     DAYS days ago\n"
	"  --yes              do not ask (for scripts)\n"
	"  --data DIR         the data folder\n"
	"  -h, --help         show this help\n";

/* Sessions, participants and responses counted in words that agree with them ("1 session",
 * "4 participants"), for the messages of export and purge. */
struct counted {
	char sessions[64], people[64], responses[64];
};

static void count_words(struct counted *w, size_t sessions, size_t people, size_t responses)
{
	words_count(w->sessions, sizeof w->sessions, (long long)sessions, "session", "sessions", 0);
	words_count(w->people, sizeof w->people, (long long)people, "participant", "participants",
		    0);
	words_count(w->responses, sizeof w->responses, (long long)responses, "response",
		    "responses", 0);
}

/* What every data command needs from its options. */
struct data_args {
	const char *data_dir;
	char db_dir[PATH_MAX];          /* the data folder open_existing found */
	char db_path[PATH_MAX];
};

static int usage_error(const char *cmd, const char *usage, const char *fmt, const char *arg)
{
	fprintf(stderr, "rjkiosk %s: ", cmd);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", usage);
	return 2;
}

static bool parse_id(const char *s, int64_t max, int64_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > max)
		return false;
	*out = v;
	return true;
}

/* Opens the store for a data command: a folder without a database is reported rather than
 * filled with a new empty one. With lock (purge), the data folder's lock is taken first, so no
 * kiosk runs on it meanwhile. Returns NULL after printing why. */
static struct store *open_existing(const char *cmd, struct data_args *a, struct datalock **lock)
{
	struct rjk_error err = {{0}};
	char dir[PATH_MAX];
	if (a->data_dir)
		snprintf(dir, sizeof dir, "%s", a->data_dir);
	else if (!store_default_dir(dir, sizeof dir, &err)) {
		fprintf(stderr, "rjkiosk %s: %s\n", cmd, err.message);
		return NULL;
	}
	snprintf(a->db_dir, sizeof a->db_dir, "%s", dir);
	if (snprintf(a->db_path, sizeof a->db_path, "%s/%s", dir, STORE_DB_NAME) >=
	    (int)sizeof a->db_path) {
		fprintf(stderr, "rjkiosk %s: the data folder's path is too long\n", cmd);
		return NULL;
	}
	struct stat st;
	/* lstat: a database that is a link is refused by store_open with the reason. */
	if (lstat(a->db_path, &st) != 0) {
		fprintf(stderr, "rjkiosk %s: no responses are stored in %s (there is no %s).\n",
			cmd, dir, STORE_DB_NAME);
		return NULL;
	}
	if (lock && !(*lock = datalock_take(dir, DATALOCK_PURGE, NULL, &err))) {
		fprintf(stderr, "rjkiosk %s: %s Nothing was deleted. (While the kiosk runs, the "
			"facilitator's menu can delete old sessions.)\n", cmd, err.message);
		return NULL;
	}
	/* A purge holds the lock already; other commands take it only to upgrade the data. */
	struct store *store = lock ? store_open(a->data_dir, &err)
				   : store_open_beside_kiosk(a->data_dir, &err);
	if (!store)
		fprintf(stderr, "rjkiosk %s: %s\n", cmd, err.message);
	return store;
}

static void local_time(int64_t ms, char *buf, size_t size)
{
	clock_local_text(ms, "%Y-%m-%d %H:%M", "(open)", buf, size);
}

/* Prints s, typed on the kiosk, on one line of the table: line breaks, escape codes and other
 * characters a terminal would act on are shown escaped (report_escape). */
static void print_cell(const char *s)
{
	char shown[1024];
	report_escape(shown, sizeof shown, s ? s : "", s ? strlen(s) : 0, 0);
	fputs(shown, stdout);
}

int cmd_sessions(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"data", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	struct data_args a = {0};
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'd')
			a.data_dir = optarg;
		else if (c == 'h')
			return fputs(sessions_usage, stdout), 0;
		else
			return usage_error("sessions", sessions_usage, "unknown option '%s'",
					   argv[optind - 1]);
	}
	if (optind < argc)
		return usage_error("sessions", sessions_usage, "unexpected argument '%s'",
				   argv[optind]);
	struct store *store = open_existing("sessions", &a, NULL);
	if (!store)
		return 1;
	struct rjk_error err = {{0}};
	struct store_session_info *list;
	size_t n;
	if (!store_list_sessions(store, 0, &list, &n, &err)) {
		fprintf(stderr, "rjkiosk sessions: %s\n", err.message);
		store_close(store);
		return 1;
	}
	if (n == 0)
		printf("No sessions are stored in %s.\n", store_dir(store));
	else
		printf("%5s  %-16s  %-16s  %-20s  %6s  %8s  %6s  %6s  %s\n", "ID", "STARTED", "ENDED",
		       "SCENARIO", "PEOPLE", "ANSWERED", "PASSED", "DRAFTS", "NAME");
	for (size_t i = 0; i < n; i++) {
		char started[32], ended[32];
		local_time(list[i].started, started, sizeof started);
		local_time(list[i].ended, ended, sizeof ended);
		printf("%5lld  %-16s  %-16s  %-20s  %6zu  %8zu  %6zu  %6zu  ",
		       (long long)list[i].id, started, ended, list[i].scenario_id,
		       list[i].participants, list[i].answered, list[i].passed, list[i].drafts);
		print_cell(list[i].label);
		putchar('\n');
	}
	store_sessions_free(list, n);
	store_close(store);
	return 0;
}

/* Ctrl+C or a stop during `export --out` removes the partial file before the process ends, so
 * no answers stay in a hidden file (a later export also clears any a kill -9 left). */
static void remove_partial_and_die(int sig)
{
	const char *partial = export_partial_file();

	if (partial)
		unlink(partial);
	signal(sig, SIG_DFL);
	raise(sig);
}

int cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"data", required_argument, NULL, 'd'},
		{"session", required_argument, NULL, 's'},
		{"all", no_argument, NULL, 'a'},
		{"format", required_argument, NULL, 'f'},
		{"excel", no_argument, NULL, 'e'},
		{"out", required_argument, NULL, 'o'},
		{"xapi-base", required_argument, NULL, 'x'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	struct data_args a = {0};
	struct export_options opts = {0};
	const char *out = NULL, *format = NULL;
	bool all = false;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': a.data_dir = optarg; break;
		case 'a': all = true; break;
		case 'f': format = optarg; break;
		case 'e': opts.excel_bom = true; break;
		case 'o': out = optarg; break;
		case 'x': opts.xapi_base = optarg; break;
		case 'h': return fputs(export_usage, stdout), 0;
		case 's':
			if (!parse_id(optarg, INT64_MAX, &opts.session) || opts.session == 0)
				return usage_error("export", export_usage, "invalid session id '%s'",
						   optarg);
			break;
		default:
			return usage_error("export", export_usage, "unknown or incomplete option '%s'",
					   argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("export", export_usage, "unexpected argument '%s'", argv[optind]);
	if (!format)
		return usage_error("export", export_usage, "%s", "--format is required");
	if (!export_format_parse(format, &opts.format))
		return usage_error("export", export_usage, "unknown format '%s'", format);
	if (all && opts.session)
		return usage_error("export", export_usage, "%s",
				   "--session and --all cannot be used together");
	if (opts.excel_bom && opts.format != EXPORT_CSV)
		return usage_error("export", export_usage, "%s", "--excel only applies to csv");
	struct rjk_error base_err = {{0}};
	if (opts.xapi_base && !iri_check_base(opts.xapi_base, &base_err))
		return usage_error("export", export_usage, "%s", base_err.message);
	struct store *store = open_existing("export", &a, NULL);
	if (!store)
		return 1;
	struct settings saved;
	if (opts.format == EXPORT_XAPI && !opts.xapi_base &&
	    settings_load(a.db_dir, &saved, &base_err) &&
	    saved.xapi_base[0])
		opts.xapi_base = saved.xapi_base;
	struct rjk_error err = {{0}};
	struct export_summary sum;
	if (out) {
		signal(SIGINT, remove_partial_and_die);
		signal(SIGTERM, remove_partial_and_die);
		signal(SIGHUP, remove_partial_and_die);
	}
	bool ok = out ? export_to_path(store, &opts, out, &sum, &err)
		      : export_write(store, &opts, stdout, &sum, &err);
	store_close(store);
	if (!ok) {
		fprintf(stderr, "rjkiosk export: %s\n", err.message);
		return 1;
	}
	if (out) {
		struct counted w;
		count_words(&w, sum.sessions, sum.participants, sum.responses);
		fprintf(stderr, "Wrote %s of %s in %s to %s.\n", w.responses, w.people, w.sessions,
			out);
	}
	return 0;
}

/* Asks on the terminal; true only for an explicit yes. */
static bool confirm(const char *question)
{
	char line[32];
	fprintf(stderr, "%s Type 'yes' to delete: ", question);
	fflush(stderr);
	if (!fgets(line, sizeof line, stdin))
		return false;
	line[strcspn(line, "\r\n")] = '\0';
	return !strcmp(line, "yes");
}

int cmd_purge(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"data", required_argument, NULL, 'd'},
		{"session", required_argument, NULL, 's'},
		{"all", no_argument, NULL, 'a'},
		{"older-than", required_argument, NULL, 'o'},
		{"yes", no_argument, NULL, 'y'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	struct data_args a = {0};
	struct store_purge_request req = {0};
	int scopes = 0;
	bool yes = false;
	int64_t v;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': a.data_dir = optarg; break;
		case 'y': yes = true; break;
		case 'h': return fputs(purge_usage, stdout), 0;
		case 'a':
			req.scope = STORE_PURGE_ALL;
			scopes++;
			break;
		case 's':
			if (!parse_id(optarg, INT64_MAX, &v) || v == 0)
				return usage_error("purge", purge_usage, "invalid session id '%s'",
						   optarg);
			req.scope = STORE_PURGE_SESSION;
			req.session = v;
			scopes++;
			break;
		case 'o':
			if (!parse_id(optarg, 1000000, &v))
				return usage_error("purge", purge_usage, "invalid number of days '%s'",
						   optarg);
			req.scope = STORE_PURGE_OLDER_THAN;
			req.days = (int)v;
			scopes++;
			break;
		default:
			return usage_error("purge", purge_usage, "unknown or incomplete option '%s'",
					   argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("purge", purge_usage, "unexpected argument '%s'", argv[optind]);
	if (scopes != 1)
		return usage_error("purge", purge_usage, "%s",
				   "give exactly one of --session, --all or --older-than");
	if (!yes && !isatty(STDIN_FILENO))
		return usage_error("purge", purge_usage, "%s",
				   "no terminal to confirm on: pass --yes to delete from a script");
	struct datalock *lock = NULL;
	struct store *store = open_existing("purge", &a, &lock);
	if (!store) {
		datalock_release(lock);
		return 1;
	}
	struct rjk_error err = {{0}};
	size_t sessions = 0, people = 0, responses = 0, deleted = 0;
	int status = 0;
	if (!store_purge_preview(store, &req, &sessions, &people, &responses, &err)) {
		status = 1;
	} else if (req.scope == STORE_PURGE_SESSION && sessions == 0) {
		rjk_error_set(&err, "There is no session %lld; 'rjkiosk sessions' lists them.",
			      (long long)req.session);
		status = 1;
	} else if (sessions == 0) {
		printf("Nothing to delete.\n");
	} else {
		char question[PATH_MAX + 256];
		struct counted w;
		count_words(&w, sessions, people, responses);
		snprintf(question, sizeof question, "Delete %s (%s, %s) from %s for good? This "
			 "cannot be undone.", w.sessions, w.people, w.responses, store_path(store));
		if (!yes && !confirm(question)) {
			fprintf(stderr, "Nothing was deleted.\n");
			status = 1;
		} else if (!store_purge(store, &req, &deleted, &err)) {
			status = 1;
		} else {
			count_words(&w, deleted, people, responses);
			printf("Deleted %s (%s, %s).\n", w.sessions, w.people, w.responses);
		}
	}
	if (status && err.message[0])
		fprintf(stderr, "rjkiosk purge: %s\n", err.message);
	store_close(store);
	datalock_release(lock);
	return status;
}
