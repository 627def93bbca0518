#include <stdio.h>
#include "app/commands.h"
int cmd_check(int argc, char **argv)
{
	fprintf(stderr, "rjkiosk: 'check' is not available in this build\n");
	return 2;
}
