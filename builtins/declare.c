/* stub: being written */
#include "builtins.h"

int builtin_export(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int builtin_readonly(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int builtin_unset(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int builtin_local(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

