/* The stack check behind the recursion limits (nesting.h). */
#include <stdint.h>
#include <sys/resource.h>

#include "nesting.h"

static uintptr_t stack_base, stack_limit;

void stack_limit_init(void)
{
	char here;
	struct rlimit rl;
	uintptr_t size = 8u << 20;

	if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		size = (uintptr_t)rl.rlim_cur;
	stack_base = (uintptr_t)&here;
	/* Leave a quarter (and at least 256 KiB) for whatever runs deepest. */
	stack_limit = size - (size / 4 > (256u << 10) ? size / 4 : (256u << 10));
}

bool stack_exhausted(void)
{
	char here;
	uintptr_t at = (uintptr_t)&here;

	if (stack_base == 0) {
		stack_limit_init();
		return false;
	}
	return (at < stack_base ? stack_base - at : at - stack_base) > stack_limit;
}
