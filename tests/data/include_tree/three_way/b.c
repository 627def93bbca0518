/* b includes c. */
#include "x/c.h"
