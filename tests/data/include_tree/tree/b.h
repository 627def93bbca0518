/* b includes c too (a graph without cycles is enough). */
#include "x/c.h"
