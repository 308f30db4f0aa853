/*
 * Input sources for the parser.
 *
 * Three ways of reading:
 *  - a string (-c, eval, command strings): already in memory;
 *  - a seekable descriptor (script file, stdin redirected from a file):
 *    read in large blocks; input_sync() moves the file offset back to just
 *    after what the parser consumed, so a command reading the same open
 *    file continues where the shell stopped (POSIX, "sh < script");
 *  - a pipe or terminal: read one byte at a time up to each newline, so
 *    nothing past the current line is taken from the descriptor.
 * Terminals also get the PS1 / PS2 prompts.
 *
 * The parser takes bytes straight from the buffer through the window
 * (input.h).  Line numbers are counted, and "set -v" echoes, over the
 * stretch taken since the last count when it calls in; the buffer is
 * never replaced before both have caught up with it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "editor.h"
#include "error.h"
#include "history.h"
#include "input.h"
#include "memory.h"
#include "options.h"
#include "output.h"
#include "prompt.h"
#include "readahead.h"
#include "redir.h"
#include "state.h"
#include "strbuf.h"
#include "trap.h"
#include "vars.h"

enum input_kind {
	INPUT_STRING,
	INPUT_BLOCKS,		/* seekable descriptor */
	INPUT_LINES,		/* pipe, socket, or other unseekable descriptor */
	INPUT_TERMINAL,
};

#define BLOCK_SIZE 65536

struct input {
	/*
	 * First (input.h).  next is the next byte to hand out; the window is
	 * closed (begin == next == end) while bytes given back wait in
	 * pushback and while a command may have read the descriptor (check).
	 */
	struct input_window window;
	enum input_kind kind;
	int fd;
	char *name;
	char *buffer;
	size_t length;		/* bytes valid in buffer */
	size_t capacity;
	const char *nul;	/* the first NUL at or after a recent next, or the end of the bytes */
	/* Bytes given back that are not the ones before next, the last one on top. */
	int *pushback;
	size_t pushback_count;
	size_t pushback_capacity;
	/* The line number at counted (less the newlines waiting in pushback). */
	int line;
	const char *counted;
	const char *newline;	/* the first newline at or after counted, limit if none; or NULL */
	bool continuation;
	bool at_end;		/* the descriptor reported end of file */
	int last;		/* the byte before buffer[0] ('\n' at the start) */
	/*
	 * Seekable input: the file offset of buffer[0].  After input_sync()
	 * the descriptor's offset lags behind the buffer ("lagging") at
	 * synced_offset; the first read after it checks ("check") whether a
	 * command moved it, which means it read what we had buffered.
	 */
	off_t buffer_offset;
	bool lagging;
	bool check;
	off_t synced_offset;
	/* For "set -v": the bytes before echoed were echoed (or passed with the option off). */
	const char *echoed;
	int last_echoed;
	/* Interactive: the lines of the command being read, for the history. */
	struct strbuf command_text;
};

static struct input *input_new(enum input_kind kind, int fd, const char *name)
{
	struct input *in = xcalloc(1, sizeof(*in));

	in->kind = kind;
	in->fd = fd;
	in->name = xstrdup(name != NULL ? name : "");
	in->line = 1;
	in->last = '\n';
	return in;
}

/* The buffer holds new bytes (or moved): everything starts at buffer[0]. */
static void window_reset(struct input *in)
{
	struct input_window *w = &in->window;

	w->begin = w->next = w->end = w->seen = in->buffer;
	in->counted = in->echoed = in->buffer;
	in->nul = in->newline = NULL;
}

/* Open the window as far as it may go, or keep it closed. */
static void window_open(struct input *in)
{
	struct input_window *w = &in->window;
	const char *limit = in->buffer + in->length;

	if (in->pushback_count > 0 || in->check) {
		w->begin = w->end = w->next;
		return;
	}
	if (in->nul == NULL || in->nul < w->next) {
		in->nul = memchr(w->next, '\0', (size_t)(limit - w->next));
		if (in->nul == NULL)
			in->nul = limit;
	}
	w->begin = in->buffer;
	w->end = in->nul;
}

/*
 * Bring the line number up to next.  The parser asks at every token, and
 * most tokens have no newline before them: the first newline after the
 * last count is kept, so that asking costs nothing until next passes it.
 */
static void count_lines(struct input *in)
{
	const char *next = in->window.next;
	const char *limit = in->buffer + in->length;
	const char *q;

	if (next >= in->counted) {
		if (in->newline == NULL || in->newline < in->counted)
			in->newline = in->counted;
		else if (in->newline >= next)
			goto counted;
		for (q = in->newline; (q = memchr(q, '\n', (size_t)(limit - q))) != NULL && q < next; q++)
			in->line++;
		in->newline = q != NULL ? q : limit;
	} else {
		/* Bytes were given back since the last count. */
		for (q = in->counted; q > next; ) {
			if (*--q == '\n') {
				in->line--;
				in->newline = q;
			}
		}
	}
counted:
	in->counted = next;
}

/*
 * "set -v": echo what was taken since the last echo, and what was looked
 * at and given back (as if echoed as it is read).
 */
static void echo_taken(struct input *in)
{
	const char *next = in->window.next > in->window.seen ? in->window.next : in->window.seen;
	const char *start = in->echoed;
	const char *line_end = next;

	if (next <= start)
		return;
	in->echoed = next;
	if (!option_on(OPT_VERBOSE))
		return;
	in->last_echoed = (unsigned char)next[-1];
	/* Whole lines appear at once, as if flushed at each newline. */
	while (line_end > start && line_end[-1] != '\n')
		line_end--;
	if (line_end > start) {
		out_write(out2, start, (size_t)(line_end - start));
		out_flush(out2);
	}
	out_write(out2, line_end, (size_t)(next - line_end));
}

/* Before the buffer changes: lines and echo catch up with what was taken. */
static void catch_up(struct input *in)
{
	count_lines(in);
	echo_taken(in);
}

void input_catch_up(struct input *in)
{
	echo_taken(in);
}

struct input *input_from_fd(int fd, const char *name)
{
	off_t offset = lseek(fd, 0, SEEK_CUR);
	bool seekable = offset != (off_t)-1;
	struct input *in = input_new(seekable ? INPUT_BLOCKS : INPUT_LINES, fd, name);

	/* A redirection naming this descriptor moves it (see redir_claim). */
	if (fd > 9)
		redir_claim(&in->fd);
	if (seekable) {
		in->buffer_offset = offset;
		in->capacity = BLOCK_SIZE;
	} else {
		in->capacity = 256;
	}
	in->buffer = xmalloc(in->capacity);
	window_reset(in);
	return in;
}

struct input *input_from_string(const char *text, const char *name)
{
	struct input *in = input_new(INPUT_STRING, -1, name);

	in->length = strlen(text);
	in->capacity = in->length + 1;
	in->buffer = xmalloc(in->capacity);
	memcpy(in->buffer, text, in->length + 1);
	window_reset(in);
	window_open(in);
	return in;
}

struct input *input_from_terminal(int fd)
{
	struct input *in = input_new(INPUT_TERMINAL, fd, "stdin");

	in->capacity = 256;
	in->buffer = xmalloc(in->capacity);
	window_reset(in);
	return in;
}

void input_close(struct input *in)
{
	if (in == NULL)
		return;
	if (in->fd > 9)
		redir_release(&in->fd);
	if (in->fd >= 0)
		close(in->fd);
	free(in->buffer);
	free(in->pushback);
	free(in->name);
	strbuf_free(&in->command_text);
	free(in);
}

static void input_prompt(struct input *in)
{
	out_str(out2, prompt_plain(prompt_expand(in->continuation)));
	out_flush(out2);
}

/*
 * A signal came while a command was being typed at a terminal.  Ctrl-C
 * (SIGINT) abandons the command, all the lines of it typed so far: the
 * shell's own action unwinds to the command loop from trap_run_pending, a
 * trap's action runs first.  Any other trapped signal runs its action on a
 * line of its own and the typing goes on where it was: the editor shows
 * the half-typed line again (without the editor the terminal still holds
 * it), and the command it continues is still being read.
 */
static void typing_interrupted(struct input *in)
{
	bool abandon = signal_is_pending(SIGINT);
	bool command_begun = in->continuation;
	struct handler h;

	if (abandon) {
		in->length = 0;
		in->pushback_count = 0;
		in->last = '\n';
		in->continuation = false;
		strbuf_reset(&in->command_text);
		editor_drop_line();
		shell.last_status = 130;
	}
	if (!abandon || signal_is_trapped(SIGINT)) {
		out_char(out2, '\n');
		out_flush(out2);
	}
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		trap_run_pending();
		handler_pop(&h);
	} else {
		/* An action that failed or ran "exit": the command goes too. */
		handler_pop(&h);
		editor_drop_line();
		raise_exception(exception_raised);
	}
	/* The parser holds the command's first lines: it starts afresh (nothing more is said). */
	if (abandon && command_begun)
		raise_exception(EXCEPTION_ERROR);
}

static ssize_t input_read(struct input *in, char *buf, size_t size)
{
	ssize_t n;

	for (;;) {
		n = read(in->fd, buf, size);
		if (n >= 0 || errno != EINTR)
			break;
		if (!signals_pending)
			continue;
		/* A signal while waiting for input: after a trap's action the prompt is shown again. */
		if (in->kind == INPUT_TERMINAL) {
			typing_interrupted(in);
			input_prompt(in);
		} else {
			trap_run_pending();
		}
	}
	if (n < 0) {
		int saved = errno;

		in->at_end = true;
		error_warn("read error: %s", strerror(saved));
		return 0;
	}
	return n;
}

/*
 * End of file on a terminal with "set -o ignoreeof": say how to leave and
 * read on.  A terminal that keeps reporting end of file (it is gone) is
 * believed after a while.
 */
static bool ignore_end_of_file(struct input *in)
{
	static int times;

	if (!option_on(OPT_IGNOREEOF) || !isatty(in->fd) || ++times > 50)
		return false;
	out_str(out2, "Use \"exit\" to leave the shell.\n");
	out_flush(out2);
	return true;
}

/* Make room for size bytes in the buffer. */
static void input_reserve(struct input *in, size_t size)
{
	if (size <= in->capacity)
		return;
	while (in->capacity < size)
		in->capacity = in->capacity ? in->capacity * 2 : 256;
	in->buffer = xrealloc(in->buffer, in->capacity);
	window_reset(in);	/* only while filling: nothing in the window to lose */
}

/* A line from the line editor; false at end of input. */
static bool input_fill_edited(struct input *in)
{
	for (;;) {
		int n;
		const char *line = editor_read_line(in->fd, prompt_expand(in->continuation), &n);

		if (line != NULL) {
			input_reserve(in, (size_t)n);
			memcpy(in->buffer, line, (size_t)n);
			in->length = (size_t)n;
			strbuf_append(&in->command_text, line, (size_t)n);
			return true;
		}
		if (n < 0) {
			typing_interrupted(in);
			continue;
		}
		/* The editor left the cursor after the prompt (and its "^D"). */
		out_char(out2, '\n');
		out_flush(out2);
		if (ignore_end_of_file(in))
			continue;
		in->at_end = true;
		return false;
	}
}

/* Read one line, a byte at a time, into the buffer; false at end of input. */
static bool input_fill_line(struct input *in)
{
	in->length = 0;
	if (in->at_end)
		return false;
	if (in->kind == INPUT_TERMINAL && editor_wanted(in->fd))
		return input_fill_edited(in);
	if (in->kind == INPUT_TERMINAL) {
		editor_drop_line();	/* the editor was turned off since it kept one */
		input_prompt(in);
	}
	for (;;) {
		char c;
		ssize_t n = input_read(in, &c, 1);

		if (n == 0) {
			if (in->kind == INPUT_TERMINAL && in->length == 0 && ignore_end_of_file(in)) {
				input_prompt(in);
				continue;
			}
			in->at_end = true;
			break;
		}
		input_reserve(in, in->length + 1);
		in->buffer[in->length++] = c;
		if (c == '\n')
			break;
	}
	/* A terminal's end of file only ends this read: a later read may see more. */
	if (in->kind == INPUT_TERMINAL && in->length > 0) {
		in->at_end = false;
		strbuf_append(&in->command_text, in->buffer, in->length);
	}
	return in->length > 0;
}

/* The first access after input_sync(): did a command read from the descriptor? */
static void input_resume(struct input *in)
{
	off_t now;

	read_ahead_sync(in->fd);	/* a read built-in's offset, made true */
	now = lseek(in->fd, 0, SEEK_CUR);

	in->check = false;
	if (now == in->synced_offset || now == (off_t)-1)
		return;
	/* It did: what we held is gone for us too; go on from where it stopped. */
	catch_up(in);
	in->buffer_offset = now;
	in->length = 0;
	in->pushback_count = 0;
	window_reset(in);
	in->at_end = false;
	in->lagging = false;
}

/* Read more into the buffer (all of it was taken); false at the end of input. */
static bool input_fill(struct input *in)
{
	ssize_t n;
	bool more = false;

	catch_up(in);
	if (in->kind == INPUT_STRING)
		return false;
	if (in->length > 0)
		in->last = (unsigned char)in->buffer[in->length - 1];
	in->buffer_offset += (off_t)in->length;
	/* Empty until the read is done: a signal's jump out of it leaves nothing stale. */
	in->length = 0;
	window_reset(in);
	switch (in->kind) {
	case INPUT_STRING:
		return false;
	case INPUT_LINES:
	case INPUT_TERMINAL:
		more = input_fill_line(in);
		break;
	case INPUT_BLOCKS:
		if (in->at_end)
			return false;
		read_ahead_sync(in->fd);
		if (in->lagging) {
			lseek(in->fd, in->buffer_offset, SEEK_SET);
			in->lagging = false;
		}
		n = input_read(in, in->buffer, in->capacity);
		in->length = (size_t)n;
		if (n == 0)
			in->at_end = true;
		more = n > 0;
		break;
	}
	window_reset(in);
	window_open(in);
	return more;
}

int input_getc_slow(struct input *in)
{
	struct input_window *w = &in->window;

	for (;;) {
		if (in->check) {
			input_resume(in);
			window_open(in);
		}
		if (in->pushback_count > 0) {
			int c = in->pushback[--in->pushback_count];

			if (c == '\n')
				in->line++;
			if (in->pushback_count == 0)
				window_open(in);
			return c;
		}
		if (w->next < w->end)
			return (unsigned char)*w->next++;
		if (w->next < in->buffer + in->length) {
			/* A NUL byte: passed over. */
			if (*w->next == '\0')
				w->next++;
			window_open(in);
			continue;
		}
		if (!input_fill(in))
			break;
	}
	if (option_on(OPT_VERBOSE)) {
		/* A last line without a newline still ends its echo. */
		if (in->last_echoed != 0 && in->last_echoed != '\n') {
			in->last_echoed = '\n';
			out_char(out2, '\n');
		}
		out_flush(out2);
	}
	return -1;
}

void input_ungetc_slow(struct input *in, int c)
{
	struct input_window *w = &in->window;

	if (c < 0)
		return;
	if (in->check) {
		input_resume(in);
		window_open(in);
	}
	if (in->pushback_count == 0 && w->next > in->buffer && (unsigned char)w->next[-1] == c) {
		/* The byte before next, when the window starts after it. */
		if (w->next > w->seen)
			w->seen = w->next;
		w->next--;
		window_open(in);
		return;
	}
	if (in->pushback_count == in->pushback_capacity) {
		in->pushback_capacity = in->pushback_capacity ? in->pushback_capacity * 2 : 16;
		in->pushback = xrealloc(in->pushback, in->pushback_capacity * sizeof(int));
	}
	in->pushback[in->pushback_count++] = c;
	if (c == '\n')
		in->line--;
	window_open(in);
}

void input_set_continuation(struct input *in, bool continuation)
{
	in->continuation = continuation;
}

void input_skip_line(struct input *in)
{
	int c;

	/* Already at the start of a line: nothing of it was read yet. */
	if (in->pushback_count == 0 &&
	    (in->window.next > in->buffer ? in->window.next[-1] : in->last) == '\n')
		return;
	do
		c = input_getc(in);
	while (c != '\n' && c != -1);
	echo_taken(in);
}

void input_sync(struct input *in)
{
	off_t consumed;

	/*
	 * Only descriptors 0-9 can be shared with commands: the shell keeps a
	 * script file it opened above them, close-on-exec.
	 */
	if (in->kind != INPUT_BLOCKS || in->fd > 9 || in->check)
		return;
	consumed = in->buffer_offset + (off_t)(in->window.next - in->buffer) -
	    (off_t)in->pushback_count;
	if (in->lagging && consumed == in->synced_offset) {
		in->check = true;
		window_open(in);
		return;
	}
	if (!in->lagging && in->window.next == in->buffer + in->length && in->pushback_count == 0)
		return;		/* the offset is right already */
	if (lseek(in->fd, consumed, SEEK_SET) == (off_t)-1)
		return;
	in->synced_offset = consumed;
	in->lagging = true;
	in->check = true;
	window_open(in);	/* closed: the next access checks first */
}

void input_command_read(struct input *in, bool function_definition)
{
	struct strbuf *text = &in->command_text;

	if (in->kind != INPUT_TERMINAL || text->length == 0)
		return;
	/* One entry per command, however many lines it took; no final newline. */
	if (text->data[text->length - 1] == '\n')
		text->data[--text->length] = '\0';
	if (!(function_definition && option_on(OPT_NOLOG)))
		history_add(strbuf_str(text));
	strbuf_reset(text);
}

void input_read_on(struct input *in)
{
	if (in->kind == INPUT_TERMINAL)
		in->at_end = false;
}

const char *input_name(const struct input *in)
{
	return in->name;
}

int input_line(struct input *in)
{
	const char *next = in->window.next;

	/* The usual case: the next newline is still ahead. */
	if (next >= in->counted && in->newline != NULL && in->newline >= next)
		in->counted = next;
	else
		count_lines(in);
	return in->line;
}

bool input_is_interactive(const struct input *in)
{
	return in->kind == INPUT_TERMINAL;
}
