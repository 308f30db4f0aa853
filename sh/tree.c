/*
 * Operations on syntax trees: deep copy (function bodies outlive the
 * command's arena), the debug dump of "set -o debugtree", and printing a
 * command back as shell source ("type f", function listing, "jobs").
 *
 * Lists (NODE_SEQUENCE) are right-leaning chains that may be very long,
 * so every walk follows the right spine with a loop, not recursion.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "tree.h"

static struct word *copy_words(const struct word *w, struct arena *a);
static struct node *copy_node(const struct node *n, struct arena *a);

static struct word_part *copy_parts(const struct word_part *part, struct arena *a)
{
	struct word_part *head = NULL;
	struct word_part **tail = &head;

	for (; part != NULL; part = part->next) {
		struct word_part *c = arena_alloc(a, sizeof(*c));

		*c = *part;
		c->next = NULL;
		switch (part->kind) {
		case PART_TEXT:
			c->u.text.chars = arena_strndup(a, part->u.text.chars, part->u.text.length);
			break;
		case PART_PARAM:
			c->u.param.name = arena_strdup(a, part->u.param.name);
			c->u.param.arg = copy_words(part->u.param.arg, a);
			break;
		case PART_COMMAND:
			c->u.command.body = copy_node(part->u.command.body, a);
			break;
		case PART_ARITH:
			c->u.arith.expr = copy_words(part->u.arith.expr, a);
			break;
		}
		*tail = c;
		tail = &c->next;
	}
	return head;
}

static struct word *copy_words(const struct word *w, struct arena *a)
{
	struct word *head = NULL;
	struct word **tail = &head;

	for (; w != NULL; w = w->next) {
		struct word *c = arena_alloc(a, sizeof(*c));

		c->flags = w->flags;
		c->parts = copy_parts(w->parts, a);
		c->next = NULL;
		*tail = c;
		tail = &c->next;
	}
	return head;
}

static struct redirection *copy_redirections(const struct redirection *r, struct arena *a)
{
	struct redirection *head = NULL;
	struct redirection **tail = &head;

	for (; r != NULL; r = r->next) {
		struct redirection *c = arena_alloc(a, sizeof(*c));

		*c = *r;
		c->target = copy_words(r->target, a);
		c->next = NULL;
		*tail = c;
		tail = &c->next;
	}
	return head;
}

static struct node *copy_node(const struct node *n, struct arena *a)
{
	struct node *head = NULL;
	struct node **slot = &head;

	/* Loop down the right spine of sequences; recurse elsewhere. */
	while (n != NULL) {
		struct node *c = arena_alloc(a, sizeof(*c));

		*c = *n;
		c->redirections = copy_redirections(n->redirections, a);
		*slot = c;
		switch (n->kind) {
		case NODE_SIMPLE:
			c->u.simple.assignments = copy_words(n->u.simple.assignments, a);
			c->u.simple.words = copy_words(n->u.simple.words, a);
			return head;
		case NODE_PIPELINE:
			c->u.pipeline.commands = arena_alloc(a,
			    (size_t)n->u.pipeline.count * sizeof(struct node *));
			for (int i = 0; i < n->u.pipeline.count; i++)
				c->u.pipeline.commands[i] = copy_node(n->u.pipeline.commands[i], a);
			return head;
		case NODE_AND:
		case NODE_OR:
		case NODE_SEQUENCE:
			c->u.binary.left = copy_node(n->u.binary.left, a);
			slot = &c->u.binary.right;
			n = n->u.binary.right;
			break;
		case NODE_BACKGROUND:
		case NODE_SUBSHELL:
		case NODE_GROUP:
			slot = &c->u.unary.body;
			n = n->u.unary.body;
			break;
		case NODE_IF:
			c->u.if_.condition = copy_node(n->u.if_.condition, a);
			c->u.if_.then_part = copy_node(n->u.if_.then_part, a);
			slot = &c->u.if_.else_part;
			n = n->u.if_.else_part;
			break;
		case NODE_WHILE:
		case NODE_UNTIL:
			c->u.loop.condition = copy_node(n->u.loop.condition, a);
			slot = &c->u.loop.body;
			n = n->u.loop.body;
			break;
		case NODE_FOR:
			c->u.for_.variable = arena_strdup(a, n->u.for_.variable);
			c->u.for_.items = copy_words(n->u.for_.items, a);
			slot = &c->u.for_.body;
			n = n->u.for_.body;
			break;
		case NODE_CASE: {
			struct case_item **tail = &c->u.case_.items;

			c->u.case_.subject = copy_words(n->u.case_.subject, a);
			for (const struct case_item *i = n->u.case_.items; i != NULL; i = i->next) {
				struct case_item *ci = arena_alloc(a, sizeof(*ci));

				*ci = *i;
				ci->patterns = copy_words(i->patterns, a);
				ci->body = copy_node(i->body, a);
				ci->next = NULL;
				*tail = ci;
				tail = &ci->next;
			}
			return head;
		}
		case NODE_FUNCTION:
			c->u.function.name = arena_strdup(a, n->u.function.name);
			slot = &c->u.function.body;
			n = n->u.function.body;
			break;
		}
	}
	*slot = NULL;
	return head;
}

struct node *tree_copy(const struct node *n, struct arena *a)
{
	return copy_node(n, a);
}

/* The debug dump */

static void indent(struct output *o, int level)
{
	for (int i = 0; i < level; i++)
		out_str(o, "  ");
}

/* A byte in a dumped text: printable as is, else a C-like escape. */
static void dump_char(struct output *o, unsigned char c, const char *specials)
{
	switch (c) {
	case '\n': out_str(o, "\\n"); return;
	case '\t': out_str(o, "\\t"); return;
	}
	if (c < 32 || c == 127) {
		out_printf(o, "\\%03o", c);
		return;
	}
	if (strchr(specials, c) != NULL)
		out_char(o, '\\');
	out_char(o, (char)c);
}

static void dump_word(struct output *o, const struct word *w);
static void dump_node(struct output *o, const struct node *n, int level);
static void print_source(struct output *o, const struct node *n, int level);
static bool heredoc_flush(struct output *o);
static void command_source(struct output *o, const struct node *body);

static const char *param_op_text(const struct word_part *part)
{
	switch (part->u.param.op) {
	case PARAM_DEFAULT: return "-";
	case PARAM_ASSIGN: return "=";
	case PARAM_ERROR: return "?";
	case PARAM_ALTERNATIVE: return "+";
	case PARAM_REMOVE_SMALL_SUFFIX: return "%";
	case PARAM_REMOVE_LARGE_SUFFIX: return "%%";
	case PARAM_REMOVE_SMALL_PREFIX: return "#";
	case PARAM_REMOVE_LARGE_PREFIX: return "##";
	default: return "";
	}
}

/*
 * Parts, concatenated: unquoted text bare (special characters escaped
 * with a backslash), quoted text in '...', expansions as ${...}, $(...),
 * $((...)); a quoted expansion is wrapped in "...".
 */
static void dump_parts(struct output *o, const struct word_part *part)
{
	for (; part != NULL; part = part->next) {
		switch (part->kind) {
		case PART_TEXT:
			if (part->quoted)
				out_char(o, '\'');
			for (size_t i = 0; i < part->u.text.length; i++)
				dump_char(o, (unsigned char)part->u.text.chars[i],
				    part->quoted ? "'\\" : "'\"\\$` {}");
			if (part->quoted)
				out_char(o, '\'');
			break;
		case PART_PARAM:
			if (part->quoted)
				out_char(o, '"');
			out_str(o, "${");
			if (part->u.param.op == PARAM_LENGTH)
				out_char(o, '#');
			out_str(o, part->u.param.name);
			if (part->u.param.colon)
				out_char(o, ':');
			out_str(o, param_op_text(part));
			if (part->u.param.arg != NULL)
				dump_parts(o, part->u.param.arg->parts);
			out_char(o, '}');
			if (part->quoted)
				out_char(o, '"');
			break;
		case PART_COMMAND:
			if (part->quoted)
				out_char(o, '"');
			out_str(o, part->u.command.backquoted ? "$(`" :
			    part->u.command.body != NULL &&
			    part->u.command.body->kind == NODE_SUBSHELL ? "$( " : "$(");
			command_source(o, part->u.command.body);
			out_str(o, part->u.command.backquoted ? "`)" : ")");
			if (part->quoted)
				out_char(o, '"');
			break;
		case PART_ARITH:
			if (part->quoted)
				out_char(o, '"');
			out_str(o, "$((");
			dump_parts(o, part->u.arith.expr->parts);
			out_str(o, "))");
			if (part->quoted)
				out_char(o, '"');
			break;
		}
	}
}

static void dump_word(struct output *o, const struct word *w)
{
	dump_parts(o, w->parts);
	if (w->flags & WORD_ASSIGNMENT)
		out_str(o, " [assign]");
	if (w->flags & WORD_HAS_TILDE)
		out_str(o, " [tilde]");
}

static const char *redirection_operator(const struct redirection *r)
{
	switch (r->kind) {
	case REDIR_INPUT: return "<";
	case REDIR_OUTPUT: return ">";
	case REDIR_CLOBBER: return ">|";
	case REDIR_APPEND: return ">>";
	case REDIR_READ_WRITE: return "<>";
	case REDIR_DUP_INPUT: return "<&";
	case REDIR_DUP_OUTPUT: return ">&";
	case REDIR_HEREDOC: return "<<";
	}
	return "?";
}

static void dump_redirections(struct output *o, const struct redirection *r, int level)
{
	for (; r != NULL; r = r->next) {
		indent(o, level);
		out_printf(o, "redir: %d%s", r->fd, redirection_operator(r));
		if (r->kind == REDIR_HEREDOC && r->heredoc_literal)
			out_str(o, " (literal)");
		out_char(o, ' ');
		if (r->target != NULL)
			dump_word(o, r->target);
		out_char(o, '\n');
	}
}

static void dump_label(struct output *o, const char *label, const struct node *n, int level)
{
	indent(o, level);
	out_str(o, label);
	out_char(o, '\n');
	dump_node(o, n, level + 1);
}

static void dump_node(struct output *o, const struct node *n, int level)
{
	while (n != NULL) {
		indent(o, level);
		switch (n->kind) {
		case NODE_SIMPLE:
			out_str(o, "simple\n");
			for (const struct word *w = n->u.simple.assignments; w; w = w->next) {
				indent(o, level + 1);
				out_str(o, "assign: ");
				dump_word(o, w);
				out_char(o, '\n');
			}
			for (const struct word *w = n->u.simple.words; w; w = w->next) {
				indent(o, level + 1);
				out_str(o, "word: ");
				dump_word(o, w);
				out_char(o, '\n');
			}
			dump_redirections(o, n->redirections, level + 1);
			return;
		case NODE_PIPELINE:
			out_str(o, n->u.pipeline.negate ? "pipeline !\n" : "pipeline\n");
			for (int i = 0; i < n->u.pipeline.count; i++)
				dump_node(o, n->u.pipeline.commands[i], level + 1);
			return;
		case NODE_AND:
		case NODE_OR:
			out_str(o, n->kind == NODE_AND ? "and\n" : "or\n");
			dump_node(o, n->u.binary.left, level + 1);
			dump_node(o, n->u.binary.right, level + 1);
			return;
		case NODE_SEQUENCE:
			/* Flattened: every element of the chain at one level. */
			out_str(o, "sequence\n");
			for (;;) {
				dump_node(o, n->u.binary.left, level + 1);
				n = n->u.binary.right;
				if (n == NULL || n->kind != NODE_SEQUENCE || n->redirections != NULL)
					break;
			}
			dump_node(o, n, level + 1);
			return;
		case NODE_BACKGROUND:
			out_str(o, "background\n");
			break;
		case NODE_SUBSHELL:
			out_str(o, "subshell\n");
			break;
		case NODE_GROUP:
			out_str(o, "group\n");
			break;
		case NODE_IF:
			out_str(o, "if\n");
			dump_label(o, "condition", n->u.if_.condition, level + 1);
			dump_label(o, "then", n->u.if_.then_part, level + 1);
			if (n->u.if_.else_part != NULL)
				dump_label(o, "else", n->u.if_.else_part, level + 1);
			dump_redirections(o, n->redirections, level + 1);
			return;
		case NODE_WHILE:
		case NODE_UNTIL:
			out_str(o, n->kind == NODE_WHILE ? "while\n" : "until\n");
			dump_label(o, "condition", n->u.loop.condition, level + 1);
			dump_label(o, "do", n->u.loop.body, level + 1);
			dump_redirections(o, n->redirections, level + 1);
			return;
		case NODE_FOR:
			out_printf(o, "for %s%s\n", n->u.for_.variable, n->u.for_.has_in ? " in" : "");
			for (const struct word *w = n->u.for_.items; w; w = w->next) {
				indent(o, level + 1);
				out_str(o, "item: ");
				dump_word(o, w);
				out_char(o, '\n');
			}
			dump_label(o, "do", n->u.for_.body, level + 1);
			dump_redirections(o, n->redirections, level + 1);
			return;
		case NODE_CASE:
			out_str(o, "case ");
			dump_word(o, n->u.case_.subject);
			out_char(o, '\n');
			for (const struct case_item *i = n->u.case_.items; i; i = i->next) {
				indent(o, level + 1);
				out_str(o, i->terminator == CASE_BREAK ? "item ;;\n" : "item ;&\n");
				for (const struct word *w = i->patterns; w; w = w->next) {
					indent(o, level + 2);
					out_str(o, "pattern: ");
					dump_word(o, w);
					out_char(o, '\n');
				}
				dump_node(o, i->body, level + 2);
			}
			dump_redirections(o, n->redirections, level + 1);
			return;
		case NODE_FUNCTION:
			out_printf(o, "function %s\n", n->u.function.name);
			dump_node(o, n->u.function.body, level + 1);
			return;
		}
		/* Unary nodes: redirections first, then the body one level in. */
		dump_redirections(o, n->redirections, level + 1);
		n = n->u.unary.body;
		level++;
	}
}

void tree_print(struct output *o, const struct node *n)
{
	dump_node(o, n, 0);
	out_flush(o);
}

/* Printing as source */

/*
 * Here-document bodies go after the end of the line that holds their
 * operators: they wait here until the next line break is printed.  Each
 * has its delimiter, chosen when its operator is printed: one that no line
 * of its text and no body it is printed inside uses.
 */
struct pending_heredoc {
	const struct redirection *r;
	int delimiter;
};

static struct pending_heredoc *pending_heredocs;
static size_t pending_count;
static size_t pending_capacity;
/*
 * Bodies below this index belong to the lines around the $(...) being
 * printed: they are read after their own line, not at a line break inside
 * the substitution, so only the substitution's own bodies are flushed there.
 */
static size_t pending_floor;
/* The delimiters of the bodies being printed, outermost first. */
static int *open_bodies;
static size_t open_count, open_capacity;

static void print_delimiter(struct output *o, int delimiter)
{
	if (delimiter == 0)
		out_str(o, "VSH_EOF");
	else
		out_printf(o, "VSH_EOF_%d", delimiter);
}

/* Does a line of the body's text read as this delimiter? */
static bool body_has_line(const struct redirection *r, const char *delimiter)
{
	size_t n = strlen(delimiter);

	for (const struct word_part *part = r->target ? r->target->parts : NULL; part; part = part->next) {
		const char *s = part->u.text.chars, *end;

		if (part->kind != PART_TEXT)
			continue;
		end = s + part->u.text.length;
		for (const char *line = s; line < end; line++) {
			if ((line == s || line[-1] == '\n') && (size_t)(end - line) >= n &&
			    memcmp(line, delimiter, n) == 0 && (line + n == end || line[n] == '\n'))
				return true;
		}
	}
	return false;
}

static bool delimiter_open(int delimiter)
{
	for (size_t i = 0; i < open_count; i++)
		if (open_bodies[i] == delimiter)
			return true;
	return false;
}

static void open_body(int delimiter)
{
	if (open_count == open_capacity) {
		open_capacity = open_capacity ? open_capacity * 2 : 8;
		open_bodies = xrealloc(open_bodies, open_capacity * sizeof *open_bodies);
	}
	open_bodies[open_count++] = delimiter;
}

static void source_heredoc_body(struct output *o, const struct redirection *r, int delimiter);

/* Is a body being printed only to see its lines? */
static bool trial_printing;

/*
 * Does a line of the body as printed read as the delimiter?  An expansion
 * in the body prints lines of its own (a $(...) with a here-document or a
 * quoted newline), and the reader takes the whole body, those lines too,
 * before it parses any of it.
 */
static bool printed_body_has_line(const struct redirection *r, int delimiter, const char *text)
{
	struct strbuf printed = STRBUF_INIT;
	struct output trial = { .fd = -1, .memory = &printed };
	size_t n = strlen(text);
	bool found = false;

	open_body(delimiter);
	trial_printing = true;
	source_heredoc_body(&trial, r, delimiter);
	trial_printing = false;
	open_count--;
	/* All but the last line, which is the delimiter. */
	const char *s = strbuf_str(&printed), *end = s + printed.length - (n + 1);
	for (const char *line = s; line != NULL && line < end && !found; ) {
		const char *newline = memchr(line, '\n', (size_t)(end - line));

		found = (size_t)(end - line) > n && memcmp(line, text, n) == 0 && line[n] == '\n';
		line = newline != NULL ? newline + 1 : NULL;
	}
	strbuf_free(&printed);
	return found;
}

static bool body_has_expansions(const struct redirection *r)
{
	for (const struct word_part *part = r->target ? r->target->parts : NULL; part; part = part->next)
		if (part->kind != PART_TEXT)
			return true;
	return false;
}

static int heredoc_defer(const struct redirection *r)
{
	int delimiter;
	char text[32];
	bool expansions = !trial_printing && body_has_expansions(r);

	for (delimiter = 0;; delimiter++) {
		if (delimiter == 0)
			snprintf(text, sizeof text, "VSH_EOF");
		else
			snprintf(text, sizeof text, "VSH_EOF_%d", delimiter);
		if (delimiter_open(delimiter))
			continue;
		if (expansions ? !printed_body_has_line(r, delimiter, text) : !body_has_line(r, text))
			break;
	}
	if (pending_count == pending_capacity) {
		pending_capacity = pending_capacity ? pending_capacity * 2 : 8;
		pending_heredocs = xrealloc(pending_heredocs,
		    pending_capacity * sizeof(*pending_heredocs));
	}
	pending_heredocs[pending_count].r = r;
	pending_heredocs[pending_count].delimiter = delimiter;
	pending_count++;
	return delimiter;
}

/* Print the waiting bodies, each after a newline; true if there were any. */
static bool heredoc_flush(struct output *o)
{
	size_t n = pending_count - pending_floor;
	struct pending_heredoc *bodies;

	if (n == 0)
		return false;
	/* A body may hold $(...) with here-documents of its own, which use the list. */
	bodies = xmalloc(n * sizeof *bodies);
	memcpy(bodies, pending_heredocs + pending_floor, n * sizeof *bodies);
	pending_count = pending_floor;
	out_char(o, '\n');
	open_body(-1);
	for (size_t i = 0; i < n; i++) {
		open_bodies[open_count - 1] = bodies[i].delimiter;
		source_heredoc_body(o, bodies[i].r, bodies[i].delimiter);
	}
	open_count--;
	free(bodies);
	return true;
}

/* The body of a $(...), with the here-documents it holds before its ")". */
static void command_source(struct output *o, const struct node *body)
{
	size_t outer_floor = pending_floor;

	pending_floor = pending_count;
	if (body != NULL)
		print_source(o, body, -1);
	heredoc_flush(o);
	pending_floor = outer_floor;
}

/* Characters a bare text part must have quoted, as they might be read specially. */
#define BACKSLASHED "|&;<>()$`\\\"' \t\n#{}"

/*
 * in_dquote: inside double quotes or $((...)); in_braces: in the word of a
 * ${x-...}, where a "}" must be backslashed.
 */
static void source_parts(struct output *o, const struct word_part *part, bool in_dquote, bool in_braces);

static void source_word(struct output *o, const struct word *w)
{
	if (w->parts == NULL)
		out_str(o, "''");
	source_parts(o, w->parts, false, false);
}

static bool parens_balanced(const char *s, size_t n)
{
	long depth = 0;

	for (size_t i = 0; i < n && depth >= 0; i++)
		depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
	return depth == 0;
}

/*
 * Text outside double quotes is printed so that it reads back and prints
 * the same again: a bare character that must be backslashed reads back
 * quoted, and the parser joins adjacent quoted text into one part, so each
 * run of characters that will read back quoted is printed as one unit.
 */
static bool reads_back_quoted(char c, bool quoted)
{
	return quoted || (c != '\0' && strchr(BACKSLASHED, c) != NULL);
}

/* Can the part expand to no field even quoted: "$@", or "${x+"$@"}"? */
static bool part_may_vanish(const struct word_part *part)
{
	const struct word_part *inner;

	if (part->kind != PART_PARAM)
		return false;
	if (strcmp(part->u.param.name, "@") == 0)
		return true;
	if (part->u.param.arg == NULL)
		return false;
	for (inner = part->u.param.arg->parts; inner != NULL; inner = inner->next)
		if (part_may_vanish(inner))
			return true;
	return false;
}

/*
 * Does anything in the word read back quoted, so that empty quotes add
 * nothing?  A quoted "$@" does not count: ''"$@" is a field where "$@"
 * may be none.
 */
static bool word_reads_back_quoted(const struct word_part *part)
{
	for (; part != NULL; part = part->next) {
		if (part->kind != PART_TEXT) {
			if (part->quoted && !part_may_vanish(part))
				return true;
			continue;
		}
		for (size_t i = 0; i < part->u.text.length; i++)
			if (reads_back_quoted(part->u.text.chars[i], part->quoted))
				return true;
	}
	return false;
}

/* A position in a run of text parts. */
struct text_cursor {
	const struct word_part *part;
	size_t i;
};

/* The next character at or after c (skipping ends of parts); false at end. */
static bool cursor_settle(struct text_cursor *c, const struct word_part *end)
{
	while (c->part != end && c->i >= c->part->u.text.length) {
		c->part = c->part->next;
		c->i = 0;
	}
	return c->part != end;
}

static void print_quoted_run(struct output *o, struct text_cursor from, struct text_cursor to,
    const struct word_part *end)
{
	bool backslash_each = true;

	for (struct text_cursor c = from; cursor_settle(&c, end) && (c.part != to.part || c.i != to.i); c.i++)
		if (c.part->u.text.chars[c.i] == '\n' || !reads_back_quoted(c.part->u.text.chars[c.i], false))
			backslash_each = false;
	if (!backslash_each)
		out_char(o, '\'');
	for (struct text_cursor c = from; cursor_settle(&c, end) && (c.part != to.part || c.i != to.i); c.i++) {
		char ch = c.part->u.text.chars[c.i];

		if (backslash_each)
			out_char(o, '\\');
		if (!backslash_each && ch == '\'')
			out_str(o, "'\\''");
		else
			out_char(o, ch);
	}
	if (!backslash_each)
		out_char(o, '\'');
}

/* Print the text parts from part on; returns the first part that is not text. */
static const struct word_part *source_text_run(struct output *o, const struct word_part *part,
    bool word_quoted)
{
	const struct word_part *end = part;
	struct text_cursor c = { part, 0 };

	while (end != NULL && end->kind == PART_TEXT)
		end = end->next;
	for (;;) {
		/* Empty quotes matter only in a word that would otherwise read back unquoted. */
		while (c.part != end && c.i >= c.part->u.text.length) {
			if (c.part->quoted && c.part->u.text.length == 0 && !word_quoted)
				out_str(o, "''");
			c.part = c.part->next;
			c.i = 0;
		}
		if (c.part == end)
			return end;
		if (!reads_back_quoted(c.part->u.text.chars[c.i], c.part->quoted)) {
			out_char(o, c.part->u.text.chars[c.i++]);
			continue;
		}
		struct text_cursor from = c;

		while (cursor_settle(&c, end) && reads_back_quoted(c.part->u.text.chars[c.i], c.part->quoted))
			c.i++;
		print_quoted_run(o, from, c, end);
	}
}

/* Does the command's text begin with "(" ("(a); b", "(a) | b", "(a) &")? */
static bool starts_with_subshell(const struct node *n)
{
	while (n != NULL) {
		switch (n->kind) {
		case NODE_SUBSHELL:
			return true;
		case NODE_SEQUENCE:
		case NODE_AND:
		case NODE_OR:
			n = n->u.binary.left;
			break;
		case NODE_BACKGROUND:
			n = n->u.unary.body;
			break;
		case NODE_PIPELINE:
			if (n->u.pipeline.negate || n->u.pipeline.count == 0)
				return false;
			n = n->u.pipeline.commands[0];
			break;
		default:
			return false;
		}
	}
	return false;
}

/* The characters of a text part inside double quotes; in_braces: a "}" would end them. */
static void source_dquoted_chars(struct output *o, const struct word_part *part, bool in_braces)
{
	for (size_t i = 0; i < part->u.text.length; i++) {
		char c = part->u.text.chars[i];

		if (c == '\\') {
			/*
			 * A quoted one came from "\\".  A bare one before an ordinary
			 * character is itself ("\)" in $((...)), where that ")" is no paren).
			 */
			char next = i + 1 < part->u.text.length ? part->u.text.chars[i + 1] : '\0';

			if (part->quoted || next == '\0' || strchr("\"\\$`\n", next) != NULL ||
			    (next == '}' && in_braces))
				out_char(o, '\\');
		} else if (strchr("\"$`", c) != NULL || (c == '}' && in_braces)) {
			out_char(o, '\\');
		}
		out_char(o, c);
	}
}

/* Text inside double quotes or $((...)); there, unbalanced parens need quotes ($((")"))). */
static void source_dquoted_text(struct output *o, const struct word_part *part, bool in_braces)
{
	bool wrap = !in_braces && !parens_balanced(part->u.text.chars, part->u.text.length);

	if (wrap)
		out_char(o, '"');
	source_dquoted_chars(o, part, in_braces);
	if (wrap)
		out_char(o, '"');
}

/*
 * The word of an unknown form inside double quotes ("${p"#x"}"): printed
 * bare, text that begins it could read back as more of the name or as an
 * operator ("${p#x}"), so that text keeps quotes of its own.
 */
static const struct word_part *source_unknown_start(struct output *o, const struct word_part *part)
{
	const struct word_part *text = part;

	while (text != NULL && text->kind == PART_TEXT && text->u.text.length == 0)
		text = text->next;
	if (text == NULL || text->kind != PART_TEXT)
		return part;
	char c = text->u.text.chars[0];
	if (!isalnum((unsigned char)c) && strchr("_-=?+%#:@*$!", c) == NULL)
		return part;
	out_char(o, '"');
	for (; part != NULL && part->kind == PART_TEXT; part = part->next)
		source_dquoted_chars(o, part, false);
	out_char(o, '"');
	return part;
}

static void source_parts(struct output *o, const struct word_part *part, bool in_dquote, bool in_braces)
{
	bool word_quoted = !in_dquote && word_reads_back_quoted(part);

	while (part != NULL) {
		if (part->kind == PART_TEXT && !in_dquote) {
			part = source_text_run(o, part, word_quoted);
			continue;
		}
		bool open = part->kind != PART_TEXT && part->quoted && !in_dquote;
		bool inner = in_dquote || (part->kind != PART_TEXT && part->quoted);

		if (open)
			out_char(o, '"');
		switch (part->kind) {
		case PART_TEXT:
			source_dquoted_text(o, part, in_braces);
			break;
		case PART_PARAM: {
			enum param_op op = part->u.param.op;
			bool pattern = op >= PARAM_REMOVE_SMALL_SUFFIX;

			out_str(o, "${");
			if (op == PARAM_LENGTH)
				out_char(o, '#');
			out_str(o, part->u.param.name);
			if (part->u.param.colon)
				out_char(o, ':');
			out_str(o, param_op_text(part));
			if (part->u.param.arg != NULL) {
				const struct word_part *arg = part->u.param.arg->parts;

				if (op == PARAM_UNKNOWN && inner)
					arg = source_unknown_start(o, arg);
				source_parts(o, arg, inner && !pattern, true);
			}
			out_char(o, '}');
			break;
		}
		case PART_COMMAND:
			/* "$( (" so that it does not read back as $(( */
			out_str(o, starts_with_subshell(part->u.command.body) ? "$( " : "$(");
			command_source(o, part->u.command.body);
			out_char(o, ')');
			break;
		case PART_ARITH:
			out_str(o, "$((");
			source_parts(o, part->u.arith.expr->parts, true, false);
			out_str(o, "))");
			break;
		}
		if (open)
			out_char(o, '"');
		part = part->next;
	}
}

/* Is w an unquoted reserved word that prints bare ("if", "!"; not "{", which gets a backslash)? */
static bool bare_reserved_word(const struct word *w)
{
	const struct word_part *part = w != NULL ? w->parts : NULL;
	char text[16];

	if (part == NULL || part->next != NULL || part->kind != PART_TEXT || part->quoted ||
	    part->u.text.length >= sizeof text)
		return false;
	memcpy(text, part->u.text.chars, part->u.text.length);
	text[part->u.text.length] = '\0';
	return is_reserved_word(text) && strpbrk(text, BACKSLASHED) == NULL;
}

static void source_words(struct output *o, const struct word *w, bool *first)
{
	for (; w != NULL; w = w->next) {
		if (!*first)
			out_char(o, ' ');
		*first = false;
		source_word(o, w);
	}
}

/*
 * Here-document bodies are printed after the command's line; they are
 * collected while the line is printed.
 */
static void source_redirections(struct output *o, const struct redirection *r, bool *first)
{
	for (; r != NULL; r = r->next) {
		bool default_fd = r->fd == ((r->kind == REDIR_INPUT || r->kind == REDIR_DUP_INPUT ||
		    r->kind == REDIR_READ_WRITE || r->kind == REDIR_HEREDOC) ? 0 : 1);

		if (!*first)
			out_char(o, ' ');
		*first = false;
		if (!default_fd)
			out_printf(o, "%d", r->fd);
		out_str(o, redirection_operator(r));
		if (r->kind == REDIR_HEREDOC) {
			/* The body follows the line. */
			int delimiter = heredoc_defer(r);

			if (r->heredoc_literal)
				out_char(o, '\'');
			print_delimiter(o, delimiter);
			if (r->heredoc_literal)
				out_char(o, '\'');
			continue;
		}
		if (r->target != NULL)
			source_word(o, r->target);
	}
}

static void source_heredoc_body(struct output *o, const struct redirection *r, int delimiter)
{
	if (r->target != NULL) {
		for (const struct word_part *part = r->target->parts; part; part = part->next) {
			if (part->kind == PART_TEXT && r->heredoc_literal) {
				out_write(o, part->u.text.chars, part->u.text.length);
			} else if (part->kind == PART_TEXT) {
				for (size_t i = 0; i < part->u.text.length; i++) {
					char c = part->u.text.chars[i];

					if (c == '$' || c == '`' || c == '\\')
						out_char(o, '\\');
					out_char(o, c);
				}
			} else {
				/* An expansion in a body reads as inside double quotes (without the quotes). */
				struct word_part single = *part;

				single.next = NULL;
				single.quoted = false;
				source_parts(o, &single, true, false);
			}
		}
	}
	print_delimiter(o, delimiter);
	out_char(o, '\n');
}

static void newline_indent(struct output *o, int level)
{
	bool flushed = heredoc_flush(o);

	if (level < 0) {
		if (!flushed)
			out_char(o, ' ');
		return;
	}
	if (!flushed)
		out_char(o, '\n');
	for (int i = 0; i < level; i++)
		out_char(o, '\t');
}

/* Does the list end with "&" (which already ends it: "a &; then" is an error)? */
static bool ends_in_background(const struct node *n)
{
	while (n != NULL && n->kind == NODE_SEQUENCE)
		n = n->u.binary.right;
	return n != NULL && n->kind == NODE_BACKGROUND;
}

/* End the list before then, do: a ';' unless it ended with '&'. */
static void end_list(struct output *o, const struct node *list)
{
	if (!ends_in_background(list))
		out_char(o, ';');
}

/* Before a closing fi, done, } or else after body: a one-line form needs a ';'. */
static void close_indent(struct output *o, int level, const struct node *body)
{
	if (level < 0)
		end_list(o, body);
	newline_indent(o, level);
}

/* Separator before a following list element ("; " inline, newline otherwise). */
static void print_list_body(struct output *o, const struct node *n, int level)
{
	newline_indent(o, level);
	print_source(o, n, level);
}

static void print_trailing_redirections(struct output *o, const struct node *n)
{
	bool first = true;

	if (n->redirections != NULL)
		source_redirections(o, n->redirections, &first);
}

/* level < 0: everything on one line (for $(...) and "jobs"). */
static void print_source(struct output *o, const struct node *n, int level)
{
	int inner = level < 0 ? -1 : level + 1;

	if (n == NULL)
		return;
	switch (n->kind) {
	case NODE_SIMPLE: {
		bool first = true;

		/*
		 * "<file if" runs a command named if; printed as "if <file" it
		 * would read back as the start of an if.  Keep such redirections first.
		 */
		if (n->u.simple.assignments == NULL && bare_reserved_word(n->u.simple.words))
			source_redirections(o, n->redirections, &first);
		source_words(o, n->u.simple.assignments, &first);
		source_words(o, n->u.simple.words, &first);
		if (!(n->u.simple.assignments == NULL && bare_reserved_word(n->u.simple.words)))
			source_redirections(o, n->redirections, &first);
		return;
	}
	case NODE_PIPELINE:
		if (n->u.pipeline.negate)
			out_str(o, "! ");
		for (int i = 0; i < n->u.pipeline.count; i++) {
			if (i > 0)
				out_str(o, " | ");
			print_source(o, n->u.pipeline.commands[i], level);
		}
		return;
	case NODE_AND:
	case NODE_OR:
		print_source(o, n->u.binary.left, level);
		out_str(o, n->kind == NODE_AND ? " && " : " || ");
		print_source(o, n->u.binary.right, level);
		return;
	case NODE_SEQUENCE:
		for (;;) {
			const struct node *left = n->u.binary.left;

			print_source(o, left, level);
			if (level < 0 && left->kind != NODE_BACKGROUND)
				out_char(o, ';');
			newline_indent(o, level);
			n = n->u.binary.right;
			if (n->kind != NODE_SEQUENCE) {
				print_source(o, n, level);
				return;
			}
		}
	case NODE_BACKGROUND:
		print_source(o, n->u.unary.body, level);
		out_str(o, " &");
		return;
	case NODE_SUBSHELL:
		out_str(o, "( ");
		print_source(o, n->u.unary.body, level < 0 ? -1 : level);
		out_str(o, " )");
		break;
	case NODE_GROUP:
		out_char(o, '{');
		print_list_body(o, n->u.unary.body, inner);
		close_indent(o, level, n->u.unary.body);
		out_char(o, '}');
		break;
	case NODE_IF: {
		const struct node *i = n, *last;

		out_str(o, "if ");
		for (;;) {
			print_source(o, i->u.if_.condition, inner);
			end_list(o, i->u.if_.condition);
			out_str(o, " then");
			print_list_body(o, i->u.if_.then_part, inner);
			last = i->u.if_.then_part;
			if (i->u.if_.else_part == NULL)
				break;
			close_indent(o, level, last);
			if (i->u.if_.else_part->kind == NODE_IF &&
			    i->u.if_.else_part->redirections == NULL) {
				out_str(o, "elif ");
				i = i->u.if_.else_part;
				continue;
			}
			out_str(o, "else");
			print_list_body(o, i->u.if_.else_part, inner);
			last = i->u.if_.else_part;
			break;
		}
		close_indent(o, level, last);
		out_str(o, "fi");
		break;
	}
	case NODE_WHILE:
	case NODE_UNTIL:
		out_str(o, n->kind == NODE_WHILE ? "while " : "until ");
		print_source(o, n->u.loop.condition, inner);
		end_list(o, n->u.loop.condition);
		out_str(o, " do");
		print_list_body(o, n->u.loop.body, inner);
		close_indent(o, level, n->u.loop.body);
		out_str(o, "done");
		break;
	case NODE_FOR: {
		bool first = true;

		out_printf(o, "for %s", n->u.for_.variable);
		if (n->u.for_.has_in) {
			out_str(o, " in");
			first = false;
			source_words(o, n->u.for_.items, &first);
		}
		out_str(o, "; do");
		print_list_body(o, n->u.for_.body, inner);
		close_indent(o, level, n->u.for_.body);
		out_str(o, "done");
		break;
	}
	case NODE_CASE:
		out_str(o, "case ");
		source_word(o, n->u.case_.subject);
		out_str(o, " in");
		for (const struct case_item *i = n->u.case_.items; i; i = i->next) {
			newline_indent(o, inner);
			out_char(o, '(');
			for (const struct word *w = i->patterns; w; w = w->next) {
				if (w != i->patterns)
					out_str(o, " | ");
				source_word(o, w);
			}
			out_char(o, ')');
			if (i->body != NULL) {
				out_char(o, ' ');
				print_source(o, i->body, inner < 0 ? -1 : inner + 1);
			}
			out_str(o, i->terminator == CASE_BREAK ? " ;;" : " ;&");
		}
		newline_indent(o, level);
		out_str(o, "esac");
		break;
	case NODE_FUNCTION: {
		const char *name = n->u.function.name;
		size_t length = strlen(name);

		/* A name ending in "$" takes a space: "s$()" reads as "s" and "$()". */
		out_printf(o, "%s%s() ", name, length > 0 && name[length - 1] == '$' ? " " : "");
		print_source(o, n->u.function.body, level);
		return;
	}
	}
	/* Compound commands: their redirections follow. */
	if (n->redirections != NULL) {
		out_char(o, ' ');
		print_trailing_redirections(o, n);
	}
}

void tree_print_source(struct output *o, const struct node *n)
{
	pending_count = 0;
	pending_floor = 0;
	open_count = 0;
	print_source(o, n, 0);
	/* Bodies still waiting end the text, after their newline. */
	heredoc_flush(o);
}
