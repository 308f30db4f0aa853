/*
 * jobs [-l|-p] [job...], fg [job], bg [job...], wait [pid|job...], kill
 * (XCU jobs, fg, bg, wait, kill).  The job table is in sh/jobs.c.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "error.h"
#include "jobs.h"
#include "output.h"
#include "trap.h"

int builtin_jobs(int argc, char **argv)
{
	struct builtin_options g = { 1, 0, NULL };
	int format = 0, c, status = 0;

	(void)argc;
	while ((c = builtin_getopt(&g, argv, "lp")) != -1) {
		if (c == '?')
			return builtin_usage("jobs [-l|-p] [job_id ...]");
		format = c;
	}
	if (argv[g.index] == NULL) {
		jobs_print_all(format);
		return 0;
	}
	for (char **p = argv + g.index; *p; p++) {
		struct job *job = job_find_spec(*p, "jobs", true);

		if (job == NULL)
			status = 1;
		else
			job_print(job, format);
	}
	return status;
}

/*
 * The job an fg or bg operand names (the current job without one), or NULL
 * after a message.  Only jobs started under job control can be resumed.
 */
static struct job *resumable_job(const char *spec, const char *name)
{
	struct job *job;

	if (spec == NULL) {
		job = job_current();
		if (job == NULL)
			error_warn("%s: no current job", name);
	} else {
		job = job_find_spec(spec, name, false);
	}
	if (job != NULL && !job_is_controlled(job)) {
		error_warn("%s: %s: job not created under job control", name,
		    spec != NULL ? spec : "%+");
		return NULL;
	}
	return job;
}

/*
 * The operands of fg or bg (after an optional "--"), or NULL with *status
 * set: 2 for an option, 1 when job control is off (as dash).
 */
static char **resume_operands(char **argv, const char *usage, int *status)
{
	struct builtin_options g = { 1, 0, NULL };

	if (builtin_getopt(&g, argv, "") != -1) {
		*status = builtin_usage(usage);
		return NULL;
	}
	if (!job_control_active()) {
		error_warn("%s: no job control", argv[0]);
		*status = 1;
		return NULL;
	}
	return argv + g.index;
}

int builtin_fg(int argc, char **argv)
{
	int status = 0;
	char **p = resume_operands(argv, "fg [job_id]", &status);
	struct job *job;

	(void)argc;
	if (p == NULL)
		return status;
	if (p[0] != NULL && p[1] != NULL)
		return builtin_usage("fg [job_id]");
	if ((job = resumable_job(p[0], "fg")) == NULL)
		return 1;
	return job_run_in_foreground(job);
}

int builtin_bg(int argc, char **argv)
{
	int status = 0;
	char **p = resume_operands(argv, "bg [job_id ...]", &status);

	(void)argc;
	if (p == NULL)
		return status;
	/* No operand: the current job, once. */
	do {
		struct job *job = resumable_job(*p, "bg");

		if (job == NULL) {
			status = 1;
		} else if (job_run_in_background(job) < 0) {
			error_warn("bg: %s: job has ended", *p != NULL ? *p : "%+");
			status = 1;
		}
	} while (*p != NULL && *++p != NULL);
	return status;
}

/* A process id operand: digits only; -1 otherwise. */
static long parse_pid(const char *s)
{
	char *end;
	long n;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || n <= 0 || (pid_t)n != n)
		return -1;
	return n;
}

int builtin_wait(int argc, char **argv)
{
	int status = 0;

	(void)argc;
	argv++;
	if (*argv != NULL && strcmp(*argv, "--") == 0)
		argv++;
	if (*argv == NULL)
		return jobs_wait_builtin(NULL);
	for (; *argv; argv++) {
		if (**argv == '%') {
			struct job *job = job_find_spec(*argv, "wait", false);

			status = job != NULL ? jobs_wait_builtin(job) : 127;
		} else {
			long pid = parse_pid(*argv);

			if (pid < 0) {
				error_warn("wait: %s: invalid process id", *argv);
				status = 2;
				continue;
			}
			status = jobs_wait_pid_builtin((pid_t)pid);
			if (status < 0)
				status = 127;	/* not a child of this shell */
		}
		if (status > 128 && signal_pending_trapped() != 0)
			break;	/* interrupted by a trapped signal: its action runs next */
	}
	return status;
}

/* kill -l: names one a line; with operands, name for a number (or status) and number for a name. */
static int kill_list(char **operands)
{
	int status = 0;

	if (*operands == NULL) {
		for (int sig = 1; sig <= signal_max(); sig++) {
			const char *name = signal_name(sig);

			if (name != NULL)
				out_printf(out1, "%s\n", name);
		}
		return 0;
	}
	for (; *operands; operands++) {
		const char *arg = *operands;

		if (*arg >= '0' && *arg <= '9') {
			char *end;
			long n = strtol(arg, &end, 10);
			const char *name = NULL;

			/* An exit status of a process killed by a signal: 128 + n. */
			if (*end == '\0' && n > 128 && n - 128 <= signal_max())
				n -= 128;
			if (*end == '\0' && n > 0 && n <= signal_max())
				name = signal_name((int)n);
			if (name == NULL) {
				error_warn("kill: %s: invalid signal number or exit status", arg);
				status = 1;
				continue;
			}
			out_printf(out1, "%s\n", name);
		} else {
			int sig = signal_number(arg);

			if (sig <= 0) {
				error_warn("kill: %s: invalid signal name", arg);
				status = 1;
				continue;
			}
			out_printf(out1, "%d\n", sig);
		}
	}
	return status;
}

static int kill_usage(void)
{
	return builtin_usage("kill [-s signal_name | -n signal_number | -signal] pid|%job ...\n"
	    "       kill -l [exit_status ...]");
}

/*
 * A signal given by name or number; "0" is allowed (existence check), but
 * EXIT, trap's condition 0, is not a signal (XCU kill: only "0" names it).
 */
static int parse_signal(const char *s)
{
	int sig = signal_number(s);

	if (sig == 0 && (*s < '0' || *s > '9'))
		sig = -1;
	if (sig < 0 || sig > signal_max()) {
		error_warn("kill: %s: invalid signal", s);
		return -1;
	}
	return sig;
}

int builtin_kill(int argc, char **argv)
{
	int sig = SIGTERM, status = 0;
	char **p = argv + 1;

	(void)argc;
	if (*p == NULL)
		return kill_usage();
	if (strcmp(*p, "-l") == 0 || strcmp(*p, "-L") == 0) {
		p++;
		if (*p != NULL && strcmp(*p, "--") == 0)
			p++;	/* kill -l -- 143 */
		return kill_list(p);
	}
	if (strcmp(*p, "-s") == 0 || strcmp(*p, "-n") == 0) {
		if (p[1] == NULL)
			return kill_usage();
		if ((sig = parse_signal(p[1])) < 0)
			return 1;
		p += 2;
	} else if (strncmp(*p, "-s", 2) == 0 && (*p)[2] != '\0' && signal_number(*p + 1) < 0) {
		/* -sINT */
		if ((sig = parse_signal(*p + 2)) < 0)
			return 1;
		p++;
	} else if (strcmp(*p, "--") == 0) {
		p++;
	} else if ((*p)[0] == '-' && (*p)[1] != '\0') {
		/* -INT, -SIGINT, -9 */
		if ((sig = parse_signal(*p + 1)) < 0)
			return 1;
		p++;
	}
	if (*p != NULL && strcmp(*p, "--") == 0)
		p++;
	if (*p == NULL)
		return kill_usage();
	for (; *p; p++) {
		if (**p == '%') {
			struct job *job = job_find_spec(*p, "kill", true);

			if (job == NULL) {
				status = 1;
			} else if (job_kill(job, sig) < 0) {
				error_warn("kill: %s: %s", *p, strerror(errno));
				status = 1;
			}
			continue;
		}
		{
			const char *digits = **p == '-' ? *p + 1 : *p;
			long pid = parse_pid(digits);

			if (pid < 0) {
				error_warn("kill: %s: arguments must be process or job IDs", *p);
				status = 1;
				continue;
			}
			if (**p == '-')
				pid = -pid;	/* a process group */
			if (kill((pid_t)pid, sig) < 0) {
				error_warn("kill: %s: %s", *p, strerror(errno));
				status = 1;
			}
		}
	}
	return status;
}
