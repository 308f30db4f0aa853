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

/* Collect children that have ended, without blocking (safe point work). */
void jobs_reap(void);

/* In a new subshell: the parent's jobs are not ours. */
void jobs_forget_all(void);

#endif
