/*
 * Arithmetic expansion (XCU 2.6.4): the C operators POSIX lists, on signed
 * long.  A recursive-descent parser evaluates as it parses; an "evaluate"
 * flag turns off side effects and errors in the branch that && || ?:
 * skip.  Sums, products and shifts are computed in unsigned long so that
 * overflow wraps instead of being undefined.
 *
 * There is no ++ or --, as in dash: "--x" is minus minus x, and "x++" is a
 * syntax error.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"
#include "error.h"
#include "memory.h"
#include "nesting.h"
#include "options.h"
#include "vars.h"

enum token {
	TOKEN_END,
	TOKEN_NUMBER,
	TOKEN_NAME,
	TOKEN_LEFT_PAREN,
	TOKEN_RIGHT_PAREN,
	TOKEN_QUESTION,
	TOKEN_COLON,
	/* Binary operators, in the order of binary_precedence[]. */
	TOKEN_OR_OR, TOKEN_AND_AND, TOKEN_OR, TOKEN_XOR, TOKEN_AND,
	TOKEN_EQUAL, TOKEN_NOT_EQUAL,
	TOKEN_LESS, TOKEN_LESS_EQUAL, TOKEN_GREATER, TOKEN_GREATER_EQUAL,
	TOKEN_SHIFT_LEFT, TOKEN_SHIFT_RIGHT,
	TOKEN_PLUS, TOKEN_MINUS,
	TOKEN_TIMES, TOKEN_DIVIDE, TOKEN_MODULO,
	/* Unary only. */
	TOKEN_NOT, TOKEN_COMPLEMENT,
	/* Assignments: '=' and the compound ones. */
	TOKEN_ASSIGN,
	TOKEN_ASSIGN_TIMES, TOKEN_ASSIGN_DIVIDE, TOKEN_ASSIGN_MODULO,
	TOKEN_ASSIGN_PLUS, TOKEN_ASSIGN_MINUS,
	TOKEN_ASSIGN_SHIFT_LEFT, TOKEN_ASSIGN_SHIFT_RIGHT,
	TOKEN_ASSIGN_AND, TOKEN_ASSIGN_XOR, TOKEN_ASSIGN_OR,
};

struct arith {
	const char *expression;	/* for messages */
	const char *next;	/* scanning position */
	enum token token;
	long number;
	const char *name;	/* TOKEN_NAME: start and length */
	size_t name_length;
	int depth;		/* parentheses, unary operators, ?: and assignments open */
};

static noreturn void syntax_error(struct arith *a)
{
	error_raise("arithmetic: syntax error: \"%s\"", a->expression);
}

/* Going one level deeper: 100,000 parentheses must be an error, not a stack overflow. */
static void deeper(struct arith *a)
{
	if (++a->depth > ARITH_DEPTH_MAX || stack_exhausted())
		error_raise("arithmetic: syntax error: nested too deeply");
}

/* Parse a constant at s: decimal, octal (leading 0) or hex (0x); returns the end or NULL. */
static const char *parse_constant(const char *s, long *value)
{
	unsigned long v = 0;
	int base = 10;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') || (*s >= 'A' && *s <= 'F')))
			return NULL;
	} else if (s[0] == '0')
		base = 8;
	for (;; s++) {
		int digit;

		if (*s >= '0' && *s <= '9')
			digit = *s - '0';
		else if (*s >= 'a' && *s <= 'z')
			digit = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'Z')
			digit = *s - 'A' + 10;
		else if (*s == '_')
			return NULL;
		else
			break;
		if (digit >= base)
			return NULL;
		v = v * (unsigned long)base + (unsigned long)digit;
	}
	*value = (long)v;
	return s;
}

static bool is_name_char(char c, bool first)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (!first && c >= '0' && c <= '9');
}

static void next_token(struct arith *a)
{
	const char *s = a->next;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (*s == '\0') {
		a->token = TOKEN_END;
		a->next = s;
		return;
	}
	if (*s >= '0' && *s <= '9') {
		const char *end = parse_constant(s, &a->number);

		if (end == NULL || is_name_char(*end, false))
			syntax_error(a);
		a->token = TOKEN_NUMBER;
		a->next = end;
		return;
	}
	if (is_name_char(*s, true)) {
		a->name = s;
		while (is_name_char(*s, false))
			s++;
		a->name_length = (size_t)(s - a->name);
		a->token = TOKEN_NAME;
		a->next = s;
		return;
	}
#define TWO(c1, c2) (s[0] == (c1) && s[1] == (c2))
	if (TWO('<', '<') && s[2] == '=') { a->token = TOKEN_ASSIGN_SHIFT_LEFT; s += 3; }
	else if (TWO('>', '>') && s[2] == '=') { a->token = TOKEN_ASSIGN_SHIFT_RIGHT; s += 3; }
	else if (TWO('|', '|')) { a->token = TOKEN_OR_OR; s += 2; }
	else if (TWO('&', '&')) { a->token = TOKEN_AND_AND; s += 2; }
	else if (TWO('=', '=')) { a->token = TOKEN_EQUAL; s += 2; }
	else if (TWO('!', '=')) { a->token = TOKEN_NOT_EQUAL; s += 2; }
	else if (TWO('<', '=')) { a->token = TOKEN_LESS_EQUAL; s += 2; }
	else if (TWO('>', '=')) { a->token = TOKEN_GREATER_EQUAL; s += 2; }
	else if (TWO('<', '<')) { a->token = TOKEN_SHIFT_LEFT; s += 2; }
	else if (TWO('>', '>')) { a->token = TOKEN_SHIFT_RIGHT; s += 2; }
	else if (TWO('*', '=')) { a->token = TOKEN_ASSIGN_TIMES; s += 2; }
	else if (TWO('/', '=')) { a->token = TOKEN_ASSIGN_DIVIDE; s += 2; }
	else if (TWO('%', '=')) { a->token = TOKEN_ASSIGN_MODULO; s += 2; }
	else if (TWO('+', '=')) { a->token = TOKEN_ASSIGN_PLUS; s += 2; }
	else if (TWO('-', '=')) { a->token = TOKEN_ASSIGN_MINUS; s += 2; }
	else if (TWO('&', '=')) { a->token = TOKEN_ASSIGN_AND; s += 2; }
	else if (TWO('^', '=')) { a->token = TOKEN_ASSIGN_XOR; s += 2; }
	else if (TWO('|', '=')) { a->token = TOKEN_ASSIGN_OR; s += 2; }
	else {
		switch (*s) {
		case '(': a->token = TOKEN_LEFT_PAREN; break;
		case ')': a->token = TOKEN_RIGHT_PAREN; break;
		case '?': a->token = TOKEN_QUESTION; break;
		case ':': a->token = TOKEN_COLON; break;
		case '|': a->token = TOKEN_OR; break;
		case '^': a->token = TOKEN_XOR; break;
		case '&': a->token = TOKEN_AND; break;
		case '<': a->token = TOKEN_LESS; break;
		case '>': a->token = TOKEN_GREATER; break;
		case '+': a->token = TOKEN_PLUS; break;
		case '-': a->token = TOKEN_MINUS; break;
		case '*': a->token = TOKEN_TIMES; break;
		case '/': a->token = TOKEN_DIVIDE; break;
		case '%': a->token = TOKEN_MODULO; break;
		case '!': a->token = TOKEN_NOT; break;
		case '~': a->token = TOKEN_COMPLEMENT; break;
		case '=': a->token = TOKEN_ASSIGN; break;
		default:
			syntax_error(a);
		}
		s++;
	}
#undef TWO
	a->next = s;
}

static char *name_copy(struct arith *a)
{
	return arena_strndup(&scratch, a->name, a->name_length);
}

static long variable_value(const char *name)
{
	const char *value = var_get(name);
	const char *s;
	long number;
	bool negative = false;

	/* Unset is 0, but an error under set -u (POSIX.1-2024 names arithmetic expansion there; dash differs). */
	if (value == NULL) {
		if (option_on(OPT_NOUNSET))
			error_raise("%s: parameter not set", name);
		return 0;
	}
	s = value;
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (*s == '\0')
		return 0;
	if (*s == '-' || *s == '+') {
		negative = *s == '-';
		s++;
	}
	if (!(*s >= '0' && *s <= '9') || (s = parse_constant(s, &number)) == NULL)
		error_raise("arithmetic: invalid number: %s", value);
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (*s != '\0')
		error_raise("arithmetic: invalid number: %s", value);
	return negative ? (long)(0UL - (unsigned long)number) : number;
}

/* Apply a binary operator; division errors only when evaluating. */
static long apply(enum token op, long x, long y, bool evaluate)
{
	unsigned long ux = (unsigned long)x, uy = (unsigned long)y;

	switch (op) {
	case TOKEN_OR: return x | y;
	case TOKEN_XOR: return x ^ y;
	case TOKEN_AND: return x & y;
	case TOKEN_EQUAL: return x == y;
	case TOKEN_NOT_EQUAL: return x != y;
	case TOKEN_LESS: return x < y;
	case TOKEN_LESS_EQUAL: return x <= y;
	case TOKEN_GREATER: return x > y;
	case TOKEN_GREATER_EQUAL: return x >= y;
	case TOKEN_SHIFT_LEFT: return (long)(ux << (uy & (sizeof(long) * CHAR_BIT - 1)));
	case TOKEN_SHIFT_RIGHT: return x >> (uy & (sizeof(long) * CHAR_BIT - 1));
	case TOKEN_PLUS: return (long)(ux + uy);
	case TOKEN_MINUS: return (long)(ux - uy);
	case TOKEN_TIMES: return (long)(ux * uy);
	case TOKEN_DIVIDE:
	case TOKEN_MODULO:
		if (!evaluate)
			return 0;
		if (y == 0)
			error_raise("arithmetic: division by zero");
		if (y == -1)	/* LONG_MIN / -1 overflows: wrap like the other operators */
			return op == TOKEN_DIVIDE ? (long)(0UL - ux) : 0;
		return op == TOKEN_DIVIDE ? x / y : x % y;
	default:
		return 0;
	}
}

static long parse_assignment(struct arith *a, bool evaluate);

static long parse_unary(struct arith *a, bool evaluate)
{
	enum token t = a->token;
	long value;

	switch (t) {
	case TOKEN_PLUS:
	case TOKEN_MINUS:
	case TOKEN_NOT:
	case TOKEN_COMPLEMENT:
		next_token(a);
		deeper(a);
		value = parse_unary(a, evaluate);
		a->depth--;
		if (t == TOKEN_MINUS)
			return (long)(0UL - (unsigned long)value);
		if (t == TOKEN_NOT)
			return !value;
		if (t == TOKEN_COMPLEMENT)
			return ~value;
		return value;
	case TOKEN_NUMBER:
		value = a->number;
		next_token(a);
		return value;
	case TOKEN_NAME:
		value = evaluate ? variable_value(name_copy(a)) : 0;
		next_token(a);
		return value;
	case TOKEN_LEFT_PAREN:
		next_token(a);
		deeper(a);
		value = parse_assignment(a, evaluate);
		a->depth--;
		if (a->token != TOKEN_RIGHT_PAREN)
			syntax_error(a);
		next_token(a);
		return value;
	default:
		syntax_error(a);
	}
}

static int binary_precedence(enum token t)
{
	switch (t) {
	case TOKEN_OR_OR: return 1;
	case TOKEN_AND_AND: return 2;
	case TOKEN_OR: return 3;
	case TOKEN_XOR: return 4;
	case TOKEN_AND: return 5;
	case TOKEN_EQUAL: case TOKEN_NOT_EQUAL: return 6;
	case TOKEN_LESS: case TOKEN_LESS_EQUAL: case TOKEN_GREATER: case TOKEN_GREATER_EQUAL: return 7;
	case TOKEN_SHIFT_LEFT: case TOKEN_SHIFT_RIGHT: return 8;
	case TOKEN_PLUS: case TOKEN_MINUS: return 9;
	case TOKEN_TIMES: case TOKEN_DIVIDE: case TOKEN_MODULO: return 10;
	default: return 0;
	}
}

/* Precedence climbing over the left-associative binary operators. */
static long parse_binary(struct arith *a, int min_precedence, bool evaluate)
{
	long left = parse_unary(a, evaluate);

	for (;;) {
		enum token op = a->token;
		int precedence = binary_precedence(op);
		long right;

		if (precedence == 0 || precedence < min_precedence)
			return left;
		next_token(a);
		if (op == TOKEN_AND_AND || op == TOKEN_OR_OR) {
			bool decided = op == TOKEN_AND_AND ? left == 0 : left != 0;

			right = parse_binary(a, precedence + 1, evaluate && !decided);
			left = decided ? op == TOKEN_OR_OR : right != 0;
			continue;
		}
		right = parse_binary(a, precedence + 1, evaluate);
		left = apply(op, left, right, evaluate);
	}
}

static long parse_conditional(struct arith *a, bool evaluate)
{
	long condition = parse_binary(a, 1, evaluate);
	long yes, no;

	if (a->token != TOKEN_QUESTION)
		return condition;
	next_token(a);
	deeper(a);
	yes = parse_assignment(a, evaluate && condition != 0);
	if (a->token != TOKEN_COLON)
		syntax_error(a);
	next_token(a);
	no = parse_conditional(a, evaluate && condition == 0);
	a->depth--;
	return condition != 0 ? yes : no;
}

static enum token compound_operator(enum token t)
{
	switch (t) {
	case TOKEN_ASSIGN_TIMES: return TOKEN_TIMES;
	case TOKEN_ASSIGN_DIVIDE: return TOKEN_DIVIDE;
	case TOKEN_ASSIGN_MODULO: return TOKEN_MODULO;
	case TOKEN_ASSIGN_PLUS: return TOKEN_PLUS;
	case TOKEN_ASSIGN_MINUS: return TOKEN_MINUS;
	case TOKEN_ASSIGN_SHIFT_LEFT: return TOKEN_SHIFT_LEFT;
	case TOKEN_ASSIGN_SHIFT_RIGHT: return TOKEN_SHIFT_RIGHT;
	case TOKEN_ASSIGN_AND: return TOKEN_AND;
	case TOKEN_ASSIGN_XOR: return TOKEN_XOR;
	case TOKEN_ASSIGN_OR: return TOKEN_OR;
	default: return TOKEN_END;
	}
}

static bool is_assignment(enum token t)
{
	return t == TOKEN_ASSIGN || compound_operator(t) != TOKEN_END;
}

static long parse_assignment(struct arith *a, bool evaluate)
{
	if (a->token == TOKEN_NAME) {
		/* Look one token ahead without losing the name. */
		struct arith saved = *a;

		next_token(a);
		if (is_assignment(a->token)) {
			enum token op = a->token;
			char *name = arena_strndup(&scratch, saved.name, saved.name_length);
			long value;

			next_token(a);
			deeper(a);
			value = parse_assignment(a, evaluate);
			a->depth--;
			if (evaluate) {
				char text[32];

				if (op != TOKEN_ASSIGN)
					value = apply(compound_operator(op), variable_value(name), value, true);
				snprintf(text, sizeof text, "%ld", value);
				if (var_set(name, text, 0) < 0)
					error_raise("%s: is read only", name);
			}
			return value;
		}
		*a = saved;
	}
	return parse_conditional(a, evaluate);
}

long arith_evaluate(const char *expression)
{
	struct arith a;
	long value;

	memset(&a, 0, sizeof a);
	a.expression = expression;
	a.next = expression;
	next_token(&a);
	if (a.token == TOKEN_END)
		return 0;	/* $(( )) is 0, as in dash and bash */
	value = parse_assignment(&a, true);
	if (a.token != TOKEN_END)
		syntax_error(&a);
	return value;
}
