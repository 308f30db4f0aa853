/*
 * libFuzzer target: word expansion (expand.c with arith.c, pattern.c and
 * glob.c).  Each input is parsed as a script; the words of every simple
 * command (its arguments, assignments, redirection targets and here-document
 * bodies) are expanded as the executor would expand them, and none is run.
 * Parameter expansion with every operator, arithmetic, pattern removal,
 * field splitting, quote removal and pathname expansion are reached;
 * a word with a command substitution is left out, so nothing creates a
 * process or writes a file.  Pathname expansion looks at a scratch
 * directory the set-up makes (and at anything an absolute pattern names,
 * read only, up to 2,000 directory entries an input).
 *
 * Any input either expands or ends in a shell error; never a crash, a
 * sanitizer report or a leak.  ${x=...} and $((x=...)) assign to the
 * fuzzer's own variables, which are set afresh for each input.  Past
 * fuzz/shell.c's ceilings an input ends early: memory (a soft ceiling
 * ends it after the current command, a hard one fails the allocation) and
 * directory entries read (then directories look empty).
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast.h"
#include "error.h"
#include "expand.h"
#include "input.h"
#include "memory.h"
#include "parser.h"
#include "shell.h"
#include "trap.h"
#include "vars.h"

static bool node_pure(const struct node *n);

/* Does the word (or one nested in it) hold a command substitution? */
static bool word_pure(const struct word *w)
{
	for (; w != NULL; w = w->next)
		for (const struct word_part *p = w->parts; p != NULL; p = p->next) {
			if (p->kind == PART_COMMAND)
				return false;
			if (p->kind == PART_PARAM && !word_pure(p->u.param.arg))
				return false;
			if (p->kind == PART_ARITH && !word_pure(p->u.arith.expr))
				return false;
		}
	return true;
}

static bool node_pure(const struct node *n)
{
	if (n->kind != NODE_SIMPLE)
		return false;
	if (!word_pure(n->u.simple.assignments) || !word_pure(n->u.simple.words))
		return false;
	for (const struct redirection *r = n->redirections; r != NULL; r = r->next)
		if (!word_pure(r->target))
			return false;
	return true;
}

/* Expand what the executor would; errors are the shell's and end the command. */
static void expand_command(struct node *n)
{
	int count;

	for (struct word *w = n->u.simple.assignments; w != NULL; w = w->next) {
		struct word *next = w->next;

		w->next = NULL;
		(void)expand_assignment(w);
		w->next = next;
	}
	if (n->u.simple.words != NULL)
		(void)expand_fields(n->u.simple.words, 0, &count);
	for (struct redirection *r = n->redirections; r != NULL; r = r->next) {
		size_t length;

		if (r->kind == REDIR_HEREDOC) {
			if (!r->heredoc_literal)
				(void)expand_heredoc(r->target, &length);
		} else {
			(void)expand_string(r->target);
		}
	}
	/* The case subject and patterns, as "case $1 in $2)" would use them. */
	if (n->u.simple.words != NULL && n->u.simple.words->next != NULL) {
		struct word *subject = n->u.simple.words, *pattern = subject->next;
		struct word *rest = pattern->next;

		subject->next = NULL;
		pattern->next = NULL;
		(void)expand_string(subject);
		(void)expand_pattern(pattern);
		subject->next = pattern;
		pattern->next = rest;
	}
}

/* Expand one command's words; an expansion error ends only that command. */
static void expand_guarded(struct node *tree)
{
	struct arena_mark mark = arena_mark(&scratch);
	struct handler h;

	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		expand_command(tree);
		handler_pop(&h);
	} else {
		handler_pop(&h);
	}
	arena_release(&scratch, mark);
}

static void expand_all(const char *text)
{
	struct input *in = input_from_string(text, "fuzz");
	struct parser *p = parser_create(in);
	struct arena trees = { 0 };
	struct handler h;
	volatile bool eof = false;

	/* A syntax error ends the input, as in a script. */
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		/* SIGKILL: past fuzz/shell.c's soft ceiling on memory. */
		while (!eof && !signal_is_pending(SIGKILL)) {
			struct arena_mark mark = arena_mark(&trees);
			bool at_end = false;
			struct node *tree = parse_command(p, &trees, &at_end);

			eof = at_end;
			if (tree != NULL && node_pure(tree))
				expand_guarded(tree);
			arena_release(&trees, mark);
		}
		handler_pop(&h);
	} else {
		handler_pop(&h);
	}
	arena_free(&trees);
	parser_destroy(p);
	input_close(in);
}

/* The scratch directory pathname expansion sees: a few files, a subdirectory, a dot file. */
static const char *files[] = { "a", "b.c", "ab", "dir/x", "dir/y.c", ".hidden", "[x]", "*" };
static char template[] = "/tmp/vsh-fuzz-expand.XXXXXX";

static void remove_scratch_directory(void)
{
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		(void)unlink(files[i]);
	(void)rmdir("dir");
	(void)chdir("/");
	(void)rmdir(template);
}

static void make_scratch_directory(void)
{

	if (mkdtemp(template) == NULL || chdir(template) != 0) {
		perror("fuzz/expand: scratch directory");
		exit(1);
	}
	if (mkdir("dir", 0700) != 0) {
		perror("fuzz/expand: mkdir");
		exit(1);
	}
	atexit(remove_scratch_directory);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		FILE *f = fopen(files[i], "w");

		if (f != NULL)
			fclose(f);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *arguments[] = { "one", "two words", "", " spaced  out ", "*", NULL };
	static bool ready;
	char *text;

	if (!ready) {
		make_scratch_directory();
		var_set("x", "a b  c", 0);
		var_set("n", "42", 0);
		var_set("p", "*.c", 0);
		fuzz_save_variables();
		fuzz_limit_memory();
		ready = true;
	}
	fuzz_restore_variables();
	positional_set(5, arguments);
	text = fuzz_text(data, size);
	fuzz_run_begin();
	expand_all(text);
	fuzz_run_end();
	(void)signal_take_pending(SIGKILL);
	(void)signals_recheck();
	free(text);
	arena_free(&scratch);
	return 0;
}
