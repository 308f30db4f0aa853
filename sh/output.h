/*
 * Buffered output for built-ins and the shell's own messages.
 *
 * out1 and out2 write to descriptors 1 and 2 as they are at flush time.
 * Everything buffered is flushed before a process is created (so nothing is
 * written twice) and after each built-in.  For a command substitution run
 * without a process, out1 is pointed at a memory output for the duration.
 */
#ifndef VSH_OUTPUT_H
#define VSH_OUTPUT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

struct output {
	int fd;			/* -1 for a memory output */
	char buffer[4096];
	size_t length;
	struct strbuf *memory;	/* target when fd == -1 */
	bool failed;		/* a write failed (EBADF, EPIPE, ENOSPC ...) since last checked */
	int error;		/* errno of that failure */
};

extern struct output *out1;	/* standard output */
extern struct output *out2;	/* standard error (unbuffered in effect: flushed at each newline) */

void out_init(void);		/* first thing in main() */
void out_write(struct output *o, const char *s, size_t n);
void out_str(struct output *o, const char *s);
void out_char(struct output *o, char c);
void out_printf(struct output *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void out_vprintf(struct output *o, const char *fmt, va_list ap);
/* Write a string quoted so the shell reads it back as the same word. */
void out_quoted(struct output *o, const char *s);
int out_flush(struct output *o);	/* 0, or -1 with o->failed set */
void out_flush_all(void);

/* Point out1 at memory (returns the previous out1 to restore later). */
struct output *out_capture_begin(struct output *mem, struct strbuf *target);
void out_capture_end(struct output *previous);

#endif
