/* Caption files: a lenient SubRip and WebVTT reader and a cue lookup (see captions.h). */
#include "core/captions.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/report.h"
#include "core/timecode.h"
#include "core/utf8.h"

/* A broken file can hold a problem on every line: list the first ones, then count the rest. */
#define MAX_WARNINGS 50
#define QUOTE_MAX 60

enum state {
	IDLE,       /* between blocks */
	HEADER,     /* the WEBVTT header block */
	PREAMBLE,   /* lines before a timing line: a cue number or id */
	CUE_TEXT,   /* the text lines of a cue */
	SKIP_BLOCK, /* a NOTE, STYLE or REGION block, or a cue that could not be read */
};

struct buf {
	char *data;
	size_t len, cap;
};

struct parser {
	const char *name;
	struct rjk_diags *warnings;
	/* When not NULL (captions_check), problems that lose a caption go here and the others
	 * to warnings marked "warning: ". */
	struct rjk_diags *errors;
	size_t warning_count;
	bool lost;              /* a problem that lost a caption was found */
	bool vtt;
	bool oom;
	struct caption_cue *cues;
	size_t count, cap;
	/* the cue being read */
	int64_t start_ms, end_ms;
	int cue_line;
	struct buf text;
	size_t last_text_line;  /* offset in text where the last line starts */
	bool last_line_digits;  /* the last text line was a bare number */
	int preamble_line;
	bool preamble_had_bad_line;
};

/* Whether a problem costs the viewer a caption (a cue or line skipped, nothing read). */
enum loss { KEPT, LOST };

static void warn(struct parser *p, int line, int col, enum loss loss, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Reports "NAME:LINE:COL: message". */
static void warn(struct parser *p, int line, int col, enum loss loss, const char *fmt, ...)
{
	struct rjk_diags *to = p->errors && loss == LOST ? p->errors : p->warnings;
	p->warning_count++;
	p->lost |= loss == LOST;
	if (!to || p->warning_count > MAX_WARNINGS)
		return;
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!rjk_diags_add(to, "%s:%d:%d: %s%s", p->name, line, col,
			   p->errors && loss == KEPT ? "warning: " : "", msg))
		p->oom = true;
}

static bool buf_put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *data = realloc(b->data, cap);
		if (!data)
			return false;
		b->data = data;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Reads up to max digits (at least min) into *value. */
static bool digits(const char **s, const char *end, int min, int max, int64_t *value)
{
	int n = 0;
	*value = 0;
	while (*s < end && is_digit(**s) && n < max) {
		*value = *value * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n >= min && !(*s < end && is_digit(**s));
}

/* [h:]mm:ss.mmm, with ',' or '.' before the milliseconds. Hours may have up to 6 digits. */
static bool parse_time(const char **s, const char *end, int64_t *ms)
{
	int64_t a, b, c = 0, frac;
	if (!digits(s, end, 1, 6, &a) || *s >= end || **s != ':')
		return false;
	(*s)++;
	if (!digits(s, end, 2, 2, &b) || *s >= end)
		return false;
	bool hours = **s == ':';
	if (hours) {
		(*s)++;
		if (!digits(s, end, 2, 2, &c) || *s >= end)
			return false;
	}
	if (**s != '.' && **s != ',')
		return false;
	(*s)++;
	if (!digits(s, end, 3, 3, &frac))
		return false;
	int64_t h = hours ? a : 0, m = hours ? b : a, sec = hours ? c : b;
	if (sec > 59 || (hours && m > 59))
		return false;
	*ms = ((h * 60 + m) * 60 + sec) * 1000 + frac;
	return true;
}

/* "START --> END [settings]"; the settings (WebVTT positioning) are ignored. */
static bool parse_timing(const char *s, size_t len, int64_t *start, int64_t *end_ms)
{
	const char *end = s + len;
	while (s < end && is_space(*s))
		s++;
	if (!parse_time(&s, end, start))
		return false;
	while (s < end && is_space(*s))
		s++;
	if (end - s < 3 || memcmp(s, "-->", 3) != 0)
		return false;
	s += 3;
	while (s < end && is_space(*s))
		s++;
	if (!parse_time(&s, end, end_ms))
		return false;
	return s == end || is_space(*s);
}

static bool has_arrow(const char *s, size_t len)
{
	for (size_t i = 0; i + 3 <= len; i++)
		if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
			return true;
	return false;
}

static bool starts_with_word(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	return len >= n && !memcmp(s, word, n) && (len == n || is_space(s[n]));
}

static bool all_digits(const char *s, size_t len)
{
	if (!len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

static const struct {
	const char *name;
	uint32_t cp;
} entities[] = {
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
	{"nbsp", 0xA0}, {"lrm", 0x200E}, {"rlm", 0x200F},
};

/* Decodes the character reference at s (which starts with '&'); returns its length, or 0
 * when it is not one, in which case the '&' is kept as written. */
/* Control characters (C0, DEL, C1) and the line and paragraph separators: a font has no
 * picture for them, so drawn they would be boxes. */
static bool unshowable(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

static size_t entity(const char *s, size_t len, uint32_t *cp)
{
	size_t semi = 1;
	while (semi < len && semi < 12 && s[semi] != ';')
		semi++;
	if (semi >= len || s[semi] != ';')
		return 0;
	if (semi > 2 && s[1] == '#') {
		bool hex = s[2] == 'x' || s[2] == 'X';
		uint32_t v = 0;
		size_t i = hex ? 3 : 2;
		if (i == semi)
			return 0;
		for (; i < semi; i++) {
			char c = s[i];
			int d = is_digit(c) ? c - '0'
				: hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
				: hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (d < 0 || v > 0x10FFFF)
				return 0;
			v = v * (hex ? 16 : 10) + (uint32_t)d;
		}
		char tmp[4];
		if ((unshowable(v) && v < 0x2028) || !utf8_encode(v, tmp))
			return 0;
		*cp = v;
		return semi + 1;
	}
	for (size_t i = 0; i < sizeof entities / sizeof entities[0]; i++) {
		size_t n = strlen(entities[i].name);
		if (n == semi - 1 && !memcmp(s + 1, entities[i].name, n)) {
			*cp = entities[i].cp;
			return semi + 1;
		}
	}
	return 0;
}

/* Appends one text line to the cue being read: tags and {\...} codes dropped, character
 * references decoded, control characters removed, outer spaces trimmed. Lines left empty are
 * dropped. */
static bool add_text_line(struct parser *p, const char *s, size_t len)
{
	struct buf line = {0};
	bool ok = true;
	/* Where the last '>' and '}' are: an opening with no close after it is kept as text, and
	 * knowing this up front keeps a line full of unclosed '<' linear to read. */
	size_t last_gt = 0, last_brace = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '>')
			last_gt = i + 1;
		else if (s[i] == '}')
			last_brace = i + 1;
	}
	for (size_t i = 0; i < len && ok;) {
		char c = s[i];
		char next = i + 1 < len ? s[i + 1] : '\0';
		bool tag = c == '<' && i < last_gt && (next == '/' || is_digit(next) ||
			((next | 0x20) >= 'a' && (next | 0x20) <= 'z'));
		/* SubRip files made for other players carry positioning codes such as {\an8}. */
		bool code = c == '{' && next == '\\' && i < last_brace;
		if (tag || code) {
			i = (size_t)((const char *)memchr(s + i, tag ? '>' : '}', len - i) - s) + 1;
			continue;
		}
		uint32_t cp;
		size_t n = c == '&' ? entity(s + i, len - i, &cp) : 0;
		if (n && unshowable(cp)) {
			ok = buf_put(&line, " ", 1);
			i += n;
		} else if (n) {
			char enc[4];
			ok = buf_put(&line, enc, utf8_encode(cp, enc));
			i += n;
		} else if (c == '\t') {
			ok = buf_put(&line, " ", 1);
			i++;
		} else if ((unsigned char)c < 0x20 || c == 0x7f) {
			i++;
		} else if ((unsigned char)c >= 0x80 && utf8_decode(s + i, len - i, &cp) &&
			   unshowable(cp)) {
			/* A separator parts words; a C1 control is dropped like the others. */
			ok = cp < 0x2028 || buf_put(&line, " ", 1);
			i += utf8_decode(s + i, len - i, &cp);
		} else {
			ok = buf_put(&line, s + i, 1);
			i++;
		}
	}
	size_t start = 0, end = line.len;
	while (start < end && line.data[start] == ' ')
		start++;
	while (end > start && line.data[end - 1] == ' ')
		end--;
	if (ok && end > start) {
		p->last_text_line = p->text.len;
		ok = (!p->text.len || buf_put(&p->text, "\n", 1)) &&
		     buf_put(&p->text, line.data + start, end - start);
	}
	free(line.data);
	p->last_line_digits = all_digits(s, len);
	return ok;
}

static void begin_cue(struct parser *p, int line, int64_t start, int64_t end)
{
	p->start_ms = start;
	p->end_ms = end;
	p->cue_line = line;
	p->text.len = 0;
	p->last_line_digits = false;
}

/* Keeps the cue being read, unless it has no text. */
static void end_cue(struct parser *p)
{
	if (!p->text.len)
		return;
	if (p->count == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct caption_cue *cues = realloc(p->cues, cap * sizeof *cues);
		if (!cues) {
			p->oom = true;
			return;
		}
		p->cues = cues;
		p->cap = cap;
	}
	char *text = malloc(p->text.len + 1);
	if (!text) {
		p->oom = true;
		return;
	}
	memcpy(text, p->text.data, p->text.len);
	text[p->text.len] = '\0';
	p->cues[p->count++] = (struct caption_cue){
		.start_ms = p->start_ms, .end_ms = p->end_ms, .text = text, .line = p->cue_line,
	};
}

/* A timing line: starts a cue, or skips the block when the line cannot be read. */
static enum state timing(struct parser *p, int line, const char *s, size_t len)
{
	int64_t start, end;
	if (!parse_timing(s, len, &start, &end)) {
		/* The line may hold anything: escaped, it cannot act on the terminal. */
		char quote[6 * QUOTE_MAX + 4];
		report_escape(quote, sizeof quote, s, len, QUOTE_MAX);
		warn(p, line, 1, LOST, "cannot read the times in '%s' (expected a line like "
			"'00:01:02.500 --> 00:01:05.000'); cue skipped", quote);
		return SKIP_BLOCK;
	}
	if (end <= start) {
		char when[32];
		timecode_format_ms(start, when, sizeof when);
		warn(p, line, 1, LOST, "cue ends before or when it starts (at %s); cue skipped",
		     when);
		return SKIP_BLOCK;
	}
	begin_cue(p, line, start, end);
	return CUE_TEXT;
}

static enum state feed_line(struct parser *p, enum state state, int line, const char *s,
			    size_t len)
{
	bool blank = true;
	for (size_t i = 0; i < len && blank; i++)
		blank = is_space(s[i]);
	switch (state) {
	case IDLE:
		if (blank)
			return IDLE;
		if (has_arrow(s, len))
			return timing(p, line, s, len);
		if (p->vtt && (starts_with_word(s, len, "NOTE") || starts_with_word(s, len, "STYLE") ||
			       starts_with_word(s, len, "REGION")))
			return SKIP_BLOCK;
		p->preamble_line = line;
		return PREAMBLE;
	case PREAMBLE:
		if (blank) {
			if (!p->preamble_had_bad_line)
				warn(p, p->preamble_line, 1, LOST, "text without a timing line; skipped");
			return IDLE;
		}
		return has_arrow(s, len) ? timing(p, line, s, len) : PREAMBLE;
	case HEADER:
		if (blank)
			return IDLE;
		return has_arrow(s, len) ? timing(p, line, s, len) : HEADER;
	case CUE_TEXT: {
		int64_t start, end;
		if (blank) {
			end_cue(p);
			return IDLE;
		}
		if (has_arrow(s, len) && parse_timing(s, len, &start, &end)) {
			warn(p, line, 1, KEPT, "no blank line before this cue");
			/* In SubRip the bare number just above is the next cue's number. */
			if (p->last_line_digits)
				p->text.len = p->last_text_line;
			end_cue(p);
			return timing(p, line, s, len);
		}
		if (!add_text_line(p, s, len))
			p->oom = true;
		return CUE_TEXT;
	}
	case SKIP_BLOCK:
		return blank ? IDLE : SKIP_BLOCK;
	}
	return state;
}

static int compare_cues(const void *a, const void *b)
{
	const struct caption_cue *x = a, *y = b;
	if (x->start_ms != y->start_ms)
		return x->start_ms < y->start_ms ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	if (n < m)
		return false;
	for (size_t i = 0; i < m; i++)
		if ((s[n - m + i] | 0x20) != suffix[i])
			return false;
	return true;
}

/* Whether the file holds nothing but white space (after a byte order mark). */
static bool blank_file(const char *data, size_t len)
{
	size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
	while (i < len && (is_space(data[i]) || data[i] == '\n' || data[i] == '\r'))
		i++;
	return i == len;
}

static void parse_lines(struct parser *p, const char *data, size_t len)
{
	size_t pos = 0;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		pos = 3;
	enum state state = IDLE;
	if (len - pos >= 6 && !memcmp(data + pos, "WEBVTT", 6) &&
	    (len - pos == 6 || is_space(data[pos + 6]) || data[pos + 6] == '\n' ||
	     data[pos + 6] == '\r')) {
		p->vtt = true;
		state = HEADER;
	} else if (ends_with(p->name, ".vtt") && !blank_file(data, len)) {
		p->vtt = true;
		warn(p, 1, 1, KEPT, "the first line is not 'WEBVTT'; read anyway");
	}
	for (int line = 1; pos < len && !p->oom; line++) {
		size_t start = pos;
		while (pos < len && data[pos] != '\n' && data[pos] != '\r')
			pos++;
		size_t n = pos - start;
		if (pos < len)
			pos += data[pos] == '\r' && pos + 1 < len && data[pos + 1] == '\n' ? 2 : 1;
		if (state == HEADER && line == 1)
			continue;
		size_t bad = n;
		const char *nul = memchr(data + start, '\0', n);
		if (!utf8_valid(data + start, n, &bad) || nul) {
			if (nul && (size_t)(nul - data - start) < bad)
				bad = (size_t)(nul - data - start);
			warn(p, line, (int)utf8_count(data + start, bad) + 1, LOST,
			     "not valid UTF-8 text; line skipped");
			if (state == PREAMBLE || state == IDLE)
				p->preamble_had_bad_line = true;
			continue;
		}
		state = feed_line(p, state, line, data + start, n);
		if (state == IDLE || state == CUE_TEXT)
			p->preamble_had_bad_line = false;
	}
	if (state == CUE_TEXT)
		end_cue(p);
	else if (state == PREAMBLE && !p->preamble_had_bad_line)
		warn(p, p->preamble_line, 1, LOST, "text without a timing line; skipped");
}

static struct captions *parse(const char *name, const char *data, size_t len,
			      struct rjk_diags *errors, struct rjk_diags *warnings)
{
	if (len > CAPTIONS_MAX_FILE_BYTES)
		return NULL;
	struct parser p = {.name = name, .warnings = warnings, .errors = errors};
	parse_lines(&p, data, len);
	free(p.text.data);

	struct captions *captions = calloc(1, sizeof *captions);
	if (captions && p.count)
		captions->end_max = malloc(p.count * sizeof *captions->end_max);
	if (p.oom || !captions || (p.count && !captions->end_max)) {
		for (size_t i = 0; i < p.count; i++)
			free(p.cues[i].text);
		free(p.cues);
		if (captions)
			free(captions->end_max);
		free(captions);
		return NULL;
	}
	if (p.count)
		qsort(p.cues, p.count, sizeof *p.cues, compare_cues);
	for (size_t i = 0; i < p.count; i++) {
		int64_t prev = i ? captions->end_max[i - 1] : INT64_MIN;
		captions->end_max[i] = p.cues[i].end_ms > prev ? p.cues[i].end_ms : prev;
	}
	captions->cues = p.cues;
	captions->count = p.count;
	if (!p.count)
		warn(&p, 1, 1, LOST, "%s", blank_file(data, len) ? "the file is empty"
		     : p.lost ? "no captions could be read from this file"
		     : "the file holds no captions");
	struct rjk_diags *more = errors && p.lost ? errors : warnings;
	if (p.warning_count > MAX_WARNINGS && more &&
	    !rjk_diags_add(more, "%s: %zu more problems not listed", name,
			   p.warning_count - MAX_WARNINGS)) {
		captions_free(captions);
		return NULL;
	}
	return captions;
}

struct captions *captions_parse(const char *name, const char *data, size_t len,
				struct rjk_diags *warnings)
{
	return parse(name, data, len, NULL, warnings);
}

struct captions *captions_check(const char *name, const char *data, size_t len,
				struct rjk_diags *errors, struct rjk_diags *warnings)
{
	assert(errors);
	return parse(name, data, len, errors, warnings);
}

/* Reads the file at path and parses it, naming it name in messages. */
static struct captions *load(const char *path, const char *name, struct rjk_diags *errors,
			     struct rjk_diags *warnings, struct rjk_error *err)
{
	struct captions *captions = NULL;
	char *data = NULL;
	/* O_NONBLOCK: a named pipe given as the caption file must be refused, not waited on. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	struct stat st;
	if (!f) {
		rjk_error_set(err, "%s: cannot open the caption file: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		rjk_error_set(err, "%s: not a caption file (not a regular file)", path);
		goto out;
	}
	/* One byte more than the limit tells a file that grew since fstat from one that fits. */
	if (st.st_size > CAPTIONS_MAX_FILE_BYTES ||
	    !(data = malloc(CAPTIONS_MAX_FILE_BYTES + 1))) {
		rjk_error_set(err, "%s: caption file too large (%lld bytes; the limit is 5 MiB)",
			      path, (long long)st.st_size);
		goto out;
	}
	size_t len = fread(data, 1, CAPTIONS_MAX_FILE_BYTES + 1, f);
	if (ferror(f))
		rjk_error_set(err, "%s: cannot read the caption file", path);
	else if (len > CAPTIONS_MAX_FILE_BYTES)
		rjk_error_set(err, "%s: caption file too large (the limit is 5 MiB)", path);
	else if (!(captions = parse(name, data, len, errors, warnings)))
		rjk_error_set(err, "%s: out of memory while reading captions", path);
out:
	free(data);
	if (f)
		fclose(f);
	return captions;
}

struct captions *captions_load(const char *path, struct rjk_diags *warnings,
			       struct rjk_error *err)
{
	return load(path, path, NULL, warnings, err);
}

struct captions *captions_check_file(const char *path, const char *name,
				     struct rjk_diags *errors, struct rjk_diags *warnings,
				     struct rjk_error *err)
{
	assert(errors);
	return load(path, name, errors, warnings, err);
}

void captions_free(struct captions *captions)
{
	if (!captions)
		return;
	for (size_t i = 0; i < captions->count; i++)
		free(captions->cues[i].text);
	free(captions->cues);
	free(captions->end_max);
	free(captions);
}

/* Index of the first cue starting after ms. */
static size_t first_after(const struct captions *c, int64_t ms)
{
	size_t lo = 0, hi = c->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->cues[mid].start_ms <= ms)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Index of the first cue that may still be showing at ms: end_max only grows, and every cue
 * before the one returned has ended by ms. */
static size_t first_live(const struct captions *c, int64_t ms, size_t hi)
{
	size_t lo = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->end_max[mid] <= ms)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t captions_at(const struct captions *captions, int64_t ms, const struct caption_cue **out,
		   size_t max)
{
	if (!captions)
		return 0;
	size_t after = first_after(captions, ms), found = 0;
	for (size_t i = first_live(captions, ms, after); i < after; i++) {
		if (captions->cues[i].end_ms <= ms)
			continue;
		if (found < max)
			out[found] = &captions->cues[i];
		found++;
	}
	return found;
}

int64_t captions_next_change(const struct captions *captions, int64_t ms)
{
	if (!captions)
		return -1;
	size_t after = first_after(captions, ms);
	int64_t next = after < captions->count ? captions->cues[after].start_ms : -1;
	for (size_t i = first_live(captions, ms, after); i < after; i++) {
		int64_t end = captions->cues[i].end_ms;
		if (end > ms && (next < 0 || end < next))
			next = end;
	}
	return next;
}
