/* Option parsing for built-ins, the POSIX utility syntax way (XCU 12.2). */
#include <string.h>

#include "builtins.h"
#include "error.h"
#include "output.h"

int builtin_getopt(struct builtin_options *g, char **argv, const char *optstring)
{
	char *word = argv[g->index];
	const char *spec;
	char c;

	if (g->position == 0) {
		if (word == NULL || word[0] != '-' || word[1] == '\0')
			return -1;
		if (strcmp(word, "--") == 0) {
			g->index++;
			return -1;
		}
		g->position = 1;
	}
	c = word[g->position++];
	spec = c != ':' ? strchr(optstring, c) : NULL;
	if (spec == NULL) {
		error_warn("%s: -%c: invalid option", argv[0], c);
		return '?';
	}
	g->argument = NULL;
	if (spec[1] == ':') {
		if (word[g->position] != '\0') {
			g->argument = word + g->position;
		} else if (argv[g->index + 1] != NULL) {
			g->argument = argv[++g->index];
		} else {
			error_warn("%s: -%c: option requires an argument", argv[0], c);
			g->index++;
			g->position = 0;
			return '?';
		}
		g->index++;
		g->position = 0;
	} else if (word[g->position] == '\0') {
		g->index++;
		g->position = 0;
	}
	return c;
}

int builtin_usage(const char *usage)
{
	out_printf(out2, "usage: %s\n", usage);
	out_flush(out2);
	return 2;
}
