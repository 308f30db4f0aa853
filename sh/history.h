/*
 * The command history of an interactive shell: numbered entries kept in
 * memory and in HISTFILE (default $HOME/.vsh_history), at most HISTSIZE of
 * them (default 500).  One entry is one complete command, several lines
 * long if the command was.  The input layer adds each command as soon as
 * it has been read; fc works on these entries; the line editor mirrors
 * them for recall with the arrow keys.
 *
 * Nothing here runs unless the shell is interactive: scripts never open
 * HISTFILE.
 */
#ifndef VSH_HISTORY_H
#define VSH_HISTORY_H

#include <stdbool.h>

/*
 * Load HISTFILE (once, at the first call; a later call does nothing).  A
 * file that cannot be read, or holds no text, gives one warning and an
 * empty history.
 */
void history_open(void);

/*
 * Enter one command (no trailing newline; inner newlines are kept) as the
 * newest entry, and append it to HISTFILE with one write(2) on a
 * descriptor opened O_APPEND.  Blank commands are not entered.
 */
void history_add(const char *command);

/* Replace the newest entry (fc: the fc command gives way to what it ran). */
void history_replace_last(const char *command);

/* Remove the newest entry (fc -l keeps itself; an edit that runs nothing does not). */
void history_remove_last(void);

/* The number the next entry will get: "!" in PS1.  Numbers start at 1. */
int history_next_number(void);
/* The oldest entry still kept (equal to history_next_number() when there are none). */
int history_first_number(void);
/* Entry number n, or NULL when it is not kept. */
const char *history_entry(int number);

/*
 * Changes whenever entries are removed, replaced or renumbered (not when
 * one is only added), so that a copy kept elsewhere (the line editor's)
 * knows it must be rebuilt.
 */
unsigned long history_generation(void);

#endif
