/*
 * set and shift (POSIX.1-2024 special built-ins).  Errors raise: they end a
 * non-interactive shell (XCU 2.8.1).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "error.h"
#include "options.h"
#include "output.h"
#include "vars.h"

/* set with no operand: every variable with a value, re-inputtable, by name. */
static void list_variables(void)
{
	for (struct var **v = var_sorted(); *v != NULL; v++) {
		if ((*v)->flags & VAR_UNSET)
			continue;
		out_str(out1, (*v)->name);
		out_char(out1, '=');
		out_quoted(out1, (*v)->value);
		out_char(out1, '\n');
	}
}

/* "set -o": a table to read; "set +o": commands that restore the options. */
static void list_options(bool reinput)
{
	for (int o = 0; o < OPTION_COUNT; o++) {
		if (reinput) {
			if (option_info[o].invocation_only)
				continue;
			out_printf(out1, "set %co %s\n", options[o] ? '-' : '+', option_info[o].name);
		} else {
			out_printf(out1, "%-16s%s\n", option_info[o].name, options[o] ? "on" : "off");
		}
	}
}

int builtin_set(int argc, char **argv)
{
	bool set_positionals = false;
	int i;

	if (argc == 1) {
		list_variables();
		return 0;
	}
	for (i = 1; argv[i] != NULL; i++) {
		char *arg = argv[i];
		bool on = arg[0] == '-';

		if (arg[0] != '-' && arg[0] != '+')
			break;
		if (strcmp(arg, "--") == 0) {
			i++;
			set_positionals = true;
			break;
		}
		if (arg[1] == '\0') {
			/* "set -" is the old way to say "set +xv --" (kept by POSIX). */
			if (on) {
				option_set(OPT_XTRACE, false);
				option_set(OPT_VERBOSE, false);
			}
			i++;
			set_positionals = argv[i] != NULL;
			break;
		}
		for (char *p = arg + 1; *p != '\0'; p++) {
			int o;

			if (*p == 'o') {
				if (argv[i + 1] == NULL) {
					list_options(!on);
					continue;
				}
				o = option_by_name(argv[++i]);
				if (o < 0 || option_set(o, on) < 0)
					error_raise("set: %s: invalid option name", argv[i]);
				continue;
			}
			o = option_by_letter(*p);
			if (o < 0 || option_set(o, on) < 0)
				error_raise("set: %c%c: invalid option", arg[0], *p);
		}
	}
	if (argv[i] != NULL)
		set_positionals = true;
	if (set_positionals)
		positional_set(argc - i, argv + i);
	return 0;
}

int builtin_shift(int argc, char **argv)
{
	intmax_t n = 1;

	if (argc > 2)
		error_raise("shift: too many arguments");
	if (argc == 2) {
		char *end;

		errno = 0;
		n = strtoimax(argv[1], &end, 10);
		if (argv[1][0] < '0' || argv[1][0] > '9' || *end != '\0' || errno == ERANGE)
			error_raise("shift: %s: bad number", argv[1]);
	}
	if (n > positional.count)
		error_raise("shift: can't shift that many");
	positional_shift((int)n);
	return 0;
}
