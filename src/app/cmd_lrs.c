/* The learning record store commands: `rjkiosk lrs` (set, switch off, show the status),
 * `rjkiosk push` (send now), `rjkiosk import FILE` (another kiosk's export into the class) and
 * `rjkiosk class` (a class's answers from every kiosk, merged). */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/clock.h"
#include "app/commands.h"
#include "core/export.h"
#include "core/iri.h"
#include "core/lrs_class.h"
#include "core/lrs_config.h"
#include "core/lrs_push.h"
#include "core/report.h"
#include "core/settings.h"
#include "core/store.h"
#include "core/store_lrs.h"
#include "core/words.h"

static const char lrs_usage[] =
	"Usage: rjkiosk lrs [--data DIR] --endpoint URL --username USER --password-stdin\n"
	"                   [--ca-file PEM] [--xapi-base IRI]\n"
	"       rjkiosk lrs [--data DIR] --off\n"
	"       rjkiosk lrs [--data DIR] --status\n"
	"\n"
	"Sets the learning record store (xAPI 1.0.3) the kiosk sends every answer to, as it is\n"
	"stored (see docs/lrs.md). The password is read from one line of standard input and kept\n"
	"in a private file (0600); it is never shown.\n"
	"  --endpoint URL    the LRS's xAPI address (https://; http:// only to this computer)\n"
	"  --username USER   the kiosk's key (Basic auth)\n"
	"  --password-stdin  read its secret from standard input\n"
	"  --ca-file PEM     trust this CA for the LRS's certificate (default: the system's)\n"
	"  --xapi-base IRI   base of the statements' activity ids, the same setting as\n"
	"                    'rjkiosk settings --xapi-base' (default " EXPORT_XAPI_DEFAULT_BASE ")\n"
	"  --off             stop sending (the answers stay queued)\n"
	"  --status          the endpoint, last delivery, statements queued and parked\n"
	"  --data DIR        the data folder\n"
	"  -h, --help        show this help\n";

static const char push_usage[] =
	"Usage: rjkiosk push [--data DIR] [--retry-parked]\n"
	"\n"
	"Sends the queued statements to the LRS now and prints how many were sent, are still\n"
	"queued and are parked (refused by the LRS). Exit 0 when nothing is left queued.\n"
	"  --retry-parked  queue the parked statements again first\n"
	"  --data DIR      the data folder\n"
	"  -h, --help      show this help\n";

static const char import_usage[] =
	"Usage: rjkiosk import [--data DIR] FILE\n"
	"\n"
	"Brings another kiosk's export (xAPI or JSON, from 'rjkiosk export') into this kiosk, so\n"
	"that the debrief of its class shows those answers too. Importing a file twice changes\n"
	"nothing.\n"
	"  --data DIR  the data folder\n"
	"  -h, --help  show this help\n";

static const char class_usage[] =
	"Usage: rjkiosk class [--data DIR] (--session ID | --code CODE --scenario ID)\n"
	"\n"
	"Lists a class's answers from every kiosk: read back from the LRS when one is set,\n"
	"imported, and this kiosk's own, merged without duplicates.\n"
	"  --session ID   the class of that session (see 'rjkiosk sessions')\n"
	"  --code CODE    the class code the facilitator's kiosk shows, with --scenario\n"
	"  --data DIR     the data folder\n"
	"  -h, --help     show this help\n";

/* Says what is wrong with the command line (followed by 'arg' when there is one) and how to
 * use the command; returns the usage exit status. */
static int usage(const char *cmd, const char *text, const char *what, const char *arg)
{
	if (arg && *arg)
		fprintf(stderr, "rjkiosk %s: %s '%s'\n%s", cmd, what, arg, text);
	else
		fprintf(stderr, "rjkiosk %s: %s\n%s", cmd, what, text);
	return 2;
}

static bool data_dir(const char *given, char *out, size_t size, const char *cmd)
{
	struct rjk_error err = {{0}};
	if (given) {
		snprintf(out, size, "%s", given);
		return true;
	}
	if (store_default_dir(out, size, &err))
		return true;
	fprintf(stderr, "rjkiosk %s: %s\n", cmd, err.message);
	return false;
}

static void local_time(int64_t ms, char *buf, size_t size)
{
	clock_local_text(ms, "%Y-%m-%d %H:%M:%S", "never", buf, size);
}

static bool read_password(char *out, size_t size)
{
	if (!fgets(out, (int)size, stdin))
		return false;
	out[strcspn(out, "\r\n")] = '\0';
	return out[0] != '\0';
}

static int print_status(const char *dir)
{
	struct rjk_error err = {{0}};
	struct lrs_config config;
	bool found;
	if (!lrs_config_load(dir, &config, &found, &err)) {
		fprintf(stderr, "rjkiosk lrs: %s\n", err.message);
		return 1;
	}
	lrs_config_wipe(&config);
	struct store *store = store_open_beside_kiosk(dir, &err);
	if (!store) {
		fprintf(stderr, "rjkiosk lrs: %s\n", err.message);
		return 1;
	}
	struct lrs_state state;
	size_t queued = 0, parked = 0, nparked = 0;
	struct outbox_parked *list = NULL;
	bool ok = store_lrs_state_load(store, &state, &err) &&
		  store_outbox_counts(store, &queued, &parked, &err) &&
		  store_outbox_parked(store, 20, &list, &nparked, &err);
	if (!ok) {
		fprintf(stderr, "rjkiosk lrs: %s\n", err.message);
		store_close(store);
		return 1;
	}
	char when[64], words[64];
	local_time(state.last_success_ms, when, sizeof when);
	printf("Endpoint:       %s\n", found ? config.endpoint : "none (sending is off)");
	if (found)
		printf("Certificates:   %s\n", config.ca_file[0] ? config.ca_file : "the system's");
	printf("Last delivery:  %s\n", when);
	printf("Queued:         %s\n", words_count(words, sizeof words, queued, "statement",
						    "statements", 1));
	printf("Parked:         %s\n", words_count(words, sizeof words, parked, "statement",
						    "statements", 1));
	if (state.stopped)
		printf("Stopped:        %s\n", state.last_error);
	else if (state.last_error[0]) {
		local_time(state.next_ms, when, sizeof when);
		printf("Last failure:   %s (next try %s)\n", state.last_error, when);
	}
	for (size_t i = 0; i < nparked; i++) {
		char shown[400];
		report_escape(shown, sizeof shown, list[i].reason, strlen(list[i].reason), 0);
		printf("  parked %s: %s\n", list[i].statement_id, shown);
	}
	store_outbox_parked_free(list, nparked);
	store_close(store);
	return 0;
}

/* A new configuration starts afresh: no wait, and not stopped for old credentials. */
static bool reset_state(const char *dir, struct rjk_error *err)
{
	struct store *store = store_open_beside_kiosk(dir, err);
	if (!store)
		return false;
	struct lrs_state state;
	bool ok = store_lrs_state_load(store, &state, err);
	state.failures = 0;
	state.next_ms = 0;
	state.stopped = false;
	state.last_error[0] = '\0';
	ok = ok && store_lrs_state_save(store, &state, err);
	store_close(store);
	return ok;
}

/* The xAPI base is a setting (core/settings), shared with the exports. */
static bool save_xapi_base(const char *dir, const char *base, struct rjk_error *err)
{
	struct settings s;
	if (!settings_load(dir, &s, err))
		return false;
	snprintf(s.xapi_base, sizeof s.xapi_base, "%s", base);
	return settings_save(dir, &s, err);
}

int cmd_lrs(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"data", required_argument, NULL, 'd'},
		{"endpoint", required_argument, NULL, 'e'},
		{"username", required_argument, NULL, 'u'},
		{"password-stdin", no_argument, NULL, 'p'},
		{"ca-file", required_argument, NULL, 'c'},
		{"xapi-base", required_argument, NULL, 'b'},
		{"off", no_argument, NULL, 'o'},
		{"status", no_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *given_dir = NULL, *endpoint = NULL, *username = NULL, *ca = NULL, *base = NULL;
	bool password_stdin = false, off = false, status = false;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': given_dir = optarg; break;
		case 'e': endpoint = optarg; break;
		case 'u': username = optarg; break;
		case 'p': password_stdin = true; break;
		case 'c': ca = optarg; break;
		case 'b': base = optarg; break;
		case 'o': off = true; break;
		case 's': status = true; break;
		case 'h': return fputs(lrs_usage, stdout), 0;
		default: return usage("lrs", lrs_usage, "unknown option", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage("lrs", lrs_usage, "unexpected argument", argv[optind]);
	bool set = endpoint || username || password_stdin || ca || base;
	if ((off + status + set) != 1)
		return usage("lrs", lrs_usage, "give one of --endpoint ..., --off or --status", NULL);
	char dir[PATH_MAX];
	if (!data_dir(given_dir, dir, sizeof dir, "lrs"))
		return 1;
	struct rjk_error err = {{0}};
	if (status)
		return print_status(dir);
	if (off) {
		if (!lrs_config_save(dir, NULL, &err)) {
			fprintf(stderr, "rjkiosk lrs: %s\n", err.message);
			return 1;
		}
		printf("Sending to the LRS is off; answers stay queued until an LRS is set again.\n");
		return 0;
	}
	if (!endpoint || !username || !password_stdin)
		return usage("lrs", lrs_usage, "--endpoint, --username and --password-stdin go "
			     "together", NULL);
	struct lrs_config config = {0};
	snprintf(config.endpoint, sizeof config.endpoint, "%s", endpoint);
	snprintf(config.username, sizeof config.username, "%s", username);
	if (strlen(endpoint) >= sizeof config.endpoint - 1 ||
	    !lrs_config_check_endpoint(config.endpoint, &err) ||
	    (base && !iri_check_base(base, &err))) {
		fprintf(stderr, "rjkiosk lrs: %s\n", err.message[0] ? err.message : "too long");
		return 2;
	}
	if (ca) {
		if (!realpath(ca, config.ca_file) || access(config.ca_file, R_OK) != 0) {
			fprintf(stderr, "rjkiosk lrs: cannot read the CA file %s\n", ca);
			return 1;
		}
	}
	if (!read_password(config.password, sizeof config.password)) {
		fprintf(stderr, "rjkiosk lrs: no password on standard input\n");
		return 2;
	}
	bool ok = lrs_config_save(dir, &config, &err) &&
		  reset_state(dir, &err) && (!base || save_xapi_base(dir, base, &err));
	lrs_config_wipe(&config);
	if (!ok) {
		fprintf(stderr, "rjkiosk lrs: %s\n", err.message);
		return 1;
	}
	printf("The kiosk sends its answers to %s.\n", config.endpoint);
	return 0;
}

/* Parses --data and the help for the simpler commands; returns -1 to go on, else the exit
 * status. */
static int simple_options(int argc, char **argv, const char *cmd, const char *text,
			  const struct option *extra, int (*on)(int c, void *ctx), void *ctx,
			  const char **dir)
{
	struct option longopts[8] = {
		{"data", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
	};
	for (size_t i = 0; extra && extra[i].name && i < 5; i++)
		longopts[2 + i] = extra[i];
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'd')
			*dir = optarg;
		else if (c == 'h')
			return fputs(text, stdout), 0;
		else if (c == '?' || !on || on(c, ctx) != 0)
			return usage(cmd, text, "unknown option", argv[optind - 1]);
	}
	return -1;
}

static int on_push(int c, void *ctx)
{
	*(bool *)ctx = c == 'r';
	return c == 'r' ? 0 : 1;
}

int cmd_push(int argc, char **argv)
{
	static const struct option extra[] = {{"retry-parked", no_argument, NULL, 'r'}, {0}};
	const char *given = NULL;
	bool retry = false;
	int rc = simple_options(argc, argv, "push", push_usage, extra, on_push, &retry, &given);
	if (rc >= 0)
		return rc;
	if (optind < argc)
		return usage("push", push_usage, "unexpected argument", argv[optind]);
	char dir[PATH_MAX];
	if (!data_dir(given, dir, sizeof dir, "push"))
		return 1;
	struct rjk_error err = {{0}};
	struct lrs_config config;
	bool found;
	if (!lrs_config_load(dir, &config, &found, &err)) {
		fprintf(stderr, "rjkiosk push: %s\n", err.message);
		return 1;
	}
	if (!found) {
		fprintf(stderr, "rjkiosk push: no LRS is set; set one with 'rjkiosk lrs --endpoint "
			"URL --username USER --password-stdin'\n");
		return 1;
	}
	struct store *store = store_open_beside_kiosk(dir, &err);
	struct lrs_push_options opts = lrs_push_defaults();
	opts.ignore_wait = true;
	struct lrs_push_result result;
	size_t unparked = 0, queued = 0, parked = 0;
	bool ok = store && (!retry || store_outbox_unpark(store, &unparked, &err)) &&
		  lrs_push_run(store, &config, &opts, &result, &err) &&
		  store_outbox_counts(store, &queued, &parked, &err);
	lrs_config_wipe(&config);
	store_close(store);
	if (!ok) {
		fprintf(stderr, "rjkiosk push: %s\n", err.message);
		return 1;
	}
	char sent_words[64], parked_words[64];
	printf("%s sent, %zu queued, %s parked\n",
	       words_count(sent_words, sizeof sent_words, (long long)result.sent, "statement",
			   "statements", 0),
	       queued, words_count(parked_words, sizeof parked_words, (long long)parked, "statement",
				   "statements", 0));
	if (result.message[0])
		fprintf(stderr, "rjkiosk push: %s\n", result.message);
	return queued == 0 ? 0 : 1;
}

int cmd_import(int argc, char **argv)
{
	const char *given = NULL;
	int rc = simple_options(argc, argv, "import", import_usage, NULL, NULL, NULL, &given);
	if (rc >= 0)
		return rc;
	if (optind >= argc)
		return usage("import", import_usage, "give the FILE to import", NULL);
	if (optind != argc - 1)
		return usage("import", import_usage, "give one FILE; unexpected argument",
			     argv[optind + 1]);
	struct rjk_error err = {{0}};
	struct store *store = store_open_beside_kiosk(given, &err);
	size_t added = 0, skipped = 0;
	bool ok = store && lrs_class_import(store, argv[optind], &added, &skipped, &err);
	if (ok) {
		char words[64];
		ok = store_log_event(store, "import", 0, argv[optind], &err);
		printf("%s added, %zu already here\n",
		       words_count(words, sizeof words, (long long)added, "answer", "answers", 0),
		       skipped);
	}
	store_close(store);
	if (!ok)
		fprintf(stderr, "rjkiosk import: %s\n", err.message);
	return ok ? 0 : 1;
}

struct class_args {
	const char *session, *code, *scenario;
};

static int on_class(int c, void *ctx)
{
	struct class_args *a = ctx;
	if (c == 's')
		a->session = optarg;
	else if (c == 'k')
		a->code = optarg;
	else if (c == 'n')
		a->scenario = optarg;
	else
		return 1;
	return 0;
}

/* The registration a class command names: a session's, or the one a code gives. */
static bool class_of(struct store *store, const struct class_args *a, char reg[UUID_TEXT_SIZE],
		     struct rjk_error *err)
{
	if (a->code) {
		if (!class_code_valid(a->code) || !a->scenario)
			return rjk_error_set(err, "--code takes the %d digits the facilitator's kiosk "
					     "shows, with --scenario ID", CLASS_CODE_DIGITS);
		class_registration(a->scenario, a->code, reg);
		return true;
	}
	struct store_session_info *info = NULL;
	size_t n = 0;
	char *end;
	long long id = strtoll(a->session, &end, 10);
	if (*end || id <= 0)
		return rjk_error_set(err, "'%s' is not a session id", a->session);
	if (!store_list_sessions(store, id, &info, &n, err))
		return false;
	snprintf(reg, UUID_TEXT_SIZE, "%s", info[0].registration ? info[0].registration : "");
	store_sessions_free(info, n);
	return true;
}

int cmd_class(int argc, char **argv)
{
	static const struct option extra[] = {
		{"session", required_argument, NULL, 's'},
		{"code", required_argument, NULL, 'k'},
		{"scenario", required_argument, NULL, 'n'},
		{0},
	};
	const char *given = NULL;
	struct class_args a = {0};
	int rc = simple_options(argc, argv, "class", class_usage, extra, on_class, &a, &given);
	if (rc >= 0)
		return rc;
	if (optind < argc)
		return usage("class", class_usage, "unexpected argument", argv[optind]);
	if (!!a.session == !!a.code)
		return usage("class", class_usage, a.session ? "give --session or --code, not both" :
			     "give --session or --code", NULL);
	char dir[PATH_MAX], reg[UUID_TEXT_SIZE], offline_why[256] = "";
	if (!data_dir(given, dir, sizeof dir, "class"))
		return 1;
	struct rjk_error err = {{0}};
	struct lrs_config config;
	bool found = false, offline = false;
	struct store *store = store_open_beside_kiosk(dir, &err);
	struct class_statement *list = NULL;
	size_t n = 0;
	bool ok = store && lrs_config_load(dir, &config, &found, &err) &&
		  class_of(store, &a, reg, &err) &&
		  lrs_class_responses(store, found ? &config : NULL, reg, &list, &n, &offline,
				      offline_why, &err);
	lrs_config_wipe(&config);
	store_close(store);
	if (!ok) {
		fprintf(stderr, "rjkiosk class: %s\n", err.message);
		return 1;
	}
	if (offline)
		fprintf(stderr, "rjkiosk class: the LRS could not be read (%s); showing the answers "
			"on this kiosk\n", offline_why);
	printf("Class %s: %zu answers\n", reg, n);
	for (size_t i = 0; i < n; i++) {
		char shown[600];
		report_escape(shown, sizeof shown, list[i].response, strlen(list[i].response), 80);
		printf("%s  %s  %s  %s  %s\n", list[i].statement_id, list[i].actor, list[i].step_id,
		       list[i].passed ? "(passed)" : "", shown);
	}
	class_statements_free(list, n);
	return 0;
}
