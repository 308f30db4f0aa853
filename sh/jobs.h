/*
 * Jobs: the processes of one pipeline or asynchronous list, their process
 * group, and waiting for them.  Without job control (set +m) jobs still
 * exist: they are what "wait", "$!" and "jobs" see.
 */
#ifndef VSH_JOBS_H
#define VSH_JOBS_H

#include <stdbool.h>
#include <sys/types.h>

struct job;

/*
 * A new job, about to have processes launched into it.  background: an
 * asynchronous list ("&").  text: the command as shown by "jobs" (copied;
 * may be NULL).
 */
struct job *job_create(bool background, const char *text);
/* The job of a command substitution (see job_is_controlled_substitution). */
struct job *job_create_substitution(void);
void job_add_process(struct job *job, pid_t pid);
bool job_is_background(const struct job *job);
pid_t job_process_group(const struct job *job);	/* 0 until the first process joined */

/*
 * Wait for a foreground job until it ends (or stops under job control);
 * the job is then freed (or kept, if stopped).  Returns the exit status
 * of the last process, or under "set -o pipefail" that of the last one
 * that failed.  A process killed by signal n gives 128+n.  The terminal
 * goes back to the shell.
 */
int job_wait(struct job *job);

/* An asynchronous job has been launched: remember it, set $!. */
void job_started_background(struct job *job);

/* Forget a job whose launch failed part-way (its processes are still waited for). */
void job_abandon(struct job *job);

/*
 * Collect children that have ended, without blocking (safe point work).
 * In an interactive shell it also reports finished and stopped background
 * jobs ("[1] + Done ..."), so the executor calls it before each command
 * it reads (the top level only: it also counts commands for
 * jobs_exit_allowed).
 */
void jobs_reap(void);

/* In a new subshell: the parent's jobs are not ours. */
void jobs_forget_all(void);

/*
 * Added by the process helper.
 *
 * Job control ("set -m"): take the terminal and a process group of our own
 * (on), or give them back (off).  Called from option changes; job_create
 * also brings it in line with option_on(OPT_MONITOR) in the main shell.
 * Without a terminal (none, or a script in the background) job control is
 * still on: jobs get process groups of their own and fg, bg and jobs work,
 * only the terminal is not handed over.
 */
void job_control_set(bool on);
bool job_control_active(void);
/* The terminal descriptor under job control (close-on-exec, above 9), or -1. */
int jobs_terminal(void);
/* The job runs in the foreground under job control: its group gets the terminal. */
bool job_is_controlled_foreground(const struct job *job);
bool job_is_controlled(const struct job *job);
/*
 * A command substitution under job control: a job of its own in the
 * foreground, but not one the user can stop and resume.  The shell is
 * reading its output; stopped, it would hang the shell, so it and its
 * programs ignore SIGTSTP, SIGTTIN and SIGTTOU (as in dash, bash, yash).
 */
bool job_is_controlled_substitution(const struct job *job);
/* Number of processes launched into the job so far. */
int job_process_count(const struct job *job);

/*
 * XCU 2.9.3: an asynchronous list without job control reads /dev/null
 * unless its first command redirects standard input itself.  launch.c
 * does that for the first process of such a job; the executor calls this
 * when it has applied an explicit redirection of descriptor 0 for that
 * first command, so that the redirection wins.
 */
void job_stdin_redirected(struct job *job);
/* The first process of this job must read /dev/null. */
bool job_wants_null_stdin(const struct job *job);

/*
 * Report, on standard error, background jobs that ended ("[1] + Done ...",
 * then forgotten) or stopped ("[1] + Stopped ...", once per stop).  Safe
 * at any point outside a built-in's or job_wait's own work (before a prompt,
 * or while the line editor waits for a key under "set -b"): it reaps,
 * prints, forgets and flushes.
 */
void jobs_notify(void);
/* Would jobs_notify() say anything now?  (It collects children first.) */
bool jobs_have_news(void);

/*
 * "exit" or the end of input of the interactive shell with stopped jobs:
 * the first time, print "There are stopped jobs." and return false (stay);
 * at the next try right after (no other command in between) return true,
 * having sent SIGHUP and SIGCONT to the stopped jobs.  Always true in a
 * non-interactive shell, a subshell, or without job control.
 */
bool jobs_exit_allowed(void);

/* The interactive shell got SIGHUP: send SIGHUP to every job (and SIGCONT to stopped ones). */
void jobs_hangup(void);

/* For the jobs, wait and kill built-ins (builtins/jobs.c). */
/*
 * Find by job spec (%n %+ %% %- %string %?string); prints "name: %x: no such
 * job" when absent.  With parents_too, a subshell without jobs of its own
 * finds its parent's, as they were at the fork (to list or signal them,
 * not to wait for or resume: they are not its children).
 */
struct job *job_find_spec(const char *spec, const char *builtin_name, bool parents_too);
/* The current job (%+): the most recently stopped, else the most recent background one; or NULL. */
struct job *job_current(void);
/*
 * fg: write the job's command, give it the terminal (and its terminal modes
 * from when it stopped), continue it and wait as job_wait does; returns its
 * status.  A job that stops again goes back to the table with its number.
 */
int job_run_in_foreground(struct job *job);
/* bg: write "[n] command &" and continue the job; -1 if it has ended already. */
int job_run_in_background(struct job *job);
/* The job holding pid, or NULL. */
struct job *job_find_pid(pid_t pid);
/* Status of a finished process not (or no longer) in a job, -1 when unknown. */
int jobs_forgotten_status(pid_t pid);
/*
 * Wait for a job (or, job NULL, for every background job), as the wait
 * built-in does: a trapped signal interrupts it and 128+signal is
 * returned.  The job is removed from the table once it is done.
 */
int jobs_wait_builtin(struct job *job);
/* Wait for one pid not in any job; -1 if it is not our child. */
int jobs_wait_pid_builtin(pid_t pid);
/* "jobs" output: format 0 normal, 'l' with pids, 'p' process group ids only. */
void job_print(struct job *job, int format);
void jobs_print_all(int format);
/* Send sig to the job (its process group under job control, else each process). */
int job_kill(struct job *job, int sig);

/* For completion: each job in the table, with its number and command text. */
void jobs_each(void (*fn)(int number, const char *text, void *context), void *context);

#endif
