/* Line break opportunities (see linebreak.h): libunistring's u8_possible_linebreaks, with its
 * answers moved to the offset where the next line would start. */
#include "core/linebreak.h"

#include <stdint.h>
#include <unilbrk.h>

#include "core/utf8.h"

void linebreak_find(const char *s, size_t len, char *out)
{
	if (len == 0)
		return;
	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", out);
	/* libunistring marks a mandatory break on the line-ending character itself; the line
	 * after it starts one character later. */
	size_t mandatory_at = SIZE_MAX;
	for (size_t i = 0; i < len; i++) {
		char v = out[i];
		if (i == mandatory_at)
			out[i] = LINEBREAK_MANDATORY;
		else if (i > 0 && (v == UC_BREAK_POSSIBLE || v == UC_BREAK_HYPHENATION))
			out[i] = LINEBREAK_ALLOWED;
		else
			out[i] = LINEBREAK_NONE;
		if (v == UC_BREAK_MANDATORY) {
			uint32_t cp;
			size_t n = utf8_decode(s + i, len - i, &cp);
			mandatory_at = i + (n ? n : 1);
		}
	}
}
