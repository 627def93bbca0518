#include <stdio.h>
int cmd_export(int argc, char **argv)
{
	fprintf(stderr, "rjkiosk: 'export' is not available in this build\n");
	return 2;
}
int cmd_sessions(int argc, char **argv)
{
	fprintf(stderr, "rjkiosk: 'sessions' is not available in this build\n");
	return 2;
}
int cmd_purge(int argc, char **argv)
{
	fprintf(stderr, "rjkiosk: 'purge' is not available in this build\n");
	return 2;
}
