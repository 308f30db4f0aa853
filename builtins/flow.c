/* break, continue, return, exit: they only record the jump; loops and calls act on it. */
#include <limits.h>
#include <stdlib.h>

#include "builtins.h"
#include "error.h"
#include "exec.h"
#include "jobs.h"
#include "state.h"

/* A non-negative decimal number, or -1. */
static long parse_count(const char *s)
{
	long n = 0;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
		if (n > INT_MAX)
			n = INT_MAX;
	}
	return n;
}

static int loop_jump(int argc, char **argv, enum pending_jump jump)
{
	long n = 1;

	if (argc > 2)
		error_raise("%s: too many arguments", argv[0]);
	if (argc == 2) {
		n = parse_count(argv[1]);
		if (n <= 0)
			error_raise("%s: Illegal number: %s", argv[0], argv[1]);
	}
	/* Outside a loop there is nothing to do (POSIX leaves it unspecified; dash is silent). */
	if (loop_depth == 0)
		return 0;
	if (n > loop_depth)
		n = loop_depth;
	pending_jump = jump;
	pending_jump_count = (int)n;
	return 0;
}

int builtin_break(int argc, char **argv)
{
	return loop_jump(argc, argv, JUMP_BREAK);
}

int builtin_continue(int argc, char **argv)
{
	return loop_jump(argc, argv, JUMP_CONTINUE);
}

/* An exit status operand: a decimal number, taken modulo 256. */
static int parse_status(const char *name, const char *s)
{
	const char *p = s;
	long n = 0;

	if (*p == '-' || *p == '+')
		p++;
	if (*p == '\0')
		error_raise("%s: Illegal number: %s", name, s);
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			error_raise("%s: Illegal number: %s", name, s);
		n = (n * 10 + (*p - '0')) & 0xffff;
	}
	if (*s == '-')
		n = -n;
	return (int)(n & 0xff);
}

int builtin_return(int argc, char **argv)
{
	int status = shell.last_status;

	/*
	 * A return that ends a trap action (not one in a function the action
	 * calls) takes $? from before the action (XCU return).
	 */
	if (shell.in_trap && function_depth + dot_depth == shell.trap_call_depth)
		status = shell.trap_status;
	/* Extra operands are ignored, as dash does. */
	if (argc >= 2)
		status = parse_status(argv[0], argv[1]);
	/* Outside functions and "." scripts, return ends the current input (as in dash). */
	pending_jump = JUMP_RETURN;
	pending_return_status = status;
	return status;
}

int builtin_exit(int argc, char **argv)
{
	/* In a trap action, $? from before the action (XCU exit): "trap 'rm f; exit' EXIT". */
	int status = shell.in_trap ? shell.trap_status : shell.last_status;

	if (argc >= 2)
		status = parse_status(argv[0], argv[1]);
	/* Stopped jobs: warn once, leave at the next try. */
	if (!jobs_exit_allowed())
		return shell.last_status;
	shell_exit(status);
}
