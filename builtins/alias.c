/*
 * alias [name[=value]...] and unalias [-a] name... (POSIX.1-2024).  The
 * table itself is in sh/alias.c; listings are re-inputtable.
 */
#include <string.h>

#include "alias.h"
#include "builtins.h"
#include "error.h"
#include "output.h"

static void print_alias(const char *name, const char *value)
{
	out_str(out1, name);
	out_char(out1, '=');
	out_quoted(out1, value);
	out_char(out1, '\n');
}

int builtin_alias(int argc, char **argv)
{
	struct builtin_options g = { 1, 0, NULL };
	int status = 0;

	(void)argc;
	if (builtin_getopt(&g, argv, "") != -1)
		return builtin_usage("alias [name[=value] ...]");
	if (argv[g.index] == NULL) {
		alias_each(print_alias);
		return 0;
	}
	for (char **p = argv + g.index; *p != NULL; p++) {
		char *eq = strchr(*p, '=');

		if (eq != NULL && eq != *p) {
			/* Only the name is copied; the value is the rest of the word. */
			size_t length = (size_t)(eq - *p);
			char name[length + 1];

			memcpy(name, *p, length);
			name[length] = '\0';
			alias_set(name, eq + 1);
		} else {
			const char *value = alias_get(*p);

			if (value == NULL) {
				error_warn("alias: %s: not found", *p);
				status = 1;
			} else {
				print_alias(*p, value);
			}
		}
	}
	return status;
}

int builtin_unalias(int argc, char **argv)
{
	struct builtin_options g = { 1, 0, NULL };
	int c, status = 0;

	(void)argc;
	while ((c = builtin_getopt(&g, argv, "a")) != -1) {
		if (c != 'a')
			return builtin_usage("unalias -a | name ...");
		alias_remove_all();
		return 0;
	}
	if (argv[g.index] == NULL) {
		error_warn("unalias: missing operand");
		return builtin_usage("unalias -a | name ...");
	}
	for (char **p = argv + g.index; *p != NULL; p++) {
		if (!alias_remove(*p)) {
			error_warn("unalias: %s: not found", *p);
			status = 1;
		}
	}
	return status;
}
