/*
 * ulimit [-H|-S] [-a | -resource... [limit]] (POSIX.1-2024 has -f; the
 * other resources are those of getrlimit(2) that this system has, with the
 * letters dash, bash and mksh agree on).  Sizes are in 512-byte blocks for
 * -c and -f and in KiB for memory sizes.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "builtins.h"
#include "error.h"
#include "output.h"

struct limit_info {
	char letter;
	int resource;
	rlim_t unit;		/* bytes (or other units) per displayed unit */
	const char *label;
};

static const struct limit_info limits[] = {
	{ 't', RLIMIT_CPU, 1, "time(seconds)" },
	{ 'f', RLIMIT_FSIZE, 512, "file(blocks)" },
	{ 'd', RLIMIT_DATA, 1024, "data(KiB)" },
	{ 's', RLIMIT_STACK, 1024, "stack(KiB)" },
	{ 'c', RLIMIT_CORE, 512, "coredump(blocks)" },
#ifdef RLIMIT_RSS
	{ 'm', RLIMIT_RSS, 1024, "memory(KiB)" },
#endif
#ifdef RLIMIT_MEMLOCK
	{ 'l', RLIMIT_MEMLOCK, 1024, "locked memory(KiB)" },
#endif
#ifdef RLIMIT_NPROC
	{ 'u', RLIMIT_NPROC, 1, "processes" },
#endif
	{ 'n', RLIMIT_NOFILE, 1, "open files" },
#ifdef RLIMIT_AS
	{ 'v', RLIMIT_AS, 1024, "virtual memory(KiB)" },
#endif
#ifdef RLIMIT_LOCKS
	{ 'x', RLIMIT_LOCKS, 1, "file locks" },
#endif
#ifdef RLIMIT_SIGPENDING
	{ 'i', RLIMIT_SIGPENDING, 1, "pending signals" },
#endif
#ifdef RLIMIT_MSGQUEUE
	{ 'q', RLIMIT_MSGQUEUE, 1, "message queues(bytes)" },
#endif
#ifdef RLIMIT_NICE
	{ 'e', RLIMIT_NICE, 1, "nice" },
#endif
#ifdef RLIMIT_RTPRIO
	{ 'r', RLIMIT_RTPRIO, 1, "rtprio" },
#endif
#ifdef RLIMIT_RTTIME
	{ 'R', RLIMIT_RTTIME, 1, "rttime(microseconds)" },
#endif
};

#define LIMIT_COUNT (sizeof limits / sizeof limits[0])
#define USAGE "ulimit [-H|-S] [-a | -resource... [limit]]"

static const struct limit_info *find_limit(char letter)
{
	for (size_t i = 0; i < LIMIT_COUNT; i++)
		if (limits[i].letter == letter)
			return &limits[i];
	return NULL;
}

static void print_limit(const struct limit_info *l, bool hard, bool labelled)
{
	struct rlimit rl;
	rlim_t value;

	if (getrlimit(l->resource, &rl) != 0) {
		error_warn("ulimit: -%c: %s", l->letter, strerror(errno));
		return;
	}
	value = hard ? rl.rlim_max : rl.rlim_cur;
	if (labelled)
		out_printf(out1, "-%c: %-24s", l->letter, l->label);
	if (value == RLIM_INFINITY)
		out_str(out1, "unlimited\n");
	else
		out_printf(out1, "%ju\n", (uintmax_t)(value / l->unit));
}

int builtin_ulimit(int argc, char **argv)
{
	struct builtin_options g = { 1, 0, NULL };
	char optstring[2 * LIMIT_COUNT + 4] = "HSa";
	const struct limit_info *chosen[LIMIT_COUNT];
	size_t chosen_count = 0, i;
	bool hard = false, soft = false, all = false;
	const char *text;
	struct rlimit rl;
	rlim_t value;
	int c;

	(void)argc;
	for (i = 0; i < LIMIT_COUNT; i++)
		optstring[3 + i] = limits[i].letter;
	optstring[3 + LIMIT_COUNT] = '\0';
	while ((c = builtin_getopt(&g, argv, optstring)) != -1) {
		if (c == '?')
			return builtin_usage(USAGE);
		if (c == 'H')
			hard = true;
		else if (c == 'S')
			soft = true;
		else if (c == 'a')
			all = true;
		else if (chosen_count < LIMIT_COUNT)
			chosen[chosen_count++] = find_limit((char)c);
	}
	text = argv[g.index];
	if (all) {
		if (text != NULL) {
			error_warn("ulimit: -a takes no limit");
			return builtin_usage(USAGE);
		}
		for (i = 0; i < LIMIT_COUNT; i++)
			print_limit(&limits[i], hard && !soft, true);
		return 0;
	}
	if (chosen_count == 0)
		chosen[chosen_count++] = find_limit('f');
	if (text == NULL) {
		for (i = 0; i < chosen_count; i++)
			print_limit(chosen[i], hard && !soft, chosen_count > 1);
		return 0;
	}
	if (argv[g.index + 1] != NULL) {
		error_warn("ulimit: too many arguments");
		return builtin_usage(USAGE);
	}
	if (strcmp(text, "unlimited") == 0) {
		value = RLIM_INFINITY;
	} else {
		char *end;
		uintmax_t n;

		errno = 0;
		n = strtoumax(text, &end, 10);
		if (text[0] < '0' || text[0] > '9' || *end != '\0' || errno == ERANGE) {
			error_warn("ulimit: %s: bad number", text);
			return 1;
		}
		/* Several resources with one value: every one gets it. */
		value = (rlim_t)n;
		for (i = 0; i < chosen_count; i++) {
			if (n > (uintmax_t)(RLIM_INFINITY - 1) / chosen[i]->unit) {
				error_warn("ulimit: %s: %s", text, strerror(ERANGE));
				return 1;
			}
		}
	}
	for (i = 0; i < chosen_count; i++) {
		const struct limit_info *l = chosen[i];
		rlim_t scaled = value == RLIM_INFINITY ? value : value * l->unit;

		if (getrlimit(l->resource, &rl) != 0) {
			error_warn("ulimit: -%c: %s", l->letter, strerror(errno));
			return 1;
		}
		/* Neither -H nor -S: both, as POSIX asks. */
		if (hard || !soft)
			rl.rlim_max = scaled;
		if (soft || !hard)
			rl.rlim_cur = scaled;
		if (setrlimit(l->resource, &rl) != 0) {
			error_warn("ulimit: -%c: cannot set limit: %s", l->letter, strerror(errno));
			return 1;
		}
	}
	return 0;
}
