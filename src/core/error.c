/* Error messages and message lists (see error.h). */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool rjk_error_set(struct rjk_error *err, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->message, sizeof err->message, fmt, ap);
		va_end(ap);
	}
	return false;
}

void rjk_error_clear(struct rjk_error *err)
{
	if (err)
		err->message[0] = '\0';
}

bool rjk_diags_add(struct rjk_diags *diags, const char *fmt, ...)
{
	if (diags->count == diags->cap) {
		size_t cap = diags->cap ? diags->cap * 2 : 8;
		char **items = realloc(diags->items, cap * sizeof *items);
		if (!items)
			return false;
		diags->items = items;
		diags->cap = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return false;
	char *msg = malloc((size_t)len + 1);
	if (!msg)
		return false;
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)len + 1, fmt, ap);
	va_end(ap);
	diags->items[diags->count++] = msg;
	return true;
}

void rjk_diags_release(struct rjk_diags *diags)
{
	for (size_t i = 0; i < diags->count; i++)
		free(diags->items[i]);
	free(diags->items);
	diags->items = NULL;
	diags->count = diags->cap = 0;
}
