/* libswscale, opened when the first video picture is drawn (core/lazylib.h): libvlc's converter
 * has it loaded by then anyway. Included after <libswscale/swscale.h>; every function the kiosk
 * calls is named here. */
#ifndef RJK_UI_SWSCALE_LAZY_H
#define RJK_UI_SWSCALE_LAZY_H

#include "core/lazylib.h"

extern struct lazylib lazy_swscale;

#define sws_freeContext(...) LAZYLIB_CALL(lazy_swscale, sws_freeContext)(__VA_ARGS__)
#define sws_getCoefficients(...) LAZYLIB_CALL(lazy_swscale, sws_getCoefficients)(__VA_ARGS__)
#define sws_getContext(...) LAZYLIB_CALL(lazy_swscale, sws_getContext)(__VA_ARGS__)
#define sws_scale(...) LAZYLIB_CALL(lazy_swscale, sws_scale)(__VA_ARGS__)
#define sws_setColorspaceDetails(...) LAZYLIB_CALL(lazy_swscale, sws_setColorspaceDetails)(__VA_ARGS__)

#endif
