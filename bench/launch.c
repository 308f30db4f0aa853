/*
 * launch: the physical limit for a shell's launch loop.
 *
 *   launch fork|vfork|spawn COUNT ROUNDS HEAP_MIB...
 *
 * For each HEAP_MIB (ascending), touches that many MiB of heap (malloc +
 * memset, so the pages are really mapped, as a shell's big variable would
 * be), then ROUNDS times starts /bin/true COUNT times, waiting for each, by
 * fork+execve, vfork+execve or posix_spawn, and prints
 * "launch HEAP_MIB NS_PER_LAUNCH" for each round.
 */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "timing.h"

extern char **environ;

static char *const true_argv[] = { "/bin/true", NULL };

static __attribute__((noinline)) pid_t start_fork(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		execve(true_argv[0], true_argv, environ);
		_exit(127);
	}
	return pid;
}

static __attribute__((noinline)) pid_t start_vfork(void)
{
	pid_t pid = vfork();

	if (pid == 0) {
		execve(true_argv[0], true_argv, environ);
		_exit(127);
	}
	return pid;
}

static pid_t start_spawn(void)
{
	pid_t pid;

	if (posix_spawn(&pid, true_argv[0], NULL, NULL, true_argv, environ) != 0)
		return -1;
	return pid;
}

static int launch_many(pid_t (*start)(void), long count, long long *ns)
{
	long long t0 = now_ns();
	long i;

	for (i = 0; i < count; i++) {
		int status;
		pid_t pid = start();

		if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0) {
			fprintf(stderr, "launch: /bin/true failed\n");
			return -1;
		}
	}
	*ns = count > 0 ? (now_ns() - t0) / count : 0;
	return 0;
}

int main(int argc, char **argv)
{
	pid_t (*start)(void);
	long count, rounds, round;
	int arg;

	if (argc < 5) {
		fprintf(stderr, "usage: launch fork|vfork|spawn count rounds heap_mib...\n");
		return 2;
	}
	if (strcmp(argv[1], "fork") == 0)
		start = start_fork;
	else if (strcmp(argv[1], "vfork") == 0)
		start = start_vfork;
	else if (strcmp(argv[1], "spawn") == 0)
		start = start_spawn;
	else {
		fprintf(stderr, "launch: unknown method %s\n", argv[1]);
		return 2;
	}
	count = strtol(argv[2], NULL, 10);
	rounds = strtol(argv[3], NULL, 10);
	for (arg = 4; arg < argc; arg++) {
		long mib = strtol(argv[arg], NULL, 10);
		size_t heap = (size_t)mib << 20;
		char *block = NULL;

		if (heap > 0) {
			if ((block = malloc(heap)) == NULL) {
				perror("launch: malloc");
				return 1;
			}
			memset(block, 'x', heap);
		}
		for (round = 0; round < rounds; round++) {
			long long ns;

			if (launch_many(start, count, &ns) != 0)
				return 1;
			printf("launch %ld %lld\n", mib, ns);
			fflush(stdout);
		}
		/* Keep the block alive (and the compiler honest) until here. */
		if (block != NULL && block[heap - 1] != 'x')
			return 1;
		free(block);
	}
	return 0;
}
