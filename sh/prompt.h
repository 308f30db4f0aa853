/*
 * Prompts: PS1 before a command, PS2 before each continuation line.
 */
#ifndef VSH_PROMPT_H
#define VSH_PROMPT_H

#include <stdbool.h>

/*
 * The prompt to show now, expanded: in PS1 "!" first becomes the number
 * of the next history entry ("!!" a literal "!"); then both undergo
 * parameter expansion, command substitution and arithmetic expansion.
 * A prompt whose expansion fails is shown as it is written.  The text may
 * hold non-printing stretches between \001 and \002; the string returned
 * is valid until the next call.
 */
const char *prompt_expand(bool continuation);

/* The same text without the \001 and \002 markers, for a plain terminal. */
const char *prompt_plain(const char *prompt);

#endif
