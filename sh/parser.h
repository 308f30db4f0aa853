/*
 * The parser: POSIX.1-2024 XCU 2.10 grammar, one complete command at a time.
 * Here-document bodies, aliases, $(...) and backquote bodies are all dealt
 * with here, so the tree handed on needs no more reading.
 */
#ifndef VSH_PARSER_H
#define VSH_PARSER_H

#include <stdbool.h>

#include "ast.h"
#include "input.h"
#include "memory.h"

struct parser;

struct parser *parser_create(struct input *in);
void parser_destroy(struct parser *p);

/*
 * Read and parse the next complete command (up to and including its
 * newline, or end of input) into nodes allocated from arena.  Returns the
 * tree, or NULL when the line held no command (blank or comment) or at end
 * of input (*at_eof is then true).
 *
 * A syntax error prints "vsh: name: line N: syntax error: ..." and raises
 * EXCEPTION_ERROR with $? set to 2.  An interactive caller then calls
 * parser_recover() and carries on.
 */
struct node *parse_command(struct parser *p, struct arena *arena, bool *at_eof);
void parser_recover(struct parser *p);

/*
 * Parse text that is expanded like an unquoted here-document body ($x,
 * $(...), $((...)), backquotes and backslash; quotes are literal), as
 * prompts are.  Nodes come from arena; a syntax error is raised.
 */
struct word *parse_expandable_text(const char *text, struct arena *arena);

/* Keywords are recognised only here; this lets "type" and "command -V" say "is a reserved word". */
bool is_reserved_word(const char *s);
/* The reserved words, NULL-terminated (for completion). */
const char *const *reserved_word_list(void);

#endif
