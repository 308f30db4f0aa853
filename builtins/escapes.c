/* Backslash escapes of echo (XSI) and printf; see escapes.h. */
#include <string.h>

#include "escapes.h"
#include "output.h"

int convert_escape(const char **sp, char *byte, enum escape_style style)
{
	const char *s = *sp;
	int value = 0, digits = 0, max_digits = 3;

	switch (*s) {
	case 'a': *byte = '\a'; break;
	case 'b': *byte = '\b'; break;
	case 'e': *byte = '\033'; break;	/* not POSIX; dash and bash have it */
	case 'f': *byte = '\f'; break;
	case 'n': *byte = '\n'; break;
	case 'r': *byte = '\r'; break;
	case 't': *byte = '\t'; break;
	case 'v': *byte = '\v'; break;
	case '\\': *byte = '\\'; break;
	case 'c':
		if (style != ESCAPE_ARGUMENT)
			return 0;
		*sp = s + 1;
		return -1;
	case '0': case '1': case '2': case '3':
	case '4': case '5': case '6': case '7':
		/* XSI echo and %b write \0nnn: the 0 does not count as a digit there. */
		if (style == ESCAPE_ARGUMENT && *s == '0')
			s++;
		while (digits < max_digits && *s >= '0' && *s <= '7') {
			value = value * 8 + (*s++ - '0');
			digits++;
		}
		*byte = (char)value;
		*sp = s;
		return 1;
	default:
		return 0;
	}
	*sp = s + 1;
	return 1;
}

bool write_escaped(struct output *o, const char *s, enum escape_style style)
{
	for (;;) {
		const char *backslash = strchr(s, '\\');
		char byte;
		int r;

		if (backslash == NULL) {
			out_str(o, s);
			return true;
		}
		out_write(o, s, (size_t)(backslash - s));
		s = backslash + 1;
		r = convert_escape(&s, &byte, style);
		if (r < 0)
			return false;
		if (r == 0)
			out_char(o, '\\');
		else
			out_char(o, byte);
	}
}
