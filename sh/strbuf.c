/* Growable strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"
#include "strbuf.h"

void strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t needed = sb->length + extra + 1;

	if (needed <= sb->capacity)
		return;
	/* Doubling keeps repeated appends linear overall. */
	size_t capacity = sb->capacity ? sb->capacity : 64;
	while (capacity < needed)
		capacity *= 2;
	sb->data = xrealloc(sb->data, capacity);
	sb->capacity = capacity;
}

void strbuf_append(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_grow(sb, n);
	memcpy(sb->data + sb->length, s, n);
	sb->length += n;
	sb->data[sb->length] = '\0';
}

void strbuf_append_str(struct strbuf *sb, const char *s)
{
	strbuf_append(sb, s, strlen(s));
}

void strbuf_append_char(struct strbuf *sb, char c)
{
	if (sb->length + 2 > sb->capacity)
		strbuf_grow(sb, 1);
	sb->data[sb->length++] = c;
	sb->data[sb->length] = '\0';
}

void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	strbuf_grow(sb, 64);
	n = vsnprintf(sb->data + sb->length, sb->capacity - sb->length, fmt, ap);
	if (n < 0) {
		va_end(again);
		return;
	}
	if ((size_t)n >= sb->capacity - sb->length) {
		strbuf_grow(sb, (size_t)n);
		vsnprintf(sb->data + sb->length, sb->capacity - sb->length, fmt, again);
	}
	va_end(again);
	sb->length += (size_t)n;
}

void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
}

const char *strbuf_str(struct strbuf *sb)
{
	return sb->data ? sb->data : "";
}

char *strbuf_release(struct strbuf *sb)
{
	char *s = sb->data ? sb->data : xstrdup("");

	sb->data = NULL;
	sb->length = sb->capacity = 0;
	return s;
}

void strbuf_reset(struct strbuf *sb)
{
	sb->length = 0;
	if (sb->data)
		sb->data[0] = '\0';
}

void strbuf_free(struct strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->length = sb->capacity = 0;
}
