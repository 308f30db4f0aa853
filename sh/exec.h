/*
 * The executor: runs syntax trees (XCU 2.9).  Process creation itself is in
 * launch.c; redirections in redir.c; jobs and waiting in jobs.c.
 */
#ifndef VSH_EXEC_H
#define VSH_EXEC_H

#include <stdbool.h>
#include <stdnoreturn.h>

#include "ast.h"
#include "input.h"
#include "strbuf.h"

enum {
	/* Part of a condition (if/while/until test, && || left side, !): set -e does not apply. */
	EXEC_CONDITION = 1 << 0,
	/* The shell (a child) exits right after this node: the last external command may be exec'd directly. */
	EXEC_LAST = 1 << 1,
};

/* Run a tree; returns its exit status (also in shell.last_status). */
int exec_node(struct node *n, int flags);

/*
 * Read, parse and run commands from in until its end.  Used for the main
 * script or terminal, "." files and eval.  Returns the last status.
 */
int run_input(struct input *in);
int eval_string(const char *text, const char *source_name);

/*
 * After an error reached the top: undo redirections and variable scopes
 * down to the depths taken before the command (redir_depth(),
 * exec_scope_depth()), and leave every loop, function and "." file.
 */
int exec_scope_depth(void);
void exec_recover(int redirs, int scopes);

/* $(...): run body, collect its standard output into out; returns the status. */
int exec_command_substitution(struct node *body, struct strbuf *out);

/* Leave the shell (or subshell): EXIT trap, flush output, _exit/exit. */
noreturn void shell_exit(int status);

/* Functions. */
struct node *function_find(const char *name);
void function_define(const char *name, const struct node *body);	/* copies the body */
int function_remove(const char *name);	/* 0, or -1 when not defined */

/* break/continue/return in progress, checked by loops and function calls. */
enum pending_jump { JUMP_NONE, JUMP_BREAK, JUMP_CONTINUE, JUMP_RETURN };
extern enum pending_jump pending_jump;
extern int pending_jump_count;	/* loops still to leave for break/continue */
extern int pending_return_status;	/* the status return gives */
extern int loop_depth;		/* enclosing loops, for break/continue checks */
extern int function_depth;	/* enclosing function calls, for return checks */
extern int dot_depth;		/* enclosing "." scripts, for return checks */

/* All functions, for listings (unordered). */
void function_each(void (*fn)(const char *name, const struct node *body));

/*
 * "command name args": run with function lookup suppressed and without
 * special built-in properties (lookup_flags from lookup.h, e.g. the
 * default PATH for "command -p").  Returns the status.
 */
int exec_command_argv(int argc, char **argv, int lookup_flags);

#endif
