/* libcurl, opened at the first exchange with a learning record store (core/lazylib.h). Included
 * after <curl/curl.h>; every libcurl function lrs_http.c calls is named here. */
#ifndef RJK_CORE_CURL_LAZY_H
#define RJK_CORE_CURL_LAZY_H

#include "core/lazylib.h"

extern struct lazylib lazy_curl;

/* curl.h makes these two type-checking macros; the calls go to the library as they are. */
#undef curl_easy_setopt
#undef curl_easy_getinfo
#define curl_easy_cleanup(...) LAZYLIB_CALL(lazy_curl, curl_easy_cleanup)(__VA_ARGS__)
#define curl_easy_getinfo(...) LAZYLIB_CALL(lazy_curl, curl_easy_getinfo)(__VA_ARGS__)
#define curl_easy_init(...) LAZYLIB_CALL(lazy_curl, curl_easy_init)(__VA_ARGS__)
#define curl_easy_perform(...) LAZYLIB_CALL(lazy_curl, curl_easy_perform)(__VA_ARGS__)
#define curl_easy_setopt(...) LAZYLIB_CALL(lazy_curl, curl_easy_setopt)(__VA_ARGS__)
#define curl_easy_strerror(...) LAZYLIB_CALL(lazy_curl, curl_easy_strerror)(__VA_ARGS__)
#define curl_getdate(...) LAZYLIB_CALL(lazy_curl, curl_getdate)(__VA_ARGS__)
#define curl_global_init(...) LAZYLIB_CALL(lazy_curl, curl_global_init)(__VA_ARGS__)
#define curl_slist_append(...) LAZYLIB_CALL(lazy_curl, curl_slist_append)(__VA_ARGS__)
#define curl_slist_free_all(...) LAZYLIB_CALL(lazy_curl, curl_slist_free_all)(__VA_ARGS__)

#endif
