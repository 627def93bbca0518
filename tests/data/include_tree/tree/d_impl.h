/* d_impl.h is part of module d: including d.h is no cycle. */
#include "x/d.h"
#include "x/c.h"
