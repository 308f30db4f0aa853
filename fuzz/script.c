/*
 * libFuzzer target: whole scripts made of built-ins and shell syntax, run
 * as "vsh -c" would run them, in the fuzzer's own process.
 *
 * The set-up keeps the run inside this process and harmless.  It replaces
 * some C library functions for the shell's calls while an input runs:
 *  - fork, vfork, execve: refused (EPERM), so external commands, subshells,
 *    pipelines and command substitutions that need a process end in the
 *    shell's "cannot fork" error; $(...) of pure built-ins still runs;
 *  - open and openat: refused for writing, so redirections write no file;
 *  - kill and setrlimit: refused, so "kill $$" and "ulimit" leave the
 *    fuzzer alone;
 *  - exit and _exit (the exit built-in, errors in a non-interactive shell,
 *    death by a signal): end the input, not the process;
 *  - sigaction and signal on SIGVTALRM: ignored, the set-up's own.
 * Each input gets one second of CPU time; then SIGINT and SIGHUP are marked
 * as arrived, which ends the script at its next command unless it traps
 * both.  Standard input and output are /dev/null; the current directory is a scratch
 * directory, restored after each input, and the options are reset.
 * Variables, functions, aliases and traps carry over between inputs.
 *
 * Any input must end without a crash, a sanitizer report or a leak.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include "error.h"
#include "exec.h"
#include "memory.h"
#include "options.h"
#include "shell.h"
#include "state.h"
#include "trap.h"

static volatile bool running;	/* an input is running: the replacements below apply */

static void *real(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (f == NULL) {
		fprintf(stderr, "fuzz/script: no %s\n", name);
		abort();
	}
	return f;
}

/* ---------------------------------------------------------------- no processes */

pid_t fork(void)
{
	if (running) {
		errno = EPERM;
		return -1;
	}
	return ((pid_t (*)(void))real("fork"))();
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
	if (running) {
		errno = EPERM;
		return -1;
	}
	return ((int (*)(pid_t, int))real("kill"))(pid, sig);
}

int setrlimit(__rlimit_resource_t resource, const struct rlimit *rl)
{
	if (running) {
		errno = EPERM;
		return -1;
	}
	return ((int (*)(__rlimit_resource_t, const struct rlimit *))real("setrlimit"))(resource, rl);
}

/* ---------------------------------------------------------------- no writes */

static bool writes(int flags)
{
	return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) != 0;
}

/* While a script runs, opening a file to write (but /dev/null) fails with EACCES. */
static bool refused(const char *path, int flags)
{
	if (running && writes(flags) && strcmp(path, "/dev/null") != 0) {
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
	if (refused(path, flags))
		return -1;
	return ((int (*)(const char *, int, ...))real("open"))(path, flags, mode);
}

int openat(int dir, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	va_start(ap, flags);
	if (flags & O_CREAT)
		mode = va_arg(ap, mode_t);
	va_end(ap);
	if (refused(path, flags))
		return -1;
	return ((int (*)(int, const char *, int, ...))real("openat"))(dir, path, flags, mode);
}

/* ---------------------------------------------------------------- exits end the input */

noreturn void exit(int status)
{
	if (running)
		raise_exception(EXCEPTION_EXIT);
	((void (*)(int))real("exit"))(status);
	abort();
}

noreturn void _exit(int status)
{
	if (running)
		raise_exception(EXCEPTION_EXIT);
	((void (*)(int))real("_exit"))(status);
	abort();
}

/* ---------------------------------------------------------------- the time budget */

int sigaction(int sig, const struct sigaction *sa, struct sigaction *old)
{
	if (running && sig == SIGVTALRM)
		return 0;
	return ((int (*)(int, const struct sigaction *, struct sigaction *))real("sigaction"))(sig, sa, old);
}

sighandler_t signal(int sig, sighandler_t handler)
{
	if (running && sig == SIGVTALRM)
		return SIG_DFL;
	return ((sighandler_t (*)(int, sighandler_t))real("signal"))(sig, handler);
}

static void out_of_time(int sig)
{
	(void)sig;
	signal_mark_pending(SIGINT);
	signal_mark_pending(SIGHUP);
}

static void set_budget(long seconds)
{
	struct itimerval t = { { 0, 0 }, { seconds, 0 } };

	/* Keep marking while the script goes on. */
	t.it_interval.tv_sec = seconds;
	setitimer(ITIMER_VIRTUAL, &t, NULL);
}

/* ---------------------------------------------------------------- set-up and run */

static int scratch_fd = -1;
static bool initial_options[OPTION_COUNT];

static void set_up(void)
{
	char template[] = "/tmp/vsh-fuzz-script.XXXXXX";
	struct sigaction sa;
	int null;

	/* The scratch directory stays empty (nothing can be written): remove it at once. */
	if (mkdtemp(template) == NULL || chdir(template) != 0 || (scratch_fd = open(".", O_RDONLY)) < 0) {
		perror("fuzz/script: scratch directory");
		abort();
	}
	(void)rmdir(template);
	/* Standard input and output: /dev/null (libFuzzer reports on standard error). */
	null = open("/dev/null", O_RDWR);
	if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0) {
		perror("fuzz/script: /dev/null");
		abort();
	}
	if (null > 1)
		close(null);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = out_of_time;
	sigaction(SIGVTALRM, &sa, NULL);
	memcpy(initial_options, options, sizeof options);
	shell.shell_pid = getpid();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	char *text = fuzz_text(data, size);
	struct handler h;

	if (!ready) {
		set_up();
		ready = true;
	}
	running = true;
	set_budget(1);
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		(void)eval_string(text, "fuzz");
		handler_pop(&h);
	} else {
		handler_pop(&h);
	}
	set_budget(0);
	running = false;
	/* A budget signal marked at the end would stop the next input at once. */
	(void)signal_take_pending(SIGINT);
	(void)signal_take_pending(SIGHUP);
	(void)signals_recheck();
	memcpy(options, initial_options, sizeof options);
	if (fchdir(scratch_fd) != 0)
		abort();
	free(text);
	arena_free(&scratch);
	return 0;
}
