/*
 * read [-r] [-d delim] [var ...] (POSIX.1-2024).
 *
 * The shell must not consume input beyond the delimiter, since the next
 * command may read the same descriptor.  On a regular file we read ahead
 * in blocks, kept across calls, and the offset is put back where anyone
 * else could see it (readahead.h); on a pipe or terminal we can only read
 * one byte at a time.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "error.h"
#include "readahead.h"
#include "strbuf.h"
#include "trap.h"
#include "vars.h"

/*
 * The line as read: bytes with backslash escapes removed, and beside each
 * byte whether it was escaped (escaped bytes never delimit fields).
 * Kept between calls so a read loop allocates nothing.
 */
static struct strbuf line_bytes, line_escaped, field;

struct line_reader {
	int delimiter;		/* byte ending the line; '\0' for -d '' */
	bool raw;		/* -r */
	bool pending_backslash;
	bool done;		/* the delimiter was met */
};

/* Take one input byte; true when the line is complete. */
static bool take_byte(struct line_reader *r, char c)
{
	if (r->pending_backslash) {
		r->pending_backslash = false;
		if (c == '\n')
			return false;	/* line continuation */
		strbuf_append_char(&line_bytes, c);
		strbuf_append_char(&line_escaped, 1);
		return false;
	}
	if ((unsigned char)c == r->delimiter) {
		r->done = true;
		return true;
	}
	if (c == '\0')
		return false;	/* a NUL cannot be in a shell variable */
	if (c == '\\' && !r->raw) {
		r->pending_backslash = true;
		return false;
	}
	strbuf_append_char(&line_bytes, c);
	strbuf_append_char(&line_escaped, 0);
	return false;
}

/*
 * After EINTR: run the traps of signals that arrived.  Returns the number
 * of a trapped signal, which ends the read (status 128 + signal, as in
 * bash and ksh), or 0 to go on reading.
 */
static int interrupted(void)
{
	int sig = signal_pending_trapped();

	TRAP_CHECK();
	return sig;
}

/*
 * Take bytes up to and including the delimiter; returns how many were
 * used.  The common case (no backslash, no NUL before the delimiter) is
 * appended in one piece.
 */
static size_t take_bytes(struct line_reader *r, const char *p, size_t n)
{
	const char *end = memchr(p, r->delimiter, n);
	size_t span = end != NULL ? (size_t)(end - p) : n;

	if (!r->pending_backslash && memchr(p, '\\', span) == NULL &&
	    memchr(p, '\0', span) == NULL) {
		size_t old = line_escaped.length;

		strbuf_append(&line_bytes, p, span);
		strbuf_grow(&line_escaped, span);
		memset(line_escaped.data + old, 0, span);
		line_escaped.length = old + span;
		line_escaped.data[line_escaped.length] = '\0';
		if (end == NULL)
			return n;
		r->done = true;
		return span + 1;
	}
	for (size_t i = 0; i < n; i++)
		if (take_byte(r, p[i]))
			return i + 1;
	return n;
}

/* Returns 0, -1 after a read error (errno set), or a trapped signal's number. */
static int read_line(struct line_reader *r)
{
	if (read_ahead_usable(0)) {
		/* A regular file: the read-ahead keeps what this line does not use. */
		while (!r->done) {
			const char *bytes;
			ssize_t n = read_ahead_bytes(0, &bytes);
			int sig;

			if (n < 0 && errno == EINTR) {
				if ((sig = interrupted()) != 0)
					return sig;
				continue;
			}
			if (n <= 0)
				return (int)n;
			read_ahead_take(take_bytes(r, bytes, (size_t)n));
		}
		return 0;
	}
	for (;;) {
		char c;
		ssize_t n = read(0, &c, 1);
		int sig;

		if (n < 0 && errno == EINTR) {
			if ((sig = interrupted()) != 0)
				return sig;
			continue;
		}
		if (n < 0)
			return -1;
		if (n == 0 || take_byte(r, c))
			return 0;
	}
}

static bool is_ifs(const char *ifs, size_t i)
{
	return line_escaped.data[i] == 0 && strchr(ifs, line_bytes.data[i]) != NULL &&
	    line_bytes.data[i] != '\0';
}

static bool is_ifs_white(const char *ifs, size_t i)
{
	char c = line_bytes.data[i];

	return (c == ' ' || c == '\t' || c == '\n') && is_ifs(ifs, i);
}

/* After a field: skip IFS white space, at most one other IFS byte, then white space. */
static size_t skip_delimiter(const char *ifs, size_t i, size_t end)
{
	while (i < end && is_ifs_white(ifs, i))
		i++;
	if (i < end && is_ifs(ifs, i)) {
		i++;
		while (i < end && is_ifs_white(ifs, i))
			i++;
	}
	return i;
}

static size_t field_end(const char *ifs, size_t i, size_t end)
{
	while (i < end && !is_ifs(ifs, i))
		i++;
	return i;
}

static bool assign(const char *name, size_t start, size_t end)
{
	strbuf_reset(&field);
	strbuf_append(&field, line_bytes.data + start, end - start);
	if (var_set(name, strbuf_str(&field), 0) < 0) {
		error_warn("read: %s: is read only", name);
		return false;
	}
	return true;
}

/*
 * Split the line as field splitting does; the last variable gets the rest.
 * With the IFS read started with: "read IFS x" assigns IFS before it splits
 * the rest (as dash, ksh and yash do), and would free the value in use.
 */
static bool assign_fields(char **names)
{
	static struct strbuf ifs_copy;
	const char *ifs;
	size_t i = 0, end = line_bytes.length;

	strbuf_reset(&ifs_copy);
	strbuf_append_str(&ifs_copy, ifs_value());
	ifs = strbuf_str(&ifs_copy);

	if (*ifs == '\0') {
		/* IFS= read: no splitting; the first variable gets the line. */
		if (!assign(names[0], 0, end))
			return false;
		for (names++; *names != NULL; names++)
			if (!assign(*names, 0, 0))
				return false;
		return true;
	}

	while (i < end && is_ifs_white(ifs, i))
		i++;
	for (; names[1] != NULL; names++) {
		size_t stop = field_end(ifs, i, end);

		if (!assign(names[0], i, stop))
			return false;
		i = skip_delimiter(ifs, stop, end);
	}
	while (end > i && is_ifs_white(ifs, end - 1))
		end--;
	/* The rest, unless it is one field and its delimiter: "a:" gives "a". */
	{
		size_t stop = field_end(ifs, i, end);

		if (stop < end && skip_delimiter(ifs, stop, end) == end)
			end = stop;
	}
	return assign(names[0], i, end);
}

int builtin_read(int argc, char **argv)
{
	static char *reply[] = { "REPLY", NULL };
	struct builtin_options g = { 1, 0, NULL };
	struct line_reader r = { '\n', false, false, false };
	char **names;
	int c, status;

	(void)argc;
	while ((c = builtin_getopt(&g, argv, "rd:")) != -1) {
		switch (c) {
		case 'r':
			r.raw = true;
			break;
		case 'd':
			r.delimiter = (unsigned char)g.argument[0];
			break;
		default:
			return builtin_usage("read [-r] [-d delim] [var ...]");
		}
	}
	/* With no operand, REPLY (as in ksh, bash and mksh). */
	names = argv[g.index] != NULL ? argv + g.index : reply;
	for (char **p = names; *p != NULL; p++) {
		if (!is_name(*p)) {
			error_warn("read: %s: bad variable name", *p);
			return 2;
		}
	}
	strbuf_reset(&line_bytes);
	strbuf_reset(&line_escaped);
	status = read_line(&r);
	if (status < 0) {
		error_warn("read: read error: %s", strerror(errno));
		return 2;
	}
	if (status > 0)
		return 128 + status;
	/* strbuf data is NULL until the first append. */
	strbuf_append(&line_bytes, "", 0);
	strbuf_append(&line_escaped, "", 0);
	if (!assign_fields(names))
		return 2;
	return r.done ? 0 : 1;
}
