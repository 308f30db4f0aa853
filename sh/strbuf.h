/* A growable byte string, always NUL-terminated (it may also hold NULs). */
#ifndef VSH_STRBUF_H
#define VSH_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *data;		/* NULL until the first append; use strbuf_str() */
	size_t length;
	size_t capacity;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_grow(struct strbuf *sb, size_t extra);	/* room for extra more bytes */
void strbuf_append(struct strbuf *sb, const char *s, size_t n);
void strbuf_append_str(struct strbuf *sb, const char *s);
void strbuf_append_char(struct strbuf *sb, char c);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
const char *strbuf_str(struct strbuf *sb);	/* "" when empty; never NULL */
char *strbuf_release(struct strbuf *sb);	/* hand over the malloc'd string; sb becomes empty */
void strbuf_reset(struct strbuf *sb);		/* length 0, keep the memory */
void strbuf_free(struct strbuf *sb);

#endif
