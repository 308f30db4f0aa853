/* stub: being written */
#include "builtins.h"

int builtin_alias(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int builtin_unalias(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

