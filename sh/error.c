/* Error messages and the handler stack for non-local exits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "output.h"
#include "state.h"

struct handler *current_handler;
enum exception exception_raised;
const char *error_source_name;

void handler_push(struct handler *h)
{
	h->previous = current_handler;
	current_handler = h;
}

void handler_pop(struct handler *h)
{
	current_handler = h->previous;
}

noreturn void raise_exception(enum exception e)
{
	exception_raised = e;
	if (current_handler == NULL) {
		/* Nobody to catch it: only possible before the main loop starts. */
		out_flush_all();
		exit(e == EXCEPTION_EXIT ? shell.last_status : 2);
	}
	longjmp(current_handler->jump, 1);
}

size_t error_prefix(char *buf, size_t size)
{
	int n;

	if (shell.interactive || error_source_name == NULL)
		n = snprintf(buf, size, "vsh: ");
	else
		n = snprintf(buf, size, "vsh: %s: line %d: ", error_source_name, shell.lineno);
	if (n < 0)
		n = 0;
	return (size_t)n < size ? (size_t)n : size - 1;
}

void error_vwarn(const char *fmt, va_list ap)
{
	char prefix[512];

	error_prefix(prefix, sizeof prefix);
	/* Whatever the shell has buffered for stdout comes first. */
	out_flush(out1);
	out_str(out2, prefix);
	out_vprintf(out2, fmt, ap);
	out_char(out2, '\n');
	out_flush(out2);
}

void error_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_vwarn(fmt, ap);
	va_end(ap);
}

noreturn void error_raise(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_vwarn(fmt, ap);
	va_end(ap);
	shell.last_status = 2;
	raise_exception(EXCEPTION_ERROR);
}

noreturn void error_raise_status(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_vwarn(fmt, ap);
	va_end(ap);
	shell.last_status = status;
	raise_exception(EXCEPTION_ERROR);
}
