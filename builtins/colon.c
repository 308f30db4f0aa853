/* ":", "true" and "false": they only return a status (hot paths: no work at all). */
#include "builtins.h"

int builtin_colon(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int builtin_true(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int builtin_false(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}
