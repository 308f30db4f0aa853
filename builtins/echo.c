/* stub: being written */
#include "builtins.h"

int builtin_echo(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

