/* A module whose source includes b. */
#include "x/a.h"
#include "x/b.h"
