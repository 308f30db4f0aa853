/*
 * Errors and non-local exits.
 *
 * A shell error that aborts the current command (syntax error, expansion
 * error, error in a special built-in, "exit") is raised with longjmp to the
 * nearest handler.  Handlers form a stack; whoever pushes one must pop it
 * on both paths.  Nothing may raise in a vfork child (rule 2): the launch
 * path uses only system calls there.
 *
 *	struct handler h;
 *	if (setjmp(h.jump) == 0) {
 *		handler_push(&h);
 *		...work that may raise...
 *		handler_pop(&h);
 *	} else {
 *		handler_pop(&h);	// the handler is still on the stack
 *		...clean up; maybe raise(exception_raised) again...
 *	}
 */
#ifndef VSH_ERROR_H
#define VSH_ERROR_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdnoreturn.h>

enum exception {
	EXCEPTION_ERROR = 1,	/* a shell error; the message is already printed */
	EXCEPTION_EXIT,		/* "exit" or a fatal error: leave the shell (or subshell) */
	EXCEPTION_INTERRUPT,	/* SIGINT at the interactive prompt or while waiting */
};

struct handler {
	jmp_buf jump;
	struct handler *previous;
};

extern struct handler *current_handler;
extern enum exception exception_raised;	/* what the last raise was */

void handler_push(struct handler *h);
void handler_pop(struct handler *h);
noreturn void raise_exception(enum exception e);

/*
 * Messages go to the shell's standard error (descriptor 2 as currently
 * redirected), prefixed "vsh: " and, in a non-interactive shell, the
 * source name and line: "vsh: script: line 3: ".
 *
 * error_raise(): print, set $? to 2 (or status), raise EXCEPTION_ERROR.
 * error_warn():  print only; the caller returns a status.
 */
noreturn void error_raise(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
noreturn void error_raise_status(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void error_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void error_vwarn(const char *fmt, va_list ap);

/*
 * Write the message prefix ("vsh: " or "vsh: script: line 3: ") into buf;
 * used by the launch path to prepare the child's messages in advance.
 * Returns the length (truncated to size - 1).
 */
size_t error_prefix(char *buf, size_t size);

/* The name used in messages for the current source: "script", "-c", ... */
extern const char *error_source_name;

#endif
