/*
 * The little global state of a running shell that does not belong to one
 * module: the values behind $?, $$, $!, $0, LINENO, and where we are.
 */
#ifndef VSH_STATE_H
#define VSH_STATE_H

#include <stdbool.h>
#include <sys/types.h>

struct shell_state {
	int last_status;	/* $? */
	pid_t shell_pid;	/* $$: the pid of the main shell, not of subshells */
	pid_t last_background;	/* $!: 0 when none yet */
	char *arg0;		/* $0 */
	int lineno;		/* line of the command being run: LINENO and messages */
	bool interactive;	/* the shell is interactive (-i or a terminal) */
	bool is_subshell;	/* we are a forked subshell of the main shell */
	char *self_path;	/* path to re-exec vsh for scripts without #! */
	bool in_trap;		/* a trap action is running: */
	int trap_status;	/* $? from before it, for "exit" without operand */
	int trap_call_depth;	/* function and "." depth when it began, for "return" */
};

extern struct shell_state shell;

#endif
