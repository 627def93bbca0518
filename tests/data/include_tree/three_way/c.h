/* c includes a: the cycle closes through b. */
#include "x/a.h"
