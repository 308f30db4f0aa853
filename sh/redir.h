/*
 * Redirections (XCU 2.7), applied in the shell's own process: for
 * built-ins, functions and compound commands, and also just before an
 * external command is launched, so the child has nothing left to do.
 *
 * Each redir_apply() starts a frame; the descriptors it replaces are
 * saved above 9 with close-on-exec and come back at redir_restore().
 */
#ifndef VSH_REDIR_H
#define VSH_REDIR_H

#include <stdbool.h>

#include "ast.h"

/*
 * Expand and apply the list in a new frame.  Returns 0, or -1 after
 * printing the error (the frame then holds what was done so far).
 * redir_restore() ends the frame undoing it; redir_commit() ends it
 * keeping the changes ("exec >file"), closing the saved copies.
 */
int redir_apply(struct redirection *list);
void redir_restore(void);
void redir_commit(void);

/*
 * For pipelines and command substitutions, which move descriptors by hand:
 * start an empty frame, save fd in it (the saved copy is looked up with
 * redir_saved_copy(), -1 when fd was closed); redir_restore() ends it.
 */
void redir_begin_frame(void);
int redir_save_fd(int fd);
int redir_saved_copy(int fd);

/*
 * What fd was before the innermost frame changed it: its saved copy, fd
 * itself if the frame left it alone, -1 if it was closed.  "set -x" traces
 * a command to the standard error it had before its own redirections.
 */
int redir_original_fd(int fd);

/*
 * Make descriptor to refer to from's file and close from, for the child to
 * inherit.  When the shell started with to closed, a new pipe or file may
 * already sit on it: then it only loses close-on-exec.
 */
void redir_move_fd(int from, int to);

/*
 * Move a descriptor of the shell's own (a script, the terminal, a pipe end)
 * above 9, close-on-exec, out of the user's reach.  Returns the new
 * descriptor, fd having been closed; or -1 with errno, fd left as it was.
 */
int redir_move_high(int fd);

/*
 * A pipe for the shell's plumbing: both ends close-on-exec and above 9, so
 * they never sit on a descriptor a command or redirection means (when the
 * shell started with 0 or 1 closed, pipe(2) would hand those out).
 */
int redir_pipe(int p[2]);

/* Frames currently pushed, and unwinding to a depth after an error. */
int redir_depth(void);
void redir_unwind(int depth);

/* In a new child: close the saved copies (the child never restores them) and forget them. */
void redir_forget_saved(void);

/*
 * The shell's long-lived descriptors above 9 (a script being read, the
 * terminal) are claimed by the variable holding them.  A redirection that
 * names such a descriptor ("exec 10>file") moves it elsewhere and updates
 * the variable, so the user may use every descriptor number.
 */
void redir_claim(int *where);
void redir_release(int *where);

/* Is fd a descriptor the shell keeps for itself (a saved copy, a claimed one)?  "<&fd" may not copy it. */
bool redir_is_shells(int fd);

/* Open a here-document body as a readable descriptor (pipe or anonymous file); -1 on error. */
int heredoc_open(const char *body, size_t length);

#endif
