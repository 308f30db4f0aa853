/*
 * Tab completion for the line editor: what the word before the cursor can
 * become.  Pure computation over the shell's tables and the file system;
 * the editor (editor.c) changes the line and shows the listing.
 */
#ifndef VSH_COMPLETE_H
#define VSH_COMPLETE_H

#include <stdbool.h>
#include <stddef.h>

struct output;

struct completion {
	/* The word being completed is line[word_start, cursor). */
	size_t word_start;
	/*
	 * What should replace that word: the longest common prefix of the
	 * matches, quoted for the shell (space, quotes, $, *, ... get a
	 * backslash or quotes), followed by "/" for a lone directory or " "
	 * for any other lone match.  NULL when nothing matches.
	 */
	char *replacement;
	/* The matches as the user reads them (unquoted, "/" after directories), sorted. */
	char **matches;
	size_t count;
};

/*
 * Complete the word that ends at cursor (a byte offset in line).  In
 * command position: built-ins, functions, aliases, reserved words and
 * executables in PATH; after "$" or "${": variable names; after "%" as an
 * operand of fg, bg, kill, wait or jobs: job IDs; "~user"; elsewhere file
 * names.  The result is owned by the caller: completion_free().
 */
void completion_find(const char *line, size_t cursor, struct completion *result);
void completion_free(struct completion *result);

/* List the matches in columns across a terminal width columns wide. */
void completion_print(const struct completion *result, int columns, struct output *out);

/* Columns that s[0, n) takes on a terminal (one for a byte or character it cannot show). */
int display_width(const char *s, size_t n);

#endif
