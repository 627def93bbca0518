/* libFuzzer target for the caption reader: any bytes give sorted, well-formed cues, never a crash,
 * and the same problems whether read for playing or for checking. */
/* The checks below are the point of this target: keep them in release builds too. */
#undef NDEBUG
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/captions.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The first byte picks the name, so both the SubRip and the WebVTT rules get exercised. */
	const char *name = size && (data[0] & 1) ? "fuzz.vtt" : "fuzz.srt";
	struct rjk_diags warnings = {0};
	struct captions *captions = captions_parse(name, (const char *)data, size, &warnings);
	if (!captions) {
		rjk_diags_release(&warnings);
		return 0;
	}
	for (size_t i = 0; i < captions->count; i++) {
		const struct caption_cue *cue = &captions->cues[i];
		size_t len = strlen(cue->text);
		assert(cue->start_ms < cue->end_ms);
		assert(i == 0 || captions->cues[i - 1].start_ms <= cue->start_ms);
		assert(len > 0 && utf8_valid(cue->text, len, NULL));
	}
	for (size_t i = 0; i < warnings.count; i++)
		assert(utf8_valid(warnings.items[i], strlen(warnings.items[i]), NULL));
	/* Read for `rjkiosk check`, the same file gives the same cues and the same problems, only
	 * sorted into errors and warnings. */
	struct rjk_diags errors = {0}, checked = {0};
	struct captions *strict = captions_check(name, (const char *)data, size, &errors, &checked);
	if (strict) {
		assert(strict->count == captions->count);
		assert(errors.count + checked.count == warnings.count);
	}
	captions_free(strict);
	rjk_diags_release(&errors);
	rjk_diags_release(&checked);
	/* Probe the lookup at every cue edge, checking it against a plain scan. */
	for (size_t i = 0; i < captions->count && i < 64; i++) {
		int64_t probes[] = {captions->cues[i].start_ms, captions->cues[i].end_ms - 1,
				    captions->cues[i].end_ms};
		for (size_t p = 0; p < 3; p++) {
			const struct caption_cue *out[4];
			size_t found = captions_at(captions, probes[p], out, 4), want = 0;
			for (size_t j = 0; j < captions->count; j++)
				want += captions->cues[j].start_ms <= probes[p] &&
					probes[p] < captions->cues[j].end_ms;
			assert(found == want);
			int64_t next = captions_next_change(captions, probes[p]);
			assert(next == -1 || next > probes[p]);
		}
	}
	captions_free(captions);
	rjk_diags_release(&warnings);
	return 0;
}
