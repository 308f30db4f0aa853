/*
 * Signals and traps.  Signal handlers only record what arrived; trap
 * actions run later, at safe points, from trap_run_pending().
 */
#ifndef VSH_TRAP_H
#define VSH_TRAP_H

#include <signal.h>
#include <stdbool.h>
#include <stdnoreturn.h>

/* Non-zero when a signal has arrived that has not been dealt with yet. */
extern volatile sig_atomic_t signals_pending;

/* Install the shell's own handlers; remember which signals were ignored on entry. */
void signals_init(void);

/* Run the actions of trapped signals that arrived.  Keeps $? as it was. */
void trap_run_pending(void);

/* Safe-point check, cheap enough for every command. */
#define TRAP_CHECK() do { if (signals_pending) trap_run_pending(); } while (0)

/*
 * True when an action is set for EXIT or any signal: then the shell may not
 * replace itself with its last command (exec.c; a weak fallback there
 * answers true until trap.c defines it).
 */
bool traps_active(void);

/* Run the EXIT trap, if any (once). */
void trap_run_exit(void);

/* In a subshell: caught signals go back to their default, ignored ones stay ignored. */
void traps_reset_for_subshell(void);

/* Signal number from a name ("INT", "SIGINT", "2"), or -1; 0 is EXIT. */
int signal_number(const char *name);
/* Name without "SIG" ("INT"), or NULL. */
const char *signal_name(int sig);

/*
 * Added by the process helper for launch.c and jobs.c.
 *
 * The dispositions a new child must set before it runs (worked out in the
 * parent, applied in the child with sigaction only): signals the shell
 * caught or ignored for its own sake go back to SIG_DFL; signals the user
 * ignored ("trap '' SIG") or that were ignored on entry stay ignored.
 * The signals in force_ignore (NULL: none) are ignored whatever the traps
 * say: SIGINT and SIGQUIT for an asynchronous list without job control,
 * the stop signals for a command substitution under job control.
 */
struct signal_plan {
	int count;
	struct {
		int signal;
		int ignore;	/* 1: SIG_IGN, 0: SIG_DFL */
	} change[NSIG];
};
void signal_plan_make(struct signal_plan *plan, const sigset_t *force_ignore);

/*
 * Catch sig for the shell's own use for a while (the line editor: SIGWINCH,
 * and SIGCHLD under set -b), or stop; children still get the default.
 */
void signal_catch_for_shell(int sig, bool on);
/* After some arrived signals were taken: is any still waiting?  Clears signals_pending if not. */
bool signals_recheck(void);

/* Record a signal as if it had arrived (e.g. a foreground job died of SIGINT under job control). */
void signal_mark_pending(int sig);
/* A trap action (other than ignore) is set for sig. */
bool signal_is_trapped(int sig);
/* sig is ignored: by "trap ''" or because it was ignored on entry. */
bool signal_is_ignored(int sig);
/*
 * While waiting for a foreground job, a non-interactive shell catches
 * SIGINT (if it would otherwise die of it) so that it can decide, once the
 * job ended, whether to stop as dash and bash do.  Returns true if it did.
 */
bool signal_catch_sigint_for_wait(bool on);
/* sig arrived and has not been dealt with yet. */
bool signal_is_pending(int sig);
/*
 * A signal arrived that ends a long-running built-in as it would end a
 * program in the foreground: SIGINT or SIGHUP (Control-C, a hang-up,
 * trapped or not), or a harness's SIGKILL mark.  Returns its number, or 0.
 * The built-in stops and returns; the signal is dealt with at the next
 * safe point.
 */
int signal_interrupting(void);
/*
 * For work that can go on long inside one command (expanding a value of
 * megabytes into fields): act now, as at a safe point, on a SIGINT or
 * SIGHUP the shell handles itself (an interactive shell abandons the
 * command, another one dies of it).  Trapped signals wait for their safe
 * point: their actions never run in the middle of an expansion.
 */
void signal_stop_if_interrupted(void);
/* Consume a pending SIGINT that arrived while waiting: true if there was one. */
bool signal_take_pending(int sig);
/* The lowest-numbered signal that arrived and has a trap action, or 0 (for "wait"). */
int signal_pending_trapped(void);
/* Leave the shell as if killed by sig (EXIT trap first). */
noreturn void signal_exit_by(int sig);
/* Every valid signal number, for "kill -l". */
int signal_max(void);

/* For the trap built-in: set (action non-NULL) or reset (NULL); -1 for SIGKILL, SIGSTOP, bad numbers. */
int trap_set(int sig, const char *action);
/* The action to list for sig (in an untouched subshell: the parent's), or NULL. */
const char *trap_get(int sig);

/*
 * A subshell ignores sig, it and its programs, until a trap in it says
 * otherwise: SIGINT and SIGQUIT in an asynchronous list without job
 * control, the stop signals in a command substitution under job control.
 */
void signal_ignore_in_subshell(int sig);

/* Under job control the shell ignores SIGTSTP, SIGTTIN, SIGTTOU for itself. */
void signals_job_control(bool on);

#endif
