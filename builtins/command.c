/* command, type and hash: questions about (and control of) command search. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alias.h"
#include "builtins.h"
#include "error.h"
#include "exec.h"
#include "lookup.h"
#include "memory.h"
#include "output.h"
#include "parser.h"

enum describe_style {
	DESCRIBE_SHORT,		/* command -v: what to type to get it */
	DESCRIBE_LONG,		/* command -V and type: a sentence */
};

/* A path as the user should see it for command -v and -V: absolute. */
static void print_absolute(const char *path)
{
	if (path[0] != '/') {
		char cwd[PATH_MAX];

		if (getcwd(cwd, sizeof cwd) != NULL) {
			while (path[0] == '.' && path[1] == '/')
				path += 2;
			out_str(out1, cwd);
			if (strcmp(cwd, "/") != 0)
				out_char(out1, '/');
		}
	}
	out_str(out1, path);
}

static bool is_executable_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* Describe one name; returns false when it is not found. */
static bool describe(const char *name, enum describe_style style, int lookup_flags)
{
	struct command_target t;
	const char *alias;

	if (is_reserved_word(name)) {
		if (style == DESCRIBE_SHORT)
			out_printf(out1, "%s\n", name);
		else
			out_printf(out1, "%s is a shell keyword\n", name);
		return true;
	}
	alias = alias_get(name);
	if (alias != NULL) {
		if (style == DESCRIBE_SHORT) {
			out_printf(out1, "alias %s=", name);
			out_quoted(out1, alias);
			out_char(out1, '\n');
		} else {
			out_printf(out1, "%s is an alias for %s\n", name, alias);
		}
		return true;
	}
	if (strchr(name, '/') != NULL) {
		if (!is_executable_file(name))
			goto not_found;
		if (style == DESCRIBE_LONG)
			out_printf(out1, "%s is ", name);
		print_absolute(name);
		out_char(out1, '\n');
		return true;
	}
	if (!command_lookup(name, lookup_flags | LOOKUP_NO_HASH, &t))
		goto not_found;
	if (style == DESCRIBE_SHORT) {
		if (t.kind == COMMAND_PROGRAM)
			print_absolute(t.path);
		else
			out_str(out1, name);
		out_char(out1, '\n');
		return true;
	}
	switch (t.kind) {
	case COMMAND_SPECIAL_BUILTIN:
		out_printf(out1, "%s is a special shell builtin\n", name);
		break;
	case COMMAND_FUNCTION:
		out_printf(out1, "%s is a shell function\n", name);
		break;
	case COMMAND_BUILTIN:
		out_printf(out1, "%s is a shell builtin\n", name);
		break;
	case COMMAND_PROGRAM:
		/* With the absolute path (XCU command -V), also from a relative PATH entry. */
		out_printf(out1, t.hashed ? "%s is a tracked alias for " : "%s is ", name);
		print_absolute(t.path);
		out_char(out1, '\n');
		break;
	case COMMAND_NOT_FOUND:
		goto not_found;
	}
	return true;

not_found:
	if (style == DESCRIBE_LONG)
		out_printf(out1, "%s: not found\n", name);
	return false;
}

int builtin_command(int argc, char **argv)
{
	struct builtin_options g = { 1, 0, NULL };
	int c, lookup_flags = 0, status = 0;
	char style = 0;

	while ((c = builtin_getopt(&g, argv, "pvV")) != -1) {
		switch (c) {
		case 'p':
			lookup_flags |= LOOKUP_DEFAULT_PATH;
			break;
		case 'v':
		case 'V':
			style = (char)c;
			break;
		default:
			return builtin_usage("command [-p] [-v | -V] command_name [argument ...]");
		}
	}
	argv += g.index;
	argc -= g.index;
	if (argc == 0)
		return 0;
	if (style == 0)
		return exec_command_argv(argc, argv, lookup_flags);
	for (int i = 0; i < argc; i++)
		if (!describe(argv[i], style == 'v' ? DESCRIBE_SHORT : DESCRIBE_LONG, lookup_flags))
			status = style == 'v' ? 1 : 127;
	return status;
}

int builtin_type(int argc, char **argv)
{
	int status = 0, i = 1;

	if (argc > 1 && strcmp(argv[1], "--") == 0)
		i++;
	for (; i < argc; i++)
		if (!describe(argv[i], DESCRIBE_LONG, 0))
			status = 127;
	return status;
}

int builtin_hash(int argc, char **argv)
{
	struct builtin_options g = { 1, 0, NULL };
	int c, status = 0;
	bool reset = false;

	while ((c = builtin_getopt(&g, argv, "r")) != -1) {
		if (c != 'r')
			return builtin_usage("hash [-r] [name ...]");
		reset = true;
	}
	if (reset)
		hash_forget_all();
	if (g.index >= argc) {
		if (!reset)
			hash_print();
		return 0;
	}
	for (int i = g.index; i < argc; i++) {
		if (!hash_add(argv[i])) {
			error_warn("%s: %s: not found", argv[0], argv[i]);
			status = 1;
		}
	}
	return status;
}
