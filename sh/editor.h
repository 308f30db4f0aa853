/*
 * The line editor of an interactive shell: libedit, loaded the first time
 * a command is read from a terminal, so that scripts and "vsh -c" never
 * map it.  Only the input layer (input.c) calls this.
 */
#ifndef VSH_EDITOR_H
#define VSH_EDITOR_H

#include <stdbool.h>

/*
 * Should the next line from fd be read with the editor?  Yes when the
 * shell is interactive, fd and standard error are terminals, "set -o
 * emacs" or "set -o vi" is on, TERM names a terminal the terminfo
 * database knows (not "dumb"), and libedit could be loaded (if it cannot,
 * that is said once).
 */
bool editor_wanted(int fd);

/*
 * Read one line from fd after showing prompt (which may hold non-printing
 * stretches between \001 and \002).  Returns the line, ending in a newline
 * when the user pressed Enter, valid until the next call; *length is its
 * length.  Returns NULL with *length 0 at end of file (Ctrl-D on an empty
 * line), or with *length -1 when a signal that the shell must act on
 * (SIGINT, a trapped signal) interrupted the reading.  The half-typed
 * line is then kept, with the cursor where it was, for the next call to
 * show again, unless editor_drop_line is called first.
 */
const char *editor_read_line(int fd, const char *prompt, int *length);

/* Forget the line a signal interrupted (Ctrl-C: the user starts afresh). */
void editor_drop_line(void);

#endif
