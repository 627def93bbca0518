/* Radio groups (a scale's values, a single choice's options) as one Tab stop: which member
 * Tab lands on, and whether the group holds a choice yet. Check boxes stay one stop each. */
#include "ui/ui_impl.h"

static bool radio(const struct item *item)
{
	return item->group > 0 && (item->style == STYLE_RADIO || item->style == STYLE_SCALE);
}

bool ui_group_chosen(const struct ui *ui, int group)
{
	for (size_t i = 0; i < ui->view.count; i++)
		if (ui->view.items[i].group == group && ui->view.items[i].selected)
			return true;
	return false;
}

bool ui_group_tab_stop(const struct ui *ui, int index)
{
	const struct item *item = &ui->view.items[index];
	bool chosen;

	if (!radio(item))
		return true;
	chosen = ui_group_chosen(ui, item->group);
	if (chosen)
		return item->selected;
	/* Nothing chosen: the group's first member. */
	for (int i = 0; i < index; i++)
		if (ui->view.items[i].group == item->group && ui_reachable(ui, &ui->view.items[i]))
			return false;
	return true;
}
