/* Paging through a long list (see pager.h). */
#include "core/pager.h"

#include <assert.h>

size_t pager_end(const struct pager *pg, size_t count)
{
	assert(pg->per_page > 0);
	return pg->first >= count ? count : count - pg->first > pg->per_page ?
	       pg->first + pg->per_page : count;
}

bool pager_has_earlier(const struct pager *pg)
{
	return pg->first > 0;
}

bool pager_has_later(const struct pager *pg, size_t count)
{
	return pager_end(pg, count) < count;
}

void pager_earlier(struct pager *pg)
{
	pg->first = pg->first > pg->per_page ? pg->first - pg->per_page : 0;
}

void pager_later(struct pager *pg, size_t count)
{
	if (pager_has_later(pg, count))
		pg->first += pg->per_page;
}

void pager_fit(struct pager *pg, size_t count)
{
	assert(pg->per_page > 0);
	if (pg->first >= count)
		pg->first = count ? (count - 1) / pg->per_page * pg->per_page : 0;
}

bool pager_entry(const struct pager *pg, size_t count, size_t place, size_t *index)
{
	if (place >= pg->per_page || pg->first + place >= pager_end(pg, count))
		return false;
	*index = pg->first + place;
	return true;
}
