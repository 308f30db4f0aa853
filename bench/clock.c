/*
 * clock: print CLOCK_MONOTONIC as one decimal number of nanoseconds.
 * Workloads call it three times ($(clock)) around their timed part; bench/run
 * subtracts the cost of one call (see README.md, "Method").
 */
#include <stdio.h>
#include <time.h>

int main(void)
{
	struct timespec now;

	if (clock_gettime(CLOCK_MONOTONIC, &now) != 0)
		return 1;
	printf("%lld\n", (long long)now.tv_sec * 1000000000LL + now.tv_nsec);
	return 0;
}
