/* Sanitizer builds of the kiosk only: a do-nothing dlclose, so that libvlc's plugins stay
 * mapped at exit and what they allocate once stays reachable instead of showing up as nameless
 * leaks LeakSanitizer cannot suppress; the project's own leaks are still reported (as in
 * tests/media/media_test.c). */
int dlclose(void *handle);

int dlclose(void *handle)
{
	(void)handle;
	return 0;
}
