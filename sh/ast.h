/*
 * The syntax tree: what the parser produces and the executor consumes.
 *
 * Words keep their quoting as structure rather than as in-band control
 * bytes: a word is a list of parts, and each part knows whether it was
 * quoted.  Expansion walks the parts; nothing has to be re-scanned.
 *
 * Trees for one top-level command live in an arena (see memory.h) that is
 * released after the command has run.  Function definitions outlive that,
 * so the executor copies their bodies with tree_copy() (see tree.h).
 */
#ifndef VSH_AST_H
#define VSH_AST_H

#include <stdbool.h>
#include <stddef.h>

struct node;
struct word;

enum word_part_kind {
	PART_TEXT,	/* literal characters */
	PART_PARAM,	/* $name, ${name}, ${name<op>word}, ${#name} */
	PART_COMMAND,	/* $(...) or `...` */
	PART_ARITH,	/* $((...)) */
};

enum param_op {
	PARAM_PLAIN,		/* $x ${x} */
	PARAM_LENGTH,		/* ${#x} */
	PARAM_DEFAULT,		/* ${x-w}  ${x:-w} */
	PARAM_ASSIGN,		/* ${x=w}  ${x:=w} */
	PARAM_ERROR,		/* ${x?w}  ${x:?w} */
	PARAM_ALTERNATIVE,	/* ${x+w}  ${x:+w} */
	PARAM_UNKNOWN,		/* ${x:0:2} ${x/a/b} ${!x}: name holds the text up to the word; an error when expanded */
	PARAM_REMOVE_SMALL_SUFFIX,	/* ${x%w} */
	PARAM_REMOVE_LARGE_SUFFIX,	/* ${x%%w} */
	PARAM_REMOVE_SMALL_PREFIX,	/* ${x#w} */
	PARAM_REMOVE_LARGE_PREFIX,	/* ${x##w} */
};

struct word_part {
	enum word_part_kind kind;
	/*
	 * True when the part stands inside "...", '...', $'...' or after a
	 * backslash: its result is neither field-split nor globbed, and its
	 * characters are literal in patterns.  Parts of a here-document body
	 * are always quoted.
	 */
	bool quoted;
	struct word_part *next;
	union {
		struct {
			char *chars;	/* NUL-terminated; may hold any byte but NUL */
			size_t length;
		} text;
		struct {
			char *name;	/* "x", "10", "@", "*", "#", "?", "-", "$", "!", "0" */
			enum param_op op;
			bool colon;	/* the ':' form: unset or null */
			struct word *arg;	/* the word after the operator, or NULL */
		} param;
		struct {
			struct node *body;	/* NULL for an empty $( ) */
			bool backquoted;
		} command;
		struct {
			struct word *expr;	/* expanded like a here-document, then evaluated */
		} arith;
	} u;
};

/* Word flags. */
enum {
	/*
	 * The word has the form name=value with the name unquoted: an
	 * assignment in front of a command, or an argument of a declaration
	 * utility (export, readonly, local).  Expansion with EXPAND_ASSIGNMENT
	 * then applies tilde expansion after '=' and each unquoted ':'.
	 */
	WORD_ASSIGNMENT = 1 << 0,
	/* The word contains an unquoted '~' at its start (or after = / :). */
	WORD_HAS_TILDE = 1 << 1,
};

struct word {
	struct word_part *parts;	/* NULL for the empty word '' is not used: '' is one empty quoted text part */
	struct word *next;	/* next word in a list */
	int flags;
};

enum redirection_kind {
	REDIR_INPUT,		/* n<  word */
	REDIR_OUTPUT,		/* n>  word */
	REDIR_CLOBBER,		/* n>| word */
	REDIR_APPEND,		/* n>> word */
	REDIR_READ_WRITE,	/* n<> word */
	REDIR_DUP_INPUT,	/* n<& word (a number, or '-' to close) */
	REDIR_DUP_OUTPUT,	/* n>& word */
	REDIR_HEREDOC,		/* n<< or n<<-: target is the body, tabs already stripped */
};

struct redirection {
	enum redirection_kind kind;
	int fd;			/* the descriptor redirected (default 0 or 1 filled in) */
	struct word *target;	/* file name, descriptor word, or here-document body */
	/* Here-documents only: the delimiter was quoted, so the body is one literal text part. */
	bool heredoc_literal;
	int line;
	struct redirection *next;
};

enum node_kind {
	NODE_SIMPLE,		/* assignments, words, redirections */
	NODE_PIPELINE,		/* [!] a | b | c  (also "! a" alone) */
	NODE_AND,		/* a && b */
	NODE_OR,		/* a || b */
	NODE_SEQUENCE,		/* a ; b   and   a <newline> b  (right-leaning chain) */
	NODE_BACKGROUND,	/* a &  (in a sequence: SEQUENCE(BACKGROUND(a), b)) */
	NODE_SUBSHELL,		/* ( list ) */
	NODE_GROUP,		/* { list; } */
	NODE_IF,		/* if/elif/else: elif is a nested NODE_IF in else_part */
	NODE_WHILE,
	NODE_UNTIL,
	NODE_FOR,
	NODE_CASE,
	NODE_FUNCTION,		/* name() compound-command [redirections] */
};

enum case_terminator {
	CASE_BREAK,		/* ;;  (or the last item without one) */
	CASE_FALLTHROUGH,	/* ;& */
};

struct case_item {
	struct word *patterns;	/* list linked through word->next */
	struct node *body;	/* NULL for an empty body */
	enum case_terminator terminator;
	struct case_item *next;
};

struct node {
	enum node_kind kind;
	int line;		/* line where the command starts: for LINENO and messages */
	/*
	 * Redirections of a simple command, or those that follow a compound
	 * command.  For NODE_FUNCTION they are on the body node, applied each
	 * time the function runs.
	 */
	struct redirection *redirections;
	union {
		struct {
			struct word *assignments;	/* WORD_ASSIGNMENT words, linked */
			struct word *words;		/* command name and arguments, linked */
		} simple;
		struct {
			struct node **commands;
			int count;
			bool negate;
		} pipeline;
		struct {
			struct node *left;
			struct node *right;
		} binary;		/* NODE_AND, NODE_OR, NODE_SEQUENCE */
		struct {
			struct node *body;
		} unary;		/* NODE_BACKGROUND, NODE_SUBSHELL, NODE_GROUP */
		struct {
			struct node *condition;
			struct node *then_part;
			struct node *else_part;	/* NULL when absent */
		} if_;
		struct {
			struct node *condition;
			struct node *body;
		} loop;			/* NODE_WHILE, NODE_UNTIL */
		struct {
			char *variable;
			bool has_in;	/* "for x in ...": false means "$@" */
			struct word *items;
			struct node *body;
		} for_;
		struct {
			struct word *subject;
			struct case_item *items;
		} case_;
		struct {
			char *name;
			struct node *body;	/* a compound command, with its redirections */
		} function;
	} u;
};

#endif
