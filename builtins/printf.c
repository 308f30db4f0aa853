/*
 * printf (POSIX.1-2024): the format is reused while arguments remain;
 * conversions take their argument in order or, when the format numbers
 * them ("%2$s"), by number (a format uses one style or the other).
 * Numbers are formatted by the C library from a rebuilt specification
 * without the field width; numbers and strings are padded here.
 * Everything goes to out1.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "builtins.h"
#include "error.h"
#include "escapes.h"
#include "memory.h"
#include "output.h"
#include "strbuf.h"
#include "trap.h"

struct printf_run {
	char **args;		/* all the argument operands */
	int count;
	int base;		/* first argument of this pass through the format */
	int next;		/* next unnumbered argument */
	int highest;		/* highest numbered argument used in this pass */
	int numbered;		/* -1 undecided, 0 unnumbered, 1 numbered (all-or-nothing) */
	int status;
	bool stop;		/* "\c" in a %b argument, a bad directive, or Control-C */
};

/* The argument for a conversion (number 0: the next one); NULL when missing. */
static const char *take_argument(struct printf_run *r, int number)
{
	int index;

	if (number > 0) {
		index = r->base + number - 1;
		if (number > r->highest)
			r->highest = number;
	} else {
		index = r->next++;
	}
	return index < r->count ? r->args[index] : NULL;
}

static void number_error(struct printf_run *r, const char *arg, bool range)
{
	error_warn("printf: %s: %s", arg, range ? "Result too large" : "invalid number");
	r->status = 1;
}

/* Bytes in the (possibly multibyte) character at s; at least 1. */
static size_t character_length(const char *s)
{
	mbstate_t state;
	size_t n;

	memset(&state, 0, sizeof state);
	n = mbrtowc(NULL, s, MB_CUR_MAX, &state);
	return n == 0 || n > MB_CUR_MAX ? 1 : n;
}

/* A leading quote: the value is the code of the character after it. */
static bool character_value(const char *arg, uintmax_t *value)
{
	mbstate_t state;
	wchar_t wide;
	size_t n;

	if (arg[0] != '\'' && arg[0] != '"')
		return false;
	memset(&state, 0, sizeof state);
	n = mbrtowc(&wide, arg + 1, MB_CUR_MAX, &state);
	if (n > 0 && n <= MB_CUR_MAX)
		*value = (uintmax_t)wide;
	else
		*value = (unsigned char)arg[1];
	return true;
}

/* The end check shared by the numeric conversions. */
static void check_number(struct printf_run *r, const char *arg, const char *end, bool range)
{
	if (range)
		number_error(r, arg, true);
	else if (end == arg || *end != '\0')
		number_error(r, arg, false);
}

static intmax_t signed_argument(struct printf_run *r, const char *arg)
{
	uintmax_t code;
	intmax_t value;
	char *end;

	if (arg == NULL || *arg == '\0')
		return 0;
	if (character_value(arg, &code))
		return (intmax_t)code;
	errno = 0;
	value = strtoimax(arg, &end, 0);
	check_number(r, arg, end, errno == ERANGE);
	return value;
}

static uintmax_t unsigned_argument(struct printf_run *r, const char *arg)
{
	uintmax_t value;
	char *end;

	if (arg == NULL || *arg == '\0')
		return 0;
	if (character_value(arg, &value))
		return value;
	errno = 0;
	value = strtoumax(arg, &end, 0);
	check_number(r, arg, end, errno == ERANGE);
	return value;
}

static double float_argument(struct printf_run *r, const char *arg)
{
	uintmax_t code;
	double value;
	char *end;

	if (arg == NULL || *arg == '\0')
		return 0;
	if (character_value(arg, &code))
		return (double)code;
	errno = 0;
	value = strtod(arg, &end);
	check_number(r, arg, end, errno == ERANGE);
	return value;
}

/* A '*' width or precision as an int. */
static int int_argument(struct printf_run *r, const char *arg)
{
	intmax_t value = signed_argument(r, arg);

	if (value > INT_MAX || value < -INT_MAX) {
		number_error(r, arg, true);
		return value < 0 ? -INT_MAX : INT_MAX;
	}
	return (int)value;
}

/*
 * Padding can run to gigabytes ("%01000000000d"): it stops, and printf
 * with it, when Control-C or a hang-up arrives, as a program would die of
 * them.  The signal itself is dealt with after the built-in returns.
 * False when it stopped.
 */
static bool write_padding(struct printf_run *r, int n, char fill)
{
	char chunk[256];

	if (n <= 0)
		return true;
	memset(chunk, fill, n < (int)sizeof chunk ? (size_t)n : sizeof chunk);
	while (n > 0) {
		int length = n < (int)sizeof chunk ? n : (int)sizeof chunk;
		int sig;

		out_write(out1, chunk, (size_t)length);
		n -= length;
		if (signals_pending && (sig = signal_interrupting()) != 0) {
			r->status = 128 + sig;
			r->stop = true;
			return false;
		}
	}
	return true;
}

/*
 * Past these precisions the C library would write every zero itself, in
 * one call that cannot be interrupted, into a buffer of that size
 * ("%.1000000000d"): it formats this many digits and the rest are written
 * as padding.  A double's exact decimal expansion has at most 767
 * significant digits and 1,074 after the point, so digits past the cap
 * are zeros.
 */
#define INTEGER_PRECISION_CAP 64
#define FLOAT_PRECISION_CAP 2000

/* A run of padding inside a formatted number. */
struct padding {
	size_t at;		/* before this byte of the text */
	int count;
	char fill;
};

/* Where a number's leading zeros go: after its sign and a "0x" prefix. */
static size_t after_prefix(const char *text)
{
	size_t at = 0;

	if (text[0] == '-' || text[0] == '+' || text[0] == ' ')
		at = 1;
	if (text[at] == '0' && (text[at + 1] == 'x' || text[at + 1] == 'X'))
		at += 2;
	return at;
}

/*
 * A number the C library formatted without its field width (and with its
 * precision capped), padded here as it is written: "%01000000000d" costs
 * no buffer of a gigabyte.  extra zeros complete a capped precision: an
 * integer's after its sign and "0x" (exponent NULL), a fraction's before
 * the first of the exponent letters.
 * The '0' flag puts its zeros after the sign and "0x" and pads infinities
 * and NaNs with spaces, as the C library does.
 */
static void pad_number(struct printf_run *r, const char *text, size_t length,
    int width, bool left, bool zeros, int extra, const char *exponent)
{
	struct padding inner = { length, 0, '0' }, outer = { 0, 0, ' ' };
	size_t prefix = after_prefix(text);

	if (extra > 0 && exponent == NULL) {
		inner.at = prefix;
		inner.count = extra;
	} else if (extra > 0) {
		const char *dot = strchr(text, '.');

		if (dot != NULL) {	/* not inf or nan */
			inner.at = strcspn(dot, exponent) + (size_t)(dot - text);
			inner.count = extra;
		}
	}
	if (width > 0 && (size_t)width > length && (size_t)width - length > (size_t)inner.count) {
		outer.count = width - (int)length - inner.count;
		if (left) {
			outer.at = length;
		} else if (zeros && strchr("iInN", text[prefix]) == NULL) {
			/* Not "inf" or "nan" (hexadecimal digits are letters too). */
			outer.at = prefix;
			outer.fill = '0';
		}
	}
	/* At the same place: spaces before a fraction's zeros when right-justified, after when left. */
	bool outer_first = outer.at < inner.at || (outer.at == inner.at && !left);
	struct padding first = outer_first ? outer : inner;
	struct padding second = outer_first ? inner : outer;

	out_write(out1, text, first.at);
	if (!write_padding(r, first.count, first.fill))
		return;
	out_write(out1, text + first.at, second.at - first.at);
	if (!write_padding(r, second.count, second.fill))
		return;
	out_write(out1, text + second.at, length - second.at);
}

/* snprintf into a stack buffer, or the heap when the result is large; then pad it. */
static void write_number(struct printf_run *r, int width, bool left, bool zeros,
    int extra, const char *exponent, const char *spec, ...)
{
	char small[128];
	char *text = small;
	va_list ap;
	int n;

	va_start(ap, spec);
	n = vsnprintf(small, sizeof small, spec, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof small) {
		text = xmalloc((size_t)n + 1);
		va_start(ap, spec);
		vsnprintf(text, (size_t)n + 1, spec, ap);
		va_end(ap);
	}
	pad_number(r, text, (size_t)n, width, left, zeros, extra, exponent);
	if (text != small)
		free(text);
}

/* A string with a field width (and a precision capping its length). */
static void write_field(struct printf_run *r, const char *s, size_t length, int width, int precision, bool left)
{
	if (precision >= 0 && (size_t)precision < length)
		length = (size_t)precision;
	if (!left && width > 0 && (size_t)width > length &&
	    !write_padding(r, width - (int)length, ' '))
		return;
	out_write(out1, s, length);
	if (left && width > 0 && (size_t)width > length)
		write_padding(r, width - (int)length, ' ');
}

/* "%n$" or "*n$": a number followed by '$'; 0 when not there (p untouched). */
static int argument_number(const char **p)
{
	const char *s = *p;
	int n = 0;

	if (*s < '1' || *s > '9')
		return 0;
	while (*s >= '0' && *s <= '9') {
		/* Past any argument count: the argument is missing either way. */
		if (n < INT_MAX / 20)
			n = n * 10 + (*s - '0');
		s++;
	}
	if (*s != '$')
		return 0;
	*p = s + 1;
	return n;
}

/* Numbered and unnumbered conversions cannot be mixed in one format. */
static bool numbering_agrees(struct printf_run *r, bool numbered)
{
	if (r->numbered < 0)
		r->numbered = numbered;
	return r->numbered == numbered;
}

static void bad_directive(struct printf_run *r, const char *start, const char *end)
{
	error_warn("printf: %.*s: invalid directive", (int)(end - start), start);
	r->status = 1;
	r->stop = true;
}

/*
 * The digits of a field width or precision at *p; false (with a message)
 * when the number does not fit in an int, as the C library needs it.
 */
static bool field_number(struct printf_run *r, const char *start, const char **p, int *value)
{
	const char *s = *p;
	int n = 0;
	bool fits = true;

	for (; *s >= '0' && *s <= '9'; s++) {
		if (n > (INT_MAX - (*s - '0')) / 10)
			fits = false;
		else
			n = n * 10 + (*s - '0');
	}
	*p = s;
	*value = n;
	if (!fits) {
		while (*s != '\0' && strchr("diouxXcsbeEfFgGaA", *s) == NULL)
			s++;
		error_warn("printf: %.*s: field width or precision too large",
		    (int)(s - start) + (*s != '\0'), start);
		r->status = 1;
		r->stop = true;
	}
	return fits;
}

/*
 * One conversion specification; p points after the '%'.  Returns the
 * position after it.
 */
static const char *convert(struct printf_run *r, const char *p)
{
	const char *start = p - 1;
	char spec[32];		/* rebuilt for the C library: "%" flags ".*" length conversion */
	size_t length = 0;
	int number, width = 0, precision = -1;
	bool left = false, zeros = false, alternate = false, numbered;
	int extra = 0;
	const char *exponent;
	const char *arg;

	spec[length++] = '%';
	number = argument_number(&p);
	numbered = number > 0;
	while (*p != '\0' && strchr("-+ #0'", *p) != NULL) {
		if (*p == '-')
			left = true;
		if (*p == '0')
			zeros = true;
		if (*p == '#')
			alternate = true;
		if (length < 8 && memchr(spec + 1, *p, length - 1) == NULL)
			spec[length++] = *p;
		p++;
	}
	if (*p == '*') {
		int width_number;

		p++;
		width_number = argument_number(&p);
		if (!numbering_agrees(r, width_number > 0) || !numbering_agrees(r, numbered)) {
			bad_directive(r, start, p);
			return p;
		}
		width = int_argument(r, take_argument(r, width_number));
		if (width < 0) {
			left = true;
			width = -width;
		}
	} else if (!field_number(r, start, &p, &width)) {
		return p;
	}
	if (*p == '.') {
		p++;
		precision = 0;
		if (*p == '*') {
			int precision_number;

			p++;
			precision_number = argument_number(&p);
			if (!numbering_agrees(r, precision_number > 0) || !numbering_agrees(r, numbered)) {
				bad_directive(r, start, p);
				return p;
			}
			precision = int_argument(r, take_argument(r, precision_number));
			if (precision < 0)
				precision = -1;
		} else if (!field_number(r, start, &p, &precision)) {
			return p;
		}
	}
	/* Length modifiers mean nothing here: the shell's numbers are all intmax_t. */
	while (*p != '\0' && strchr("hlLjzt", *p) != NULL)
		p++;
	if (*p == '\0' || strchr("diouxXcsbeEfFgGaA", *p) == NULL) {
		bad_directive(r, start, *p == '\0' ? p : p + 1);
		return *p == '\0' ? p : p + 1;
	}
	if (!numbering_agrees(r, numbered)) {
		bad_directive(r, start, p + 1);
		return p + 1;
	}
	arg = take_argument(r, number);
	/* The width is applied by pad_number: only the precision goes to the C library. */
	if (precision >= 0) {
		spec[length++] = '.';
		spec[length++] = '*';
	}
	/* Past the cap, an integer's zeros are padding (pad_number). */
	if (strchr("diouxX", *p) != NULL && precision > INTEGER_PRECISION_CAP) {
		extra = precision - INTEGER_PRECISION_CAP;
		precision = INTEGER_PRECISION_CAP;
	}
	/* With a precision, an integer's '0' flag is ignored (C and POSIX). */
	switch (*p) {
	case 'd': case 'i':
		spec[length++] = 'j';
		spec[length++] = *p;
		spec[length] = '\0';
		if (precision >= 0)
			write_number(r, width, left, false, extra, NULL, spec, precision, signed_argument(r, arg));
		else
			write_number(r, width, left, zeros, 0, NULL, spec, signed_argument(r, arg));
		break;
	case 'o': case 'u': case 'x': case 'X':
		spec[length++] = 'j';
		spec[length++] = *p;
		spec[length] = '\0';
		if (precision >= 0)
			write_number(r, width, left, false, extra, NULL, spec, precision, unsigned_argument(r, arg));
		else
			write_number(r, width, left, zeros, 0, NULL, spec, unsigned_argument(r, arg));
		break;
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
		/* Where the digits end: hexadecimal ones include 'e'. */
		exponent = *p == 'a' || *p == 'A' ? "pP" : "eE";
		spec[length++] = *p;
		spec[length] = '\0';
		if (precision > FLOAT_PRECISION_CAP) {
			/* %g drops trailing zeros unless '#' keeps them. */
			if (strchr("gG", *p) == NULL || alternate)
				extra = precision - FLOAT_PRECISION_CAP;
			precision = FLOAT_PRECISION_CAP;
		}
		if (precision >= 0)
			write_number(r, width, left, zeros, extra, exponent, spec, precision, float_argument(r, arg));
		else
			write_number(r, width, left, zeros, 0, exponent, spec, float_argument(r, arg));
		break;
	case 'c':
		/* An empty or missing argument gives a NUL byte, as in dash and bash. */
		if (arg == NULL)
			arg = "";
		write_field(r, arg, *arg != '\0' ? character_length(arg) : 1, width, -1, left);
		break;
	case 's':
		if (arg == NULL)
			arg = "";
		write_field(r, arg, strlen(arg), width, precision, left);
		break;
	case 'b': {
		struct strbuf converted = STRBUF_INIT;
		struct output memory = { .fd = -1, .memory = &converted };

		if (width == 0 && precision < 0) {
			if (!write_escaped(out1, arg != NULL ? arg : "", ESCAPE_ARGUMENT))
				r->stop = true;
			break;
		}
		/* Converted first: width and precision count the converted bytes. */
		if (!write_escaped(&memory, arg != NULL ? arg : "", ESCAPE_ARGUMENT))
			r->stop = true;
		write_field(r, strbuf_str(&converted), converted.length, width, precision, left);
		strbuf_free(&converted);
		break;
	}
	}
	return p + 1;
}

/* One pass through the format. */
static void run_format(struct printf_run *r, const char *format)
{
	const char *p = format;

	while (*p != '\0' && !r->stop) {
		const char *special = strpbrk(p, "%\\");
		char byte;

		if (special == NULL) {
			out_str(out1, p);
			return;
		}
		out_write(out1, p, (size_t)(special - p));
		p = special + 1;
		if (*special == '\\') {
			int converted = convert_escape(&p, &byte, ESCAPE_FORMAT);

			out_char(out1, converted > 0 ? byte : '\\');
		} else if (*p == '%') {
			out_char(out1, '%');
			p++;
		} else {
			p = convert(r, p);
		}
	}
}

int builtin_printf(int argc, char **argv)
{
	struct printf_run r;
	const char *format;
	int first = 1;

	(void)argc;
	if (argv[1] != NULL && strcmp(argv[1], "--") == 0)
		first = 2;
	else if (argv[1] != NULL && argv[1][0] == '-' && argv[1][1] != '\0') {
		error_warn("printf: %s: invalid option", argv[1]);
		return builtin_usage("printf format [argument ...]");
	}
	format = argv[first];
	if (format == NULL) {
		error_warn("printf: missing format");
		return builtin_usage("printf format [argument ...]");
	}
	r.args = argv + first + 1;
	for (r.count = 0; r.args[r.count] != NULL; r.count++)
		continue;
	r.base = 0;
	r.numbered = -1;
	r.status = 0;
	r.stop = false;
	out1->failed = false;
	for (;;) {
		int used;

		r.next = r.base;
		r.highest = 0;
		run_format(&r, format);
		used = r.numbered == 1 ? r.highest : r.next - r.base;
		if (r.stop || used == 0 || r.base + used >= r.count)
			break;
		r.base += used;
	}
	if (out_flush(out1) < 0) {
		out1->failed = false;
		error_warn("printf: write error: %s", strerror(out1->error));
		return 1;
	}
	return r.status;
}
