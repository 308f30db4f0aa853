/*
 * Pattern matching notation (XCU 2.14), shared by case, the ${x#pattern}
 * family and pathname expansion.
 *
 * Matching is iterative: a '*' records one backtrack point and a later
 * '*' replaces it, which is enough because every other element matches
 * exactly one character.  This keeps matching O(pattern * subject) at
 * worst instead of exponential.  Characters are decoded with mbrtowc()
 * only when the locale is multibyte and the byte is not ASCII.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "memory.h"
#include "pattern.h"

/* Bytes that are not a valid character map above the Unicode range, so they only equal themselves. */
#define INVALID_BYTE_BASE 0x110000u

static bool locale_is_multibyte(void)
{
	return MB_CUR_MAX > 1;
}

/* Decode one character of [s, end); returns its length in bytes (at least 1). */
static size_t decode_char(const char *s, const char *end, bool multibyte, unsigned *wc)
{
	unsigned char byte = (unsigned char)*s;
	mbstate_t state;
	wchar_t w;
	size_t n;

	if (byte < 0x80 || !multibyte) {
		*wc = byte;
		return 1;
	}
	memset(&state, 0, sizeof state);
	n = mbrtowc(&w, s, (size_t)(end - s), &state);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = INVALID_BYTE_BASE + byte;
		return 1;
	}
	*wc = (unsigned)w;
	return n;
}

/* A pattern character, after an optional backslash; *p advances past it. */
static unsigned pattern_char(const char **p, bool multibyte)
{
	const char *q = *p;
	unsigned wc;

	if (*q == '\\' && q[1] != '\0')
		q++;
	q += decode_char(q, q + strlen(q), multibyte, &wc);
	*p = q;
	return wc;
}

/*
 * Inside a bracket expression at q: "[:name:]", "[=c=]" or "[.c.]".
 * Returns the position after the closing "x]" or NULL when unterminated.
 * A quoted (backslashed) ':' or ']' closes nothing: "[[:alpha\\:]]" has no class.
 */
static const char *bracket_term_end(const char *q)
{
	char delimiter = q[1];
	const char *r;

	for (r = q + 2; *r != '\0'; r++) {
		if (r[0] == '\\' && r[1] != '\0') {
			r++;
			continue;
		}
		if (r[0] == delimiter && r[1] == ']')
			return r + 2;
	}
	return NULL;
}

static bool class_matches(const char *name, size_t length, unsigned wc)
{
	char buffer[32];
	wctype_t type;

	if (length >= sizeof buffer)
		return false;
	memcpy(buffer, name, length);
	buffer[length] = '\0';
	type = wctype(buffer);
	if (type == 0 || wc >= INVALID_BYTE_BASE)
		return false;
	return iswctype((wint_t)wc, type) != 0;
}

/*
 * Match character wc against the bracket expression starting at p ('[').
 * Returns 1 or 0 and sets *after past the closing ']'; returns -1 when the
 * '[' does not start a valid bracket expression (it is then literal).
 */
static int match_bracket(const char *p, unsigned wc, const char **after, bool multibyte)
{
	const char *q = p + 1;
	bool negate = false, matched = false, first = true;

	if (*q == '!' || *q == '^') {
		negate = true;
		q++;
	}
	for (;;) {
		unsigned low, high;

		if (*q == '\0')
			return -1;
		if (*q == ']' && !first)
			break;
		first = false;
		if (q[0] == '[' && (q[1] == ':' || q[1] == '=' || q[1] == '.')) {
			const char *end = bracket_term_end(q);

			if (end != NULL && q[1] == ':') {
				if (class_matches(q + 2, (size_t)(end - q - 4), wc))
					matched = true;
				q = end;
				continue;
			}
			if (end != NULL) {
				/* Equivalence classes and collating symbols: single characters only. */
				const char *c = q + 2;

				low = pattern_char(&c, multibyte);
				q = end;
			} else
				low = pattern_char(&q, multibyte);
		} else
			low = pattern_char(&q, multibyte);
		high = low;
		if (q[0] == '-' && q[1] != ']' && q[1] != '\0') {
			q++;
			if (q[0] == '[' && (q[1] == '=' || q[1] == '.') && bracket_term_end(q) != NULL) {
				const char *c = q + 2;

				high = pattern_char(&c, multibyte);
				q = bracket_term_end(q);
			} else
				high = pattern_char(&q, multibyte);
		}
		if (low <= wc && wc <= high)
			matched = true;
	}
	*after = q + 1;
	return matched != negate;
}

/* Does the pattern element at p match the subject character at s (length n)? Advances *p. */
static bool match_one(const char **p, const char *s, size_t n, unsigned wc, int flags, bool multibyte)
{
	const char *q = *p;

	if (*q == '?') {
		*p = q + 1;
		return !((flags & PATTERN_PATHNAME) && wc == '/');
	}
	if (*q == '[') {
		const char *after;
		int r;

		if ((flags & PATTERN_PATHNAME) && wc == '/') {
			/* A slash is matched only by a literal slash. */
			r = match_bracket(q, wc, &after, multibyte);
			if (r >= 0) {
				*p = after;
				return false;
			}
		} else {
			r = match_bracket(q, wc, &after, multibyte);
			if (r >= 0) {
				*p = after;
				return r == 1;
			}
		}
		/* Not a bracket expression: a literal '['. */
		*p = q + 1;
		return n == 1 && *s == '[';
	}
	if (*q == '\\' && q[1] != '\0')
		q++;
	if ((unsigned char)*q < 0x80 || !multibyte) {
		*p = q + 1;
		return n == 1 && *q == *s;
	} else {
		const char *start = q;
		unsigned pc;
		size_t pn = decode_char(q, q + strlen(q), multibyte, &pc);

		*p = start + pn;
		return pn == n && memcmp(start, s, n) == 0;
	}
}

static bool match_range(const char *p, const char *s, const char *end, int flags, bool multibyte)
{
	const char *star_p = NULL, *star_s = NULL;

	if ((flags & PATTERN_PATHNAME) && s < end && *s == '.') {
		/* A leading period must be matched by a literal period. */
		if (!(p[0] == '.' || (p[0] == '\\' && p[1] == '.')))
			return false;
	}
	for (;;) {
		if (*p == '*') {
			while (*p == '*')
				p++;
			if (*p == '\0') {
				if (!(flags & PATTERN_PATHNAME))
					return true;
				return memchr(s, '/', (size_t)(end - s)) == NULL;
			}
			star_p = p;
			star_s = s;
			continue;
		}
		if (*p == '\0') {
			if (s == end)
				return true;
		} else if (s < end) {
			unsigned wc;
			size_t n = decode_char(s, end, multibyte, &wc);

			if (match_one(&p, s, n, wc, flags, multibyte)) {
				s += n;
				continue;
			}
		}
		/* Mismatch: let the last '*' swallow one more character. */
		if (star_p == NULL || star_s == end)
			return false;
		if ((flags & PATTERN_PATHNAME) && *star_s == '/')
			return false;
		{
			unsigned wc;

			star_s += decode_char(star_s, end, multibyte, &wc);
		}
		p = star_p;
		s = star_s;
	}
}

bool pattern_match(const char *pattern, const char *subject, int flags)
{
	return match_range(pattern, subject, subject + strlen(subject), flags,
	    locale_is_multibyte());
}

bool pattern_match_range(const char *pattern, const char *begin, const char *end, int flags)
{
	return match_range(pattern, begin, end, flags, locale_is_multibyte());
}

bool pattern_has_special(const char *pattern)
{
	const char *p;

	for (p = pattern; *p != '\0'; p++) {
		switch (*p) {
		case '\\':
			if (p[1] != '\0')
				p++;
			break;
		case '*':
		case '?':
		case '[':
			return true;
		}
	}
	return false;
}

char *pattern_unescape(const char *pattern)
{
	size_t length = strlen(pattern);
	char *result = arena_alloc(&scratch, length + 1);
	char *out = result;
	const char *p;

	for (p = pattern; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		*out++ = *p;
	}
	*out = '\0';
	return result;
}

/* Is position s inside the string a character boundary (not a UTF-8 continuation byte)? */
static bool at_boundary(const char *s, bool multibyte)
{
	return !multibyte || ((unsigned char)*s & 0xC0) != 0x80;
}

/*
 * The literal text of a pattern without specials, or NULL: lets prefix and
 * suffix removal with a plain string skip matching altogether.
 */
static char *literal_of(const char *pattern, size_t *length)
{
	char *literal;

	if (pattern_has_special(pattern))
		return NULL;
	literal = pattern_unescape(pattern);
	*length = strlen(literal);
	return literal;
}

static bool is_ascii(const char *s, size_t length)
{
	size_t i;

	for (i = 0; i < length; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/*
 * Does the pattern always match the same number of characters (no '*')?
 * Sets *count.  With such a tail after a leading '*', prefix and suffix
 * removal can test each position once instead of rescanning the subject.
 */
static bool fixed_length(const char *p, size_t *count)
{
	size_t n = 0;

	while (*p != '\0') {
		const char *after;

		if (*p == '*')
			return false;
		if (*p == '[' && match_bracket(p, 0, &after, false) >= 0)
			p = after;
		else if (*p == '\\' && p[1] != '\0')
			p += 2;
		else
			p++;
		n++;
	}
	*count = n;
	return true;
}

long pattern_prefix(const char *pattern, const char *subject, size_t length, bool longest)
{
	bool multibyte = locale_is_multibyte();
	size_t literal_length, tail_length;
	const char *literal = literal_of(pattern, &literal_length);
	const char *tail = pattern;
	size_t i;

	if (literal != NULL) {
		if (literal_length <= length && memcmp(subject, literal, literal_length) == 0)
			return (long)literal_length;
		return -1;
	}
	while (*tail == '*')
		tail++;
	if (tail != pattern && fixed_length(tail, &tail_length) &&
	    (!multibyte || is_ascii(subject, length))) {
		/* "*tail": the prefix ends where tail matches; one byte per character here. */
		if (tail_length > length)
			return -1;
		if (longest) {
			for (i = length + 1; i-- > tail_length;)
				if (match_range(tail, subject + i - tail_length, subject + i, 0, false))
					return (long)i;
		} else {
			for (i = tail_length; i <= length; i++)
				if (match_range(tail, subject + i - tail_length, subject + i, 0, false))
					return (long)i;
		}
		return -1;
	}
	if (!longest) {
		for (i = 0; i <= length; i++)
			if ((i == length || at_boundary(subject + i, multibyte)) &&
			    match_range(pattern, subject, subject + i, 0, multibyte))
				return (long)i;
		return -1;
	}
	for (i = length + 1; i-- > 0;)
		if ((i == length || at_boundary(subject + i, multibyte)) &&
		    match_range(pattern, subject, subject + i, 0, multibyte))
			return (long)i;
	return -1;
}

long pattern_suffix(const char *pattern, const char *subject, size_t length, bool longest)
{
	bool multibyte = locale_is_multibyte();
	const char *end = subject + length;
	size_t literal_length, tail_length;
	const char *literal = literal_of(pattern, &literal_length);
	const char *tail = pattern;
	size_t i;

	if (literal != NULL) {
		if (literal_length <= length &&
		    memcmp(end - literal_length, literal, literal_length) == 0)
			return (long)(length - literal_length);
		return -1;
	}
	while (*tail == '*')
		tail++;
	if (tail != pattern && fixed_length(tail, &tail_length) &&
	    (!multibyte || is_ascii(subject, length))) {
		/* "*tail" matches a suffix exactly when tail matches the end of the subject. */
		if (tail_length > length || !match_range(tail, end - tail_length, end, 0, false))
			return -1;
		return longest ? 0 : (long)(length - tail_length);
	}
	/*
	 * Each attempt stops at the first mismatch, and a pattern ending in
	 * '*' accepts at once, so "%.*" and "%%.*" stay linear.
	 */
	if (longest) {
		for (i = 0; i <= length; i++)
			if ((i == length || at_boundary(subject + i, multibyte)) &&
			    match_range(pattern, subject + i, end, 0, multibyte))
				return (long)i;
		return -1;
	}
	for (i = length + 1; i-- > 0;)
		if ((i == length || at_boundary(subject + i, multibyte)) &&
		    match_range(pattern, subject + i, end, 0, multibyte))
			return (long)i;
	return -1;
}
