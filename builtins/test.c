/*
 * test and [ (POSIX.1-2024).  With up to four arguments the result is fixed
 * by the argument count (XCU test, "Application Usage" table); beyond that,
 * a recursive descent parser gives the XSI precedence: ! over -a over -o,
 * with ( ) for grouping.  Status 0 true, 1 false, 2 error.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"
#include "error.h"

struct test_run {
	char **args;
	int count;
	int next;
	const char *name;	/* "test" or "[" for messages */
	bool failed;		/* a message was printed: status 2 */
};

enum binary_op {
	OP_NONE, OP_STRING_EQ, OP_STRING_NE, OP_STRING_LT, OP_STRING_GT,
	OP_EQ, OP_NE, OP_GT, OP_GE, OP_LT, OP_LE, OP_NT, OP_OT, OP_EF,
	OP_AND, OP_OR,
};

static enum binary_op binary_operator(const char *s)
{
	if (s[0] == '=' && s[1] == '\0')
		return OP_STRING_EQ;
	if (s[0] == '!' && s[1] == '=' && s[2] == '\0')
		return OP_STRING_NE;
	if (s[0] == '<' && s[1] == '\0')
		return OP_STRING_LT;
	if (s[0] == '>' && s[1] == '\0')
		return OP_STRING_GT;
	if (s[0] != '-' || s[1] == '\0' || s[2] == '\0' || s[3] != '\0') {
		if (strcmp(s, "==") == 0)	/* not POSIX; dash and bash accept it */
			return OP_STRING_EQ;
		return OP_NONE;
	}
	switch ((unsigned char)s[1] << 8 | (unsigned char)s[2]) {
	case 'e' << 8 | 'q': return OP_EQ;
	case 'n' << 8 | 'e': return OP_NE;
	case 'g' << 8 | 't': return OP_GT;
	case 'g' << 8 | 'e': return OP_GE;
	case 'l' << 8 | 't': return OP_LT;
	case 'l' << 8 | 'e': return OP_LE;
	case 'n' << 8 | 't': return OP_NT;
	case 'o' << 8 | 't': return OP_OT;
	case 'e' << 8 | 'f': return OP_EF;
	default: return OP_NONE;
	}
}

/* The letter of a unary primary ("-f" gives 'f'), or 0. */
static char unary_operator(const char *s)
{
	if (s[0] == '-' && s[1] != '\0' && s[2] == '\0' &&
	    strchr("bcdefghknprstuwxzLS", s[1]) != NULL)
		return s[1];
	return 0;
}

static void test_error(struct test_run *t, const char *fmt, const char *arg)
{
	if (!t->failed)
		error_warn(fmt, t->name, arg);
	t->failed = true;
}

/* Integers: optional blanks around an optional sign and decimal digits. */
static intmax_t integer(struct test_run *t, const char *s)
{
	char *end;
	intmax_t value;

	errno = 0;
	value = strtoimax(s, &end, 10);
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	if (end == s || *end != '\0' || errno == ERANGE || s[strspn(s, " \t\n")] == '\0') {
		test_error(t, "%s: %s: bad number", s);
		return 0;
	}
	return value;
}

static bool newer(const struct stat *a, const struct stat *b)
{
	if (a->st_mtim.tv_sec != b->st_mtim.tv_sec)
		return a->st_mtim.tv_sec > b->st_mtim.tv_sec;
	return a->st_mtim.tv_nsec > b->st_mtim.tv_nsec;
}

static bool binary_test(struct test_run *t, const char *left, enum binary_op op, const char *right)
{
	struct stat a, b;
	bool have_a, have_b;

	switch (op) {
	case OP_STRING_EQ: return strcmp(left, right) == 0;
	case OP_STRING_NE: return strcmp(left, right) != 0;
	case OP_STRING_LT: return strcoll(left, right) < 0;
	case OP_STRING_GT: return strcoll(left, right) > 0;
	case OP_EQ: return integer(t, left) == integer(t, right);
	case OP_NE: return integer(t, left) != integer(t, right);
	case OP_GT: return integer(t, left) > integer(t, right);
	case OP_GE: return integer(t, left) >= integer(t, right);
	case OP_LT: return integer(t, left) < integer(t, right);
	case OP_LE: return integer(t, left) <= integer(t, right);
	case OP_AND: return *left != '\0' && *right != '\0';
	case OP_OR: return *left != '\0' || *right != '\0';
	case OP_NT: case OP_OT: case OP_EF:
		have_a = stat(left, &a) == 0;
		have_b = stat(right, &b) == 0;
		if (op == OP_EF)
			return have_a && have_b && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
		/* POSIX.1-2024: an existing file is newer than a missing one. */
		if (op == OP_NT)
			return have_a && (!have_b || newer(&a, &b));
		return have_b && (!have_a || newer(&b, &a));
	case OP_NONE:
		break;
	}
	return false;
}

static bool unary_test(struct test_run *t, char op, const char *arg)
{
	struct stat st;

	switch (op) {
	case 'n': return *arg != '\0';
	case 'z': return *arg == '\0';
	case 'r': return faccessat(AT_FDCWD, arg, R_OK, AT_EACCESS) == 0;
	case 'w': return faccessat(AT_FDCWD, arg, W_OK, AT_EACCESS) == 0;
	case 'x': return faccessat(AT_FDCWD, arg, X_OK, AT_EACCESS) == 0;
	case 't': return isatty((int)integer(t, arg));
	case 'h': case 'L':
		return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
	}
	if (stat(arg, &st) != 0)
		return false;
	switch (op) {
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'e': return true;
	case 'f': return S_ISREG(st.st_mode);
	case 'g': return (st.st_mode & S_ISGID) != 0;
	case 'k': return (st.st_mode & S_ISVTX) != 0;
	case 'p': return S_ISFIFO(st.st_mode);
	case 's': return st.st_size > 0;
	case 'S': return S_ISSOCK(st.st_mode);
	case 'u': return (st.st_mode & S_ISUID) != 0;
	}
	return false;
}

/* The fixed rules for n (0 to 4) arguments starting at args[0]. */
static bool fixed_rules(struct test_run *t, char **args, int n)
{
	enum binary_op op;
	char unary;

	switch (n) {
	case 0:
		return false;
	case 1:
		return args[0][0] != '\0';
	case 2:
		if (strcmp(args[0], "!") == 0)
			return !fixed_rules(t, args + 1, 1);
		unary = unary_operator(args[0]);
		if (unary != 0)
			return unary_test(t, unary, args[1]);
		test_error(t, "%s: %s: unexpected operator", args[0]);
		return false;
	case 3:
		op = binary_operator(args[1]);
		if (op == OP_NONE && strcmp(args[1], "-a") == 0)
			op = OP_AND;
		if (op == OP_NONE && strcmp(args[1], "-o") == 0)
			op = OP_OR;
		if (op != OP_NONE)
			return binary_test(t, args[0], op, args[2]);
		if (strcmp(args[0], "!") == 0)
			return !fixed_rules(t, args + 1, 2);
		if (strcmp(args[0], "(") == 0 && strcmp(args[2], ")") == 0)
			return fixed_rules(t, args + 1, 1);
		test_error(t, "%s: %s: unexpected operator", args[1]);
		return false;
	default:
		if (strcmp(args[0], "!") == 0)
			return !fixed_rules(t, args + 1, 3);
		if (strcmp(args[0], "(") == 0 && strcmp(args[3], ")") == 0)
			return fixed_rules(t, args + 1, 2);
		return false;	/* not reached: the caller parses the general case */
	}
}

static bool or_expression(struct test_run *t);

static const char *peek(struct test_run *t, int ahead)
{
	return t->next + ahead < t->count ? t->args[t->next + ahead] : NULL;
}

static bool primary(struct test_run *t)
{
	const char *arg = peek(t, 0), *next;
	enum binary_op op;
	char unary;
	bool result;

	if (arg == NULL) {
		test_error(t, "%s: %s: argument expected", t->next > 0 ? t->args[t->next - 1] : "");
		return false;
	}
	next = peek(t, 1);
	/* A binary primary wins over "(" or a unary primary: "-n = -n" compares strings. */
	if (next != NULL && peek(t, 2) != NULL && (op = binary_operator(next)) != OP_NONE) {
		t->next += 3;
		return binary_test(t, arg, op, t->args[t->next - 1]);
	}
	if (strcmp(arg, "(") == 0 && next != NULL) {
		t->next++;
		result = or_expression(t);
		arg = peek(t, 0);
		if (arg == NULL || strcmp(arg, ")") != 0) {
			test_error(t, "%s: %s: closing paren expected", arg != NULL ? arg : "(");
			return false;
		}
		t->next++;
		return result;
	}
	unary = unary_operator(arg);
	if (unary != 0 && next != NULL) {
		t->next += 2;
		return unary_test(t, unary, next);
	}
	t->next++;
	return *arg != '\0';
}

static bool not_expression(struct test_run *t)
{
	const char *arg = peek(t, 0);

	if (arg != NULL && strcmp(arg, "!") == 0 && peek(t, 1) != NULL) {
		t->next++;
		return !not_expression(t);
	}
	return primary(t);
}

static bool and_expression(struct test_run *t)
{
	bool result = not_expression(t);
	const char *arg;

	while ((arg = peek(t, 0)) != NULL && strcmp(arg, "-a") == 0) {
		t->next++;
		/* Evaluated even when the result is known, to report errors. */
		result = not_expression(t) && result;
	}
	return result;
}

static bool or_expression(struct test_run *t)
{
	bool result = and_expression(t);
	const char *arg;

	while ((arg = peek(t, 0)) != NULL && strcmp(arg, "-o") == 0) {
		t->next++;
		result = and_expression(t) || result;
	}
	return result;
}

int builtin_test(int argc, char **argv)
{
	struct test_run t;
	bool result;

	t.name = argv[0];
	t.failed = false;
	if (argv[0][0] == '[' && argv[0][1] == '\0') {
		if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
			error_warn("[: missing ]");
			return 2;
		}
		argc--;
	}
	t.args = argv + 1;
	t.count = argc - 1;
	t.next = 0;
	if (t.count <= 3 || (t.count == 4 && (strcmp(t.args[0], "!") == 0 ||
	    (strcmp(t.args[0], "(") == 0 && strcmp(t.args[3], ")") == 0)))) {
		result = fixed_rules(&t, t.args, t.count);
	} else {
		result = or_expression(&t);
		if (t.next < t.count)
			test_error(&t, "%s: %s: unexpected operator", t.args[t.next]);
	}
	if (t.failed)
		return 2;
	return result ? 0 : 1;
}
