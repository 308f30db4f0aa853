/*
 * read [-r] [-d delim] [var ...] (POSIX.1-2024).
 *
 * The shell must not consume input beyond the delimiter, since the next
 * command may read the same descriptor.  On a regular file we read ahead
 * in blocks and seek back to just after the delimiter; on a pipe or
 * terminal we can only read one byte at a time.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"
#include "error.h"
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

/* Returns 0, -1 after a read error (errno set), or a trapped signal's number. */
static int read_line(struct line_reader *r)
{
	struct stat st;
	char block[8192];
	size_t want = 128;

	if (fstat(0, &st) == 0 && S_ISREG(st.st_mode)) {
		/* Blocks, growing while the line goes on, then seek back. */
		for (;;) {
			ssize_t n = read(0, block, want);
			ssize_t i;
			int sig;

			if (n < 0 && errno == EINTR) {
				if ((sig = interrupted()) != 0)
					return sig;
				continue;
			}
			if (n < 0)
				return -1;
			if (n == 0)
				return 0;
			for (i = 0; i < n; i++) {
				if (take_byte(r, block[i])) {
					if (i + 1 < n)
						lseek(0, (off_t)(i + 1 - n), SEEK_CUR);
					return 0;
				}
			}
			if (want < sizeof block)
				want *= 2;
		}
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

/* Split the line as field splitting does; the last variable gets the rest. */
static bool assign_fields(char **names)
{
	const char *ifs = ifs_value();
	size_t i = 0, end = line_bytes.length;

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
