/*
 * libFuzzer target: whole scripts made of built-ins and shell syntax, run
 * as "vsh -c" would run them, in the fuzzer's own process.
 *
 * The set-up keeps the run inside this process and harmless.  It replaces
 * some C library functions for the shell's calls while an input runs:
 *  - fork, vfork, execve: refused (EPERM), so external commands, subshells,
 *    pipelines and command substitutions that need a process end in the
 *    shell's "cannot fork" error; $(...) of pure built-ins still runs;
 *  - open and openat: refused for writing, so redirections write no file,
 *    and never waiting for a FIFO's writer;
 *  - read: what would wait (for a pipe no process can write) reads as the
 *    end of the file;
 *  - kill and setrlimit: refused, so "kill $$" and "ulimit" leave the
 *    fuzzer alone;
 *  - exit and _exit (the exit built-in, errors in a non-interactive shell,
 *    death by a signal, out of memory): end the input, not the process
 *    (fuzz/shell.c, which also puts a ceiling on memory);
 *  - sigaction and signal on SIGPROF: ignored, the set-up's own;
 *  - dup, outside a run, places its copy at 1000 or above: libFuzzer keeps
 *    its report's copy of standard error there, out of the way of the
 *    descriptors scripts use; close, dup2 and dup3 refuse (EBADF) to touch
 *    a descriptor that was open when the set-up ran, so no script loses
 *    the fuzzer its report.
 * Each input gets 2 ms (of the monotonic clock: on a core of its own, its
 * CPU time); then SIGINT and SIGHUP are marked as arrived, which ends the
 * script at its next command unless it traps both.  At 6 ms SIGKILL is
 * marked, which no trap holds.  Standard input and output are /dev/null, opened afresh for each
 * input; the current directory is a scratch directory.  After each input
 * the shell is put back as it was: redirections and variable scopes left
 * by an error (as an interactive shell does), options, traps, aliases,
 * functions, variables, positional parameters, umask and directory; so an
 * input that fails fails alone.
 *
 * Any input must end without a crash, a sanitizer report or a leak.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "alias.h"
#include "error.h"
#include "exec.h"
#include "memory.h"
#include "options.h"
#include "redir.h"
#include "shell.h"
#include "state.h"
#include "trap.h"
#include "vars.h"

/* ---------------------------------------------------------------- no processes */

pid_t fork(void)
{
	if (fuzz_in_run()) {
		errno = EPERM;
		return -1;
	}
	return ((pid_t (*)(void))fuzz_real("fork"))();
}

pid_t vfork(void)
{
	errno = EPERM;
	return -1;
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	(void)path;
	(void)argv;
	(void)envp;
	errno = EPERM;
	return -1;
}

int kill(pid_t pid, int sig)
{
	if (fuzz_in_run()) {
		errno = EPERM;
		return -1;
	}
	return ((int (*)(pid_t, int))fuzz_real("kill"))(pid, sig);
}

int setrlimit(__rlimit_resource_t resource, const struct rlimit *rl)
{
	if (fuzz_in_run()) {
		errno = EPERM;
		return -1;
	}
	return ((int (*)(__rlimit_resource_t, const struct rlimit *))fuzz_real("setrlimit"))(resource, rl);
}

/* ---------------------------------------------------------------- no writes */

static bool writes(int flags)
{
	return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) != 0;
}

/* While a script runs, opening a file to write (but /dev/null) fails with EACCES. */
static bool refused(const char *path, int flags)
{
	if (fuzz_in_run() && writes(flags) && strcmp(path, "/dev/null") != 0) {
		errno = EACCES;
		return true;
	}
	return false;
}

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	va_start(ap, flags);
	if (flags & O_CREAT)
		mode = va_arg(ap, mode_t);
	va_end(ap);
	/* The same as openat from the current directory, refusals and all. */
	return openat(AT_FDCWD, path, flags, mode);
}

int openat(int dir, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	va_start(ap, flags);
	if (flags & O_CREAT)
		mode = va_arg(ap, mode_t);
	va_end(ap);
	int fd;

	if (refused(path, flags))
		return -1;
	if (!fuzz_in_run() || (flags & O_NONBLOCK))
		return ((int (*)(int, const char *, int, ...))fuzz_real("openat"))(dir, path, flags, mode);
	/* A FIFO elsewhere on the system would wait for a writer at open. */
	fd = ((int (*)(int, const char *, int, ...))fuzz_real("openat"))(dir, path, flags | O_NONBLOCK, mode);
	if (fd >= 0)
		(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* ---------------------------------------------------------------- no waiting */

/*
 * Nothing in a run can write to a pipe the shell waits on (no process can
 * start), so a read that would wait would wait for ever: on a pipe of
 * llvm-symbolizer's, which libFuzzer starts during the run, at descriptors
 * an input can name (read <&3), or a FIFO.  It reads as the end of the
 * file instead.
 */
ssize_t read(int fd, void *buffer, size_t size)
{
	if (fuzz_in_run()) {
		struct pollfd p = { .fd = fd, .events = POLLIN };

		if (poll(&p, 1, 0) == 0)
			return 0;
	}
	return ((ssize_t (*)(int, void *, size_t))fuzz_real("read"))(fd, buffer, size);
}

/* ---------------------------------------------------------------- the fuzzer's descriptors */

#define FIRST_HIGH_FD 1000
#define PROTECTED_LIMIT 4096

/* Descriptors above 2 that were open when the set-up ran. */
static bool fd_protected[PROTECTED_LIMIT];

static bool protected(int fd)
{
	return fuzz_in_run() && fd > 2 && fd < PROTECTED_LIMIT && fd_protected[fd];
}

static void protect_open_descriptors(void)
{
	for (int fd = 3; fd < PROTECTED_LIMIT; fd++)
		fd_protected[fd] = fcntl(fd, F_GETFD) >= 0;
}

int dup(int fd)
{
	if (!fuzz_in_run())
		return fcntl(fd, F_DUPFD, FIRST_HIGH_FD);
	return ((int (*)(int))fuzz_real("dup"))(fd);
}

int close(int fd)
{
	if (protected(fd)) {
		errno = EBADF;
		return -1;
	}
	return ((int (*)(int))fuzz_real("close"))(fd);
}

int dup2(int from, int to)
{
	if (protected(to)) {
		errno = EBADF;
		return -1;
	}
	return ((int (*)(int, int))fuzz_real("dup2"))(from, to);
}

int dup3(int from, int to, int flags)
{
	if (protected(to)) {
		errno = EBADF;
		return -1;
	}
	return ((int (*)(int, int, int))fuzz_real("dup3"))(from, to, flags);
}

/* ---------------------------------------------------------------- the time budget */

int sigaction(int sig, const struct sigaction *sa, struct sigaction *old)
{
	if (fuzz_in_run() && sig == SIGPROF)
		return 0;
	return ((int (*)(int, const struct sigaction *, struct sigaction *))fuzz_real("sigaction"))(sig, sa, old);
}

sighandler_t signal(int sig, sighandler_t handler)
{
	if (fuzz_in_run() && sig == SIGPROF)
		return SIG_DFL;
	return ((sighandler_t (*)(int, sighandler_t))fuzz_real("signal"))(sig, handler);
}

/*
 * In ticks of 1 ms of the monotonic clock.  Many inputs are loops that
 * never end (until read, while :, a pipeline that cannot fork), and each
 * costs the whole allowance: at 100 ms they took four fifths of the time,
 * and at 4 ms still nine tenths.  Timers on CPU time fire only at the
 * kernel's tick (4 ms here), so the clock is the wall's: on a core of its
 * own the fuzzer's wall time is its CPU time, and on a busy one an input
 * is only cut shorter.  Most inputs run in a fraction of a millisecond;
 * a long script that is cut still has its parts mutated.
 */
#define TICK_NSEC 1000000
#define SOFT_TICKS 2	/* then SIGINT and SIGHUP */
#define HARD_TICKS 6	/* then SIGKILL */

static timer_t budget_timer;

static volatile sig_atomic_t ticks_used;

static void out_of_time(int sig)
{
	(void)sig;
	ticks_used++;
	if (ticks_used >= SOFT_TICKS) {
		signal_mark_pending(SIGINT);
		signal_mark_pending(SIGHUP);
	}
	if (ticks_used >= HARD_TICKS)
		signal_mark_pending(SIGKILL);
}

/*
 * A tick every TICK_NSEC while on; off stops it.  The handler is set
 * again each time: putting back the traps after an input that trapped
 * SIGPROF resets it to the default, which would end the fuzzer at the next
 * input's first tick ("Profiling timer expired").
 */
static void set_clock(bool on)
{
	long nsec = on ? TICK_NSEC : 0;
	struct itimerspec t = { { 0, nsec }, { 0, nsec } };

	if (on) {
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sa.sa_handler = out_of_time;
		/* Past the wrapper above, which refuses SIGPROF during a run. */
		((int (*)(int, const struct sigaction *, struct sigaction *))fuzz_real("sigaction"))(SIGPROF,
		    &sa, NULL);
	}
	ticks_used = 0;
	timer_settime(budget_timer, 0, &t, NULL);
}

/* SIGPROF from a timer of its own: libFuzzer's -timeout has ITIMER_REAL and SIGALRM. */
static void make_clock(void)
{
	struct sigevent event;

	memset(&event, 0, sizeof event);
	event.sigev_notify = SIGEV_SIGNAL;
	event.sigev_signo = SIGPROF;
	if (timer_create(CLOCK_MONOTONIC, &event, &budget_timer) != 0) {
		perror("fuzz/script: timer_create");
		abort();
	}
}

/* ---------------------------------------------------------------- the shell put back */

static char scratch_directory[] = "/tmp/vsh-fuzz-script.XXXXXX";
static bool initial_options[OPTION_COUNT];
static mode_t initial_umask;

static void save_state(void)
{
	memcpy(initial_options, options, sizeof options);
	initial_umask = umask(022);
	umask(initial_umask);
	fuzz_save_variables();
}

static char **function_names;
static size_t function_count;

static void note_function(const char *name, const struct node *body)
{
	(void)body;
	function_names = realloc(function_names, (function_count + 1) * sizeof *function_names);
	function_names[function_count++] = strdup(name);
}

/* Standard input and output: /dev/null (libFuzzer reports on standard error). */
static void null_in_and_out(void)
{
	int null = open("/dev/null", O_RDWR);

	if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0) {
		perror("fuzz/script: /dev/null");
		abort();
	}
	if (null > 1)
		close(null);
}

static void remove_scratch(void)
{
	(void)rmdir(scratch_directory);
}

/* Read-only variables stay (nothing can unset them); everything else is as it was. */
static void restore_state(void)
{
	memcpy(options, initial_options, sizeof options);
	umask(initial_umask);
	for (int sig = 0; sig < NSIG; sig++)
		if (trap_get(sig) != NULL)
			(void)trap_set(sig, NULL);
	alias_remove_all();
	function_each(note_function);
	for (size_t i = 0; i < function_count; i++) {
		(void)function_remove(function_names[i]);
		free(function_names[i]);
	}
	function_count = 0;
	fuzz_restore_variables();
	/* By name and afresh: the script may have closed any descriptor. */
	if (chdir(scratch_directory) != 0)
		abort();
	null_in_and_out();
}

/* ---------------------------------------------------------------- set-up and run */

static void set_up(void)
{
	/* The scratch directory stays empty: nothing can be written. */
	if (mkdtemp(scratch_directory) == NULL || chdir(scratch_directory) != 0) {
		perror("fuzz/script: scratch directory");
		abort();
	}
	atexit(remove_scratch);
	null_in_and_out();
	make_clock();
	protect_open_descriptors();
	shell.shell_pid = getpid();
	/*
	 * One directory: with PATH unset, every command not found (most of
	 * them) cost a stat of six, a sixth of the run's time.
	 */
	var_set("PATH", "/usr/bin", 0);
	fuzz_limit_memory();
	save_state();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	char *text = fuzz_text(data, size);
	struct handler h;
	int redirs, scopes;

	if (!ready) {
		set_up();
		ready = true;
	}
	redirs = redir_depth();
	scopes = exec_scope_depth();
	fuzz_run_begin();
	set_clock(true);
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		(void)eval_string(text, "fuzz");
		handler_pop(&h);
	} else {
		handler_pop(&h);
	}
	set_clock(false);
	fuzz_run_end();
	/*
	 * As an interactive shell after an error: an input that ended inside
	 * "{ ...; } 4<file" or "x=1 f" left the redirection's saved
	 * descriptors and the assignment's scope behind.
	 */
	exec_recover(redirs, scopes);
	shell.last_status = 0;
	/* A budget signal marked at the end would stop the next input at once. */
	(void)signal_take_pending(SIGINT);
	(void)signal_take_pending(SIGHUP);
	(void)signal_take_pending(SIGKILL);
	restore_state();
	(void)signals_recheck();
	free(text);
	arena_free(&scratch);
	return 0;
}
