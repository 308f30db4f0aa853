/*
 * rusage: run a command, report wall time and peak memory.
 *
 *   rusage [-n COUNT] [-t SECONDS] [-o FILE] command [arg...]
 *
 * Runs the command COUNT times (default 1), one after another, each in its
 * own process group (so a timeout can kill everything it started).  Prints
 * one line to FILE (default stderr):
 *
 *   runs=N status=S wall_ns=TOTAL maxrss_kb=K user_ns=U sys_ns=Y
 *
 * wall_ns is the total over all runs; maxrss_kb the largest ru_maxrss seen
 * (wait4); status the last exit status, 128+signal for a signal, 124 for a
 * timeout.  The command's stdin, stdout and stderr are inherited.
 *
 * GNU time is not installed everywhere; this is the part of it we need.
 * The child is created by fork, not vfork: with vfork the kernel would
 * charge this program's memory to the child's ru_maxrss at execve.  We keep
 * this program small (static if possible) for the same reason: a forked
 * child's pre-exec size counts towards its peak.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "timing.h"

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
}

static void usage(void)
{
	fprintf(stderr, "usage: rusage [-n count] [-t seconds] [-o file] command [arg...]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	long count = 1, timeout = 0, run;
	const char *outfile = NULL;
	long long wall = 0, user = 0, sys = 0;
	long maxrss = 0;
	int status = 0, opt;
	struct sigaction sa;
	FILE *out = stderr;

	while ((opt = getopt(argc, argv, "+n:t:o:")) != -1) {
		switch (opt) {
		case 'n': count = strtol(optarg, NULL, 10); break;
		case 't': timeout = strtol(optarg, NULL, 10); break;
		case 'o': outfile = optarg; break;
		default: usage();
		}
	}
	if (optind >= argc || count < 1)
		usage();

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;	/* no SA_RESTART: wait4 must return */
	sigaction(SIGALRM, &sa, NULL);

	for (run = 0; run < count; run++) {
		struct rusage ru;
		long long start;
		int wstatus;
		pid_t pid, got;

		start = now_ns();
		pid = fork();
		if (pid < 0) {
			perror("rusage: fork");
			return 125;
		}
		if (pid == 0) {
			setpgid(0, 0);
			execvp(argv[optind], argv + optind);
			fprintf(stderr, "rusage: %s: %s\n", argv[optind], strerror(errno));
			_exit(errno == ENOENT ? 127 : 126);
		}
		setpgid(pid, pid);
		if (timeout > 0)
			alarm((unsigned)timeout);
		while ((got = wait4(pid, &wstatus, 0, &ru)) < 0 && errno == EINTR) {
			if (timed_out) {
				kill(-pid, SIGKILL);
				kill(pid, SIGKILL);
			}
		}
		alarm(0);
		wall += now_ns() - start;
		if (got < 0) {
			perror("rusage: wait4");
			return 125;
		}
		/* Whatever it left running in its group goes too. */
		kill(-pid, SIGKILL);
		user += tv_ns(ru.ru_utime);
		sys += tv_ns(ru.ru_stime);
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
		if (timed_out)
			status = 124;
		else if (WIFEXITED(wstatus))
			status = WEXITSTATUS(wstatus);
		else
			status = 128 + WTERMSIG(wstatus);
		if (status != 0)
			break;
	}
	if (outfile != NULL && (out = fopen(outfile, "w")) == NULL) {
		perror(outfile);
		return 125;
	}
	fprintf(out, "runs=%ld status=%d wall_ns=%lld maxrss_kb=%ld user_ns=%lld sys_ns=%lld\n",
	    run < count ? run + 1 : run, status, wall, maxrss, user, sys);
	return status == 0 ? 0 : 1;
}
