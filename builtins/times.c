/* times (POSIX.1-2024): user and system CPU time of the shell, then of its children. */
#include <sys/times.h>
#include <unistd.h>

#include "builtins.h"
#include "output.h"

static void print_pair(clock_t user, clock_t system, long ticks)
{
	clock_t both[2] = { user, system };

	for (int i = 0; i < 2; i++) {
		/* In milliseconds first, so the rounding is done once. */
		long long ms = (long long)both[i] * 1000 / ticks;

		out_printf(out1, "%lldm%lld.%03llds%c", ms / 60000, ms / 1000 % 60, ms % 1000,
		    i == 0 ? ' ' : '\n');
	}
}

int builtin_times(int argc, char **argv)
{
	struct tms t;
	long ticks = sysconf(_SC_CLK_TCK);

	(void)argc;
	(void)argv;
	if (ticks <= 0)
		ticks = 100;
	times(&t);
	print_pair(t.tms_utime, t.tms_stime, ticks);
	print_pair(t.tms_cutime, t.tms_cstime, ticks);
	return 0;
}
