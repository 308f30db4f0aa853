/* eval, "." and exec: running commands that come from strings, files or the program itself. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "error.h"
#include "exec.h"
#include "input.h"
#include "launch.h"
#include "lookup.h"
#include "memory.h"
#include "output.h"
#include "redir.h"
#include "state.h"
#include "strbuf.h"
#include "vars.h"

int builtin_eval(int argc, char **argv)
{
	struct strbuf text = STRBUF_INIT;
	char *volatile copy;
	int status;

	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		argc--;
		argv++;
	}
	if (argc < 2)
		return 0;
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			strbuf_append_char(&text, ' ');
		strbuf_append_str(&text, argv[i]);
	}
	/* The text goes to the scratch arena so an error cannot leak it. */
	copy = arena_strndup(&scratch, strbuf_str(&text), text.length);
	strbuf_free(&text);
	status = eval_string(copy, NULL);
	return status;
}

struct dot_state {
	struct input *in;
	const char *source_name;
	int lineno;
	bool has_arguments;
	struct positional positional;
};

static void dot_finish(struct dot_state *s)
{
	dot_depth--;
	input_close(s->in);
	error_source_name = s->source_name;
	shell.lineno = s->lineno;
	if (s->has_arguments)
		positional_restore(s->positional);
}

int builtin_dot(int argc, char **argv)
{
	struct dot_state state;
	struct handler h;
	const char *name, *path;
	int fd, high, status = 0;

	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		argc--;
		argv++;
	}
	if (argc < 2)
		return builtin_usage(". file [argument ...]");
	name = argv[1];
	path = name;
	if (strchr(name, '/') == NULL) {
		path = path_search(name, var_get("PATH"), true);
		if (path == NULL)
			error_raise("%s: %s: not found", argv[0], name);
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		error_raise("%s: %s: %s", argv[0], name, strerror(errno));
	/* Keep the file's descriptor out of the user's 0-9. */
	high = redir_move_high(fd);
	if (high >= 0)
		fd = high;
	state.in = input_from_fd(fd, path);
	state.source_name = error_source_name;
	state.lineno = shell.lineno;
	state.has_arguments = argc > 2;
	if (state.has_arguments)
		state.positional = positional_replace(argc - 2, argv + 2);
	error_source_name = arena_strdup(&scratch, name);
	dot_depth++;
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		status = run_input(state.in);
		handler_pop(&h);
	} else {
		handler_pop(&h);
		dot_finish(&state);
		raise_exception(exception_raised);
	}
	dot_finish(&state);
	if (pending_jump == JUMP_RETURN) {
		pending_jump = JUMP_NONE;
		status = shell.last_status;
	}
	return status;
}

int builtin_exec(int argc, char **argv)
{
	const char *path;
	int status;

	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		argc--;
		argv++;
	}
	/* Without a command, the redirections (made permanent by the executor) are all. */
	if (argc < 2)
		return 0;
	/* A remembered path that no longer works is searched for again, as for any command. */
	path = program_lookup(argv[1]);
	if (path == NULL) {
		error_warn("%s: %s: not found", argv[0], argv[1]);
		status = 127;
	} else {
		out_flush_all();
		status = exec_program(path, argv + 1, var_environ());
	}
	if (!shell.interactive)
		shell_exit(status);
	return status;
}
