/* Shared libraries opened at their first call rather than when the program starts, so that
 * start-up does not pay for what a session may never use: libvlc and ALSA (the video), cairo
 * and pango (the debrief and the report), libcurl (the learning record store). Together with
 * what they pull in they are about half of the kiosk's libraries, and loading and relocating
 * them would be a fifth of the time to the first frame.
 *
 * A module includes the library's own header, then a header of its own that names each function
 * it calls, for example
 *     #define libvlc_new(...) LAZYLIB_CALL(lazy_vlc, libvlc_new)(__VA_ARGS__)
 * so that its code reads as plain calls, checked against the library's prototypes. Each call
 * site looks its function up once. */
#ifndef RJK_CORE_LAZYLIB_H
#define RJK_CORE_LAZYLIB_H

#include <stdbool.h>

#include "core/error.h"

/* One library: its file name (its SONAME, found by the build) and, once opened, its handle. */
struct lazylib {
	const char *soname;
	void *handle; /* accessed atomically */
};

#define LAZYLIB_INIT(soname) {(soname), 0}

/* Opens lib if it is not open yet; false with the loader's message if it cannot be. Callers
 * that can go on without the library (the video player, the LRS) call this first and report
 * the error; a call through LAZYLIB_CALL without it ends the program when the library is
 * missing, as the dynamic loader would have at start. Safe from any thread. */
bool lazylib_open(struct lazylib *lib, struct rjk_error *err);

/* The address of the function name, as the program would have bound it: a definition already
 * loaded (one preloaded in tests) comes first, then lib's; lib is opened either way. Never
 * NULL: a library or function that cannot be found is reported on stderr and ends the
 * program. */
void *lazylib_symbol(struct lazylib *lib, const char *name);

/* True once lib is open: a call has gone to it, or lazylib_open succeeded. */
bool lazylib_is_open(struct lazylib *lib);

/* The function fn of lib, typed as fn, looked up on the first call from this site. */
#define LAZYLIB_CALL(lib, fn)                                                                \
	(*__extension__({                                                                    \
		static __typeof__(&fn) lazylib_fn_;                                          \
		__typeof__(&fn) lazylib_p_ = __atomic_load_n(&lazylib_fn_, __ATOMIC_ACQUIRE); \
		if (!lazylib_p_) {                                                           \
			*(void **)&lazylib_p_ = lazylib_symbol(&(lib), #fn);                 \
			__atomic_store_n(&lazylib_fn_, lazylib_p_, __ATOMIC_RELEASE);         \
		}                                                                            \
		lazylib_p_;                                                                  \
	}))

#endif
