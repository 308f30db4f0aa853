/*
 * Invocation: options, where commands come from, and the start-up files.
 *
 *	vsh [-abCefhimnsuvx] [-o option]... [file [argument...]]
 *	vsh -c [options] command_string [command_name [argument...]]
 *	vsh -s [options] [argument...]
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "error.h"
#include "exec.h"
#include "history.h"
#include "input.h"
#include "jobs.h"
#include "memory.h"
#include "nesting.h"
#include "options.h"
#include "output.h"
#include "redir.h"
#include "state.h"
#include "trap.h"
#include "vars.h"

extern char **environ;

static noreturn void usage_error(const char *fmt, const char *arg)
{
	out_str(out2, "vsh: ");
	out_printf(out2, fmt, arg);
	out_str(out2, "\nusage: vsh [-abCefhilmnsuvx] [-o option] [-c command_string [name] | file | -s] [argument ...]\n");
	out_flush(out2);
	exit(2);
}

/*
 * Parse the options; returns the index of the first operand.  Sets
 * *command_string for -c and *login for -l or a leading '-' in argv[0].
 */
static bool monitor_given;	/* -m or +m on the command line */

static int parse_invocation(int argc, char **argv, bool *command_string, bool *login)
{
	int i;

	*login = argv[0] != NULL && argv[0][0] == '-';
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];
		bool on = arg[0] == '-';

		if (arg[0] != '-' && arg[0] != '+')
			break;
		/*
		 * A lone "-" ends the options and is ignored (XCU sh): "#!/bin/sh -".
		 * A lone "+" is an empty group of options, as in dash and bash.
		 */
		if (strcmp(arg, "--") == 0 || strcmp(arg, "-") == 0) {
			i++;
			break;
		}
		for (const char *p = arg + 1; *p; p++) {
			int o;

			if (*p == 'c' && on) {
				*command_string = true;
			} else if (*p == 'l' && on) {
				*login = true;
			} else if (*p == 'o') {
				if (++i >= argc)
					usage_error("%s: option requires an argument", "-o");
				o = option_by_name(argv[i]);
				if (o < 0)
					usage_error("%s: no such option", argv[i]);
				options[o] = on;
				monitor_given |= o == OPT_MONITOR;
			} else if ((o = option_by_letter(*p)) >= 0) {
				options[o] = on;
				monitor_given |= o == OPT_MONITOR;
			} else {
				char bad[3] = { arg[0], *p, '\0' };

				usage_error("%s: invalid option", bad);
			}
		}
	}
	return i;
}

/* ". path", called directly: no command text to build, quote or parse. */
static void source_if_readable(const char *path)
{
	if (path != NULL && access(path, R_OK) == 0) {
		char *argv[] = { ".", (char *)path, NULL };

		builtin_dot(2, argv);
	}
}

/*
 * Login shells read /etc/profile and ~/.profile; interactive shells the
 * file named by ENV.  An error in one of them ends that file, not the shell.
 */
static void run_startup_files(bool login)
{
	struct handler h;

	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		if (login) {
			const char *home = var_get("HOME");

			source_if_readable("/etc/profile");
			if (home != NULL) {
				struct strbuf path = STRBUF_INIT;

				strbuf_printf(&path, "%s/.profile", home);
				source_if_readable(strbuf_str(&path));
				strbuf_free(&path);
			}
		}
		/* ENV undergoes parameter expansion (XCU 2.5.3): eval does the second pass. */
		if (shell.interactive && var_get("ENV") != NULL)
			eval_string("eval \". \\\"$ENV\\\"\"", "ENV");
		handler_pop(&h);
	} else {
		handler_pop(&h);
		if (exception_raised == EXCEPTION_EXIT)
			shell_exit(shell.last_status);
	}
}

static struct input *open_script(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int high;

	if (fd < 0) {
		int saved = errno;

		out_printf(out2, "vsh: cannot open %s: %s\n", path, strerror(saved));
		out_flush(out2);
		exit(saved == ENOENT || saved == ENOTDIR ? 127 : 126);
	}
	/* Keep the script's descriptor out of the user's 0-9. */
	high = redir_move_high(fd);
	if (high >= 0)
		fd = high;
	return input_from_fd(fd, path);
}

/* The main input lives as long as the shell (static, so leak checkers see it in use). */
static struct input *in;

int main(int argc, char **argv)
{
	bool command_string = false, login = false;
	int first;

	stack_limit_init();
	out_init();
	setlocale(LC_ALL, "");
	shell.shell_pid = getpid();
	shell.arg0 = argv[0] ? argv[0] : "vsh";
	vars_init(environ);

	first = parse_invocation(argc, argv, &command_string, &login);
	if (command_string) {
		if (first >= argc)
			usage_error("%s: option requires an argument", "-c");
		in = input_from_string(argv[first], "-c");
		first++;
		if (first < argc)
			shell.arg0 = argv[first++];
		error_source_name = shell.arg0 != argv[0] ? shell.arg0 : "-c";
	} else if (first < argc && !options[OPT_STDIN]) {
		shell.arg0 = argv[first++];
		in = open_script(shell.arg0);
		error_source_name = shell.arg0;
	} else {
		options[OPT_STDIN] = true;
		if (!options[OPT_INTERACTIVE] && isatty(0) && isatty(2))
			options[OPT_INTERACTIVE] = true;
		in = NULL;
		error_source_name = "stdin";
	}
	positional_set(argc - first, argv + first);

	shell.interactive = options[OPT_INTERACTIVE];
	if (shell.interactive) {
		/* Job control is on by default in an interactive shell, unless +m said otherwise. */
		if (!monitor_given)
			options[OPT_MONITOR] = true;
		if (in == NULL)
			in = input_from_terminal(0);
		/* emacs editing is the default, unless vi was asked for. */
		if (!options[OPT_VI])
			options[OPT_EMACS] = true;
	} else if (in == NULL) {
		in = input_from_fd(0, "stdin");
	}
	signals_init();
	/*
	 * An interactive shell starts job control at once, not with the first
	 * job: SIGTSTP at the first prompt must not stop it.
	 */
	if (shell.interactive && options[OPT_MONITOR])
		job_control_set(true);

	run_startup_files(login);
	/* After the start-up files, which may set HISTFILE and HISTSIZE. */
	if (shell.interactive)
		history_open();
	run_input(in);
	shell_exit(shell.last_status);
}
