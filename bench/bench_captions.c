/* Benchmark of the caption reader: parse time for a full-size file and the cost of one lookup. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/captions.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A WebVTT file just under the size limit: two-line cues of 2.5 s, one after another. */
static char *make_file(size_t *len)
{
	char *text = malloc(CAPTIONS_MAX_FILE_BYTES);
	if (!text)
		return NULL;
	size_t n = (size_t)sprintf(text, "WEBVTT\n");
	for (int64_t i = 0;; i++) {
		char cue[256];
		int64_t a = i * 2500, b = a + 2400;
		int m = snprintf(cue, sizeof cue,
				 "\n%lld\n%02lld:%02lld:%02lld.%03lld --> %02lld:%02lld:%02lld.%03lld\n"
				 "<v Narrator>Caption number %lld, with two lines</v>\n"
				 "of about forty &amp; two characters.\n",
				 (long long)i, (long long)(a / 3600000), (long long)(a / 60000 % 60),
				 (long long)(a / 1000 % 60), (long long)(a % 1000),
				 (long long)(b / 3600000), (long long)(b / 60000 % 60),
				 (long long)(b / 1000 % 60), (long long)(b % 1000), (long long)i);
		if (n + (size_t)m > CAPTIONS_MAX_FILE_BYTES)
			break;
		memcpy(text + n, cue, (size_t)m);
		n += (size_t)m;
	}
	*len = n;
	return text;
}

int main(void)
{
	size_t len;
	char *text = make_file(&len);
	if (!text)
		return 1;
	double t0 = now();
	struct captions *captions = captions_parse("bench.vtt", text, len, NULL);
	double t1 = now();
	if (!captions)
		return 1;
	int64_t last = captions->cues[captions->count - 1].end_ms;
	enum { LOOKUPS = 1000000 };
	size_t shown = 0;
	const struct caption_cue *out[4];
	for (int i = 0; i < LOOKUPS; i++)
		shown += captions_at(captions, (int64_t)i * 7919 % last, out, 4);
	double t2 = now();
	printf("parse: %zu bytes, %zu cues in %.1f ms (%.0f MB/s)\n", len, captions->count,
	       (t1 - t0) * 1e3, (double)len / (t1 - t0) / 1e6);
	printf("lookup: %.0f ns each (%zu cues shown over %d lookups)\n",
	       (t2 - t1) / LOOKUPS * 1e9, shown, LOOKUPS);
	captions_free(captions);
	free(text);
	return 0;
}
