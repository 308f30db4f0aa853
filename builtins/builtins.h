/*
 * Built-in utilities: one table (table.c) says which exist and which are
 * special (XCU 2.15); each built-in or family has its own file.
 *
 * A built-in is called with its expanded arguments and returns its exit
 * status.  It writes through out1/out2 (output.h); the executor flushes
 * after it returns.  Errors that POSIX makes fatal for special built-ins
 * (XCU 2.8.1) are raised with error_raise(), which exits a
 * non-interactive shell; other errors print with error_warn() and return
 * a non-zero status.
 */
#ifndef VSH_BUILTINS_H
#define VSH_BUILTINS_H

#include <stdbool.h>

typedef int builtin_function(int argc, char **argv);

enum {
	BUILTIN_SPECIAL = 1 << 0,	/* XCU 2.15: found before functions; assignments persist */
	BUILTIN_DECLARATION = 1 << 1,	/* export, readonly, local: name=value arguments are assignments */
	/*
	 * Changes no shell state and reads no input, so "$(cmd)" may run it in
	 * the shell's own process with its output captured in memory.
	 */
	BUILTIN_PURE = 1 << 2,
};

struct builtin {
	const char *name;
	builtin_function *function;
	int flags;
};

/* NULL when name is not a built-in. */
const struct builtin *builtin_find(const char *name);
/* The table, ended by an entry with a NULL name. */
extern const struct builtin builtin_table[];

/*
 * Option parsing the POSIX way (XCU 12.2): combined flags, "--", option
 * arguments attached or separate.  Start with {1, 0, NULL}.
 * Returns the option letter, -1 at the first operand (g->index is its
 * index), or '?' after printing "vsh: name: -x: invalid option" or
 * "vsh: name: -x: option requires an argument".
 */
struct builtin_options {
	int index;		/* next argv element */
	int position;		/* position inside a group of flags */
	char *argument;		/* argument of the option just returned */
};
int builtin_getopt(struct builtin_options *g, char **argv, const char *optstring);
/* Print "usage: <usage>" on standard error and return 2. */
int builtin_usage(const char *usage);

/* One declaration per built-in: builtin_<name> ("." is dot, ":" colon, "[" test). */
builtin_function builtin_alias, builtin_bg, builtin_break, builtin_cd, builtin_colon,
    builtin_command, builtin_continue, builtin_dot, builtin_echo, builtin_eval,
    builtin_exec, builtin_exit, builtin_export, builtin_false, builtin_fc,
    builtin_fg, builtin_getopts, builtin_hash, builtin_jobs, builtin_kill, builtin_local, builtin_printf,
    builtin_pwd, builtin_read, builtin_readonly, builtin_return, builtin_set,
    builtin_shift, builtin_test, builtin_times, builtin_trap, builtin_true,
    builtin_type, builtin_ulimit, builtin_umask, builtin_unalias, builtin_unset,
    builtin_wait;

#endif
