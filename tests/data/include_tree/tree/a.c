/* The root includes two modules. */
#include "x/b.h"
#include "x/c.h"
