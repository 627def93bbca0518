/* d over its internal header. */
#include "x/d_impl.h"
