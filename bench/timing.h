/* Time in nanoseconds for the benchmark helpers (launch.c, rusage.c, firstprompt.c). */
#ifndef BENCH_TIMING_H
#define BENCH_TIMING_H

#include <sys/time.h>
#include <time.h>

/* The monotonic clock. */
static inline long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* A struct timeval from getrusage or wait4. */
static inline long long tv_ns(struct timeval tv)
{
	return (long long)tv.tv_sec * 1000000000LL + (long long)tv.tv_usec * 1000;
}

#endif
