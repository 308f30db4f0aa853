/*
 * fc (XCU fc): list, edit and run again commands of the history.
 *
 * When fc runs, the command line that invoked it is already the newest
 * entry (the input layer enters a command before running it): listings
 * show it, as in ksh, and "-1" is the command before it.  When fc runs
 * commands again, that entry gives way to them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "error.h"
#include "exec.h"
#include "history.h"
#include "memory.h"
#include "output.h"
#include "state.h"
#include "strbuf.h"
#include "vars.h"

#define FC_USAGE "fc [-r] [-e editor] [first [last]]\n" \
	"       fc -l [-nr] [first [last]]\n" \
	"       fc -s [old=new] [first]"

/* How many entries "fc -l" shows by default, the invoking one included. */
#define LIST_DEFAULT 16

enum { NOT_FOUND = -1 };

/* Is s a decimal number, with an optional sign? */
static bool is_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	return *s != '\0' && s[strspn(s, "0123456789")] == '\0';
}

/*
 * The entry an operand means: a number, a negative offset from the
 * invoking entry (current), or the newest earlier entry starting with a
 * string.  Numbers are clamped to oldest..newest when clamp is set.
 */
static int resolve(const char *operand, int current, int newest, bool clamp)
{
	int oldest = history_first_number();
	long n;

	if (!is_number(operand)) {
		for (int i = current - 1; i >= oldest; i--) {
			const char *entry = history_entry(i);

			if (entry != NULL && strncmp(entry, operand, strlen(operand)) == 0)
				return i;
		}
		return NOT_FOUND;
	}
	errno = 0;
	n = strtol(operand, NULL, 10);
	if (errno == ERANGE)
		n = *operand == '-' ? -1000000000L : 1000000000L;
	if (n <= 0)
		n += current;
	if (n < oldest)
		return clamp ? oldest : NOT_FOUND;
	if (n > newest)
		return clamp ? newest : NOT_FOUND;
	return (int)n;
}

static void list(int from, int to, bool numbers)
{
	int step = from <= to ? 1 : -1;

	for (int i = from;; i += step) {
		const char *entry = history_entry(i);
		const char *line = entry, *newline;

		if (numbers)
			out_printf(out1, "%d", i);
		while (line != NULL) {
			newline = strchr(line, '\n');
			out_printf(out1, "\t%.*s\n",
			    (int)(newline ? (size_t)(newline - line) : strlen(line)), line);
			line = newline ? newline + 1 : NULL;
		}
		if (i == to)
			break;
	}
}

/*
 * Commands fc is running again.  An fc among them may list but not run
 * commands again: "fc -s" re-running an "fc -s" would find itself in the
 * entry it replaced, for ever.
 */
static int running_again;

/*
 * Enter what fc runs in place of the fc command, echo it, run it.  The
 * text is copied to the scratch arena first, so an error cannot leak it.
 */
static int run_again(const char *commands)
{
	char *copy = arena_strdup(&scratch, commands);
	struct handler h;
	int status;

	history_replace_last(copy);
	out_printf(out2, "%s\n", copy);
	out_flush(out2);
	running_again++;
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		status = eval_string(copy, NULL);
		handler_pop(&h);
	} else {
		handler_pop(&h);
		running_again--;
		raise_exception(exception_raised);
	}
	running_again--;
	return status;
}

static int reexecute(char *substitution, const char *operand, int current)
{
	struct strbuf command = STRBUF_INIT;
	const char *entry, *found;
	char *equals = NULL;
	int number;

	if (operand == NULL) {
		number = current - 1;
		if (history_entry(number) == NULL) {
			error_warn("fc: no command to run again");
			return 1;
		}
	} else {
		number = resolve(operand, current, current - 1, false);
		if (number == NOT_FOUND) {
			error_warn("fc: %s: no such command in history", operand);
			return 1;
		}
	}
	entry = history_entry(number);
	found = NULL;
	if (substitution != NULL) {
		equals = strchr(substitution, '=');
		*equals = '\0';
		found = strstr(entry, substitution);
		if (found != NULL) {
			strbuf_append(&command, entry, (size_t)(found - entry));
			strbuf_append_str(&command, equals + 1);
			strbuf_append_str(&command, found + strlen(substitution));
		}
		*equals = '=';
	}
	if (found == NULL)
		strbuf_append_str(&command, entry);
	entry = arena_strdup(&scratch, strbuf_str(&command));
	strbuf_free(&command);
	if (entry[strspn(entry, " \t\n")] == '\0') {
		/* The substitution left nothing: nothing to enter or run. */
		history_remove_last();
		return 0;
	}
	return run_again(entry);
}

/* Single quotes around s for the command line that runs the editor. */
static void append_quoted(struct strbuf *sb, const char *s)
{
	strbuf_append_char(sb, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			strbuf_append_str(sb, "'\\''");
		else
			strbuf_append_char(sb, *s);
	}
	strbuf_append_char(sb, '\'');
}

static bool write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t done = write(fd, s, n);

		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0)
			return false;
		s += done;
		n -= (size_t)done;
	}
	return true;
}

/* The file the editor works on; removed however fc ends. */
static char edit_path[4096];

static bool edit_file_create(int from, int to)
{
	const char *tmpdir = var_get("TMPDIR");
	struct strbuf text = STRBUF_INIT;
	int step = from <= to ? 1 : -1, fd;
	bool ok;

	if (tmpdir == NULL || *tmpdir == '\0' || strlen(tmpdir) > sizeof edit_path - 32)
		tmpdir = "/tmp";
	strcpy(edit_path, tmpdir);
	strcat(edit_path, "/vsh-fc.XXXXXX");
	/* mkstemp makes it mode 0600. */
	fd = mkstemp(edit_path);
	if (fd < 0) {
		error_warn("fc: %s: %s", edit_path, strerror(errno));
		edit_path[0] = '\0';
		return false;
	}
	for (int i = from;; i += step) {
		strbuf_append_str(&text, history_entry(i));
		strbuf_append_char(&text, '\n');
		if (i == to)
			break;
	}
	ok = write_all(fd, strbuf_str(&text), text.length);
	if (close(fd) < 0 || !ok)
		error_warn("fc: %s: %s", edit_path, strerror(errno));
	strbuf_free(&text);
	return ok;
}

static void edit_file_remove(void)
{
	if (edit_path[0] != '\0')
		unlink(edit_path);
	edit_path[0] = '\0';
}

/* Read the edited file back; NULL (after a message) if it cannot be read. */
static char *edit_file_read(void)
{
	struct strbuf text = STRBUF_INIT;
	char chunk[4096];
	ssize_t n;
	int fd = open(edit_path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		error_warn("fc: %s: %s", edit_path, strerror(errno));
		return NULL;
	}
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			error_warn("fc: %s: %s", edit_path, strerror(errno));
			close(fd);
			strbuf_free(&text);
			return NULL;
		}
		strbuf_append(&text, chunk, (size_t)n);
	}
	close(fd);
	while (text.length > 0 && text.data[text.length - 1] == '\n')
		text.data[--text.length] = '\0';
	return strbuf_release(&text);
}

static int edit(const char *editor, int from, int to)
{
	struct strbuf command = STRBUF_INIT;
	struct handler h;
	char *volatile edited = NULL;
	int status;

	if (!edit_file_create(from, to)) {
		edit_file_remove();
		return 1;
	}
	strbuf_append_str(&command, editor);
	strbuf_append_char(&command, ' ');
	append_quoted(&command, edit_path);
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		status = eval_string(arena_strdup(&scratch, strbuf_str(&command)), NULL);
		if (status == 0)
			edited = edit_file_read();
		handler_pop(&h);
	} else {
		handler_pop(&h);
		strbuf_free(&command);
		edit_file_remove();
		raise_exception(exception_raised);
	}
	strbuf_free(&command);
	edit_file_remove();
	if (status != 0) {
		error_warn("fc: %s: exit status %d, nothing run", editor, status);
		history_remove_last();
		return status;
	}
	if (edited == NULL)
		return 1;
	if (edited[strspn(edited, " \t\n")] == '\0') {
		/* Everything was deleted: nothing to enter or run. */
		history_remove_last();
		free(edited);
		return 0;
	}
	command.data = arena_strdup(&scratch, edited);
	free(edited);
	return run_again(command.data);
}

int builtin_fc(int argc, char **argv)
{
	struct builtin_options g = { 1, 0, NULL };
	const char *editor = NULL;
	bool listing = false, numbers = true, reverse = false, again = false;
	char **operands;
	int c, count, current, newest, from, to;

	for (;;) {
		/* "fc -l -3": a negative number is the first operand, not options. */
		if (g.position == 0 && argv[g.index] != NULL && argv[g.index][0] == '-' &&
		    is_number(argv[g.index]))
			break;
		if ((c = builtin_getopt(&g, argv, "e:lnrs")) == -1)
			break;
		switch (c) {
		case 'e':
			editor = g.argument;
			break;
		case 'l':
			listing = true;
			break;
		case 'n':
			numbers = false;
			break;
		case 'r':
			reverse = true;
			break;
		case 's':
			again = true;
			break;
		default:
			return builtin_usage(FC_USAGE);
		}
	}
	operands = argv + g.index;
	count = argc - g.index;
	/* ksh's "fc -e -" is "fc -s". */
	if (editor != NULL && strcmp(editor, "-") == 0 && !listing && !again) {
		again = true;
		editor = NULL;
	}
	if ((again && (listing || editor != NULL || reverse || !numbers)) ||
	    (listing && editor != NULL) || (!listing && !numbers))
		return builtin_usage(FC_USAGE);
	if (!shell.interactive) {
		error_warn("fc: no command history: the shell is not interactive");
		return 1;
	}
	if (!listing && running_again > 0) {
		error_warn("fc: cannot run commands again from a command fc runs again");
		return 1;
	}
	current = history_next_number() - 1;
	if (history_entry(current) == NULL) {
		error_warn("fc: the command history is empty");
		return 1;
	}

	if (again) {
		char *substitution = NULL;

		if (count > 0 && strchr(operands[0], '=') != NULL) {
			substitution = operands[0];
			operands++;
			count--;
		}
		if (count > 1)
			return builtin_usage(FC_USAGE);
		return reexecute(substitution, count > 0 ? operands[0] : NULL, current);
	}
	if (count > 2)
		return builtin_usage(FC_USAGE);

	/* Ranges: a number outside the history means its oldest or newest entry. */
	newest = listing ? current : current - 1;
	if (newest < history_first_number()) {
		error_warn("fc: no command to edit");
		return 1;
	}
	if (count == 0) {
		from = listing ? current - (LIST_DEFAULT - 1) : newest;
		if (from < history_first_number())
			from = history_first_number();
	} else {
		from = resolve(operands[0], current, newest, true);
		if (from == NOT_FOUND) {
			error_warn("fc: %s: no such command in history", operands[0]);
			return 1;
		}
	}
	if (count == 2) {
		to = resolve(operands[1], current, newest, true);
		if (to == NOT_FOUND) {
			error_warn("fc: %s: no such command in history", operands[1]);
			return 1;
		}
	} else {
		to = listing ? newest : from;
	}
	if (reverse) {
		int swap = from;

		from = to;
		to = swap;
	}
	if (listing) {
		list(from, to, numbers);
		return 0;
	}
	if (editor == NULL) {
		editor = var_get("FCEDIT");
		if (editor == NULL || *editor == '\0')
			editor = "ed";
	}
	return edit(editor, from, to);
}
