/*
 * trap [-p] [condition...] | trap [--] action condition... | trap [--] - condition...
 * (XCU trap).  The traps themselves live in sh/trap.c.
 */
#include <signal.h>
#include <string.h>

#include "builtins.h"
#include "error.h"
#include "output.h"
#include "trap.h"

/* Single quotes always, as dash and bash print traps. */
static void out_single_quoted(const char *s)
{
	out_char(out1, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			out_str(out1, "'\\''");
		else
			out_char(out1, *s);
	}
	out_char(out1, '\'');
}

static void print_trap(int sig)
{
	const char *action = trap_get(sig);

	if (action == NULL)
		return;
	out_str(out1, "trap -- ");
	out_single_quoted(action);
	out_char(out1, ' ');
	if (sig == 0)
		out_str(out1, "EXIT");
	else if (signal_name(sig) != NULL)
		out_str(out1, signal_name(sig));
	else
		out_printf(out1, "%d", sig);	/* no name (glibc's 32 and 33): as dash, bash and mksh */
	out_char(out1, '\n');
}

static int list_traps(char **conditions)
{
	int status = 0;

	if (*conditions == NULL) {
		for (int sig = 0; sig < NSIG; sig++)
			print_trap(sig);
		return 0;
	}
	for (; *conditions; conditions++) {
		int sig = signal_number(*conditions);

		if (sig < 0) {
			error_warn("trap: %s: bad trap", *conditions);
			status = 1;
			continue;
		}
		print_trap(sig);
	}
	return status;
}

/* An unsigned decimal integer first operand means "reset these" (XCU trap). */
static bool is_unsigned_number(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

int builtin_trap(int argc, char **argv)
{
	const char *action;
	char **conditions;
	int status = 0;

	(void)argc;
	argv++;
	if (*argv != NULL && strcmp(*argv, "-p") == 0) {
		argv++;
		if (*argv != NULL && strcmp(*argv, "--") == 0)
			argv++;	/* trap -p -- INT: options end there too */
		return list_traps(argv);
	}
	bool end_of_options = false;

	if (*argv != NULL && strcmp(*argv, "--") == 0) {
		argv++;
		end_of_options = true;
	}
	if (*argv == NULL)
		return list_traps(argv);
	/* After "--" an action may start with "-": trap -- '-x' EXIT. */
	if (!end_of_options && **argv == '-' && strcmp(*argv, "-") != 0) {
		error_warn("trap: %s: invalid option", *argv);
		return builtin_usage("trap [-p] [condition ...] | trap [--] action condition ...") ;
	}
	if (argv[1] == NULL && strcmp(*argv, "-") != 0) {
		/* "trap INT": POSIX reads it as a reset (the action is the condition). */
		if (signal_number(*argv) < 0) {
			error_warn("trap: %s: bad trap", *argv);
			return 1;
		}
		action = NULL;
		conditions = argv;
	} else if (is_unsigned_number(*argv) || strcmp(*argv, "-") == 0) {
		action = NULL;
		conditions = strcmp(*argv, "-") == 0 ? argv + 1 : argv;
	} else {
		action = *argv;
		conditions = argv + 1;
	}
	for (; *conditions; conditions++) {
		int sig = signal_number(*conditions);

		if (sig < 0) {
			error_warn("trap: %s: bad trap", *conditions);
			status = 1;
		} else if (trap_set(sig, action) < 0) {
			error_warn("trap: %s: cannot be trapped", *conditions);
			status = 1;
		}
	}
	return status;
}
