/*
 * Signals and traps.  Signal handlers only record what arrived; trap
 * actions run later, at safe points, from trap_run_pending().
 */
#ifndef VSH_TRAP_H
#define VSH_TRAP_H

#include <signal.h>
#include <stdbool.h>

/* Non-zero when a signal has arrived that has not been dealt with yet. */
extern volatile sig_atomic_t signals_pending;

/* Install the shell's own handlers; remember which signals were ignored on entry. */
void signals_init(void);

/* Run the actions of trapped signals that arrived.  Keeps $? as it was. */
void trap_run_pending(void);

/* Safe-point check, cheap enough for every command. */
#define TRAP_CHECK() do { if (signals_pending) trap_run_pending(); } while (0)

/* Run the EXIT trap, if any (once). */
void trap_run_exit(void);

/* In a subshell: caught signals go back to their default, ignored ones stay ignored. */
void traps_reset_for_subshell(void);

/* Signal number from a name ("INT", "SIGINT", "2"), or -1; 0 is EXIT. */
int signal_number(const char *name);
/* Name without "SIG" ("INT"), or NULL. */
const char *signal_name(int sig);

#endif
