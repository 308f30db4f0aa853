/*
 * The executor: walks syntax trees (POSIX.1-2024 XCU 2.9).
 *
 * Hot paths kept lean: a simple command expands into the scratch arena and
 * releases it when done; redirections are applied in the shell (redir.c)
 * for every kind of command, so an external command only needs one vfork
 * and an execve in the child (launch.c).
 *
 * set -e follows dash: the check happens after simple commands, pipelines
 * and subshells that are not part of a condition; EXEC_CONDITION is passed
 * down through compound commands and into functions called as conditions.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "error.h"
#include "exec.h"
#include "expand.h"
#include "input.h"
#include "jobs.h"
#include "launch.h"
#include "lookup.h"
#include "nesting.h"
#include "memory.h"
#include "options.h"
#include "output.h"
#include "parser.h"
#include "pattern.h"
#include "readahead.h"
#include "redir.h"
#include "state.h"
#include "trap.h"
#include "tree.h"
#include "vars.h"

enum pending_jump pending_jump;
int pending_jump_count;
int pending_return_status;
int loop_depth;
int function_depth;
int dot_depth;

/* Status of the last command substitution of the current command (XCU 2.9.1). */
static int substitution_status;
/* Scopes pushed by the executor (function locals, temporary assignments). */
static int scope_depth;
/* Nested run_input() calls: only the outermost one recovers from errors. */
static int run_depth;
/*
 * eval or . is run where set -e is ignored ("if eval false"): the next
 * run_input() runs its commands there too (XCU 2.15 set -e).  Taken by
 * that run_input() at its start, so trap actions run later are not.
 */
static bool next_input_tested;
/*
 * eval is the last thing its process does, as in "(eval "$cmd") 2>err"
 * (configure runs its compiler so): the last command of the string may then
 * replace the process, like the last command of "vsh -c".  Taken by the
 * next run_input() at its start, like next_input_tested.
 */
static bool next_input_last;
/* Commands run by run_input(), to tell an empty input (status 0). */
static unsigned long commands_run;

/* Function calls, eval, "." and trap actions in progress: one limit for all (nesting.h). */
static int call_depth;

static void scope_push(bool function)
{
	var_scope_push(function);
	scope_depth++;
}

static void scope_pop(void)
{
	var_scope_pop();
	scope_depth--;
}

static void scope_unwind(int depth)
{
	while (scope_depth > depth)
		scope_pop();
}

/* ---------------------------------------------------------------- functions */

struct function {
	struct function *next;
	char *name;
	struct node *body;
	struct arena arena;
	int references;		/* the table's, plus one per running call */
};

#define FUNCTION_BUCKETS 64
static struct function *function_table[FUNCTION_BUCKETS];

static unsigned function_hash(const char *s)
{
	unsigned h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h % FUNCTION_BUCKETS;
}

struct function *function_lookup(const char *name)
{
	for (struct function *f = function_table[function_hash(name)]; f != NULL; f = f->next)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

struct node *function_find(const char *name)
{
	struct function *f = function_lookup(name);

	return f ? f->body : NULL;
}

static void function_release(struct function *f)
{
	if (--f->references == 0) {
		arena_free(&f->arena);
		free(f->name);
		free(f);
	}
}

int function_remove(const char *name)
{
	struct function **link = &function_table[function_hash(name)];

	for (; *link != NULL; link = &(*link)->next) {
		if (strcmp((*link)->name, name) == 0) {
			struct function *f = *link;

			*link = f->next;
			function_release(f);
			return 0;
		}
	}
	return -1;
}

void function_define(const char *name, const struct node *body)
{
	struct function *f = xcalloc(1, sizeof *f);
	unsigned h = function_hash(name);

	f->name = xstrdup(name);
	f->body = tree_copy(body, &f->arena);
	f->references = 1;
	function_remove(name);
	f->next = function_table[h];
	function_table[h] = f;
}

void function_each(void (*fn)(const char *name, const struct node *body))
{
	for (int i = 0; i < FUNCTION_BUCKETS; i++)
		for (struct function *f = function_table[i]; f != NULL; f = f->next)
			fn(f->name, f->body);
}

/* ---------------------------------------------------------------- helpers */

/* A word that is one literal text (what you see is the name): no expansion needed to know it. */
static const char *literal_word(const struct word *w)
{
	const struct word_part *p = w->parts;

	if (p == NULL || p->next != NULL || p->kind != PART_TEXT || (w->flags & WORD_HAS_TILDE))
		return NULL;
	if (!p->quoted && strpbrk(p->u.text.chars, "*?[") != NULL)
		return NULL;
	return p->u.text.chars;
}

static bool word_list_pure(const struct word *w);

/* Can this word be expanded in the shell without effects a subshell would have hidden? */
static bool word_pure(const struct word *w)
{
	for (const struct word_part *p = w->parts; p != NULL; p = p->next) {
		switch (p->kind) {
		case PART_TEXT:
			break;
		case PART_PARAM:
			if (p->u.param.op == PARAM_ASSIGN || p->u.param.op == PARAM_ERROR ||
			    p->u.param.op == PARAM_UNKNOWN)
				return false;
			if (p->u.param.arg != NULL && !word_list_pure(p->u.param.arg))
				return false;
			break;
		case PART_COMMAND:
		case PART_ARITH:
			return false;
		}
	}
	return true;
}

static bool word_list_pure(const struct word *w)
{
	for (; w != NULL; w = w->next)
		if (!word_pure(w))
			return false;
	return true;
}

static bool redirections_pure(const struct redirection *r)
{
	for (; r != NULL; r = r->next)
		if (r->target != NULL && !(r->kind == REDIR_HEREDOC && r->heredoc_literal) &&
		    !word_pure(r->target))
			return false;
	return true;
}

/*
 * Does one of these assignments name a read-only variable?  That error
 * belongs to the subshell of a pipeline element or "&", not to the shell.
 */
static bool assigns_read_only(const struct word *a)
{
	for (; a != NULL; a = a->next) {
		const struct word_part *p = a->parts;
		const char *eq;
		struct var *v;

		if (p == NULL || p->kind != PART_TEXT || (eq = strchr(p->u.text.chars, '=')) == NULL)
			return true;	/* not seen as name=...: let the subshell judge */
		v = var_lookup(arena_strndup(&scratch, p->u.text.chars,
		    (size_t)(eq - p->u.text.chars)));
		if (v != NULL && (v->flags & VAR_READONLY))
			return true;
	}
	return false;
}

/*
 * Is n a simple command that will certainly run an external program, with
 * expansions the shell may do itself?  Then pipelines, "&" and "$(...)"
 * can launch it with vfork instead of forking a subshell.
 */
static bool is_plain_program(struct node *n)
{
	struct command_target t;
	const char *name;

	if (n->kind != NODE_SIMPLE || n->u.simple.words == NULL)
		return false;
	name = literal_word(n->u.simple.words);
	if (name == NULL || option_on(OPT_NOUNSET))
		return false;
	if (!command_lookup(name, 0, &t) || t.kind != COMMAND_PROGRAM)
		return false;
	return word_list_pure(n->u.simple.words) && word_list_pure(n->u.simple.assignments) &&
	    redirections_pure(n->redirections) && !assigns_read_only(n->u.simple.assignments);
}

/* The command text for "jobs", only when something may show it. */
static char *job_text(struct node *n, bool background)
{
	struct strbuf sb = STRBUF_INIT;
	struct output mem = { .fd = -1 };
	char *s;

	if (!background && !option_on(OPT_MONITOR))
		return NULL;
	mem.memory = &sb;
	tree_print_source(&mem, n);
	/* A here-document's body ends in a newline; jobs adds its own. */
	if (sb.length > 0 && sb.data[sb.length - 1] == '\n')
		sb.length--;
	s = arena_strndup(&scratch, strbuf_str(&sb), sb.length);
	strbuf_free(&sb);
	return s;
}

/* In a new child running shell code: run n and leave. */
static noreturn void run_in_child(struct node *n, int flags)
{
	struct handler h;

	redir_forget_saved();
	/* break and continue count only the loops of the subshell. */
	loop_depth = 0;
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		exec_node(n, flags);
		handler_pop(&h);
	} else {
		handler_pop(&h);
	}
	shell_exit(shell.last_status);
}

noreturn void shell_exit(int status)
{
	shell.last_status = status;
	trap_run_exit();
	read_ahead_sync_all();	/* whoever shares the file goes on after the line read */
	out_flush_all();
	if (shell.is_subshell)
		_exit(status & 0xff);
	exit(status & 0xff);
}

/* ---------------------------------------------------------------- set -x */

static bool tracing;

/*
 * PS4 undergoes parameter, command and arithmetic expansion, read as the
 * body of a here-document is (but as no input of the shell's: set -v does
 * not echo it).  A bad expansion shows PS4 as it stands.
 */
static void trace_prefix(void)
{
	const char *ps4 = var_get("PS4");
	struct arena words = { 0 };
	struct handler h;

	/* Unset, PS4 expands to nothing like any parameter: no prefix (as in every peer). */
	if (ps4 == NULL)
		return;
	if (strpbrk(ps4, "$`\\") == NULL) {
		out_str(out2, ps4);
		return;
	}
	if (setjmp(h.jump) == 0) {
		size_t length;
		char *s;

		handler_push(&h);
		s = expand_heredoc(parse_expandable_text(ps4, &words), &length);
		out_write(out2, s, length);
		handler_pop(&h);
	} else {
		handler_pop(&h);
		out_str(out2, ps4);
	}
	arena_free(&words);
}

/* The trace goes to fd: the standard error from before the command's redirections. */
static void trace_command(char **assignments, int assignment_count, char **argv, int fd)
{
	bool first = true;
	int shell_fd = out2->fd;

	if (tracing || fd < 0)
		return;
	tracing = true;
	out_flush(out2);
	out2->fd = fd;
	trace_prefix();
	for (int i = 0; i < assignment_count; i++) {
		const char *eq = strchr(assignments[i], '=');

		if (!first)
			out_char(out2, ' ');
		first = false;
		if (eq == NULL) {
			out_str(out2, assignments[i]);
			continue;
		}
		out_write(out2, assignments[i], (size_t)(eq - assignments[i]) + 1);
		if (eq[1] != '\0')
			out_quoted(out2, eq + 1);
	}
	for (char **a = argv; a != NULL && *a != NULL; a++) {
		if (!first)
			out_char(out2, ' ');
		first = false;
		out_quoted(out2, *a);
	}
	out_char(out2, '\n');
	out_flush(out2);
	out2->fd = shell_fd;
	tracing = false;
}

/* ---------------------------------------------------------------- simple commands */

/* LINENO follows the command being run; the variable is only rewritten when the line changes. */
static void set_lineno(int line)
{
	static int variable_line = -1;

	shell.lineno = line;
	if (line != variable_line) {
		/* By hand: snprintf costs more than the rest of a simple command. */
		char text[16], *p = text + sizeof text;
		unsigned value = line > 0 ? (unsigned)line : 0;

		variable_line = line;
		*--p = '\0';
		do
			*--p = (char)('0' + value % 10);
		while ((value /= 10) != 0);
		var_set("LINENO", p, 0);
	}
}

static bool is_declaration_name(const char *s)
{
	return strcmp(s, "export") == 0 || strcmp(s, "readonly") == 0 || strcmp(s, "local") == 0;
}

/* Length of the name part of "name=value". */
static size_t assignment_name_length(const char *s)
{
	const char *eq = strchr(s, '=');

	return eq ? (size_t)(eq - s) : strlen(s);
}

/* An assignment to a read-only variable is an assignment error (XCU 2.8.1): raise it. */
static void check_assignments(char **assignments, int count)
{
	for (int i = 0; i < count; i++) {
		size_t len = assignment_name_length(assignments[i]);
		char *name = arena_strndup(&scratch, assignments[i], len);
		struct var *v = var_lookup(name);

		if (v != NULL && (v->flags & VAR_READONLY))
			error_raise("%s: is read only", name);
	}
}

/* envp for an external command: the exported variables plus this command's own assignments. */
static char **build_environment(char **assignments, int count)
{
	char **env = var_environ();
	size_t n = 0, k = 0;
	char **result;

	if (count == 0)
		return env;
	while (env[n] != NULL)
		n++;
	result = arena_alloc(&scratch, (n + (size_t)count + 1) * sizeof *result);
	check_assignments(assignments, count);
	for (size_t e = 0; e < n; e++) {
		bool replaced = false;

		for (int i = 0; i < count && !replaced; i++) {
			size_t len = assignment_name_length(assignments[i]);

			replaced = strncmp(env[e], assignments[i], len + 1) == 0;
		}
		if (!replaced)
			result[k++] = env[e];
	}
	for (int i = 0; i < count; i++) {
		size_t len = assignment_name_length(assignments[i]);
		bool later = false;

		for (int j = i + 1; j < count && !later; j++)
			later = strncmp(assignments[j], assignments[i], len + 1) == 0;
		if (!later)
			result[k++] = assignments[i];
	}
	result[k] = NULL;
	return result;
}

/* Run a built-in and flush what it wrote; a failed write to stdout is an error (status 1). */
static int run_builtin(const struct builtin *b, int argc, char **argv)
{
	int status = b->function(argc, argv);

	if (out1->fd >= 0) {
		out_flush(out1);
		if (out1->failed) {
			out1->failed = false;
			error_warn("%s: write error: %s", argv[0], strerror(out1->error));
			if (status == 0)
				status = 1;
		}
	}
	out_flush(out2);
	out2->failed = false;
	return status;
}

/* Did the last run_program() start a process?  (Pipelines need to know.) */
static bool program_launched;

/* argv with one writable slot in front, as launch_program() wants. */
static char **with_spare_slot(char **argv, int argc)
{
	char **a = arena_alloc(&scratch, ((size_t)argc + 2) * sizeof *a);

	a[0] = NULL;
	memcpy(a + 1, argv, ((size_t)argc + 1) * sizeof *a);
	return a + 1;
}

/* Launch an external program; wait unless job is given (then it joins that job). */
static int run_program(const char *path, char **argv, int argc, char **envp, struct job *job,
    const char *text)
{
	struct job *own = job;
	pid_t pid;

	out_flush_all();
	if (own == NULL)
		own = job_create(false, text);
	pid = launch_program(own, path, with_spare_slot(argv, argc), envp);
	program_launched = pid > 0;
	if (job != NULL)
		return pid < 0 ? 126 : 0;
	if (pid < 0) {
		job_abandon(own);
		return 126;
	}
	return job_wait(own);
}

static int exec_function(struct function *f, int argc, char **argv, int flags);

/* argv[i] is "exec" with no command after it ("exec", "exec --"). */
static bool exec_without_command(int i, int argc, char **argv)
{
	if (strcmp(argv[i], "exec") != 0)
		return false;
	return i == argc - 1 || (i == argc - 2 && strcmp(argv[i + 1], "--") == 0);
}

/*
 * "command exec", "command -p -- exec", "command command exec" with nothing
 * else: exec's redirection-only form.
 */
static bool is_command_exec(const struct builtin *b, int argc, char **argv)
{
	int i = 0;

	if (b->function != builtin_command)
		return false;
	while (i < argc && strcmp(argv[i], "command") == 0) {
		i++;
		while (i < argc && strcmp(argv[i], "-p") == 0)
			i++;
		if (i < argc && strcmp(argv[i], "--") == 0)
			i++;
	}
	return i < argc && exec_without_command(i, argc, argv);
}

/*
 * x="$x$y" on its own appends y to x where x lies: building a string by
 * appends then costs the appended bytes each time, not a copy of all of x.
 * Only for a set, writable x; false (nothing done) for any other word.
 */
static bool append_assignment(struct word *w)
{
	const char *name = expand_append_target(w), *suffix;
	struct var *v;
	size_t length;

	if (name == NULL)
		return false;
	/* Checked before expanding: a command substitution must not run twice. */
	v = var_lookup(name);
	if (v == NULL || v->value == NULL || (v->flags & VAR_READONLY))
		return false;
	suffix = expand_append_suffix(w, &length);
	var_append(v, suffix, length);
	return true;
}

/*
 * Expand the assignments of a simple command, in order.  Each is seen by
 * the next ("x=a y=$x cmd"): before a command the values are only lent
 * until all are expanded, the command kind then decides whether they stay.
 * Without a command they are made at once (an x="$x..." append in place).
 */
static char **expand_assignments(struct node *n, bool command, int *count)
{
	struct word *w;
	char **assignments;
	bool lend;
	int i = 0;

	*count = 0;
	for (w = n->u.simple.assignments; w != NULL; w = w->next)
		(*count)++;
	if (*count == 0)
		return NULL;
	assignments = arena_alloc(&scratch, (size_t)*count * sizeof *assignments);
	lend = command && *count > 1;
	if (lend)
		scope_push(false);
	for (w = n->u.simple.assignments; w != NULL; w = w->next) {
		if (!command && n->redirections == NULL && !option_on(OPT_XTRACE) &&
		    append_assignment(w)) {
			assignments[i++] = NULL;	/* done; nothing reads it */
			continue;
		}
		assignments[i++] = expand_assignment(w);
		if (!command && n->redirections == NULL) {
			var_assign_string(assignments[i - 1], 0);
		} else if (lend && w->next != NULL) {
			char *var_name = arena_strndup(&scratch, assignments[i - 1],
			    assignment_name_length(assignments[i - 1]));
			struct var *v = var_lookup(var_name);

			/* An assignment error when it is reached: what follows is not expanded (XCU 2.9.1.1). */
			if (v != NULL && (v->flags & VAR_READONLY))
				error_raise("%s: is read only", var_name);
			var_save(var_name);
			var_assign_string(assignments[i - 1], 0);
		}
	}
	if (lend)
		scope_pop();
	return assignments;
}

/*
 * A simple command.  job != NULL: the caller knows it runs a program
 * (is_plain_program) and wants it launched into job without waiting.
 */
static int exec_simple(struct node *n, int flags, struct job *job)
{
	struct word *words = n->u.simple.words;
	char **argv = NULL, **assignments = NULL;
	int argc = 0, assignment_count = 0, status;
	struct command_target target;
	const char *name;
	bool permanent;

	set_lineno(n->line);
	substitution_status = 0;
	if (words != NULL) {
		const struct word_part *part = words->parts;
		const char *first = NULL;
		int expand_flags = 0;

		/* Only "command", "export", "readonly" and "local" matter here: look no closer at others. */
		if (part != NULL && part->kind == PART_TEXT && part->u.text.chars[0] != '\0' &&
		    strchr("cerl", part->u.text.chars[0]) != NULL)
			first = literal_word(words);

		/* "command export x=~" is still a declaration. */
		if (first != NULL && strcmp(first, "command") == 0 && words->next != NULL)
			first = literal_word(words->next);
		if (first != NULL && is_declaration_name(first))
			expand_flags = EXPAND_DECLARATION;

		argv = expand_fields(words, expand_flags, &argc);
	}
	if (argc == 0) {
		/* Assignments and redirections only. */
		assignments = expand_assignments(n, false, &assignment_count);
		if (option_on(OPT_XTRACE) && assignment_count > 0)
			trace_command(assignments, assignment_count, argv, 2);
		if (n->redirections != NULL) {
			int redirected = redir_apply(n->redirections);

			redir_restore();
			if (redirected < 0)
				return 1;
			for (int i = 0; i < assignment_count; i++)
				var_assign_string(assignments[i], 0);
		}
		/*
		 * The status of the last command substitution (XCU 2.9.1.3),
		 * in an assignment, a redirection or a here-document body.
		 */
		return substitution_status;
	}

	name = argv[0];
	command_lookup(name, 0, &target);
	/* "exec >file" and "command exec >file": the redirections stay. */
	permanent = (target.kind == COMMAND_SPECIAL_BUILTIN || target.kind == COMMAND_BUILTIN) &&
	    ((target.builtin->function == builtin_exec && exec_without_command(0, argc, argv)) ||
	    is_command_exec(target.builtin, argc, argv));
	/*
	 * XCU 2.9.1: the redirections are performed before the assignments
	 * are expanded.  exec's own are made permanent only after the trace,
	 * which goes to the standard error from before them (as in dash).
	 */
	if (redir_apply(n->redirections) < 0) {
		if (permanent)
			redir_commit();
		else
			redir_restore();
		/* XCU 2.8.1: a redirection error with a special built-in is fatal. */
		if (target.kind == COMMAND_SPECIAL_BUILTIN) {
			shell.last_status = 2;
			raise_exception(EXCEPTION_ERROR);
		}
		return permanent ? 2 : 1;	/* "command exec 3<nosuch": 2, as exec */
	}
	assignments = expand_assignments(n, true, &assignment_count);
	if (option_on(OPT_XTRACE))
		trace_command(assignments, assignment_count, argv, redir_original_fd(2));
	if (permanent)
		redir_commit();

	/* "PATH=dir cmd" searches dir: the command's own environment decides (XBD 8.3). */
	if (assignment_count > 0 && strchr(name, '/') == NULL &&
	    (target.kind == COMMAND_PROGRAM || target.kind == COMMAND_NOT_FOUND)) {
		for (int i = assignment_count - 1; i >= 0; i--) {
			if (strncmp(assignments[i], "PATH=", 5) == 0) {
				target.path = path_search(name, assignments[i] + 5, false);
				target.kind = target.path ? COMMAND_PROGRAM : COMMAND_NOT_FOUND;
				target.hashed = false;
				break;
			}
		}
	}
	switch (target.kind) {
	case COMMAND_NOT_FOUND:
		/* The assignments come first (XCU 2.9.1.2): "readonly v; v=2 nosuch" is their error. */
		check_assignments(assignments, assignment_count);
		error_warn("%s: not found", name);
		redir_restore();
		return 127;

	case COMMAND_PROGRAM: {
		char **envp = build_environment(assignments, assignment_count);

		if ((flags & EXEC_LAST) && job == NULL && !traps_active()) {
			/* A child with nothing left to do: become the program. */
			out_flush_all();
			status = exec_program(target.path, with_spare_slot(argv, argc), envp);
			redir_restore();
			return status;
		}
		status = run_program(target.path, argv, argc, envp, job,
		    job == NULL ? job_text(n, false) : NULL);
		redir_restore();
		if (status == 127 && target.hashed)
			hash_forget(name);	/* maybe the program moved: search again next time */
		return status;
	}

	case COMMAND_SPECIAL_BUILTIN:
		for (int i = 0; i < assignment_count; i++)
			var_assign_string(assignments[i],
			    target.builtin->function == builtin_exec ? VAR_EXPORT : 0);
		next_input_tested = (flags & EXEC_CONDITION) &&
		    (target.builtin->function == builtin_eval || target.builtin->function == builtin_dot);
		next_input_last = (flags & EXEC_LAST) && job == NULL && !traps_active() &&
		    target.builtin->function == builtin_eval;
		status = run_builtin(target.builtin, argc, argv);
		next_input_tested = false;
		next_input_last = false;
		if (!permanent)
			redir_restore();
		return status;

	case COMMAND_BUILTIN:
		if (permanent)
			return 0;	/* "command exec 3<file": done, and kept */
		break;
	case COMMAND_FUNCTION:
		break;
	}

	if (assignment_count > 0) {
		scope_push(false);
		for (int i = 0; i < assignment_count; i++) {
			size_t len = assignment_name_length(assignments[i]);

			var_save(arena_strndup(&scratch, assignments[i], len));
			var_assign_string(assignments[i], VAR_EXPORT);
		}
	}
	if (target.kind == COMMAND_BUILTIN) {
		/* "command eval" and "command ." pass a tested context on too. */
		next_input_tested = (flags & EXEC_CONDITION) && target.builtin->function == builtin_command;
		status = run_builtin(target.builtin, argc, argv);
		next_input_tested = false;
	} else
		status = exec_function(target.function, argc, argv, flags);
	if (assignment_count > 0)
		scope_pop();
	redir_restore();
	return status;
}

/* "command name args": run without functions and without special built-in powers. */
int exec_command_argv(int argc, char **argv, int lookup_flags)
{
	struct command_target target;
	volatile int status = 0;

	if (!command_lookup(argv[0], lookup_flags | LOOKUP_NO_FUNCTIONS, &target)) {
		error_warn("%s: not found", argv[0]);
		return 127;
	}
	if (target.kind == COMMAND_PROGRAM)
		return run_program(target.path, argv, argc, var_environ(), NULL, NULL);
	if (target.kind == COMMAND_SPECIAL_BUILTIN) {
		int redirs = redir_depth(), scopes = scope_depth;
		struct handler h;

		if (setjmp(h.jump) == 0) {
			handler_push(&h);
			status = run_builtin(target.builtin, argc, argv);
			handler_pop(&h);
		} else {
			handler_pop(&h);
			if (exception_raised != EXCEPTION_ERROR)
				raise_exception(exception_raised);
			/* The error is not fatal here: undo what the failed command had set up. */
			redir_unwind(redirs);
			scope_unwind(scopes);
			status = shell.last_status;
		}
		return status;
	}
	return run_builtin(target.builtin, argc, argv);
}

/* ---------------------------------------------------------------- functions: calls */

struct call_state {
	struct positional positional;
	int loop_depth;
	int scope_depth;
};

static void call_finish(struct function *f, struct call_state *s)
{
	scope_unwind(s->scope_depth);
	positional_restore(s->positional);
	loop_depth = s->loop_depth;
	function_depth--;
	call_depth--;
	function_release(f);
}

static int exec_function(struct function *f, int argc, char **argv, int flags)
{
	struct call_state state;
	struct handler h;
	int status = 0;

	if (call_depth >= CALL_DEPTH_MAX || stack_exhausted())
		error_raise("%s: function calls nested too deeply", argv[0]);
	state.positional = positional_replace(argc - 1, argv + 1);
	state.loop_depth = loop_depth;
	state.scope_depth = scope_depth;
	/* break/continue do not reach the caller's loops (as in dash). */
	loop_depth = 0;
	scope_push(true);
	f->references++;
	function_depth++;
	call_depth++;
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		status = exec_node(f->body, flags & EXEC_CONDITION);
		handler_pop(&h);
	} else {
		handler_pop(&h);
		call_finish(f, &state);
		raise_exception(exception_raised);
	}
	call_finish(f, &state);
	if (pending_jump == JUMP_RETURN)
		pending_jump = JUMP_NONE;
	if (pending_jump != JUMP_NONE)
		pending_jump = JUMP_NONE;
	return status;
}

/* ---------------------------------------------------------------- pipelines and lists */

/*
 * Start every element of a pipeline in job, one at a time, the pipes made
 * and dup'd here.  External elements are vforked programs; the others are
 * forked subshells.  In the background, an element with redirections is a
 * subshell too, since opening a FIFO here would block the shell.  Returns
 * the status of a last element that started no process (a redirection
 * failed), else -1.
 */
static int launch_pipeline(struct node *n, struct job *job, int flags)
{
	struct node **commands = n->u.pipeline.commands;
	int count = n->u.pipeline.count;
	bool background = job_is_background(job);
	int input = -1, unlaunched_status = -1;

	out_flush_all();
	/* The shell's 0 and 1 are saved like any redirection's, and come back at redir_restore(). */
	redir_begin_frame();
	redir_save_fd(0);
	redir_save_fd(1);
	for (int i = 0; i < count; i++) {
		int p[2] = { -1, -1 };

		if (i < count - 1) {
			if (redir_pipe(p) < 0) {
				error_warn("cannot make a pipe: %s", strerror(errno));
				break;
			}
		}
		if (i > 0)
			redir_move_fd(input, 0);
		if (i < count - 1) {
			redir_move_fd(p[1], 1);
		} else if (redir_saved_copy(1) >= 0) {
			dup2(redir_saved_copy(1), 1);
		} else {
			close(1);
		}
		input = p[0];
		if (is_plain_program(commands[i]) &&
		    !(background && commands[i]->redirections != NULL)) {
			int element_status;

			program_launched = false;
			element_status = exec_simple(commands[i], flags & ~EXEC_LAST, job);
			/* A redirection failed: no process, but the last element's status still counts. */
			if (i == count - 1 && !program_launched)
				unlaunched_status = element_status;
		} else {
			pid_t pid = launch_subshell(job);

			if (pid == 0) {
				if (input >= 0)
					close(input);
				run_in_child(commands[i], EXEC_LAST | (flags & EXEC_CONDITION));
			}
		}
	}
	if (input >= 0)
		close(input);
	redir_restore();
	return unlaunched_status;
}

/*
 * launch_pipeline, but if an error or Control-C unwinds the shell part-way
 * (an element's words failed to expand), the job is abandoned: elements
 * already started run on alone and are waited for later.
 */
static int launch_pipeline_or_abandon(struct node *n, struct job *job, int flags)
{
	struct handler h;
	int unlaunched_status = -1;

	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		unlaunched_status = launch_pipeline(n, job, flags);
		handler_pop(&h);
	} else {
		handler_pop(&h);
		job_abandon(job);
		raise_exception(exception_raised);
	}
	return unlaunched_status;
}

static int exec_pipeline(struct node *n, int flags)
{
	int status, unlaunched_status;
	struct job *job;

	if (n->u.pipeline.negate)
		flags = (flags & ~EXEC_LAST) | EXEC_CONDITION;	/* the negation is still to come */
	if (n->u.pipeline.count == 1) {
		status = exec_node(n->u.pipeline.commands[0], flags);
		/* "! return 5" returns 5: a jump's status is not negated. */
		return n->u.pipeline.negate && pending_jump == JUMP_NONE ? !status : status;
	}
	job = job_create(false, job_text(n, false));
	unlaunched_status = launch_pipeline_or_abandon(n, job, flags);
	status = job_wait(job);
	if (unlaunched_status >= 0)
		status = unlaunched_status;
	return n->u.pipeline.negate ? !status : status;
}

/*
 * "cmd &": a lone external program is vforked, a pipeline's elements are
 * started straight into the job (so $! is its last process and kill
 * reaches them all), anything else is one forked subshell.
 */
static int exec_background(struct node *body)
{
	struct job *volatile job = job_create(true, job_text(body, true));
	struct handler h;

	out_flush_all();
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		if (body->redirections == NULL && is_plain_program(body)) {
			exec_simple(body, 0, job);
		} else if (body->kind == NODE_PIPELINE && body->u.pipeline.count > 1 &&
		    body->redirections == NULL) {
			launch_pipeline(body, job, 0);	/* not _or_abandon: abandoned below */
		} else if (launch_subshell(job) == 0) {
			run_in_child(body, EXEC_LAST);
		}
		handler_pop(&h);
	} else {
		/* As in launch_pipeline_or_abandon: what started runs on, unannounced. */
		handler_pop(&h);
		job_abandon(job);
		raise_exception(exception_raised);
	}
	job_started_background(job);
	return 0;
}

static int exec_subshell(struct node *n, int flags)
{
	struct job *job;

	if ((flags & EXEC_LAST) && !traps_active()) {
		/*
		 * Nothing follows: run it here, but as the subshell it is, with
		 * none of the parent's loops or children (XCU 2.13).
		 */
		jobs_forget_all();
		loop_depth = 0;
		return exec_node(n->u.unary.body, flags);
	}
	out_flush_all();
	job = job_create(false, job_text(n, false));
	if (launch_subshell(job) == 0)
		run_in_child(n->u.unary.body, EXEC_LAST | (flags & EXEC_CONDITION));
	return job_wait(job);
}

/* ---------------------------------------------------------------- compound commands */

/* After a loop body: should the loop stop?  Consumes break/continue meant for this loop. */
static bool loop_should_stop(void)
{
	switch (pending_jump) {
	case JUMP_NONE:
		return false;
	case JUMP_BREAK:
		if (--pending_jump_count <= 0)
			pending_jump = JUMP_NONE;
		return true;
	case JUMP_CONTINUE:
		if (--pending_jump_count <= 0) {
			pending_jump = JUMP_NONE;
			return false;
		}
		return true;
	case JUMP_RETURN:
		return true;
	}
	return true;
}

static int exec_loop(struct node *n, int flags, bool until)
{
	int status = 0;

	flags &= ~EXEC_LAST;
	loop_depth++;
	for (;;) {
		struct arena_mark mark = arena_mark(&scratch);
		int condition = exec_node(n->u.loop.condition, flags | EXEC_CONDITION);

		if (pending_jump != JUMP_NONE) {
			arena_release(&scratch, mark);
			if (pending_jump == JUMP_RETURN)
				status = condition;	/* "while return 4" returns 4 */
			if (loop_should_stop())
				break;
			continue;
		}
		if ((condition == 0) == until)
			break;
		status = exec_node(n->u.loop.body, flags);
		arena_release(&scratch, mark);
		if (loop_should_stop())
			break;
		TRAP_CHECK();
		/* A trap action may break, continue or return too. */
		if (loop_should_stop())
			break;
	}
	loop_depth--;
	return status;
}

static int exec_for(struct node *n, int flags)
{
	char **items;
	int count, status = 0;
	struct arena_mark mark;

	set_lineno(n->line);
	if (n->u.for_.has_in) {
		items = expand_fields(n->u.for_.items, 0, &count);
	} else {
		count = positional.count;
		items = arena_alloc(&scratch, ((size_t)count + 1) * sizeof *items);
		for (int i = 0; i < count; i++)
			items[i] = arena_strdup(&scratch, positional.values[i]);
		items[count] = NULL;
	}
	flags &= ~EXEC_LAST;
	loop_depth++;
	mark = arena_mark(&scratch);
	for (int i = 0; i < count; i++) {
		var_assign(n->u.for_.variable, items[i], 0);
		status = exec_node(n->u.for_.body, flags);
		arena_release(&scratch, mark);
		if (loop_should_stop())
			break;
		TRAP_CHECK();
		/* A trap action may break, continue or return too. */
		if (loop_should_stop())
			break;
	}
	loop_depth--;
	return status;
}

static int exec_case(struct node *n, int flags)
{
	const char *subject;
	struct case_item *item;

	set_lineno(n->line);
	subject = expand_string(n->u.case_.subject);
	for (item = n->u.case_.items; item != NULL; item = item->next) {
		bool matched = false;

		for (struct word *p = item->patterns; p != NULL && !matched; p = p->next)
			matched = pattern_match(expand_pattern(p), subject, 0);
		if (matched)
			break;
	}
	if (item == NULL)
		return 0;
	for (;;) {
		bool last = item->terminator != CASE_FALLTHROUGH || item->next == NULL;
		int status = 0;

		if (item->body != NULL)
			status = exec_node(item->body, last ? flags : flags & ~EXEC_LAST);
		if (last || pending_jump != JUMP_NONE)
			return status;
		item = item->next;
	}
}

static int exec_if(struct node *n, int flags)
{
	for (;;) {
		int condition = exec_node(n->u.if_.condition, (flags & ~EXEC_LAST) | EXEC_CONDITION);

		if (pending_jump != JUMP_NONE)
			return condition;
		if (condition == 0)
			return exec_node(n->u.if_.then_part, flags);
		n = n->u.if_.else_part;
		if (n == NULL)
			return 0;
		if (n->kind != NODE_IF || n->redirections != NULL)
			return exec_node(n, flags);
	}
}

/* The node itself, without its redirections. */
static int exec_kind(struct node *n, int flags)
{
	int status;

	switch (n->kind) {
	case NODE_SIMPLE:
		return exec_simple(n, flags, NULL);
	case NODE_PIPELINE:
		return exec_pipeline(n, flags);
	case NODE_AND:
	case NODE_OR:
		status = exec_node(n->u.binary.left, (flags & ~EXEC_LAST) | EXEC_CONDITION);
		if (pending_jump != JUMP_NONE)
			return status;
		if ((status == 0) == (n->kind == NODE_AND))
			status = exec_node(n->u.binary.right, flags);
		return status;
	case NODE_SEQUENCE:
		status = 0;
		while (n->kind == NODE_SEQUENCE && n->redirections == NULL) {
			status = exec_node(n->u.binary.left, flags & ~EXEC_LAST);
			if (pending_jump != JUMP_NONE)
				return status;
			n = n->u.binary.right;
		}
		return exec_node(n, flags);
	case NODE_BACKGROUND:
		return exec_background(n->u.unary.body);
	case NODE_SUBSHELL:
		return exec_subshell(n, flags);
	case NODE_GROUP:
		return exec_node(n->u.unary.body, flags);
	case NODE_IF:
		return exec_if(n, flags);
	case NODE_WHILE:
		return exec_loop(n, flags, false);
	case NODE_UNTIL:
		return exec_loop(n, flags, true);
	case NODE_FOR:
		return exec_for(n, flags);
	case NODE_CASE:
		return exec_case(n, flags);
	case NODE_FUNCTION:
		function_define(n->u.function.name, n->u.function.body);
		return 0;
	}
	return 0;
}

int exec_node(struct node *n, int flags)
{
	bool redirection_failed = false;
	int status;

	if (n == NULL)
		return shell.last_status = 0;
	/* set -n: read commands but run none (ignored by interactive shells). */
	if (option_on(OPT_NOEXEC) && !shell.interactive)
		return 0;
	if (n->redirections != NULL && n->kind != NODE_SIMPLE) {
		set_lineno(n->line);
		if (redir_apply(n->redirections) < 0) {
			status = 1;
			redirection_failed = true;
		} else {
			/* Not the last thing done: the redirections are undone after it (EXIT trap). */
			status = exec_kind(n, flags & ~EXEC_LAST);
		}
		redir_restore();
	} else {
		status = exec_kind(n, flags);
	}
	/* A return gives its status, also one a trap action ran inside the command (read). */
	if (pending_jump == JUMP_RETURN)
		status = pending_return_status;
	shell.last_status = status;
	if (status != 0 && option_on(OPT_ERREXIT) && !(flags & EXEC_CONDITION) &&
	    (n->kind == NODE_SIMPLE || n->kind == NODE_SUBSHELL || redirection_failed ||
	    (n->kind == NODE_PIPELINE && !n->u.pipeline.negate)))
		shell_exit(status);
	TRAP_CHECK();
	/* A trap action's return ends the function it interrupted, with its status. */
	if (pending_jump == JUMP_RETURN)
		status = shell.last_status = pending_return_status;
	if (flags & EXEC_LAST)
		shell_exit(shell.last_status);
	return status;
}

/* ---------------------------------------------------------------- command substitution */

static void read_all(int fd, struct strbuf *out)
{
	for (;;) {
		ssize_t n;

		strbuf_grow(out, 8192);
		n = read(fd, out->data + out->length, out->capacity - out->length - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (n == 0)
			break;
		out->length += (size_t)n;
		out->data[out->length] = '\0';
	}
}

/* $(builtin args) for a built-in that changes nothing: run it here, output into memory. */
static int substitute_in_process(struct node *n, const struct builtin *b, struct strbuf *out)
{
	struct output mem;
	struct output *previous;
	struct handler h;
	volatile int status = 0;
	int argc;
	char **argv;

	argv = expand_fields(n->u.simple.words, 0, &argc);
	if (option_on(OPT_XTRACE))
		trace_command(NULL, 0, argv, 2);
	previous = out_capture_begin(&mem, out);
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		status = b->function(argc, argv);
		handler_pop(&h);
	} else {
		handler_pop(&h);
		status = shell.last_status;
	}
	out_flush(&mem);
	out_capture_end(previous);
	out_flush(out2);
	return status;
}

static const struct builtin *pure_builtin(struct node *n)
{
	const struct builtin *b;
	const char *name;

	if (n->kind != NODE_SIMPLE || n->u.simple.words == NULL ||
	    n->u.simple.assignments != NULL || n->redirections != NULL)
		return NULL;
	name = literal_word(n->u.simple.words);
	if (name == NULL || function_lookup(name) != NULL || option_on(OPT_NOUNSET))
		return NULL;
	b = builtin_find(name);
	if (b == NULL || !(b->flags & BUILTIN_PURE) || !word_list_pure(n->u.simple.words))
		return NULL;
	return b;
}

/*
 * $(program ...): vforked from here, its output going into the pipe.  An
 * error or Control-C while its words are expanded ends the substitution:
 * the pipe is closed and the job, which has no process yet, forgotten.
 */
static void launch_substituted_program(struct node *body, struct job *job, int read_end,
    int write_end)
{
	struct arena_mark mark = arena_mark(&scratch);
	int saved_status = shell.last_status;
	int redirs = redir_depth();
	struct handler h;

	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		redir_begin_frame();
		redir_save_fd(1);
		redir_move_fd(write_end, 1);
		exec_simple(body, 0, job);
		redir_restore();
		handler_pop(&h);
	} else {
		handler_pop(&h);
		redir_unwind(redirs);
		close(read_end);
		job_abandon(job);
		raise_exception(exception_raised);
	}
	shell.last_status = saved_status;
	arena_release(&scratch, mark);
}

int exec_command_substitution(struct node *body, struct strbuf *out)
{
	const struct builtin *b;
	struct job *job;
	int p[2], status;
	int saved_lineno = shell.lineno;

	if (body == NULL) {
		substitution_status = 0;
		return 0;
	}
	b = pure_builtin(body);
	if (b != NULL) {
		struct arena_mark mark = arena_mark(&scratch);

		status = substitute_in_process(body, b, out);
		arena_release(&scratch, mark);
		goto done;
	}
	out_flush_all();
	if (redir_pipe(p) < 0) {
		error_warn("cannot make a pipe: %s", strerror(errno));
		status = 2;
		goto done;
	}
	job = job_create_substitution();
	if (is_plain_program(body)) {
		launch_substituted_program(body, job, p[0], p[1]);
	} else {
		if (launch_subshell(job) == 0) {
			close(p[0]);
			redir_move_fd(p[1], 1);
			run_in_child(body, EXEC_LAST);
		}
		close(p[1]);
	}
	read_all(p[0], out);
	close(p[0]);
	status = job_wait(job);
done:
	set_lineno(saved_lineno);
	substitution_status = status;
	return status;
}

/* ---------------------------------------------------------------- reading and running input */

int exec_scope_depth(void)
{
	return scope_depth;
}

/*
 * After an error ended a command at the top: undo the redirections and
 * variable scopes (prefix assignments, locals) it had set up, and leave
 * every loop, function and "." file it was in.
 */
void exec_recover(int redirs, int scopes)
{
	redir_unwind(redirs);
	scope_unwind(scopes);
	loop_depth = 0;
	function_depth = 0;
	call_depth = 0;
	dot_depth = 0;
	next_input_tested = false;
	next_input_last = false;
	pending_jump = JUMP_NONE;
}

/* One command from p.  Returns false at the end of input or when a jump ends it. */
static bool run_one(struct parser *p, struct input *in, struct arena *trees, bool top,
    int base_flags, bool last_input)
{
	struct arena_mark tree_mark = arena_mark(trees);
	struct arena_mark scratch_mark = arena_mark(&scratch);
	int redirs = redir_depth(), scopes = scope_depth;
	struct handler h;
	volatile bool more = true;

	if (setjmp(h.jump) == 0) {
		bool eof = false;
		struct node *tree;

		handler_push(&h);
		if (top)
			jobs_reap();
		tree = parse_command(p, trees, &eof);
		input_command_read(in, tree != NULL && tree->kind == NODE_FUNCTION);
		if (tree != NULL) {
			if (option_on(OPT_DEBUG_TREE)) {
				tree_print(out2, tree);
				out_flush(out2);
			}
			if (!option_on(OPT_NOEXEC) || shell.interactive) {
				int flags = base_flags;

				input_sync(in);
				commands_run++;
				/*
				 * The last command of "vsh -c", or of an eval that is the last
				 * thing its process does: the shell has nothing left to do, so
				 * it may become that command (peeking is safe only in a string;
				 * a file or pipe must not be read ahead).
				 */
				if ((top && !shell.interactive && strcmp(input_name(in), "-c") == 0) ||
				    last_input) {
					int c = eof ? -1 : input_getc(in);

					if (c < 0)
						flags |= EXEC_LAST;
					else
						input_ungetc(in, c);
				}
				exec_node(tree, flags);
			}
		}
		/* Ctrl-D with stopped jobs: warned once, the shell stays. */
		if (eof && top && shell.interactive && !jobs_exit_allowed()) {
			eof = false;
			input_read_on(in);
		}
		if (eof || pending_jump != JUMP_NONE)
			more = false;
		handler_pop(&h);
	} else {
		handler_pop(&h);
		if (!top) {
			arena_release(trees, tree_mark);
			raise_exception(exception_raised);
		}
		if (exception_raised == EXCEPTION_EXIT || !shell.interactive)
			shell_exit(shell.last_status);
		/* Interactive: report (already done) and carry on with a clean state. */
		exec_recover(redirs, scopes);
		if (exception_raised == EXCEPTION_INTERRUPT) {
			out_char(out2, '\n');
			out_flush(out2);
		}
		parser_recover(p);
		/*
		 * Ctrl-D on a PS2 line ended the command with a syntax error, not
		 * the session (dash, yash): a terminal is read on.
		 */
		input_read_on(in);
		/* A syntax error: what was typed is history all the same. */
		input_command_read(in, false);
	}
	arena_release(trees, tree_mark);
	arena_release(&scratch, scratch_mark);
	return more;
}

struct run_state {
	struct parser *parser;
	struct arena trees;
};

int run_input(struct input *in)
{
	struct run_state *volatile state = xcalloc(1, sizeof *state);
	bool top = run_depth == 0;
	struct handler h;
	unsigned long commands_before = commands_run;
	int base_flags = next_input_tested ? EXEC_CONDITION : 0;
	bool last_input = next_input_last;

	next_input_tested = false;
	next_input_last = false;
	state->parser = parser_create(in);
	run_depth++;
	call_depth += !top;
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		/* eval, "." and traps nest like function calls: a script that sources itself ends here. */
		if (!top && (call_depth > CALL_DEPTH_MAX || stack_exhausted()))
			error_raise("%s: nested too deeply", input_name(in));
		while (run_one(state->parser, in, &state->trees, top, base_flags, last_input))
			;
		handler_pop(&h);
	} else {
		/* Only nested runs get here: clean up and pass the error on. */
		handler_pop(&h);
		run_depth--;
		call_depth -= !top;
		parser_destroy(state->parser);
		arena_free(&state->trees);
		free(state);
		raise_exception(exception_raised);
	}
	run_depth--;
	call_depth -= !top;
	parser_destroy(state->parser);
	arena_free(&state->trees);
	free(state);
	/* Input without commands (an empty eval or "." file) has status 0; the
	 * main input keeps the status of a syntax error it ended with. */
	if (!top && commands_run == commands_before)
		shell.last_status = 0;
	return shell.last_status;
}

int eval_string(const char *text, const char *source_name)
{
	struct input *volatile in = input_from_string(text, source_name ? source_name : "eval");
	struct handler h;
	int status;

	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		status = run_input(in);
		handler_pop(&h);
	} else {
		handler_pop(&h);
		input_close(in);
		raise_exception(exception_raised);
	}
	input_close(in);
	return status;
}
