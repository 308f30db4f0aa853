/* stub: being written */
#include "builtins.h"

int builtin_cd(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int builtin_pwd(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

