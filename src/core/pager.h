/* A long list shown a page at a time (the facilitator's Sessions picker and scenarios): which
 * entries the page shown holds, and turning to the page before or after. */
#ifndef RJK_CORE_PAGER_H
#define RJK_CORE_PAGER_H

#include <stdbool.h>
#include <stddef.h>

struct pager {
	size_t first;     /* the list's index of the first entry on the page shown */
	size_t per_page;  /* at least 1 */
};

/* One past the index of the last entry on the page, in a list of count entries. */
size_t pager_end(const struct pager *pg, size_t count);

/* Whether there is a page before the one shown, and one after it in a list of count. */
bool pager_has_earlier(const struct pager *pg);
bool pager_has_later(const struct pager *pg, size_t count);

/* Turns to the page before (none: stays on the first) or after (none: stays). */
void pager_earlier(struct pager *pg);
void pager_later(struct pager *pg, size_t count);

/* After the list changed (now count entries): the same page while it still holds entries,
 * else the last page. */
void pager_fit(struct pager *pg, size_t count);

/* The list's index of the entry at place on the page (0 for the first) into *index; false
 * when the page has no entry there. */
bool pager_entry(const struct pager *pg, size_t count, size_t place, size_t *index);

#endif
