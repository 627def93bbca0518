/* Libraries opened at their first call (see lazylib.h). */
#include "core/lazylib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* One dlopen at a time, so that two threads opening one library leave one handle. */
static pthread_mutex_t opening = PTHREAD_MUTEX_INITIALIZER;

bool lazylib_open(struct lazylib *lib, struct rjk_error *err)
{
	void *handle;

	if (__atomic_load_n(&lib->handle, __ATOMIC_ACQUIRE))
		return true;
	pthread_mutex_lock(&opening);
	handle = __atomic_load_n(&lib->handle, __ATOMIC_ACQUIRE);
	if (!handle) {
		/* Global, as if linked: later libraries and preloaded stand-ins in tests see it. */
		handle = dlopen(lib->soname, RTLD_NOW | RTLD_GLOBAL);
		if (handle)
			__atomic_store_n(&lib->handle, handle, __ATOMIC_RELEASE);
		else
			rjk_error_set(err, "%s", dlerror());
	}
	pthread_mutex_unlock(&opening);
	return handle != NULL;
}

void *lazylib_symbol(struct lazylib *lib, const char *name)
{
	struct rjk_error err = {{0}};
	void *fn;

	if (!lazylib_open(lib, &err)) {
		fprintf(stderr, "rjkiosk: %s\n", err.message);
		abort();
	}
	if (!(fn = dlsym(RTLD_DEFAULT, name))) {
		fprintf(stderr, "rjkiosk: %s has no %s\n", lib->soname, name);
		abort();
	}
	return fn;
}

bool lazylib_is_open(struct lazylib *lib)
{
	return __atomic_load_n(&lib->handle, __ATOMIC_ACQUIRE) != NULL;
}
