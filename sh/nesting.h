/*
 * Limits on recursion: hostile input (a script that sources itself, 100,000
 * parentheses) must end in an error message, never in a crash.  Every
 * recursive path of the shell has a fixed limit, and the ones that run
 * code also watch the stack itself, which may be small (ulimit -s).
 * sh.1 lists them under LIMITS.
 */
#ifndef VSH_NESTING_H
#define VSH_NESTING_H

#include <stdbool.h>

/* Function calls, eval, "." files, trap actions and fc together. */
#define CALL_DEPTH_MAX 10000
/* Parentheses, unary operators, ?: and assignments inside one $((...)). */
#define ARITH_DEPTH_MAX 1000

/* Take the current stack position as the base; main() calls it first. */
void stack_limit_init(void);

/* Has the shell used so much of its stack that it must not go deeper? */
bool stack_exhausted(void);

#endif
