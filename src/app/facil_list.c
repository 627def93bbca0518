/* A list on a facilitator's page shown a page at a time (the Sessions picker, the scenarios):
 * the buttons to the pages before and after, and what pressing one of them or an entry does. */
#include "app/facil_impl.h"

#include <stdio.h>

void facil_list_turns(struct facil *f, const struct facil_list *list, const struct pager *pg,
		      size_t count)
{
	if (pager_has_earlier(pg))
		facil_add(f, list->earlier, list->earlier_id);
	if (pager_has_later(pg, count))
		facil_add(f, list->later, list->later_id);
}

bool facil_list_turn(struct facil *f, const struct facil_context *c,
		     const struct facil_list *list, struct pager *pg, size_t count, int id)
{
	if (id == list->earlier_id)
		pager_earlier(pg);
	else if (id == list->later_id)
		pager_later(pg, count);
	else
		return false;
	f->generation++; /* focus and scroll start again on the new page */
	facil_show(f, c, list->mode);
	return true;
}

bool facil_list_entry(const struct facil_list *list, const struct pager *pg, size_t count,
		      int id, size_t *index)
{
	return id >= list->entry_id &&
	       pager_entry(pg, count, (size_t)(id - list->entry_id), index);
}

void facil_list_shown(const struct pager *pg, size_t count, char *out, size_t size)
{
	size_t end = pager_end(pg, count);

	if (end == pg->first + 1)
		snprintf(out, size, "%zu shown", end);
	else
		snprintf(out, size, "%zu to %zu shown", pg->first + 1, end);
}
