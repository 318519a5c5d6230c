#include "carryover/carryover.h"

const char *co_version(void)
{
	return "0.1.0";
}
