/* Buffered output to descriptors or memory. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "output.h"

/* Zero-initialised, so their buffers cost bss, not pages of the binary: out_init() sets the rest. */
static struct output standard_output;
static struct output standard_error;

struct output *out1 = &standard_output;
struct output *out2 = &standard_error;

void out_init(void)
{
	standard_output.fd = 1;
	standard_error.fd = 2;
}

int out_flush(struct output *o)
{
	size_t done = 0;

	if (o->fd < 0 || o->length == 0)
		return o->failed ? -1 : 0;
	while (done < o->length) {
		ssize_t n = write(o->fd, o->buffer + done, o->length - done);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			o->failed = true;
			o->error = errno;
			break;
		}
		done += (size_t)n;
	}
	o->length = 0;
	return o->failed ? -1 : 0;
}

void out_write(struct output *o, const char *s, size_t n)
{
	if (o->fd < 0) {
		strbuf_append(o->memory, s, n);
		return;
	}
	if (o->length + n > sizeof o->buffer) {
		out_flush(o);
		if (n >= sizeof o->buffer) {
			/* Large writes go straight through. */
			while (n > 0) {
				size_t chunk = n < sizeof o->buffer ? n : sizeof o->buffer;

				memcpy(o->buffer, s, chunk);
				o->length = chunk;
				out_flush(o);
				s += chunk;
				n -= chunk;
			}
			return;
		}
	}
	memcpy(o->buffer + o->length, s, n);
	o->length += n;
}

void out_str(struct output *o, const char *s)
{
	out_write(o, s, strlen(s));
}

void out_char(struct output *o, char c)
{
	if (o->fd >= 0 && o->length < sizeof o->buffer) {
		o->buffer[o->length++] = c;
		return;
	}
	out_write(o, &c, 1);
}

void out_vprintf(struct output *o, const char *fmt, va_list ap)
{
	char small[256];
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= 0 && (size_t)n < sizeof small) {
		out_write(o, small, (size_t)n);
	} else if (n >= 0) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_vprintf(&sb, fmt, again);
		out_write(o, sb.data, sb.length);
		strbuf_free(&sb);
	}
	va_end(again);
}

void out_printf(struct output *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	out_vprintf(o, fmt, ap);
	va_end(ap);
}

/*
 * Single quotes protect everything but a single quote, which becomes '\''.
 * Words made only of safe characters are written as they are.
 */
void out_quoted(struct output *o, const char *s)
{
	const char *p;

	if (*s != '\0') {
		for (p = s; *p; p++)
			if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789_-./:,+@%=", *p))
				break;
		if (*p == '\0' && strchr(s, '=') == NULL) {
			out_str(o, s);
			return;
		}
	}
	out_char(o, '\'');
	for (p = s; *p; p++) {
		if (*p == '\'')
			out_str(o, "'\\''");
		else
			out_char(o, *p);
	}
	out_char(o, '\'');
}

void out_flush_all(void)
{
	out_flush(out1);
	out_flush(out2);
}

struct output *out_capture_begin(struct output *mem, struct strbuf *target)
{
	struct output *previous = out1;

	out_flush(out1);
	mem->fd = -1;
	mem->length = 0;
	mem->memory = target;
	mem->failed = false;
	mem->error = 0;
	out1 = mem;
	return previous;
}

void out_capture_end(struct output *previous)
{
	out1 = previous;
}
