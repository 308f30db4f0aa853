/*
 * Where commands come from: a script file, standard input, a -c string, an
 * eval/dot string, or a terminal.  The parser pulls characters from here.
 *
 * Reading standard input follows POSIX: when a command run by the shell may
 * read the same descriptor, the shell must not have consumed input beyond
 * the command it is running.  A seekable descriptor is read in blocks and
 * repositioned (input_sync) before each command; a pipe or terminal is
 * read a line at a time.
 */
#ifndef VSH_INPUT_H
#define VSH_INPUT_H

#include <stdbool.h>

struct input;

struct input *input_from_fd(int fd, const char *name);		/* takes the descriptor */
struct input *input_from_string(const char *text, const char *name);	/* copies text */
/* Interactive: prompts with PS1 for a new command and PS2 for a continuation. */
struct input *input_from_terminal(int fd);
void input_close(struct input *in);

/*
 * The bytes the parser may take without calling in: a window onto the
 * input's buffer.  Taking a byte is advancing next (never past end);
 * giving back the byte just taken is moving next back (never before
 * begin), after noting in seen how far it went.  What must watch every
 * byte (line numbers, the "set -v" echo) is worked out for whole
 * stretches when the parser calls in: to refill, to ask for the line
 * number, or with input_catch_up() when it stops.
 * The window holds no NUL byte: NULs cannot be in shell text, and the
 * input drops them, as other shells do.
 */
struct input_window {
	const char *begin;
	const char *next;
	const char *end;
	const char *seen;	/* next's furthest, when it went back: "set -v" echoes bytes looked at */
};

/* The window is the first member of struct input. */
static inline struct input_window *input_window(struct input *in)
{
	return (struct input_window *)(void *)in;
}

/*
 * The parser looked at the byte at q (before end) without taking it: as
 * if it had been taken and given back.
 */
static inline void input_window_looked_at(struct input_window *w, const char *q)
{
	if (q + 1 > w->seen)
		w->seen = q + 1;
}

int input_getc_slow(struct input *in);
void input_ungetc_slow(struct input *in, int c);

/* Next byte, or -1 at end of input.  Read errors are reported and act as end of input. */
static inline int input_getc(struct input *in)
{
	struct input_window *w = input_window(in);

	if (w->next < w->end)
		return (unsigned char)*w->next++;
	return input_getc_slow(in);
}

/* Give back c, a byte taken (or -1: nothing); any number of times. */
static inline void input_ungetc(struct input *in, int c)
{
	struct input_window *w = input_window(in);

	if (w->next > w->begin && (unsigned char)w->next[-1] == c) {
		if (w->next > w->seen)
			w->seen = w->next;
		w->next--;
	} else {
		input_ungetc_slow(in, c);
	}
}

/*
 * The parser stops reading for now (a command is read, or a syntax error
 * is about to be reported): the "set -v" echo catches up with what it took.
 */
void input_catch_up(struct input *in);
/* The parser says whether the next line starts a command (PS1) or continues one (PS2). */
void input_set_continuation(struct input *in, bool continuation);
/* Discard what is left of the current line (after a syntax error). */
void input_skip_line(struct input *in);
/* Put a seekable descriptor back to just after what has been consumed. */
void input_sync(struct input *in);
/*
 * The parser has read a whole command (or given up on it with a syntax
 * error): an interactive input enters the lines it took into the history,
 * unless it defines a function and "set -o nolog" is on.
 */
void input_command_read(struct input *in, bool function_definition);
/* A terminal's end of file was not taken as the end (stopped jobs): read on. */
void input_read_on(struct input *in);
const char *input_name(const struct input *in);
int input_line(struct input *in);		/* current line number, from 1 */
bool input_is_interactive(const struct input *in);

#endif
