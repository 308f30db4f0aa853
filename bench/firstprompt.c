/*
 * firstprompt: how long does an interactive shell take to show its first
 * prompt in a terminal?
 *
 *   firstprompt [-n COUNT] [-t SECONDS] -p PROMPT command [arg...]
 *
 * Runs the command COUNT times (default 1) on a fresh pseudo-terminal of
 * 80x24 (it is the session leader and the terminal is its controlling
 * terminal, as in a terminal emulator), and measures the time from fork to
 * the moment the text PROMPT has been read from the terminal.  Then it types
 * "exit" and waits for the shell to end.  For each run it prints
 *
 *   prompt_ns=T cpu_ns=C status=S
 *
 * T the time to the prompt, C the user+system time of the whole session
 * (start, prompt, exit: wait4's rusage), S the exit status (124: no prompt
 * within the time limit, default 10 s; the shell is killed).
 *
 * The command's environment is inherited: the caller sets PS1 (to PROMPT),
 * TERM, HOME and the like.
 */
#define _XOPEN_SOURCE 700	/* posix_openpt, grantpt, unlockpt, ptsname */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "timing.h"

static int contains(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	size_t i;

	for (i = 0; i + nlen <= hlen; i++)
		if (memcmp(hay + i, needle, nlen) == 0)
			return 1;
	return 0;
}

/* Read what the terminal shows until the deadline; 1 when NEEDLE was seen. */
static int wait_for(int fd, const char *needle, long long deadline)
{
	char buf[65536];
	size_t have = 0, nlen = strlen(needle);

	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		long long left = deadline - now_ns();
		ssize_t n;

		if (left <= 0)
			return 0;
		if (poll(&p, 1, (int)(left / 1000000) + 1) <= 0)
			continue;
		n = read(fd, buf + have, sizeof buf - 1 - have);
		if (n <= 0)
			return 0;	/* EIO: the shell closed the terminal */
		have += (size_t)n;
		buf[have] = '\0';
		if (contains(buf, have, needle, nlen))
			return 1;
		if (have > sizeof buf / 2) {	/* keep the tail */
			memmove(buf, buf + have - nlen, nlen);
			have = nlen;
		}
	}
}

/* Read and throw away until the shell closes the terminal or time is up. */
static void drain(int fd, long long deadline)
{
	char buf[4096];

	while (now_ns() < deadline) {
		struct pollfd p = { .fd = fd, .events = POLLIN };

		if (poll(&p, 1, 100) > 0 && read(fd, buf, sizeof buf) <= 0)
			return;
	}
}

int main(int argc, char **argv)
{
	const char *prompt = NULL;
	long count = 1, timeout = 10, run;
	int opt, worst = 0;

	while ((opt = getopt(argc, argv, "+n:t:p:")) != -1) {
		switch (opt) {
		case 'n': count = strtol(optarg, NULL, 10); break;
		case 't': timeout = strtol(optarg, NULL, 10); break;
		case 'p': prompt = optarg; break;
		default: goto usage;
		}
	}
	if (optind >= argc || prompt == NULL || *prompt == '\0' || count < 1) {
usage:
		fprintf(stderr, "usage: firstprompt [-n count] [-t seconds] -p prompt command [arg...]\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	for (run = 0; run < count; run++) {
		struct winsize ws = { .ws_row = 24, .ws_col = 80 };
		struct rusage ru;
		long long start, shown = 0;
		int master, status, wstatus, seen;
		char *slave;
		pid_t pid;

		if ((master = posix_openpt(O_RDWR | O_NOCTTY)) < 0 || grantpt(master) < 0 ||
		    unlockpt(master) < 0 || (slave = ptsname(master)) == NULL) {
			perror("firstprompt: pseudo-terminal");
			return 125;
		}
		ioctl(master, TIOCSWINSZ, &ws);
		start = now_ns();
		pid = fork();
		if (pid < 0) {
			perror("firstprompt: fork");
			return 125;
		}
		if (pid == 0) {
			int fd;

			setsid();
			if ((fd = open(slave, O_RDWR)) < 0)
				_exit(126);
			ioctl(fd, TIOCSCTTY, 0);
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
			if (fd > 2)
				close(fd);
			close(master);
			execvp(argv[optind], argv + optind);
			_exit(errno == ENOENT ? 127 : 126);
		}
		seen = wait_for(master, prompt, start + timeout * 1000000000LL);
		if (seen) {
			shown = now_ns() - start;
			if (write(master, "exit\n", 5) != 5)
				seen = 0;
			drain(master, now_ns() + timeout * 1000000000LL);
		}
		kill(pid, seen ? SIGCONT : SIGKILL);
		while (wait4(pid, &wstatus, 0, &ru) < 0 && errno == EINTR)
			continue;
		close(master);
		if (!seen)
			status = 124;
		else if (WIFEXITED(wstatus))
			status = WEXITSTATUS(wstatus);
		else
			status = 128 + WTERMSIG(wstatus);
		printf("prompt_ns=%lld cpu_ns=%lld status=%d\n", shown,
		    tv_ns(ru.ru_utime) + tv_ns(ru.ru_stime), status);
		fflush(stdout);
		if (status != 0)
			worst = status;
	}
	return worst == 0 ? 0 : 1;
}
