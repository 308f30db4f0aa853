/*
 * Process creation.  Every process vsh creates is created in this file.
 *
 * External programs start with vfork(2), or with fork(2) under
 * "set +o vfork"; one child routine (child_run) serves both, so the two
 * modes differ only in the system call.  Shell code that needs a process
 * of its own (subshells, background lists, pipeline elements that are not
 * external programs) goes through fork in launch_subshell.
 *
 * After vfork the child borrows the parent's memory and stack, and the
 * parent sleeps until the child calls execve or _exit.  Three rules follow,
 * and the code below keeps them:
 *
 *  1. Locals the child writes and the parent reads later are volatile and
 *     written on purpose.  Here the child writes one thing the parent
 *     reads, early_stop (below), from a signal handler; everything else it
 *     needs is prepared in the parent (struct child_plan), and what it has
 *     to tell comes back as its exit status.  (errno is shared too; the
 *     parent reads it only when vfork itself failed.)
 *  2. In the child, never return from the function that called vfork and
 *     never longjmp.  child_run ends in execve or _exit; it is noreturn.
 *  3. In the child, never call exit(3), stdio, malloc or anything that
 *     touches the parent's state: only async-signal-safe system calls,
 *     ending in execve or _exit.  Messages are written with write(2) from
 *     a prefix formatted in the parent and a constant table of reasons.
 *
 * The parent blocks every signal across the call, so no handler of the
 * shell can run in the child; the child applies the signal plan (every
 * signal the shell catches goes back to SIG_DFL) before it unblocks, and
 * then does nothing but execve.  Redirections were applied by the caller
 * in the parent, so the child has nothing left that could block.  One
 * exception to "nothing but execve": under vfork, a stop signal must not
 * stop the child before its execve (see note_early_stop).
 *
 * Reading order: struct child_plan (what the parent prepares), child_run
 * (everything the child does), spawn (the one place vfork or fork is
 * called for a program), launch_program, launch_subshell, exec_program.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "jobs.h"
#include "launch.h"
#include "memory.h"
#include "options.h"
#include "output.h"
#include "readahead.h"
#include "redir.h"
#include "state.h"
#include "trap.h"

/* Everything the child needs, prepared by the parent before the call. */
struct child_plan {
	const char *path;
	char **argv;			/* argv[-1] is the spare slot for scripts */
	char **envp;
	bool fork_mode;			/* "set +o vfork": a script's vsh gets +o vfork too */
	bool set_group;			/* job control: put the child in a group */
	pid_t process_group;		/* 0: a new group led by the child */
	int terminal;			/* >= 0: make the group the terminal's foreground */
	struct signal_plan signals;
	struct sigaction to_default, to_ignore;
	struct sigaction to_note_stop;	/* note_early_stop, every signal blocked in it */
	sigset_t old_mask;		/* the parent's mask, restored just before execve */
	size_t message_length;
	char message[PATH_MAX + 600];	/* "vsh: script: line 3: cmd: " */
};

/* Reasons for failed execs: constants, so the child can write them. */
static const struct {
	int error;
	const char *reason;
} exec_reasons[] = {
	{ EACCES, "Permission denied" },
	{ EPERM, "Operation not permitted" },
	{ ENOTDIR, "Not a directory" },
	{ EISDIR, "Is a directory" },
	{ E2BIG, "Argument list too long" },
	{ ENOMEM, "Out of memory" },
	{ ETXTBSY, "Text file busy" },
	{ ELOOP, "Too many levels of symbolic links" },
	{ ENAMETOOLONG, "File name too long" },
	{ ENOEXEC, "Exec format error" },
	{ EIO, "Input/output error" },
	{ EFAULT, "Bad address" },
	{ EINVAL, "Invalid argument" },
	{ EMFILE, "Too many open files" },
	{ ENFILE, "Too many open files in system" },
#ifdef ELIBBAD
	{ ELIBBAD, "Accessing a corrupted shared library" },
#endif
};

/* ENOENT depends on how the command was named. */
static const char *exec_reason(int error, const char *name)
{
	if (error == ENOENT)
		return strchr(name, '/') != NULL ? "No such file or directory" : "not found";
	for (size_t i = 0; i < sizeof exec_reasons / sizeof exec_reasons[0]; i++)
		if (exec_reasons[i].error == error)
			return exec_reasons[i].reason;
	return "cannot execute";
}

static int exec_failure_status(int error)
{
	return error == ENOENT || error == ENOTDIR ? 127 : 126;
}

/*
 * Does the start of the file look like a binary (a NUL before the end of
 * the first line)?  Such a file is not run as a script.  System calls and
 * a buffer on the caller's own stack only: used in the child.
 */
static bool looks_binary(const char *path)
{
	char head[256];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return false;
	n = read(fd, head, sizeof head);
	close(fd);
	for (ssize_t i = 0; i < n; i++) {
		if (head[i] == '\0')
			return true;
		if (head[i] == '\n')
			break;
	}
	return false;
}

/*
 * Write "prefix: reason\n" in one write(2), so that messages of parallel
 * children do not interleave.  The line is assembled in the caller's own
 * stack frame (the child's memory), by hand: no library call.
 */
static void child_message(const struct child_plan *plan, const char *reason)
{
	char line[sizeof plan->message + 64];
	size_t n = 0;

	for (size_t i = 0; i < plan->message_length; i++)
		line[n++] = plan->message[i];
	for (; *reason != '\0' && n < sizeof line - 1; reason++)
		line[n++] = *reason;
	line[n++] = '\n';
	if (write(2, line, n) < 0)
		return;		/* nowhere to report it */
}

/*
 * Run path as a script: "vsh [+o vfork] path args..." (XCU 2.9.1.4: the
 * shell runs the file found by the search).  Usually argv[0] is path and
 * the spare slot argv[-1], set to vsh's path by the parent, makes this
 * free; otherwise the new argv is built in the caller's own stack frame,
 * which is the child's own memory (the parent never reads it).  Returns
 * only if execve failed.
 */
static void exec_script(const char *path, char **argv, char **envp, bool fork_mode)
{
	size_t argc = 0, n = 0;

	if (!fork_mode && strcmp(argv[0], path) == 0) {
		execve(shell.self_path, argv - 1, envp);
		return;
	}
	while (argv[argc] != NULL)
		argc++;
	char *script[argc + 5];

	script[n++] = shell.self_path;
	if (fork_mode) {
		script[n++] = "+o";
		script[n++] = "vfork";
	}
	script[n++] = (char *)path;
	for (size_t i = 1; i <= argc; i++)
		script[n++] = argv[i];	/* ends with the NULL */
	execve(shell.self_path, script, envp);
}

/*
 * Our own executable, to run scripts that have no "#!" line.  Looked up
 * at the first launch rather than at start-up, where "sh -c :" would pay
 * for it (a PATH_MAX buffer on the stack) without ever using it.
 */
static const char *self_path(void)
{
	if (shell.self_path == NULL) {
		char path[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);

		if (n > 0) {
			path[n] = '\0';
			shell.self_path = xstrdup(path);
		} else if (strchr(shell.arg0, '/') != NULL) {
			shell.self_path = xstrdup(shell.arg0);
		} else {
			shell.self_path = xstrdup("/bin/sh");
		}
	}
	return shell.self_path;
}

/*
 * A stop signal (Control-Z: SIGTSTP, or SIGTTIN, SIGTTOU) that reaches a
 * vfork child before its execve would stop it there, and the parent,
 * which the kernel keeps waiting for that execve, could neither stop with
 * it nor report it: the terminal would hang until Control-C.  So between
 * unblocking and execve the child catches the stop signals here (execve
 * puts them back to SIG_DFL), and the parent passes the one that came on
 * to the program once it has started (spawn).  Under fork a child may stop
 * before execve: its parent goes on and sees it stop.
 *
 * The handler runs in the child: it writes early_stop, which the parent
 * shares and reads after vfork returns (rule 1), and nothing else.
 */
static volatile sig_atomic_t early_stop;

static void note_early_stop(int sig)
{
	early_stop = sig;
}

/* In the child, still blocked: catch the stop signals the program would get as SIG_DFL. */
static void catch_early_stops(const struct child_plan *plan)
{
	static const int stops[] = { SIGTSTP, SIGTTIN, SIGTTOU };

	for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
		struct sigaction was;

		/* Ignored ones (trap '', or ignored on entry) stay ignored. */
		if (sigaction(stops[i], &plan->to_note_stop, &was) == 0 &&
		    was.sa_handler == SIG_IGN)
			sigaction(stops[i], &was, NULL);
	}
}

/*
 * The child, after vfork or fork.  System calls only; never returns.
 * It reads the plan (the parent's memory under vfork) and writes nothing
 * but its own locals.
 */
static noreturn void child_run(const struct child_plan *plan)
{
	int error;

	if (plan->set_group)
		setpgid(0, plan->process_group);
	/* Signals are still blocked: SIGTTOU cannot stop us here. */
	if (plan->terminal >= 0)
		tcsetpgrp(plan->terminal, plan->process_group != 0 ? plan->process_group : getpid());
	for (int i = 0; i < plan->signals.count; i++)
		sigaction(plan->signals.change[i].signal,
		    plan->signals.change[i].ignore ? &plan->to_ignore : &plan->to_default, NULL);
	if (!plan->fork_mode)
		catch_early_stops(plan);
	sigprocmask(SIG_SETMASK, &plan->old_mask, NULL);

	execve(plan->path, plan->argv, plan->envp);
	error = errno;

	if (error == ENOEXEC) {
		/* No "#!": a script for the shell, unless it is a binary. */
		if (looks_binary(plan->path)) {
			child_message(plan, "cannot execute binary file");
			_exit(126);
		}
		exec_script(plan->path, plan->argv, plan->envp, plan->fork_mode);
		error = errno;
	}
	/* Linux says EACCES for a directory; stat tells which it was. */
	if (error == EACCES) {
		struct stat st;

		if (stat(plan->path, &st) == 0 && S_ISDIR(st.st_mode))
			error = EISDIR;
	}
	/* exec_reason reads constants only (strchr is async-signal-safe). */
	child_message(plan, exec_reason(error, plan->argv[0]));
	_exit(exec_failure_status(error));
}

/*
 * Create the process.  noinline, and nothing here lives across the call
 * but plan (never modified) and pid: vfork returns twice, like setjmp.
 */
static __attribute__((noinline)) pid_t spawn(struct child_plan *plan)
{
	sigset_t all;
	pid_t pid;

	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, &plan->old_mask);
	early_stop = 0;
	if (!plan->fork_mode)
		pid = vfork();
	else
		pid = fork();
	if (pid == 0)
		child_run(plan);
	/*
	 * Parent (after the child's execve or _exit, under vfork).  A stop
	 * the child caught on its way goes to the program before the shell
	 * unblocks its own copy of it (a script's shell in the same job
	 * stops too): the whole job stops, as it would have under fork.
	 */
	if (pid > 0 && early_stop != 0)
		kill(pid, early_stop);
	sigprocmask(SIG_SETMASK, &plan->old_mask, NULL);
	return pid;
}

/* Async without job control: standard input from /dev/null, done in the parent. */
static int redirect_stdin_to_null(void)
{
	int saved = fcntl(0, F_DUPFD_CLOEXEC, 10);
	int null = open("/dev/null", O_RDONLY | O_CLOEXEC);

	if (null < 0) {
		if (saved >= 0)
			close(saved);
		return -2;	/* leave stdin as it is */
	}
	redir_move_fd(null, 0);
	return saved;		/* -1: descriptor 0 was closed */
}

static void restore_stdin(int saved)
{
	if (saved == -2)
		return;
	if (saved < 0) {
		close(0);
		return;
	}
	dup2(saved, 0);
	close(saved);
}

/*
 * The signals a child of job ignores whatever the shell's traps say; false
 * if none.  An asynchronous list without job control: SIGINT and SIGQUIT
 * (XCU 2.11).  A command substitution under job control: the stop
 * signals, since nobody could resume it (see job_is_controlled_substitution).
 */
static bool forced_ignores(struct job *job, sigset_t *set)
{
	sigemptyset(set);
	if (job_is_background(job) && !job_is_controlled(job)) {
		sigaddset(set, SIGINT);
		sigaddset(set, SIGQUIT);
		return true;
	}
	if (job_is_controlled_substitution(job)) {
		sigaddset(set, SIGTSTP);
		sigaddset(set, SIGTTIN);
		sigaddset(set, SIGTTOU);
		return true;
	}
	return false;
}

static void prepare_signals(struct child_plan *plan, struct job *job)
{
	sigset_t ignore;

	signal_plan_make(&plan->signals, forced_ignores(job, &ignore) ? &ignore : NULL);
	memset(&plan->to_default, 0, sizeof plan->to_default);
	memset(&plan->to_ignore, 0, sizeof plan->to_ignore);
	plan->to_default.sa_handler = SIG_DFL;
	plan->to_ignore.sa_handler = SIG_IGN;
	memset(&plan->to_note_stop, 0, sizeof plan->to_note_stop);
	plan->to_note_stop.sa_handler = note_early_stop;
	sigfillset(&plan->to_note_stop.sa_mask);
}

static void prepare_group(struct child_plan *plan, struct job *job)
{
	plan->set_group = job_is_controlled(job);
	plan->process_group = job_process_group(job);
	plan->terminal = -1;
	if (plan->set_group && job_is_controlled_foreground(job))
		plan->terminal = jobs_terminal();
}

pid_t launch_program(struct job *job, const char *path, char **argv, char **envp)
{
	struct child_plan plan;
	int saved_stdin = -2;
	pid_t pid;

	plan.path = path;
	plan.argv = argv;
	plan.envp = envp;
	plan.fork_mode = !option_on(OPT_VFORK);
	argv[-1] = (char *)self_path();	/* the spare slot, for a script without "#!" */
	prepare_signals(&plan, job);
	prepare_group(&plan, job);
	plan.message_length = error_prefix(plan.message, sizeof plan.message);
	{
		size_t room = sizeof plan.message - plan.message_length;
		size_t n = strlen(argv[0]);

		if (n > room - 3)
			n = room - 3;
		memcpy(plan.message + plan.message_length, argv[0], n);
		memcpy(plan.message + plan.message_length + n, ": ", 2);
		plan.message_length += n + 2;
	}
	read_ahead_sync_all();	/* the child sees the offsets read left */
	if (job_wants_null_stdin(job))
		saved_stdin = redirect_stdin_to_null();
	out_flush_all();

	pid = spawn(&plan);

	restore_stdin(saved_stdin);
	if (pid < 0) {
		error_warn("cannot fork: %s", strerror(errno));
		return -1;
	}
	if (plan.set_group)
		/* Also done in the child: whichever runs first; EACCES once it has exec'd. */
		setpgid(pid, plan.process_group != 0 ? plan.process_group : pid);
	job_add_process(job, pid);
	return pid;
}

pid_t launch_subshell(struct job *job)
{
	sigset_t ignore;
	bool any_ignore = forced_ignores(job, &ignore);
	bool null_stdin = job_wants_null_stdin(job);
	struct child_plan plan;
	sigset_t all;
	pid_t pid;

	prepare_group(&plan, job);
	read_ahead_sync_all();
	out_flush_all();
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, &plan.old_mask);
	pid = fork();
	if (pid == 0) {
		/* A forked child: its memory is its own; it becomes a subshell. */
		if (plan.set_group)
			setpgid(0, plan.process_group);
		if (plan.terminal >= 0)
			tcsetpgrp(plan.terminal, plan.process_group != 0 ? plan.process_group : getpid());
		shell.is_subshell = true;
		traps_reset_for_subshell();
		jobs_forget_all();
		for (int sig = 1; any_ignore && sig < NSIG; sig++)
			if (sigismember(&ignore, sig) == 1)
				signal_ignore_in_subshell(sig);
		if (null_stdin) {
			int null = open("/dev/null", O_RDONLY);

			if (null > 0) {
				dup2(null, 0);
				close(null);
			}
		}
		sigprocmask(SIG_SETMASK, &plan.old_mask, NULL);
		return 0;
	}
	sigprocmask(SIG_SETMASK, &plan.old_mask, NULL);
	if (pid < 0) {
		error_warn("cannot fork: %s", strerror(errno));
		return -1;
	}
	if (plan.set_group)
		setpgid(pid, plan.process_group != 0 ? plan.process_group : pid);
	job_add_process(job, pid);
	return pid;
}

int exec_program(const char *path, char **argv, char **envp)
{
	struct signal_plan signals;
	struct sigaction to_default, to_ignore, previous[NSIG];
	int error;

	/* The shell becomes the program: undo what the shell did for itself. */
	signal_plan_make(&signals, NULL);
	memset(&to_default, 0, sizeof to_default);
	memset(&to_ignore, 0, sizeof to_ignore);
	to_default.sa_handler = SIG_DFL;
	to_ignore.sa_handler = SIG_IGN;
	for (int i = 0; i < signals.count; i++)
		sigaction(signals.change[i].signal,
		    signals.change[i].ignore ? &to_ignore : &to_default, &previous[i]);
	read_ahead_sync_all();
	out_flush_all();

	execve(path, argv, envp);
	error = errno;
	if (error == EACCES) {
		struct stat st;

		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			error = EISDIR;
	}
	if (error == ENOEXEC) {
		if (looks_binary(path)) {
			error_warn("%s: cannot execute binary file", argv[0]);
			error = -1;
		} else {
			argv[-1] = (char *)self_path();
			exec_script(path, argv, envp, !option_on(OPT_VFORK));
			error = errno;
		}
	}
	/* Still the shell: put its own dispositions back. */
	for (int i = 0; i < signals.count; i++)
		sigaction(signals.change[i].signal, &previous[i], NULL);
	if (error < 0)
		return 126;
	error_warn("%s: %s", argv[0], exec_reason(error, argv[0]));
	return exec_failure_status(error);
}
