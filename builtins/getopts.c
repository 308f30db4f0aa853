/*
 * getopts optstring name [arg ...] (POSIX.1-2024).
 *
 * As in dash, OPTIND names the argument after the one being scanned, and a
 * position inside a group of flags ("-abc") is remembered here; assigning
 * OPTIND (e.g. OPTIND=1 to start over) forgets that position.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "error.h"
#include "vars.h"

static int group_position;	/* 0: start at a new argument */
static int group_optind;	/* the OPTIND value group_position belongs to */
static bool hook_installed;
static bool setting_optind;	/* our own assignment must not reset the position */

static void optind_changed(const char *value)
{
	(void)value;
	if (!setting_optind)
		group_position = 0;
}

static void set_optind(int optind)
{
	char text[24];

	snprintf(text, sizeof text, "%d", optind);
	setting_optind = true;
	var_set("OPTIND", text, 0);
	setting_optind = false;
}

static int set_name(const char *name, char c)
{
	char text[2] = { c, '\0' };

	if (var_set(name, text, 0) < 0) {
		error_warn("getopts: %s: is read only", name);
		return 2;
	}
	return 0;
}

static void set_optarg(const char *value)
{
	if (value == NULL)
		var_unset("OPTARG");
	else
		var_set("OPTARG", value, 0);
}

int builtin_getopts(int argc, char **argv)
{
	const char *optstring, *name, *spec, *arg, *value;
	char **args;
	int count, optind, position, status;
	bool silent;
	char c;

	if (!hook_installed) {
		hook_installed = true;
		var_set_hook("OPTIND", optind_changed);
	}
	if (argc < 3) {
		error_warn("getopts: missing operand");
		return builtin_usage("getopts optstring name [arg ...]");
	}
	optstring = argv[1];
	name = argv[2];
	if (!is_name(name)) {
		error_warn("getopts: %s: bad variable name", name);
		return 2;
	}
	if (argc > 3) {
		args = argv + 3;
		count = argc - 3;
	} else {
		args = positional.values;
		count = positional.count;
	}
	value = var_get("OPTIND");
	optind = value != NULL ? atoi(value) : 1;
	if (optind < 1)
		optind = 1;
	silent = optstring[0] == ':';

	if (group_position > 0 && group_optind == optind && optind - 2 < count &&
	    optind >= 2 && (size_t)group_position < strlen(args[optind - 2])) {
		arg = args[optind - 2];
		position = group_position;
	} else {
		group_position = 0;
		arg = optind - 1 < count ? args[optind - 1] : NULL;
		if (arg == NULL || arg[0] != '-' || arg[1] == '\0') {
			set_optarg(NULL);
			set_optind(optind);
			status = set_name(name, '?');
			return status != 0 ? status : 1;
		}
		optind++;
		if (strcmp(arg, "--") == 0) {
			set_optarg(NULL);
			set_optind(optind);
			status = set_name(name, '?');
			return status != 0 ? status : 1;
		}
		position = 1;
	}

	c = arg[position++];
	group_position = arg[position] != '\0' ? position : 0;
	group_optind = optind;
	spec = c != ':' ? strchr(optstring + silent, c) : NULL;
	if (spec == NULL) {
		char text[2] = { c, '\0' };

		if (silent) {
			set_optarg(text);
		} else {
			error_warn("getopts: illegal option -- %c", c);
			set_optarg(NULL);
		}
		set_optind(optind);
		return set_name(name, '?');
	}
	if (spec[1] != ':') {
		set_optarg(NULL);
		set_optind(optind);
		return set_name(name, c);
	}
	group_position = 0;
	if (arg[position] != '\0') {
		set_optarg(arg + position);
	} else if (optind - 1 < count) {
		set_optarg(args[optind - 1]);
		optind++;
	} else {
		char text[2] = { c, '\0' };

		set_optind(optind);
		if (silent) {
			set_optarg(text);
			return set_name(name, ':');
		}
		error_warn("getopts: option requires an argument -- %c", c);
		set_optarg(NULL);
		return set_name(name, '?');
	}
	set_optind(optind);
	return set_name(name, c);
}
