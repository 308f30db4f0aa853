/*
 * Word expansion (XCU 2.6).
 *
 * Words arrive as lists of parts that know whether they were quoted, so
 * quote removal is implicit: quotes never enter the text.  Expansion
 * streams characters into a field builder.  Characters that came from an
 * unquoted expansion are split on IFS as they arrive; every other
 * character is appended as it is.  Each character's quoting is remembered
 * beside it (one byte each) so that pathname expansion can tell a quoted
 * '*' from a pattern '*' once a field is complete.
 *
 * Buffers live in the scratch arena, so an error raised in the middle of
 * an expansion leaks nothing: the executor releases the arena.
 */
#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "arith.h"
#include "error.h"
#include "exec.h"
#include "expand.h"
#include "memory.h"
#include "options.h"
#include "pathglob.h"
#include "pattern.h"
#include "state.h"
#include "strbuf.h"
#include "trap.h"
#include "vars.h"

/* A growable byte buffer in the scratch arena. */
struct buffer {
	char *data;
	size_t length;
	size_t capacity;
};

static void buffer_reserve(struct buffer *b, size_t extra)
{
	size_t needed = b->length + extra + 1;
	size_t capacity;
	char *data;

	if (needed <= b->capacity)
		return;
	capacity = b->capacity * 2;
	if (capacity < needed)
		capacity = needed + needed / 2;	/* room for what usually follows ("$x$y") */
	if (capacity < 64)
		capacity = 64;
	data = arena_alloc(&scratch, capacity);
	if (b->length > 0)
		memcpy(data, b->data, b->length);
	b->data = data;
	b->capacity = capacity;
}

static void buffer_append(struct buffer *b, const char *s, size_t n)
{
	buffer_reserve(b, n);
	memcpy(b->data + b->length, s, n);
	b->length += n;
}

static void buffer_fill(struct buffer *b, int c, size_t n)
{
	buffer_reserve(b, n);
	memset(b->data + b->length, c, n);
	b->length += n;
}

/* The finished string; the buffer starts over empty. */
static char *buffer_finish(struct buffer *b)
{
	char *s;

	buffer_reserve(b, 0);
	b->data[b->length] = '\0';
	s = b->data;
	b->data = NULL;
	b->length = b->capacity = 0;
	return s;
}

enum mode {
	MODE_FIELDS,	/* field splitting and pathname expansion */
	MODE_STRING,	/* one string, nothing split or globbed */
	MODE_PATTERN,	/* one string, quoted pattern characters escaped */
};

/* What IFS holds, as a byte table; rebuilt only when IFS changes. */
enum {
	IFS_NONE, IFS_WHITE, IFS_OTHER,
	IFS_MULTIBYTE,	/* a non-ASCII byte while IFS holds a multibyte character: decode to know */
};
static unsigned char ifs_class[256];
static char *ifs_cached;

static void ifs_update(void)
{
	const char *ifs = ifs_value();
	const unsigned char *p;

	if (ifs_cached != NULL && strcmp(ifs_cached, ifs) == 0)
		return;
	free(ifs_cached);
	ifs_cached = xstrdup(ifs);
	memset(ifs_class, IFS_NONE, sizeof ifs_class);
	for (p = (const unsigned char *)ifs; *p != '\0'; p++) {
		if (*p >= 0x80 && MB_CUR_MAX > 1) {
			int c;

			for (c = 0x80; c < 256; c++)
				ifs_class[c] = IFS_MULTIBYTE;
			continue;
		}
		ifs_class[*p] = (*p == ' ' || *p == '\t' || *p == '\n') ? IFS_WHITE : IFS_OTHER;
	}
}

/* The length of the character at s, and whether it is one of the characters of IFS. */
static size_t multibyte_ifs_char(const char *s, size_t n, bool *in_ifs)
{
	mbstate_t state;
	size_t length, ifs_length;
	const char *ifs;

	memset(&state, 0, sizeof state);
	length = mbrlen(s, n, &state);
	if (length == (size_t)-1 || length == (size_t)-2 || length == 0)
		length = 1;
	*in_ifs = false;
	for (ifs = ifs_cached; *ifs != '\0'; ifs += ifs_length) {
		memset(&state, 0, sizeof state);
		ifs_length = mbrlen(ifs, strlen(ifs), &state);
		if (ifs_length == (size_t)-1 || ifs_length == (size_t)-2 || ifs_length == 0)
			ifs_length = 1;
		if (ifs_length == length && memcmp(ifs, s, length) == 0) {
			*in_ifs = true;
			break;
		}
	}
	return length;
}

struct expansion {
	enum mode mode;
	struct buffer text;
	struct buffer quoting;	/* MODE_FIELDS: 1 for each quoted byte of text */
	bool have_field;	/* the current field exists, even if empty ("" or a character) */
	bool after_white;	/* the last delimiter was IFS white space (MODE_FIELDS) */
	bool has_glob;		/* the current field has an unquoted * or ? */
	bool has_bracket;	/* the current field has an unquoted [ */
	bool assignment;	/* tilde expansion after '=' and ':' */
	/* The fields made so far (MODE_FIELDS). */
	char **fields;
	size_t field_count;
	size_t field_capacity;
};

static void expansion_init(struct expansion *e, enum mode mode)
{
	memset(e, 0, sizeof *e);
	e->mode = mode;
	if (mode == MODE_FIELDS)
		ifs_update();
}

static void add_field(struct expansion *e, char *field)
{
	if (e->field_count + 1 >= e->field_capacity) {
		size_t capacity = e->field_capacity ? e->field_capacity * 2 : 16;
		char **fields = arena_alloc(&scratch, capacity * sizeof *fields);

		if (e->field_count > 0)
			memcpy(fields, e->fields, e->field_count * sizeof *fields);
		e->fields = fields;
		e->field_capacity = capacity;
	}
	e->fields[e->field_count++] = field;
}

/*
 * Characters that mean something in a pattern: a quoted one gets a
 * backslash.  ':', '=' and '.' too: "[[\\:alpha:]]" is no character class.
 */
static bool is_pattern_char(char c)
{
	switch (c) {
	case '\\': case '*': case '?': case '[': case ']': case '!': case '^': case '-':
	case ':': case '=': case '.':
		return true;
	default:
		return false;
	}
}

/*
 * Could the bytes hold a pattern?  A '*' or '?', or a '[' with a ']' after
 * it: "[" alone (the test command) must not cost a directory read.
 */
static bool has_glob_char(const char *s, size_t n)
{
	const char *bracket;

	if (memchr(s, '*', n) != NULL || memchr(s, '?', n) != NULL)
		return true;
	bracket = memchr(s, '[', n);
	return bracket != NULL && memchr(bracket + 1, ']', n - (size_t)(bracket + 1 - s)) != NULL;
}

/* Does the current field hold an unquoted '[' followed later by an unquoted ']'? */
static bool field_has_bracket(const struct expansion *e)
{
	size_t i;
	bool open = false;

	for (i = 0; i < e->text.length; i++) {
		if (e->quoting.data[i])
			continue;
		if (e->text.data[i] == '[')
			open = true;
		else if (e->text.data[i] == ']' && open)
			return true;
	}
	return false;
}

/* Pathname expansion of the current field; false when nothing matched. */
static bool glob_field(struct expansion *e)
{
	struct buffer pattern = { NULL, 0, 0 };
	char **matches;
	size_t i, count;

	buffer_reserve(&pattern, e->text.length + e->text.length / 4);
	for (i = 0; i < e->text.length; i++) {
		char c = e->text.data[i];

		if (e->quoting.data[i] && is_pattern_char(c))
			buffer_append(&pattern, "\\", 1);
		buffer_append(&pattern, &c, 1);
	}
	count = glob_expand(buffer_finish(&pattern), &matches);
	for (i = 0; i < count; i++)
		add_field(e, matches[i]);
	return count > 0;
}

/* End the current field (MODE_FIELDS). */
static void finish_field(struct expansion *e)
{
	bool pattern = (e->has_glob || (e->has_bracket && field_has_bracket(e))) &&
	    !option_on(OPT_NOGLOB);

	/* A value of megabytes makes millions of fields, each maybe a glob: Control-C stops it. */
	signal_stop_if_interrupted();

	if (!(pattern && glob_field(e)))
		add_field(e, buffer_finish(&e->text));
	else
		e->text.length = 0;
	e->quoting.length = 0;
	e->have_field = false;
	e->has_glob = false;
	e->has_bracket = false;
}

/* Characters that are not split: literal text, or a quoted expansion. */
static void add_literal(struct expansion *e, const char *s, size_t n, bool quoted)
{
	if (e->mode == MODE_PATTERN && quoted) {
		size_t i, start = 0;

		for (i = 0; i < n; i++) {
			if (is_pattern_char(s[i])) {
				buffer_append(&e->text, s + start, i - start);
				buffer_append(&e->text, "\\", 1);
				start = i;
			}
		}
		buffer_append(&e->text, s + start, n - start);
		return;
	}
	buffer_append(&e->text, s, n);
	if (e->mode != MODE_FIELDS)
		return;
	buffer_fill(&e->quoting, quoted, n);
	if (n > 0 || quoted) {
		e->have_field = true;
		e->after_white = false;
	}
	if (!quoted) {
		if (!e->has_glob && (memchr(s, '*', n) != NULL || memchr(s, '?', n) != NULL))
			e->has_glob = true;
		if (!e->has_bracket && memchr(s, '[', n) != NULL)
			e->has_bracket = true;
	}
}

/* The result of an unquoted expansion: split on IFS (MODE_FIELDS). */
static void add_split(struct expansion *e, const char *s, size_t n)
{
	size_t i = 0;

	if (e->mode != MODE_FIELDS || ifs_cached[0] == '\0') {
		add_literal(e, s, n, false);
		return;
	}
	while (i < n) {
		size_t start = i;
		int class;

		while (i < n && ifs_class[(unsigned char)s[i]] == IFS_NONE)
			i++;
		if (i > start)
			add_literal(e, s + start, i - start, false);
		if (i == n)
			break;
		class = ifs_class[(unsigned char)s[i]];
		if (class == IFS_MULTIBYTE) {
			bool in_ifs;
			size_t length = multibyte_ifs_char(s + i, n - i, &in_ifs);

			if (!in_ifs) {
				add_literal(e, s + i, length, false);
				i += length;
				continue;
			}
			class = IFS_OTHER;
			i += length;
		} else
			i++;
		if (class == IFS_WHITE) {
			if (e->have_field) {
				finish_field(e);
				e->after_white = true;
			}
		} else {
			/* A non-white delimiter ends a field, empty or not, unless white space just did. */
			if (e->have_field || !e->after_white)
				finish_field(e);
			e->after_white = false;
		}
	}
}

static void add_expanded(struct expansion *e, const char *s, size_t n, bool quoted)
{
	if (quoted)
		add_literal(e, s, n, true);
	else
		add_split(e, s, n);
}

/* A field boundary between the elements of unquoted $@ and $*. */
static void soft_break(struct expansion *e)
{
	if (e->have_field)
		finish_field(e);
	e->after_white = false;
}

/* Tilde expansion: the home directory for the login name (empty for ~), or NULL. */
static const char *home_directory(const char *user, size_t length)
{
	struct passwd *pw;

	if (length == 0) {
		const char *home = var_get("HOME");

		if (home != NULL)
			return home;
		pw = getpwuid(getuid());
	} else {
		char *name = arena_strndup(&scratch, user, length);

		pw = getpwnam(name);
	}
	return pw != NULL ? pw->pw_dir : NULL;
}

/*
 * s[0] is an unquoted '~' starting a tilde-prefix.  If the prefix ends
 * inside this text (at '/', at ':' in assignments, or at the end of the
 * word) and names a home directory, set *home and return the prefix
 * length; else return 0.
 */
static size_t tilde_prefix(const struct expansion *e, const char *s, size_t n, bool last_part,
    const char **home)
{
	size_t end = 1;

	while (end < n && s[end] != '/' && !(e->assignment && s[end] == ':'))
		end++;
	if (end == n && !last_part)
		return 0;	/* the prefix would run into a quoted or expanded part */
	*home = home_directory(s + 1, end - 1);
	return *home != NULL ? end : 0;
}

/* Unquoted literal text; in a ${x-word} word it counts as expansion result and is split. */
static void add_unquoted_text(struct expansion *e, const char *s, size_t n, bool in_argument)
{
	if (in_argument)
		add_split(e, s, n);
	else
		add_literal(e, s, n, false);
}

static void add_text(struct expansion *e, const struct word_part *part, bool quoted,
    bool in_argument, bool first_part, bool *after_colon)
{
	const char *s = part->u.text.chars;
	size_t n = part->u.text.length;
	size_t i = 0, start = 0;
	const char *home;

	if (quoted) {
		add_literal(e, s, n, true);
		*after_colon = false;
		return;
	}
	if (first_part && n > 0 && s[0] == '~') {
		size_t used = tilde_prefix(e, s, n, part->next == NULL, &home);

		if (used > 0) {
			/* The directory is not split or globbed: it counts as quoted. */
			add_literal(e, home, strlen(home), true);
			start = used;
		}
		i = 1;
	}
	if (e->assignment && i < n && memchr(s + i, '~', n - i) != NULL) {
		/* "~" after the first '=' or after any unquoted ':' begins a tilde-prefix too. */
		const char *equal = first_part ? memchr(s, '=', n) : NULL;

		for (; i < n; i++) {
			size_t used;

			if (s[i] != '~' || i < start)
				continue;
			if (!(i == 0 ? *after_colon :
			    (s[i - 1] == ':' || (equal != NULL && i == (size_t)(equal - s) + 1))))
				continue;
			used = tilde_prefix(e, s + i, n - i, part->next == NULL, &home);
			if (used == 0)
				continue;
			add_unquoted_text(e, s + start, i - start, in_argument);
			add_literal(e, home, strlen(home), true);
			start = i + used;
		}
	}
	if (e->assignment)
		*after_colon = n > 0 && s[n - 1] == ':';
	add_unquoted_text(e, s + start, n - start, in_argument);
}

static char *format_number(long n)
{
	char text[32];

	snprintf(text, sizeof text, "%ld", n);
	return arena_strdup(&scratch, text);
}

/* The value of a parameter other than @ and *, or NULL when unset. */
static const char *parameter_value(const char *name)
{
	if (name[1] == '\0') {
		switch (name[0]) {
		case '#':
			return format_number(positional.count);
		case '?':
			return format_number(shell.last_status);
		case '-':
			return option_letters();
		case '$':
			return format_number((long)shell.shell_pid);
		case '!':
			return shell.last_background != 0 ? format_number((long)shell.last_background) : NULL;
		case '0':
			return shell.arg0 != NULL ? shell.arg0 : "vsh";
		}
	}
	if (is_digits(name)) {
		long index = 0;
		const char *p;

		for (p = name; *p != '\0' && index <= positional.count; p++)
			index = index * 10 + (*p - '0');
		if (index >= 1 && index <= positional.count)
			return positional.values[index - 1];
		return NULL;
	}
	return var_get(name);
}

/* The separator of "$*": the first character of IFS, a space when unset, none when empty. */
static const char *star_separator(size_t *length)
{
	const char *ifs = ifs_value();

	*length = ifs[0] != '\0' ? 1 : 0;
	if ((unsigned char)ifs[0] >= 0x80) {
		int n = mblen(ifs, strlen(ifs));

		if (n > 1)
			*length = (size_t)n;	/* a multibyte character stays whole */
	}
	return ifs;
}

static size_t character_count(const char *s, size_t n)
{
	size_t count = 0, i = 0;
	mbstate_t state;

	if (MB_CUR_MAX == 1)
		return n;	/* one byte, one character */
	memset(&state, 0, sizeof state);
	while (i < n) {
		size_t step;

		/* Runs of ASCII, eight bytes at a time. */
		while (n - i >= 8) {
			uint64_t word;

			memcpy(&word, s + i, 8);
			if (word & UINT64_C(0x8080808080808080))
				break;
			i += 8;
			count += 8;
		}
		if (i == n)
			break;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			count++;
			continue;
		}
		step = mbrlen(s + i, n - i, &state);
		if (step == (size_t)-1 || step == (size_t)-2 || step == 0) {
			memset(&state, 0, sizeof state);
			step = 1;
		}
		i += step;
		count++;
	}
	return count;
}

/* The values a parameter stands for: one, or the positional parameters for @ and *. */
struct values {
	const char **strings;
	size_t count;
	bool is_list;		/* @ or * */
	bool star;		/* * (joined with the IFS character) */
	bool set;
};

static void get_values(const char *name, struct values *v)
{
	memset(v, 0, sizeof *v);
	if ((name[0] == '@' || name[0] == '*') && name[1] == '\0') {
		v->strings = (const char **)positional.values;
		v->count = (size_t)positional.count;
		v->is_list = true;
		v->star = name[0] == '*';
		v->set = true;
		return;
	}
	v->strings = arena_alloc(&scratch, sizeof *v->strings);
	v->strings[0] = parameter_value(name);
	v->set = v->strings[0] != NULL;
	v->count = v->set ? 1 : 0;
}

static bool values_null(const struct values *v)
{
	size_t i, separator_length;

	if (!v->set)
		return true;
	for (i = 0; i < v->count; i++)
		if (v->strings[i][0] != '\0')
			return false;
	star_separator(&separator_length);
	return v->count <= 1 || separator_length == 0;
}

/* Join list values into one string. */
static char *join_values(const struct values *v)
{
	struct buffer b = { NULL, 0, 0 };
	size_t i, separator_length;
	const char *separator = star_separator(&separator_length);

	for (i = 0; i < v->count; i++) {
		if (i > 0)
			buffer_append(&b, separator, separator_length);
		buffer_append(&b, v->strings[i], strlen(v->strings[i]));
	}
	return buffer_finish(&b);
}

static void add_values(struct expansion *e, const struct values *v, bool quoted)
{
	size_t i;

	if (!v->is_list) {
		if (v->set)
			add_expanded(e, v->strings[0], strlen(v->strings[0]), quoted);
		else if (quoted)
			add_literal(e, "", 0, true);
		return;
	}
	if (e->mode != MODE_FIELDS || (quoted && v->star)) {
		const char *joined = join_values(v);

		add_expanded(e, joined, strlen(joined), quoted);
		return;
	}
	for (i = 0; i < v->count; i++) {
		const char *s = v->strings[i];

		if (quoted) {
			/* "$@": one field per parameter, joined to the text around it at the ends. */
			if (i > 0)
				finish_field(e);
			add_literal(e, s, strlen(s), true);
		} else {
			if (i > 0)
				soft_break(e);
			add_split(e, s, strlen(s));
		}
	}
}

static void expand_parts(struct expansion *e, const struct word *w, bool context_quoted,
    bool in_argument);

/* Expand a word into a single string in the given mode (no splitting). */
static char *expand_word_to(const struct word *w, enum mode mode, bool assignment, size_t *length)
{
	struct expansion sub;

	expansion_init(&sub, mode);
	sub.assignment = assignment;
	if (w != NULL)
		expand_parts(&sub, w, false, false);
	if (length != NULL)
		*length = sub.text.length;
	return buffer_finish(&sub.text);
}

static void expand_arith_part(struct expansion *e, const struct word_part *part)
{
	char *expression = expand_word_to(part->u.arith.expr, MODE_STRING, false, NULL);
	char *result = format_number(arith_evaluate(expression));

	add_expanded(e, result, strlen(result), part->quoted);
}

/* The output of $(...) as text of the word: without NUL bytes and final newlines. */
static void add_substitution_output(struct expansion *e, struct strbuf *out, bool quoted)
{
	char *s = out->data;
	size_t n = out->length;

	if (s != NULL && memchr(s, '\0', n) != NULL) {
		/* NUL bytes cannot be in a shell string: drop them. */
		size_t i, kept = 0;

		for (i = 0; i < n; i++)
			if (s[i] != '\0')
				s[kept++] = s[i];
		n = kept;
	}
	while (n > 0 && s[n - 1] == '\n')
		n--;
	add_expanded(e, s != NULL ? s : "", n, quoted);
}

static void expand_command_part(struct expansion *e, const struct word_part *part)
{
	struct strbuf out = STRBUF_INIT;
	struct handler h;

	/*
	 * Its status goes to the executor (an assignment-only command exits
	 * with it), not to $?.  An interrupt while waiting for it, or while
	 * its output is split into fields, must not lose the output buffer.
	 */
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		if (part->u.command.body != NULL)
			exec_command_substitution(part->u.command.body, &out);
		add_substitution_output(e, &out, part->quoted);
		handler_pop(&h);
	} else {
		handler_pop(&h);
		strbuf_free(&out);
		raise_exception(exception_raised);
	}
	strbuf_free(&out);
}

static void expand_param_part(struct expansion *e, const struct word_part *part, bool context_quoted)
{
	const char *name = part->u.param.name;
	enum param_op op = part->u.param.op;
	bool colon = part->u.param.colon;
	bool quoted = part->quoted || context_quoted;
	struct values v;
	bool absent;
	char *pattern = NULL;

	if (op == PARAM_UNKNOWN)
		error_raise("${%s...}: bad substitution", name);
	/*
	 * The pattern first: a command substitution in it could change the
	 * variable and free the value we would otherwise be holding.
	 */
	if (op == PARAM_REMOVE_SMALL_SUFFIX || op == PARAM_REMOVE_LARGE_SUFFIX ||
	    op == PARAM_REMOVE_SMALL_PREFIX || op == PARAM_REMOVE_LARGE_PREFIX)
		pattern = expand_word_to(part->u.param.arg, MODE_PATTERN, false, NULL);
	get_values(name, &v);
	absent = colon ? values_null(&v) : !v.set;
	switch (op) {
	case PARAM_DEFAULT:
		if (absent) {
			/* Quoted, the word makes a field even when it is empty: "${x:-}". */
			if (quoted)
				add_literal(e, "", 0, true);
			expand_parts(e, part->u.param.arg, quoted, true);
		} else
			add_values(e, &v, quoted);
		return;
	case PARAM_ALTERNATIVE:
		if (quoted)
			add_literal(e, "", 0, true);
		if (!absent)
			expand_parts(e, part->u.param.arg, quoted, true);
		return;
	case PARAM_ASSIGN:
		if (absent) {
			char *value;

			if (v.is_list || !is_name(name))
				error_raise("%s: cannot assign in this way", name);
			value = expand_word_to(part->u.param.arg, MODE_STRING, false, NULL);
			if (var_set(name, value, 0) < 0)
				error_raise("%s: is read only", name);
			add_expanded(e, value, strlen(value), quoted);
		} else
			add_values(e, &v, quoted);
		return;
	case PARAM_ERROR:
		if (absent) {
			char *message = part->u.param.arg != NULL ?
			    expand_word_to(part->u.param.arg, MODE_STRING, false, NULL) : NULL;

			if (message != NULL && message[0] != '\0')
				error_raise("%s: %s", name, message);
			error_raise("%s: %s", name, colon ? "parameter null or not set" : "parameter not set");
		}
		add_values(e, &v, quoted);
		return;
	default:
		break;
	}
	if (!v.set && option_on(OPT_NOUNSET))
		error_raise("%s: parameter not set", name);
	if (op == PARAM_PLAIN) {
		add_values(e, &v, quoted);
		return;
	}
	if (op == PARAM_LENGTH) {
		size_t length;
		char *text;

		if (v.is_list)
			length = v.count;
		else
			length = v.set ? character_count(v.strings[0], strlen(v.strings[0])) : 0;
		text = format_number((long)length);
		add_expanded(e, text, strlen(text), quoted);
		return;
	}
	/* Prefix and suffix removal, on each value of @ and *. */
	{
		struct values result = v;
		size_t i;

		result.strings = arena_alloc(&scratch, (v.count + 1) * sizeof *result.strings);
		for (i = 0; i < v.count; i++) {
			const char *s = v.strings[i];
			size_t n = strlen(s);
			long at;

			switch (op) {
			case PARAM_REMOVE_SMALL_PREFIX:
			case PARAM_REMOVE_LARGE_PREFIX:
				at = pattern_prefix(pattern, s, n, op == PARAM_REMOVE_LARGE_PREFIX);
				result.strings[i] = at < 0 ? s : s + at;
				break;
			default:
				at = pattern_suffix(pattern, s, n, op == PARAM_REMOVE_LARGE_SUFFIX);
				result.strings[i] = at < 0 ? s : arena_strndup(&scratch, s, (size_t)at);
				break;
			}
		}
		add_values(e, &result, quoted);
	}
}

static void expand_parts(struct expansion *e, const struct word *w, bool context_quoted,
    bool in_argument)
{
	const struct word_part *part;
	bool after_colon = false;
	bool first = true;

	for (part = w->parts; part != NULL; part = part->next) {
		bool quoted = part->quoted || context_quoted;

		switch (part->kind) {
		case PART_TEXT:
			add_text(e, part, quoted, in_argument, first, &after_colon);
			break;
		case PART_PARAM:
			expand_param_part(e, part, context_quoted);
			after_colon = false;
			break;
		case PART_COMMAND:
			expand_command_part(e, part);
			after_colon = false;
			break;
		case PART_ARITH:
			expand_arith_part(e, part);
			after_colon = false;
			break;
		}
		first = false;
	}
}

/* A word that is one piece of literal text needs no expansion at all (the hot path). */
static const struct word_part *plain_text(const struct word *w)
{
	const struct word_part *part = w->parts;

	if (part == NULL || part->next != NULL || part->kind != PART_TEXT)
		return NULL;
	if (!part->quoted && part->u.text.chars[0] == '~')
		return NULL;
	return part;
}

char **expand_fields(struct word *words, int flags, int *count)
{
	struct expansion e;
	struct word *w;

	expansion_init(&e, MODE_FIELDS);
	for (w = words; w != NULL; w = w->next) {
		const struct word_part *part;

		if ((flags & EXPAND_DECLARATION) && (w->flags & WORD_ASSIGNMENT)) {
			add_field(&e, expand_assignment(w));
			continue;
		}
		part = plain_text(w);
		if (part != NULL && (part->quoted || option_on(OPT_NOGLOB) ||
		    !has_glob_char(part->u.text.chars, part->u.text.length))) {
			add_field(&e, part->u.text.chars);
			continue;
		}
		expand_parts(&e, w, false, false);
		if (e.have_field)
			finish_field(&e);
		e.text.length = 0;
		e.quoting.length = 0;
		e.has_glob = false;
		e.has_bracket = false;
		e.after_white = false;
	}
	if (e.fields == NULL)
		e.fields = arena_alloc(&scratch, sizeof *e.fields);
	e.fields[e.field_count] = NULL;
	*count = (int)e.field_count;
	return e.fields;
}

char *expand_string(struct word *w)
{
	const struct word_part *part = plain_text(w);

	if (part != NULL)
		return part->u.text.chars;
	return expand_word_to(w, MODE_STRING, false, NULL);
}

char *expand_assignment(struct word *w)
{
	const struct word_part *part = plain_text(w);

	if (part != NULL && (part->quoted || memchr(part->u.text.chars, '~', part->u.text.length) == NULL))
		return part->u.text.chars;
	return expand_word_to(w, MODE_STRING, true, NULL);
}

/* Can expanding this part change a variable?  ${x=w}, $((x=1)) and anything inside an operator's word can. */
static bool part_assigns(const struct word_part *part)
{
	switch (part->kind) {
	case PART_TEXT:
	case PART_COMMAND:	/* runs in a subshell, or is a pure built-in */
		return false;
	case PART_PARAM:
		return part->u.param.op != PARAM_PLAIN && part->u.param.op != PARAM_LENGTH;
	case PART_ARITH:
		return true;
	}
	return true;
}

const char *expand_append_target(const struct word *w)
{
	const struct word_part *head = w->parts, *first;
	size_t n;

	if (head == NULL || head->kind != PART_TEXT || head->quoted)
		return NULL;
	n = head->u.text.length;
	first = head->next;
	if (n < 2 || head->u.text.chars[n - 1] != '=' || first == NULL ||
	    first->kind != PART_PARAM || first->u.param.op != PARAM_PLAIN ||
	    strlen(first->u.param.name) != n - 1 ||
	    memcmp(first->u.param.name, head->u.text.chars, n - 1) != 0)
		return NULL;
	for (const struct word_part *p = first->next; p != NULL; p = p->next)
		if (part_assigns(p))
			return NULL;
	/* "x=$x~y" has no tilde expansion, but "~y" alone would: leave it to the general path. */
	if (first->next != NULL && first->next->kind == PART_TEXT && !first->next->quoted &&
	    first->next->u.text.chars[0] == '~')
		return NULL;
	return first->u.param.name;
}

const char *expand_append_suffix(const struct word *w, size_t *length)
{
	struct word rest;

	rest.parts = w->parts->next->next;	/* after "name=" and $name */
	rest.next = NULL;
	rest.flags = w->flags;
	return expand_word_to(&rest, MODE_STRING, true, length);
}

char *expand_pattern(struct word *w)
{
	const struct word_part *part = plain_text(w);

	if (part != NULL && !part->quoted)
		return part->u.text.chars;
	return expand_word_to(w, MODE_PATTERN, false, NULL);
}

char *expand_heredoc(struct word *body, size_t *length)
{
	const struct word_part *part = body != NULL ? plain_text(body) : NULL;

	if (part != NULL) {
		*length = part->u.text.length;
		return part->u.text.chars;
	}
	return expand_word_to(body, MODE_STRING, false, length);
}
