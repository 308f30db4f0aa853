/* stub: being written */
#include "builtins.h"

int builtin_set(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int builtin_shift(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

