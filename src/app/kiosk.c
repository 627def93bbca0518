#include <stdio.h>
#include "app/commands.h"
int cmd_kiosk(int argc, char **argv)
{
	fprintf(stderr, "rjkiosk: 'kiosk' is not available in this build\n");
	return 2;
}
