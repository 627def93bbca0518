/* The source of b includes a: a cycle between modules, not between files. */
#include "x/b.h"
#include "x/a.h"
