/* Where the kiosk sends its statements: the learning record store's endpoint, the kiosk's
 * credentials for it and an optional CA file, kept in a private file (0600) in the data
 * folder. The password is never printed, logged or exported. */
#include "core/lrs_config.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/durable.h"
#include "core/settings.h"

static bool is_loopback(const char *host, size_t len)
{
	if ((len == 9 && !strncasecmp(host, "localhost", 9)) || (len == 5 && !strncmp(host, "[::1]", 5)))
		return true;
	if (len < 4 || strncmp(host, "127.", 4))
		return false;
	for (size_t i = 4; i < len; i++)
		if (!strchr("0123456789.", host[i]))
			return false;
	return true;
}

bool lrs_config_check_endpoint(char *endpoint, struct rjk_error *err)
{
	const char *example = "write the LRS's xAPI address, such as https://lrs.example.org/xAPI/";
	size_t len = strlen(endpoint);
	bool https = !strncasecmp(endpoint, "https://", 8);
	bool http = !strncasecmp(endpoint, "http://", 7);
	if (!https && !http)
		return rjk_error_set(err, "the endpoint must start with https://; %s", example);
	const char *host = endpoint + (https ? 8 : 7);
	size_t host_len = strcspn(host, "/");
	const char *port = memchr(host, ':', host_len);
	if (host[0] == '[')
		port = memchr(host, ']', host_len) ? strchr(memchr(host, ']', host_len), ':') : NULL;
	size_t name_len = port && port < host + host_len ? (size_t)(port - host) : host_len;
	if (name_len == 0)
		return rjk_error_set(err, "the endpoint names no host; %s", example);
	for (const unsigned char *p = (const unsigned char *)endpoint; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || strchr("?#@\\\"<>", *p))
			return rjk_error_set(err, "the endpoint holds a space, '?', '#', '@' or another "
					     "character an LRS address cannot hold (credentials go "
					     "in --username and --password-stdin); %s", example);
	if (http && !is_loopback(host, name_len))
		return rjk_error_set(err, "plain http:// would send the answers and the password "
				     "unencrypted: use https:// (http:// is only for an LRS on this "
				     "computer, 127.0.0.1)");
	if (len + 2 > LRS_FIELD_MAX)
		return rjk_error_set(err, "the endpoint is too long");
	if (endpoint[len - 1] != '/')
		strcat(endpoint, "/");
	return true;
}

void lrs_config_wipe(struct lrs_config *config)
{
	sodium_memzero(config->password, sizeof config->password);
}

static void path_of(const char *data_dir, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", data_dir, LRS_CONFIG_NAME);
}

static const struct {
	const char *key;
	size_t offset, size;
} fields[] = {
	{"endpoint", offsetof(struct lrs_config, endpoint), LRS_FIELD_MAX},
	{"username", offsetof(struct lrs_config, username), LRS_FIELD_MAX},
	{"password", offsetof(struct lrs_config, password), LRS_FIELD_MAX},
	{"ca_file", offsetof(struct lrs_config, ca_file), PATH_MAX},
};

bool lrs_config_load(const char *data_dir, struct lrs_config *out, bool *found,
		     struct rjk_error *err)
{
	char path[PATH_MAX + 32], line[PATH_MAX + 64];
	memset(out, 0, sizeof *out);
	*found = false;
	path_of(data_dir, path, sizeof path);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? true
				       : rjk_error_set(err, "cannot read %s: %s", path, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & 077)) {
		close(fd);
		return rjk_error_set(err, "%s is open to other users (it holds the LRS password); "
				     "set the LRS again with 'rjkiosk lrs'", path);
	}
	FILE *f = fdopen(fd, "r");
	if (!f) {
		close(fd);
		return rjk_error_set(err, "cannot read %s: %s", path, strerror(errno));
	}
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		char *eq = strchr(line, '=');
		for (size_t i = 0; eq && i < sizeof fields / sizeof fields[0]; i++)
			if ((size_t)(eq - line) == strlen(fields[i].key) &&
			    !strncmp(line, fields[i].key, (size_t)(eq - line)))
				snprintf((char *)out + fields[i].offset, fields[i].size, "%s", eq + 1);
	}
	sodium_memzero(line, sizeof line);
	fclose(f);
	if (!lrs_config_check_endpoint(out->endpoint, err)) {
		lrs_config_wipe(out);
		return false;
	}
	struct settings settings;
	struct rjk_error ignored = {{0}};
	if (settings_load(data_dir, &settings, &ignored))
		snprintf(out->xapi_base, sizeof out->xapi_base, "%s", settings.xapi_base);
	*found = true;
	return true;
}

bool lrs_config_save(const char *data_dir, const struct lrs_config *config,
		     struct rjk_error *err)
{
	char path[PATH_MAX + 32];
	path_of(data_dir, path, sizeof path);
	if (!config) {
		if (unlink(path) != 0 && errno != ENOENT)
			return rjk_error_set(err, "cannot remove %s: %s", path, strerror(errno));
		return durable_sync_dir(data_dir) ? true
						  : rjk_error_set(err, "cannot sync %s", data_dir);
	}
	size_t cap = 8 * LRS_FIELD_MAX + PATH_MAX, len = 0;
	char *text = malloc(cap);
	if (!text)
		return rjk_error_set(err, "out of memory");
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const char *value = (const char *)config + fields[i].offset;
		if (strchr(value, '\n')) {
			sodium_memzero(text, cap);
			free(text);
			return rjk_error_set(err, "the LRS's %s holds a line break", fields[i].key);
		}
		len += (size_t)snprintf(text + len, cap - len, "%s=%s\n", fields[i].key, value);
	}
	bool ok = durable_replace(data_dir, path, text, len);
	int e = errno;
	sodium_memzero(text, cap);
	free(text);
	return ok ? true : rjk_error_set(err, "cannot write %s: %s", path, strerror(e));
}
