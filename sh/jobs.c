/*
 * Jobs: the processes of a pipeline or asynchronous list, waiting for them,
 * and job control (XCU 2.9.3, 2.11, jobs, wait, kill).
 *
 * Every child is collected with waitpid(-1): whatever job it belongs to,
 * its status is recorded there, so there are never zombies left and a
 * background job's status is ready for "wait" or "jobs" later.  Signal
 * handlers never touch the table: waiting happens in the main flow, at
 * job_wait, at safe points (jobs_reap) and in the wait built-in.
 *
 * A foreground job lives outside the table while it runs; background
 * jobs, stopped jobs and abandoned ones (a launch failed part-way; their
 * processes are still collected) are in the table.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "error.h"
#include "jobs.h"
#include "memory.h"
#include "options.h"
#include "output.h"
#include "redir.h"
#include "state.h"
#include "trap.h"
#include "vars.h"

enum process_state { PROCESS_RUNNING, PROCESS_STOPPED, PROCESS_DONE };

struct process {
	pid_t pid;
	int status;		/* from waitpid, valid when not running */
	enum process_state state;
};

struct job {
	struct process *processes;
	int count, capacity;
	pid_t process_group;
	int number;		/* 1, 2, ... in the table; 0 when not listed */
	bool background;
	bool controlled;	/* created under job control: own process group */
	bool substitution;	/* a command substitution's */
	bool null_stdin;	/* first process reads /dev/null (async, no job control) */
	bool changed;		/* state changed since last reported */
	bool abandoned;
	bool catching_sigint;	/* the shell catches SIGINT until the job is waited for */
	bool have_modes;
	struct termios modes;	/* terminal modes when it stopped */
	unsigned long recency;	/* last started, stopped or resumed with bg: for %+ and %- */
	char *text;
	struct job *next;
};

static struct job *table;		/* newest first */
/*
 * In a subshell, the parent's jobs as they were at the fork: "jobs" lists
 * them until the subshell starts jobs of its own, so "$(jobs -p)" works.
 */
static struct job *inherited_table;
static struct job *foreground;		/* the job job_wait is waiting for */
static unsigned long recency_counter;
static int done_jobs_kept;
/* 2 right after "There are stopped jobs."; 1 while the next command may still leave. */
static int exit_warning;

static bool control_on;
static int terminal = -1;
static pid_t shell_group, original_group;
static struct termios shell_modes;
static bool have_shell_modes;

/* Finished children that belong to no job any more, for "wait pid". */
#define FORGOTTEN_MAX 64
static struct {
	pid_t pid;
	int status;
} forgotten[FORGOTTEN_MAX];
static int forgotten_next;

/* Non-interactive shells remember this many finished background jobs at most. */
#define DONE_JOBS_MAX 1024

/* --- job control --- */

/* "set -m" given to a non-interactive shell takes effect here, at the first job or fg/bg. */
static void follow_monitor_option(void)
{
	if (!shell.is_subshell && option_on(OPT_MONITOR) != control_on)
		job_control_set(option_on(OPT_MONITOR));
}

bool job_control_active(void)
{
	follow_monitor_option();
	return control_on;
}

int jobs_terminal(void)
{
	return control_on ? terminal : -1;
}

/*
 * Make group the terminal's foreground.  SIGTTOU is blocked across the
 * call: a shell in the background that catches SIGTTOU (a trap) would get
 * the signal instead of the terminal.
 */
static void give_terminal(pid_t group)
{
	sigset_t ttou, old;

	sigemptyset(&ttou);
	sigaddset(&ttou, SIGTTOU);
	sigprocmask(SIG_BLOCK, &ttou, &old);
	tcsetpgrp(terminal, group);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/*
 * Stop as a background reader of the terminal would, until fg.  SIGTTIN
 * ignored on entry (a parent's "trap '' TTIN") would make kill a no-op and
 * take_terminal's loop a spin: the default action is put in place for the kill.
 */
static void stop_until_foreground(void)
{
	struct sigaction stop, saved;

	memset(&stop, 0, sizeof stop);
	stop.sa_handler = SIG_DFL;
	sigemptyset(&stop.sa_mask);
	sigaction(SIGTTIN, &stop, &saved);
	kill(0, SIGTTIN);
	sigaction(SIGTTIN, &saved, NULL);
}

/*
 * Open the terminal and become its foreground process group.  Without one
 * (no controlling terminal, or a script that is not in the foreground),
 * terminal stays -1: jobs still get process groups of their own, but
 * nothing is handed over.
 */
static void take_terminal(void)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
	static bool claimed;

	if (!claimed) {
		/* A redirection naming it moves it and updates terminal. */
		redir_claim(&terminal);
		claimed = true;
	}
	terminal = -1;
	if (fd < 0)
		return;
	if ((terminal = redir_move_high(fd)) < 0) {
		close(fd);
		terminal = -1;
		return;
	}
	/* An interactive shell started in the background waits until it is in the foreground. */
	for (;;) {
		pid_t owner = tcgetpgrp(terminal);

		if (owner == getpgrp())
			break;
		if (owner < 0 || !shell.interactive) {
			close(terminal);
			terminal = -1;
			return;
		}
		stop_until_foreground();
	}
	original_group = getpgrp();
	shell_group = getpid();
	if (original_group != shell_group)
		setpgid(0, shell_group);
	give_terminal(shell_group);
	have_shell_modes = tcgetattr(terminal, &shell_modes) == 0;
}

void job_control_set(bool on)
{
	if (on == control_on)
		return;
	if (!on) {
		signals_job_control(false);
		if (terminal >= 0) {
			if (original_group > 0 && original_group != shell_group) {
				setpgid(0, original_group);
				give_terminal(original_group);
			}
			close(terminal);
			terminal = -1;
		}
		control_on = false;
		return;
	}
	/* Before ignoring SIGTTIN: waiting for the foreground relies on it. */
	take_terminal();
	signals_job_control(true);
	control_on = true;
}

/* --- the table --- */

struct job *job_create(bool background, const char *text)
{
	struct job *job;

	follow_monitor_option();
	job = xcalloc(1, sizeof *job);
	job->background = background;
	job->controlled = control_on;
	job->null_stdin = background && !control_on;
	job->text = text != NULL ? xstrdup(text) : NULL;
	if (control_on && !background && terminal >= 0)
		have_shell_modes = tcgetattr(terminal, &shell_modes) == 0;
	/*
	 * A script that gets SIGINT while it waits for a foreground job is
	 * ended by it (the default action, POSIX; dash, yash, mksh), but only
	 * once the job has ended, and after the EXIT trap.  Even when the job
	 * handled the signal and went on: only bash lets the script go on.
	 * The shell catches SIGINT for that before the job starts: a job may
	 * send it to the whole group at once (children get the default back).
	 */
	if (!background && !control_on && (!shell.interactive || shell.is_subshell))
		job->catching_sigint = signal_catch_sigint_for_wait(true);
	return job;
}

struct job *job_create_substitution(void)
{
	struct job *job = job_create(false, NULL);

	job->substitution = true;
	return job;
}

void job_add_process(struct job *job, pid_t pid)
{
	if (job->count == job->capacity) {
		job->capacity = job->capacity ? job->capacity * 2 : 4;
		job->processes = xrealloc(job->processes, job->capacity * sizeof *job->processes);
	}
	job->processes[job->count].pid = pid;
	job->processes[job->count].status = 0;
	job->processes[job->count].state = PROCESS_RUNNING;
	job->count++;
	/* Under job control the first process leads the job's group; otherwise it stays 0. */
	if (job->process_group == 0 && job->controlled)
		job->process_group = pid;
}

bool job_is_background(const struct job *job)
{
	return job->background;
}

pid_t job_process_group(const struct job *job)
{
	return job->controlled ? job->process_group : 0;
}

bool job_is_controlled(const struct job *job)
{
	return job->controlled;
}

bool job_is_controlled_substitution(const struct job *job)
{
	return job->controlled && job->substitution;
}

bool job_is_controlled_foreground(const struct job *job)
{
	return job->controlled && !job->background && terminal >= 0;
}

int job_process_count(const struct job *job)
{
	return job->count;
}

void job_stdin_redirected(struct job *job)
{
	job->null_stdin = false;
}

bool job_wants_null_stdin(const struct job *job)
{
	return job->null_stdin && job->count == 0;
}

static void job_free(struct job *job)
{
	if (job->catching_sigint)
		signal_catch_sigint_for_wait(false);
	free(job->processes);
	free(job->text);
	free(job);
}

/* The job becomes the current one (%+) unless a stopped job is preferred (current_mark). */
static void make_recent(struct job *job)
{
	job->recency = ++recency_counter;
}

/* listed: numbered and shown by "jobs"; a job put back after fg keeps its number. */
static void table_insert(struct job *job, bool listed)
{
	int number = 0;

	if (listed && job->number > 0) {
		number = job->number;
		make_recent(job);
	} else if (listed) {
		for (struct job *j = table; j != NULL; j = j->next)
			if (j->number > number)
				number = j->number;
		number++;
		make_recent(job);
	}
	job->number = number;
	job->next = table;
	table = job;
}

static void table_remove(struct job *job)
{
	for (struct job **p = &table; *p != NULL; p = &(*p)->next) {
		if (*p == job) {
			*p = job->next;
			return;
		}
	}
}

static bool job_done(const struct job *job)
{
	for (int i = 0; i < job->count; i++)
		if (job->processes[i].state != PROCESS_DONE)
			return false;
	return true;
}

static bool job_stopped(const struct job *job)
{
	bool stopped = false;

	for (int i = 0; i < job->count; i++) {
		if (job->processes[i].state == PROCESS_RUNNING)
			return false;
		if (job->processes[i].state == PROCESS_STOPPED)
			stopped = true;
	}
	return stopped;
}

/* A wait status as a shell exit status. */
static int exit_status(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	if (WIFSTOPPED(status))
		return 128 + WSTOPSIG(status);
	return 0;
}

/* Status of a job: its last process, or with pipefail the last one that failed. */
static int job_status(const struct job *job)
{
	int status = 0;

	if (job->count == 0)
		return 0;
	if (option_on(OPT_PIPEFAIL)) {
		for (int i = 0; i < job->count; i++) {
			int s = exit_status(job->processes[i].status);

			if (s != 0)
				status = s;
		}
		return status;
	}
	return exit_status(job->processes[job->count - 1].status);
}

static struct process *find_process(pid_t pid, struct job **owner)
{
	if (foreground != NULL) {
		for (int i = 0; i < foreground->count; i++) {
			if (foreground->processes[i].pid == pid) {
				*owner = foreground;
				return &foreground->processes[i];
			}
		}
	}
	for (struct job *j = table; j != NULL; j = j->next) {
		for (int i = 0; i < j->count; i++) {
			if (j->processes[i].pid == pid) {
				*owner = j;
				return &j->processes[i];
			}
		}
	}
	return NULL;
}

static void remember_forgotten(pid_t pid, int status)
{
	forgotten[forgotten_next].pid = pid;
	forgotten[forgotten_next].status = status;
	forgotten_next = (forgotten_next + 1) % FORGOTTEN_MAX;
}

/* The remembered status of pid, forgetting it: a pid is waited for once. */
static int take_forgotten(pid_t pid)
{
	for (int i = 0; i < FORGOTTEN_MAX; i++) {
		if (forgotten[i].pid == pid && pid > 0) {
			forgotten[i].pid = 0;
			return exit_status(forgotten[i].status);
		}
	}
	return -1;
}

int jobs_forgotten_status(pid_t pid)
{
	for (int i = 0; i < FORGOTTEN_MAX; i++)
		if (forgotten[i].pid == pid && pid > 0)
			return exit_status(forgotten[i].status);
	return -1;
}

/* Forget the oldest finished background jobs once too many are kept. */
static void limit_done_jobs(void)
{
	struct job *oldest;

	while (done_jobs_kept > DONE_JOBS_MAX) {
		oldest = NULL;
		for (struct job *j = table; j != NULL; j = j->next)
			if (job_done(j))
				oldest = j;
		if (oldest == NULL)
			return;
		table_remove(oldest);
		remember_forgotten(oldest->processes[oldest->count - 1].pid,
		    oldest->processes[oldest->count - 1].status);
		job_free(oldest);
		done_jobs_kept--;
	}
}

static void record_status(pid_t pid, int status)
{
	struct job *job = NULL;
	struct process *p = find_process(pid, &job);
	bool was_stopped;

	if (p == NULL) {
		remember_forgotten(pid, status);
		return;
	}
	was_stopped = job_stopped(job);
	if (WIFSTOPPED(status)) {
		p->state = PROCESS_STOPPED;
		p->status = status;
	} else if (WIFCONTINUED(status)) {
		p->state = PROCESS_RUNNING;
	} else {
		p->state = PROCESS_DONE;
		p->status = status;
	}
	job->changed = true;
	/* A background job that stops (SIGTTIN, kill -STOP) becomes the current job. */
	if (job != foreground && job->number > 0 && !was_stopped && job_stopped(job))
		make_recent(job);
	if (job != foreground && job_done(job)) {
		if (job->abandoned || job->number == 0) {
			table_remove(job);
			job_free(job);
		} else if (!shell.interactive) {
			done_jobs_kept++;
			limit_done_jobs();
		}
	}
}

/*
 * Collect one child.  Returns its pid, 0 when none is ready (non-blocking),
 * or -1 with errno (EINTR, ECHILD).
 */
static pid_t wait_one(bool block)
{
	int status, flags = block ? 0 : WNOHANG;
	pid_t pid;

	if (control_on)
		flags |= WUNTRACED | WCONTINUED;
	pid = waitpid(-1, &status, flags);
	if (pid > 0)
		record_status(pid, status);
	return pid;
}

static void reap_children(void)
{
	while (wait_one(false) > 0)
		;
}

void jobs_reap(void)
{
	/* Called once per command read: "exit" must follow the warning directly. */
	if (exit_warning > 0)
		exit_warning--;
	/* Every child the shell started is in a job: with none, a wait4 per command is wasted. */
	if (table != NULL)
		reap_children();
	/* The executor calls this before reading each command: the time to say "Done". */
	if (shell.interactive && !shell.is_subshell)
		jobs_notify();
}

/* The description of a process's end: "Done", "Done(3)", "Killed", ... */
static void describe_status(struct strbuf *sb, const struct job *job)
{
	const struct process *last = &job->processes[job->count - 1];
	int status = last->status;

	for (int i = 0; i < job->count; i++)
		if (job->processes[i].state == PROCESS_STOPPED)
			status = job->processes[i].status, last = &job->processes[i];
	if (!job_done(job) && !job_stopped(job)) {
		strbuf_append_str(sb, "Running");
	} else if (WIFSTOPPED(status)) {
		strbuf_append_str(sb, "Stopped");
	} else if (WIFSIGNALED(status)) {
		strbuf_append_str(sb, strsignal(WTERMSIG(status)));
		if (WCOREDUMP(status))
			strbuf_append_str(sb, " (core dumped)");
	} else if (WEXITSTATUS(status) != 0) {
		strbuf_printf(sb, "Done(%d)", WEXITSTATUS(status));
	} else {
		strbuf_append_str(sb, "Done");
	}
}

/*
 * Does a come before b as the current job?  The most recently stopped job
 * if there is one, else the one most recently started in the background or
 * resumed with bg (XCU 2.11, jobs).
 */
static bool more_current(const struct job *a, const struct job *b)
{
	bool a_stopped = job_stopped(a), b_stopped = job_stopped(b);

	if (a_stopped != b_stopped)
		return a_stopped;
	return a->recency > b->recency;
}

/* '+' for the current job, '-' for the previous one, else ' '. */
static char current_mark(const struct job *job)
{
	const struct job *current = NULL, *previous = NULL;
	/* In a subshell without jobs of its own: among its parent's (see job_find_spec). */
	const struct job *first = table != NULL ? table : inherited_table;

	for (const struct job *j = first; j != NULL; j = j->next) {
		if (j->number == 0)
			continue;
		if (current == NULL || more_current(j, current)) {
			previous = current;
			current = j;
		} else if (previous == NULL || more_current(j, previous)) {
			previous = j;
		}
	}
	return job == current ? '+' : job == previous ? '-' : ' ';
}

struct job *job_current(void)
{
	reap_children();
	for (struct job *j = table; j != NULL; j = j->next)
		if (j->number > 0 && current_mark(j) == '+')
			return j;
	return NULL;
}

/* POSIX "jobs" format: "[%d] %c %s %s\n", padded like dash. */
void job_print(struct job *job, int format)
{
	struct strbuf line = STRBUF_INIT;

	if (format == 'p') {
		out_printf(out1, "%ld\n", (long)(job->controlled ? job->process_group
		    : job->processes[0].pid));
		return;
	}
	strbuf_printf(&line, "[%d] %c ", job->number, current_mark(job));
	if (format == 'l')
		strbuf_printf(&line, "%ld ", (long)job->processes[0].pid);
	describe_status(&line, job);
	do
		strbuf_append_char(&line, ' ');
	while (line.length < 33);
	if (job->text != NULL)
		strbuf_append_str(&line, job->text);
	strbuf_append_char(&line, '\n');
	if (format == 'l') {
		/* Further processes of a pipeline, one a line, under the first. */
		for (int i = 1; i < job->count; i++)
			strbuf_printf(&line, "      %ld\n", (long)job->processes[i].pid);
	}
	out_str(out1, strbuf_str(&line));
	strbuf_free(&line);
	job->changed = false;
}

/* remember: "wait $pid" may still ask after it (not after a plain "wait"). */
static void forget_done_job(struct job *job, bool remember)
{
	for (int i = 0; remember && i < job->count; i++)
		remember_forgotten(job->processes[i].pid, job->processes[i].status);
	table_remove(job);
	if (done_jobs_kept > 0)
		done_jobs_kept--;
	job_free(job);
}

static int compare_numbers(const void *a, const void *b)
{
	return (*(struct job *const *)a)->number - (*(struct job *const *)b)->number;
}

/* The numbered jobs, by number (a job put back after fg keeps its place); free the array. */
static struct job **listed_jobs(int *count)
{
	struct job **list;
	int n = 0;

	for (struct job *j = table; j != NULL; j = j->next)
		if (j->number > 0)
			n++;
	list = xmalloc((n + 1) * sizeof *list);
	n = 0;
	for (struct job *j = table; j != NULL; j = j->next)
		if (j->number > 0)
			list[n++] = j;
	qsort(list, n, sizeof *list, compare_numbers);
	*count = n;
	return list;
}

void jobs_print_all(int format)
{
	/* A subshell lists its parent's jobs, as they were at the fork. */
	bool snapshot = table == NULL && inherited_table != NULL;
	struct job **list;
	int n, i;

	reap_children();
	if (snapshot)
		table = inherited_table;
	list = listed_jobs(&n);
	for (i = 0; i < n; i++)
		job_print(list[i], format);
	if (snapshot) {
		table = NULL;
	} else {
		/* Reported as done: forgotten (XCU jobs). */
		for (i = 0; i < n; i++)
			if (job_done(list[i]))
				forget_done_job(list[i], true);
	}
	free(list);
}

bool jobs_have_news(void)
{
	if (table == NULL)
		return false;
	reap_children();
	for (struct job *j = table; j != NULL; j = j->next)
		if (j->number > 0 && j->changed && (job_done(j) || job_stopped(j)))
			return true;
	return false;
}

/* The job's line as "jobs" writes it, on standard error. */
static void report(struct job *job)
{
	struct output *saved = out1;

	out1 = out2;
	job_print(job, 0);
	out1 = saved;
}

void jobs_notify(void)
{
	struct job **list;
	bool any = false;
	int n;

	if (table == NULL)
		return;
	reap_children();
	list = listed_jobs(&n);
	for (int i = 0; i < n; i++) {
		if (!list[i]->changed)
			continue;
		if (job_done(list[i])) {
			out_flush(out1);
			report(list[i]);
			forget_done_job(list[i], true);
			any = true;
		} else if (job_stopped(list[i])) {
			/* Stopped in the background: said once (job_print clears changed). */
			out_flush(out1);
			report(list[i]);
			any = true;
		}
	}
	free(list);
	if (any)
		out_flush(out2);
}

/* --- foreground --- */

/* A foreground job was killed by a signal: say so as dash does (not for INT or PIPE). */
static void report_signal_death(const struct job *job)
{
	for (int i = job->count - 1; i >= 0; i--) {
		int status = job->processes[i].status;
		int sig;

		if (!WIFSIGNALED(status))
			continue;
		sig = WTERMSIG(status);
		if (sig == SIGINT || sig == SIGPIPE)
			continue;
		out_flush(out1);
		out_str(out2, strsignal(sig));
		if (WCOREDUMP(status))
			out_str(out2, " (core dumped)");
		out_char(out2, '\n');
		out_flush(out2);
		return;
	}
}

static bool died_of(const struct job *job, int sig)
{
	for (int i = 0; i < job->count; i++)
		if (job->processes[i].state == PROCESS_DONE &&
		    WIFSIGNALED(job->processes[i].status) &&
		    WTERMSIG(job->processes[i].status) == sig)
			return true;
	return false;
}

/*
 * A program that ended leaving the terminal without line editing or echo
 * (a full-screen program that crashed): the prompt would be unusable.
 * Other changes a program makes on purpose ("stty erase ^H") are kept.
 */
static bool terminal_left_raw(void)
{
	struct termios now;

	if (tcgetattr(terminal, &now) != 0)
		return false;
	return ((shell_modes.c_lflag & ICANON) && !(now.c_lflag & ICANON)) ||
	    ((shell_modes.c_lflag & ECHO) && !(now.c_lflag & ECHO));
}

/*
 * The job stopped or ended: the terminal comes back to the shell.  A
 * stopped job's modes are kept for fg; the shell's own modes come back
 * after a stop or a death by signal, or when the terminal was left raw.
 */
static void take_terminal_back(struct job *job, bool stopped_or_killed)
{
	if (!job->controlled || terminal < 0)
		return;
	give_terminal(shell_group);
	if (job_stopped(job))
		job->have_modes = tcgetattr(terminal, &job->modes) == 0;
	if (have_shell_modes && (stopped_or_killed || terminal_left_raw()))
		tcsetattr(terminal, TCSADRAIN, &shell_modes);
}

/*
 * SIGHUP arrived while the interactive shell waits for a foreground job
 * (or in "wait": job NULL), its own, untrapped (see trap_run_pending): the
 * terminal is gone, so the shell does not wait for the job to end but
 * hangs it up with the others.
 */
static void hang_up_if_asked(struct job *job)
{
	if (signal_is_trapped(SIGHUP) || signal_is_ignored(SIGHUP) || !signal_take_pending(SIGHUP))
		return;
	if (job != NULL)
		job_kill(job, SIGHUP);
	jobs_hangup();
	signal_exit_by(SIGHUP);
}

int job_wait(struct job *job)
{
	bool interactive = shell.interactive && !shell.is_subshell;
	bool catching_sigint = job->catching_sigint;
	int status;

	if (job->background) {
		job_started_background(job);
		return 0;
	}
	foreground = job;
	while (!job_done(job) && !job_stopped(job)) {
		if (wait_one(true) >= 0)
			continue;
		if (errno == ECHILD) {
			/* Not ours any more (someone else reaped it): treat as ended. */
			for (int i = 0; i < job->count; i++)
				if (job->processes[i].state == PROCESS_RUNNING)
					job->processes[i].state = PROCESS_DONE;
			break;
		}
		if (errno == EINTR && interactive)
			hang_up_if_asked(job);
	}
	foreground = NULL;
	if (catching_sigint) {
		signal_catch_sigint_for_wait(false);
		job->catching_sigint = false;
	}
	take_terminal_back(job, job_stopped(job) || died_of(job, SIGINT) ||
	    (job->count > 0 && WIFSIGNALED(job->processes[job->count - 1].status)));
	status = job_status(job);

	if (job_stopped(job)) {
		table_insert(job, true);
		out_flush(out1);
		/* After the "^Z" the terminal echoed. */
		if (job->controlled && terminal >= 0)
			out_char(out2, '\n');
		report(job);
		out_flush(out2);
		return status;
	}
	report_signal_death(job);
	if (catching_sigint && signal_take_pending(SIGINT)) {
		/* Its default action, put off until the job has ended. */
		job_free(job);
		signal_exit_by(SIGINT);
	}
	if (died_of(job, SIGINT)) {
		if (interactive) {
			/* The executor starts a new line when the interrupt aborts the command; a trap does not. */
			if (signal_is_trapped(SIGINT)) {
				out_char(out2, '\n');
				out_flush(out2);
			}
			/* Under job control the shell did not see the ^C itself. */
			if (job->controlled)
				signal_mark_pending(SIGINT);
		}
	}
	job_free(job);
	return status;
}

/* Let the job's stopped processes go on (they are marked running at once, for "jobs"). */
static int continue_job(struct job *job)
{
	int result = 0;

	if (job->controlled && job->process_group > 0) {
		result = kill(-job->process_group, SIGCONT);
	} else {
		for (int i = 0; i < job->count; i++)
			if (job->processes[i].state != PROCESS_DONE &&
			    kill(job->processes[i].pid, SIGCONT) < 0)
				result = -1;
	}
	for (int i = 0; i < job->count; i++)
		if (job->processes[i].state == PROCESS_STOPPED)
			job->processes[i].state = PROCESS_RUNNING;
	return result;
}

int job_run_in_foreground(struct job *job)
{
	out_printf(out1, "%s\n", job->text != NULL ? job->text : "");
	out_flush(out1);
	table_remove(job);
	if (done_jobs_kept > 0 && job_done(job))
		done_jobs_kept--;
	job->background = false;
	job->changed = false;
	if (job->controlled && terminal >= 0 && !job_done(job)) {
		/* The shell's modes as they are now, then the job's own from when it stopped. */
		have_shell_modes = tcgetattr(terminal, &shell_modes) == 0;
		if (job->have_modes)
			tcsetattr(terminal, TCSADRAIN, &job->modes);
		give_terminal(job->process_group);
	}
	if (!job_done(job))
		continue_job(job);
	return job_wait(job);
}

int job_run_in_background(struct job *job)
{
	if (job_done(job))
		return -1;
	out_printf(out1, "[%d] %s &\n", job->number, job->text != NULL ? job->text : "");
	out_flush(out1);
	make_recent(job);
	job->changed = false;
	continue_job(job);
	return 0;
}

static bool any_stopped(void)
{
	reap_children();
	for (struct job *j = table; j != NULL; j = j->next)
		if (j->number > 0 && job_stopped(j))
			return true;
	return false;
}

bool jobs_exit_allowed(void)
{
	if (!shell.interactive || shell.is_subshell || !control_on || !any_stopped())
		return true;
	if (exit_warning == 0) {
		exit_warning = 2;
		out_flush(out1);
		out_str(out2, "There are stopped jobs.\n");
		out_flush(out2);
		return false;
	}
	/* Leaving anyway: stopped jobs would never go on; hang them up (as the kernel would). */
	for (struct job *j = table; j != NULL; j = j->next)
		if (j->number > 0 && job_stopped(j))
			job_kill(j, SIGHUP);
	return true;
}

void jobs_hangup(void)
{
	reap_children();
	for (struct job *j = table; j != NULL; j = j->next)
		if (j->number > 0 && !job_done(j))
			job_kill(j, SIGHUP);
}

void job_started_background(struct job *job)
{
	if (job->count == 0) {
		job_free(job);
		return;
	}
	table_insert(job, true);
	shell.last_background = job->processes[job->count - 1].pid;
	if (shell.interactive && !shell.is_subshell) {
		out_flush(out1);
		out_printf(out2, "[%d] %ld\n", job->number, (long)shell.last_background);
		out_flush(out2);
	}
}

void job_abandon(struct job *job)
{
	if (job->count == 0 || job_done(job)) {
		job_free(job);
		return;
	}
	job->abandoned = true;
	table_insert(job, false);
}

void jobs_forget_all(void)
{
	struct job *next;

	for (struct job *j = inherited_table; j != NULL; j = next) {
		next = j->next;
		job_free(j);
	}
	inherited_table = table;
	table = NULL;
	foreground = NULL;
	done_jobs_kept = 0;
	forgotten_next = 0;
	memset(forgotten, 0, sizeof forgotten);
	/* A subshell has no job control: the terminal is the parent's business. */
	if (terminal >= 0)
		close(terminal);
	terminal = -1;
	control_on = false;
}

/* --- for the built-ins --- */

struct job *job_find_spec(const char *spec, const char *builtin_name, bool parents_too)
{
	struct job *found = NULL, *list = table;
	const char *what = spec + 1;

	reap_children();
	if (list == NULL && parents_too)
		list = inherited_table;
	if (spec[0] != '%') {
		error_warn("%s: %s: no such job", builtin_name, spec);
		return NULL;
	}
	if (*what == '\0' || strcmp(what, "%") == 0 || strcmp(what, "+") == 0 ||
	    strcmp(what, "-") == 0) {
		char want = *what == '-' ? '-' : '+';

		for (struct job *j = list; j != NULL; j = j->next)
			if (j->number > 0 && current_mark(j) == want)
				found = j;
	} else if (is_digits(what)) {
		int n = atoi(what);

		for (struct job *j = list; j != NULL; j = j->next)
			if (j->number == n)
				found = j;
	} else {
		bool anywhere = *what == '?';
		const char *needle = anywhere ? what + 1 : what;

		for (struct job *j = list; j != NULL; j = j->next) {
			const char *text = j->text != NULL ? j->text : "";

			if (j->number == 0)
				continue;
			if (anywhere ? strstr(text, needle) != NULL
			    : strncmp(text, needle, strlen(needle)) == 0) {
				if (found != NULL) {
					error_warn("%s: %s: ambiguous job spec", builtin_name, spec);
					return NULL;
				}
				found = j;
			}
		}
	}
	if (found == NULL)
		error_warn("%s: %s: no such job", builtin_name, spec);
	return found;
}

struct job *job_find_pid(pid_t pid)
{
	struct job *job = NULL;

	if (find_process(pid, &job) == NULL)
		return NULL;
	return job->number > 0 ? job : NULL;
}

/* Block for one child; a trapped signal interrupts: returns its number, else 0. */
static int wait_interruptible(void)
{
	int sig = signal_pending_trapped();

	if (sig != 0)
		return sig;
	if (wait_one(true) < 0) {
		if (errno == EINTR) {
			if (shell.interactive && !shell.is_subshell)
				hang_up_if_asked(NULL);
			/* ^C in an interactive shell ends the wait too (its handler is the shell's own). */
			if (shell.interactive && !shell.is_subshell && signal_take_pending(SIGINT)) {
				signal_mark_pending(SIGINT);
				return SIGINT;
			}
			return signal_pending_trapped();
		}
		if (errno == ECHILD) {
			/* Nothing left to wait for: whatever still "runs" is gone. */
			for (struct job *j = table; j != NULL; j = j->next)
				for (int i = 0; i < j->count; i++)
					if (j->processes[i].state == PROCESS_RUNNING)
						j->processes[i].state = PROCESS_DONE;
		}
	}
	return 0;
}

static bool any_running(void)
{
	for (struct job *j = table; j != NULL; j = j->next)
		if (j->number > 0 && !job_done(j) && !job_stopped(j))
			return true;
	return false;
}

int jobs_wait_builtin(struct job *job)
{
	int sig, status;

	if (job == NULL) {
		struct job *next;

		while (any_running())
			if ((sig = wait_interruptible()) != 0)
				return 128 + sig;
		for (struct job *j = table; j != NULL; j = next) {
			next = j->next;
			if (j->number > 0 && job_done(j))
				forget_done_job(j, false);
		}
		/* XCU wait: the known process IDs are cleared. */
		memset(forgotten, 0, sizeof forgotten);
		return 0;
	}
	while (!job_done(job) && !job_stopped(job))
		if ((sig = wait_interruptible()) != 0)
			return 128 + sig;
	status = job_status(job);
	if (job_done(job))
		forget_done_job(job, false);
	return status;
}

int jobs_wait_pid_builtin(pid_t pid)
{
	struct job *job = NULL;
	struct process *p = find_process(pid, &job);
	int sig, status;

	if (p == NULL)
		return take_forgotten(pid);
	while (p->state == PROCESS_RUNNING) {
		if ((sig = wait_interruptible()) != 0)
			return 128 + sig;
		p = find_process(pid, &job);
		if (p == NULL)
			return take_forgotten(pid);
	}
	status = exit_status(p->status);
	if (job_done(job) && job->number > 0 && pid == job->processes[job->count - 1].pid)
		forget_done_job(job, false);
	return status;
}

int job_kill(struct job *job, int sig)
{
	/* A stopped job would only hold the signal: let it run to receive it (as bash). */
	bool wake = job_stopped(job) && sig != SIGKILL && sig != SIGCONT && sig != 0 &&
	    sig != SIGSTOP && sig != SIGTSTP && sig != SIGTTIN && sig != SIGTTOU;
	int result = 0;

	if (job->controlled && job->process_group > 0) {
		result = kill(-job->process_group, sig);
		if (result == 0 && wake)
			kill(-job->process_group, SIGCONT);
		return result;
	}
	for (int i = 0; i < job->count; i++) {
		if (job->processes[i].state == PROCESS_DONE)
			continue;
		if (kill(job->processes[i].pid, sig) < 0)
			result = -1;
		else if (wake)
			kill(job->processes[i].pid, SIGCONT);
	}
	return result;
}

void jobs_each(void (*fn)(int number, const char *text, void *context), void *context)
{
	for (struct job *j = table; j != NULL; j = j->next)
		if (j->number > 0)
			fn(j->number, j->text != NULL ? j->text : "", context);
}
