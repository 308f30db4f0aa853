/*
 * echo, the XSI way (like dash): no options except a first argument of
 * exactly "-n"; backslash escapes are always interpreted and "\c" ends the
 * output without a newline.
 */
#include <string.h>

#include "builtins.h"
#include "error.h"
#include "escapes.h"
#include "output.h"

int builtin_echo(int argc, char **argv)
{
	bool newline = true;
	int i = 1;

	(void)argc;
	out1->failed = false;
	if (argv[1] != NULL && strcmp(argv[1], "-n") == 0) {
		newline = false;
		i++;
	}
	for (; argv[i] != NULL; i++) {
		if (i > (newline ? 1 : 2))
			out_char(out1, ' ');
		if (!write_escaped(out1, argv[i], ESCAPE_ARGUMENT)) {
			newline = false;
			break;
		}
	}
	if (newline)
		out_char(out1, '\n');
	if (out_flush(out1) < 0) {
		out1->failed = false;
		error_warn("echo: write error: %s", strerror(out1->error));
		return 1;
	}
	return 0;
}
