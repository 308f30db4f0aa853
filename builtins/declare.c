/*
 * export, readonly, unset (POSIX.1-2024 special built-ins) and local
 * (dash's: only inside a function).  The operands of export, readonly and
 * local arrive already expanded as assignments; "name=value" is split at
 * the first '='.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "error.h"
#include "exec.h"
#include "memory.h"
#include "output.h"
#include "state.h"
#include "vars.h"

/* A usage error in a special built-in: the message is printed; raise like any error. */
static noreturn void usage_error(const char *usage)
{
	shell.last_status = builtin_usage(usage);
	raise_exception(EXCEPTION_ERROR);
}

/* "export -p" / "readonly -p": commands that recreate the attribute. */
static void list_with_flag(const char *command, int flag)
{
	for (struct var **v = var_sorted(); *v != NULL; v++) {
		if (!((*v)->flags & flag))
			continue;
		out_str(out1, command);
		out_char(out1, ' ');
		out_str(out1, (*v)->name);
		if (!((*v)->flags & VAR_UNSET)) {
			out_char(out1, '=');
			out_quoted(out1, (*v)->value);
		}
		out_char(out1, '\n');
	}
}

/* The name part of "name=value" in the scratch arena; *value is NULL without '='. */
static char *split_assignment(const char *arg, const char **value)
{
	const char *eq = strchr(arg, '=');

	if (eq == NULL) {
		*value = NULL;
		return (char *)arg;
	}
	*value = eq + 1;
	return arena_strndup(&scratch, arg, (size_t)(eq - arg));
}

static int declare(int argc, char **argv, const char *command, int flag)
{
	struct builtin_options g = { 1, 0, NULL };
	bool print = false;
	int c;

	(void)argc;
	while ((c = builtin_getopt(&g, argv, "p")) != -1) {
		if (c != 'p') {
			usage_error(flag == VAR_EXPORT ? "export [-p] [name[=value] ...]" :
			    "readonly [-p] [name[=value] ...]");
		}
		print = true;
	}
	if (print || argv[g.index] == NULL) {
		list_with_flag(command, flag);
		return 0;
	}
	for (char **p = argv + g.index; *p != NULL; p++) {
		const char *value;
		char *name = split_assignment(*p, &value);

		if (!is_name(name))
			error_raise("%s: %s: bad variable name", command, name);
		if (var_set(name, value, flag) < 0)
			error_raise("%s: %s: is read only", command, name);
	}
	return 0;
}

int builtin_export(int argc, char **argv)
{
	return declare(argc, argv, "export", VAR_EXPORT);
}

int builtin_readonly(int argc, char **argv)
{
	return declare(argc, argv, "readonly", VAR_READONLY);
}

int builtin_unset(int argc, char **argv)
{
	struct builtin_options g = { 1, 0, NULL };
	bool functions = false;
	int c;

	(void)argc;
	while ((c = builtin_getopt(&g, argv, "fv")) != -1) {
		if (c == '?') {
			usage_error("unset [-f|-v] name ...");
		}
		functions = c == 'f';
	}
	for (char **p = argv + g.index; *p != NULL; p++) {
		if (functions) {
			/* Unsetting what is not defined is not an error. */
			function_remove(*p);
			continue;
		}
		if (!is_name(*p))
			error_raise("unset: %s: bad variable name", *p);
		if (var_unset(*p) < 0)
			error_raise("unset: %s: is read only", *p);
	}
	return 0;
}

int builtin_local(int argc, char **argv)
{
	(void)argc;
	if (!var_scope_active()) {
		error_warn("local: not in a function");
		return 2;
	}
	for (char **p = argv + 1; *p != NULL; p++) {
		const char *value;
		char *name = split_assignment(*p, &value);

		if (!is_name(name)) {
			error_warn("local: %s: bad variable name", name);
			return 2;
		}
		/* The variable keeps its value and flags until assigned (as in dash). */
		var_save_local(name);
		if (value != NULL && var_set(name, value, 0) < 0) {
			error_warn("local: %s: is read only", name);
			return 2;
		}
	}
	return 0;
}
