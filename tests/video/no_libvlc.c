/* Preloaded into the kiosk by test_no_player.sh: libvlc_new fails, as when libvlc's plugins
 * are missing, so the video screen's "the video player could not start" path can be tested. */
#include <stddef.h>

struct libvlc_instance_t;

struct libvlc_instance_t *libvlc_new(int argc, const char *const *argv);
const char *libvlc_errmsg(void);

struct libvlc_instance_t *libvlc_new(int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	return NULL;
}

const char *libvlc_errmsg(void)
{
	return "no plugins found (test)";
}
