/*
 * Backslash escapes shared by echo and printf (format strings and %b
 * arguments).  Internal to the builtins helper's files.
 */
#ifndef VSH_ESCAPES_H
#define VSH_ESCAPES_H

#include <stdbool.h>

struct output;

enum escape_style {
	ESCAPE_FORMAT,	/* printf format: \nnn (1-3 octal digits); "\c" is not special */
	ESCAPE_ARGUMENT,	/* echo and %b: \0nnn and \nnn; "\c" stops all output */
};

/*
 * Write s to o with its escapes converted.  Returns false when a "\c" was
 * met (ESCAPE_ARGUMENT only): the caller must stop all output.
 */
bool write_escaped(struct output *o, const char *s, enum escape_style style);

/*
 * Convert one escape: *sp points just after the backslash; on return it
 * points after the escape.  Stores the byte in *byte and returns 1, 0 when
 * the sequence is not an escape (the backslash is to be written as is), or
 * -1 for "\c" (ESCAPE_ARGUMENT only).
 */
int convert_escape(const char **sp, char *byte, enum escape_style style);

#endif
