/* c includes nothing of x; other folders and system headers do not count. */
#include "core/a.h"
#include <x/a.h>
