/* `rjkiosk set-pin`: sets the facilitator PIN from a terminal (asked twice, not echoed) or from
 * one line of standard input (for install scripts). */
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "app/commands.h"
#include "app/options.h"
#include "core/pin.h"
#include "core/store.h"

static const char usage[] =
	"Usage: rjkiosk set-pin [--data DIR] [--stdin]\n"
	"\n"
	"Sets the facilitator PIN that unlocks the kiosk's menu. The PIN is asked twice without\n"
	"showing it; it must be 4 to 12 digits and not an easy guess such as 0000 or 1234.\n"
	"Setting a PIN also clears any lockout left by wrong attempts.\n"
	"\n"
	"  --data DIR  the kiosk's data folder (default $XDG_DATA_HOME/rjkiosk, or\n"
	"              ~/.local/share/rjkiosk)\n"
	"  --stdin     read the PIN from one line of standard input instead (for scripts)\n"
	"  -h, --help  show this help\n";

/* Long enough for any PIN plus room to notice one that is too long. */
#define LINE_MAX_PIN 64

static struct termios saved_tty;
static volatile sig_atomic_t tty_changed;

/* Puts echo back if the user interrupts while the PIN is being typed. */
static void restore_and_die(int sig)
{
	if (tty_changed)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
	signal(sig, SIG_DFL);
	raise(sig);
}

enum line { LINE_READ, LINE_NONE, LINE_TOO_LONG };

/* Reads one line into buf without its line ending. LINE_NONE at end of input or on a read
 * error; LINE_TOO_LONG when the line does not fit (the rest of it is discarded). */
static enum line read_line(char *buf, size_t size)
{
	if (!fgets(buf, (int)size, stdin))
		return LINE_NONE;
	size_t len = strcspn(buf, "\r\n");
	bool whole = buf[len] != '\0' || feof(stdin);
	buf[len] = '\0';
	if (!whole) {
		int c;
		while ((c = getchar()) != EOF && c != '\n')
			;
		sodium_memzero(buf, size);
	}
	return whole ? LINE_READ : LINE_TOO_LONG;
}

static enum line ask_hidden(const char *prompt, char *buf, size_t size)
{
	struct termios quiet;
	if (tcgetattr(STDIN_FILENO, &saved_tty) != 0)
		return LINE_NONE;
	quiet = saved_tty;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	quiet.c_lflag |= ECHONL;
	tty_changed = 1;
	if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0) {
		tty_changed = 0;
		return LINE_NONE;
	}
	/* Prompt only once echo is off: TCSAFLUSH drops anything typed before. */
	fputs(prompt, stderr);
	fflush(stderr);
	enum line got = read_line(buf, size);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
	tty_changed = 0;
	return got;
}

/* Says why the PIN was not set; returns the exit status 1. */
static int refuse(const char *why)
{
	fprintf(stderr, "rjkiosk set-pin: %s; nothing was changed\n", why);
	return 1;
}

/* Checks how the new PIN's line was read (none: what to say when there was no line) and the
 * PIN's rules, before anything is touched, the data folder included. */
static int check_read(enum line got, const char *pin, const char *none)
{
	struct rjk_error err = {{0}};
	if (got == LINE_NONE)
		return refuse(none);
	if (got == LINE_TOO_LONG)
		return refuse("the line is too long to be a PIN (one line of 4-12 digits)");
	return pin_acceptable(pin, &err) ? 0 : refuse(err.message);
}

/* Asks twice on the terminal. Returns 0 with the PIN in buf, or an exit status. */
static int ask_twice(char *buf, char *again, size_t size)
{
	int status;
	if (!isatty(STDIN_FILENO)) {
		fputs("rjkiosk set-pin: standard input is not a terminal; use --stdin to read the "
		      "PIN from it\n", stderr);
		return 2;
	}
	signal(SIGINT, restore_and_die);
	signal(SIGTERM, restore_and_die);
	signal(SIGHUP, restore_and_die);
	status = check_read(ask_hidden("New facilitator PIN (4-12 digits): ", buf, size), buf,
			    "no PIN read");
	if (status != 0)
		return status;
	if (ask_hidden("Type it again: ", again, size) != LINE_READ || strcmp(buf, again) != 0)
		return refuse("the two PINs differ");
	return 0;
}

int cmd_set_pin(int argc, char **argv)
{
	enum { OPT_DATA = 256, OPT_STDIN };
	static const struct option longopts[] = {
		{"data", required_argument, NULL, OPT_DATA},
		{"stdin", no_argument, NULL, OPT_STDIN},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *dir = NULL;
	bool from_stdin = false;
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage, stdout);
			return 0;
		case OPT_STDIN:
			from_stdin = true;
			break;
		case OPT_DATA:
			dir = optarg;
			break;
		default: /* '?' unknown, ':' without its value */
			fprintf(stderr, "rjkiosk set-pin: unexpected '%s'\n%s",
				c == ':' ? argv[optind - 1] : options_unknown(argv), usage);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "rjkiosk set-pin: unexpected '%s'\n%s", argv[optind], usage);
		return 2;
	}
	char fallback[PATH_MAX];
	struct rjk_error err = {{0}};
	if (!dir) {
		if (!store_default_dir(fallback, sizeof fallback, &err)) {
			fprintf(stderr, "rjkiosk set-pin: %s\n", err.message);
			return 2;
		}
		dir = fallback;
	}

	char buf[LINE_MAX_PIN], again[LINE_MAX_PIN];
	int status = 0;
	if (from_stdin)
		status = check_read(read_line(buf, sizeof buf), buf,
				    "no PIN on standard input (one line of 4-12 digits)");
	else
		status = ask_twice(buf, again, sizeof buf);

	struct pin *pin = NULL;
	if (status == 0) {
		pin = pin_open(dir, NULL, &err);
		bool had = pin && pin_is_set(pin);
		if (!pin || !pin_set(pin, buf, &err)) {
			fprintf(stderr, "rjkiosk set-pin: %s\n", err.message);
			status = 1;
		} else {
			printf("The facilitator PIN is %s (%s/%s).\n", had ? "changed" : "set", dir,
			       PIN_HASH_FILE);
		}
	}
	pin_free(pin);
	sodium_memzero(buf, sizeof buf);
	sodium_memzero(again, sizeof again);
	return status;
}
