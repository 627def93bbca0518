/* The xAPI base address check (see iri.h), after RFC 3987's absolute-IRI grammar narrowed to
 * what the kiosk appends paths to. */
#include "core/iri.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "core/report.h"
#include "core/utf8.h"

#define EXAMPLE "write an address such as https://training.example.org/rjkiosk"

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool is_hex(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* RFC 3987 iunreserved (ASCII part) and sub-delims: what a host name or a path segment may
 * hold besides percent-escapes and non-ASCII letters. */
static bool is_plain(unsigned char c)
{
	return is_alpha(c) || is_digit(c) || strchr("-._~!$&'()*+,;=", c);
}

/* Every character: no space, control character (C0, DEL, C1) or character RFC 3987 leaves
 * out; '%' only before two hex digits. Returns the offending offset, or -1. */
static long first_bad_char(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (n == 0 || cp <= 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfffd ||
		    (cp < 0x80 && strchr("<>\"{}|\\^`", (int)cp)))
			return (long)i;
		if (cp == '%' && (i + 2 >= len || !is_hex((unsigned char)s[i + 1]) ||
				  !is_hex((unsigned char)s[i + 2])))
			return (long)i;
		i += n;
	}
	return -1;
}

/* The host (ireg-name, or an IP literal in brackets) and optional port in [at, end). */
static bool host_ok(const char *at, const char *end)
{
	const char *p = at;

	if (p < end && *p == '[') {
		const char *close = memchr(p, ']', (size_t)(end - p));

		if (!close || close == p + 1)
			return false;
		for (const char *q = p + 1; q < close; q++)
			if (!is_hex((unsigned char)*q) && !strchr(":.", *q))
				return false;
		p = close + 1;
	} else {
		while (p < end && *p != ':') {
			unsigned char c = (unsigned char)*p;

			if (!is_plain(c) && c != '%' && c < 0x80)
				return false;
			p++;
		}
		if (p == at)
			return false;
	}
	if (p < end) {
		long port = 0;

		if (*p != ':' || p + 1 == end || end - p > 6)
			return false;
		for (p++; p < end; p++) {
			if (!is_digit((unsigned char)*p))
				return false;
			port = port * 10 + (*p - '0');
		}
		if (port == 0 || port > 65535)
			return false;
	}
	return true;
}

bool iri_check_base(const char *base, struct rjk_error *err)
{
	char shown[REPORT_EXCERPT_SIZE];
	size_t len = strlen(base), scheme = 0, bad_at;

	report_excerpt(shown, sizeof shown, base);
	if (!len)
		return rjk_error_set(err, "the xAPI base is empty; " EXAMPLE);
	if (len > IRI_BASE_MAX)
		return rjk_error_set(err, "the xAPI base is longer than %d characters; " EXAMPLE,
				     IRI_BASE_MAX);
	if (!utf8_valid(base, len, &bad_at))
		return rjk_error_set(err, "the xAPI base '%s' is not valid UTF-8 text; " EXAMPLE,
				     shown);
	if (is_alpha((unsigned char)base[0]))
		scheme = strspn(base, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				      "0123456789+-.");
	if (!scheme || base[scheme] != ':' || strncmp(base + scheme, "://", 3))
		return rjk_error_set(err, "the xAPI base '%s' is not an absolute address (it must "
				     "start with a scheme and '://', as in https://); " EXAMPLE,
				     shown);
	if (first_bad_char(base, len) >= 0)
		return rjk_error_set(err, "the xAPI base '%s' contains a space or a character an "
				     "address cannot hold; " EXAMPLE, shown);
	const char *q = strpbrk(base, "?#");
	if (q)
		return rjk_error_set(err, "the xAPI base '%s' has a '%c' part; the kiosk adds paths "
				     "to the base, so leave out '?' and '#'", shown, *q);
	if (!((scheme == 4 && !strncasecmp(base, "http", 4)) ||
	      (scheme == 5 && !strncasecmp(base, "https", 5))))
		return rjk_error_set(err, "the xAPI base '%s' is not a web address (it must start "
				     "with https:// or http://); " EXAMPLE, shown);
	const char *host = base + scheme + 3;
	const char *host_end = host + strcspn(host, "/");
	if (memchr(host, '@', (size_t)(host_end - host)))
		return rjk_error_set(err, "the xAPI base '%s' holds a user name before '@': the "
				     "statements would carry it; leave it out", shown);
	if (host == host_end)
		return rjk_error_set(err, "the xAPI base '%s' names no host after '://'; " EXAMPLE,
				     shown);
	if (!host_ok(host, host_end))
		return rjk_error_set(err, "the xAPI base '%s' has a host or port that is not valid; "
				     EXAMPLE, shown);
	return true;
}
