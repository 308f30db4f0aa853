/*
 * Word expansion, POSIX.1-2024 XCU 2.6: tilde, parameter, command
 * substitution, arithmetic, field splitting, pathname expansion, quote
 * removal.  Results are allocated from the scratch arena (memory.h).
 * Expansion errors (${x?}, set -u, bad arithmetic) print a message and
 * raise EXCEPTION_ERROR.
 */
#ifndef VSH_EXPAND_H
#define VSH_EXPAND_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"

enum {
	/* Words marked WORD_ASSIGNMENT are expanded as assignments (export x=~/$y). */
	EXPAND_DECLARATION = 1 << 0,
};

/*
 * Expand a list of words (linked through next) into fields: the arguments
 * of a simple command, or the items of a for loop.  Returns a
 * NULL-terminated array; *count receives the number of fields.
 */
char **expand_fields(struct word *words, int flags, int *count);

/*
 * Expand one word to one string, without field splitting or pathname
 * expansion: redirection targets, the case subject.
 */
char *expand_string(struct word *w);

/* An assignment word "name=value": tilde after '=' and ':'; no splitting or globbing. */
char *expand_assignment(struct word *w);
/*
 * An assignment word of the form name=$name... whose rest cannot change a
 * variable while it expands can append to name instead of copying its
 * whole value again.  expand_append_target() looks at the word only: the
 * name, or NULL for any other word.  expand_append_suffix() then expands
 * the rest (its length in *length).
 */
const char *expand_append_target(const struct word *w);
const char *expand_append_suffix(const struct word *w, size_t *length);

/*
 * Expand a word into a pattern for case or pattern matching: characters
 * that were quoted come out escaped with a backslash, so pattern_match()
 * treats them literally.
 */
char *expand_pattern(struct word *w);

/* A here-document body: parameter, command and arithmetic expansion only. */
char *expand_heredoc(struct word *body, size_t *length);

#endif
