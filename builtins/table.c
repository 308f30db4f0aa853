/* The table of built-in utilities, sorted by name for binary search. */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"

#define S BUILTIN_SPECIAL
#define D BUILTIN_DECLARATION
#define P BUILTIN_PURE

const struct builtin builtin_table[] = {
	{ ".",		builtin_dot,		S },
	{ ":",		builtin_colon,		S | P },
	{ "[",		builtin_test,		P },
	{ "alias",	builtin_alias,		0 },
	{ "bg",		builtin_bg,		0 },
	{ "break",	builtin_break,		S },
	{ "cd",		builtin_cd,		0 },
	{ "command",	builtin_command,	0 },
	{ "continue",	builtin_continue,	S },
	{ "echo",	builtin_echo,		P },
	{ "eval",	builtin_eval,		S },
	{ "exec",	builtin_exec,		S },
	{ "exit",	builtin_exit,		S },
	{ "export",	builtin_export,		S | D },
	{ "false",	builtin_false,		P },
	{ "fc",		builtin_fc,		0 },
	{ "fg",		builtin_fg,		0 },
	{ "getopts",	builtin_getopts,	0 },
	{ "hash",	builtin_hash,		0 },
	{ "jobs",	builtin_jobs,		0 },
	{ "kill",	builtin_kill,		0 },
	{ "local",	builtin_local,		D },
	{ "printf",	builtin_printf,		P },
	{ "pwd",	builtin_pwd,		P },
	{ "read",	builtin_read,		0 },
	{ "readonly",	builtin_readonly,	S | D },
	{ "return",	builtin_return,		S },
	{ "set",	builtin_set,		S },
	{ "shift",	builtin_shift,		S },
	{ "test",	builtin_test,		P },
	{ "times",	builtin_times,		S },
	{ "trap",	builtin_trap,		S },
	{ "true",	builtin_true,		P },
	{ "type",	builtin_type,		0 },
	{ "ulimit",	builtin_ulimit,		0 },
	{ "umask",	builtin_umask,		0 },
	{ "unalias",	builtin_unalias,	0 },
	{ "unset",	builtin_unset,		S },
	{ "wait",	builtin_wait,		0 },
	{ NULL,		NULL,			0 },
};

static int compare_name(const void *key, const void *entry)
{
	return strcmp(key, ((const struct builtin *)entry)->name);
}

const struct builtin *builtin_find(const char *name)
{
	size_t count = sizeof builtin_table / sizeof builtin_table[0] - 1;

	return bsearch(name, builtin_table, count, sizeof builtin_table[0], compare_name);
}
