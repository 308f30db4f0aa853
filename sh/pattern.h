/*
 * Pattern matching notation, POSIX.1-2024 XCU 2.14: one implementation for
 * case, the ${x#pattern} family and pathname expansion.  In a pattern a
 * backslash makes the next character literal.
 */
#ifndef VSH_PATTERN_H
#define VSH_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

enum {
	PATTERN_PATHNAME = 1 << 0,	/* '/' and a leading '.' must be matched explicitly */
};

bool pattern_match(const char *pattern, const char *subject, int flags);
/* Does the pattern contain an unescaped *, ? or [ (so that matching is needed at all)? */
bool pattern_has_special(const char *pattern);
/* Remove the backslash escapes: the literal the pattern stands for when it has no specials. */
char *pattern_unescape(const char *pattern);	/* scratch arena */

/* Match against the bytes [begin, end) instead of a NUL-terminated subject. */
bool pattern_match_range(const char *pattern, const char *begin, const char *end, int flags);
/*
 * ${x#p} and ${x##p}: the length of the shortest (or longest) prefix of
 * subject that the pattern matches, or -1.  ${x%p} and ${x%%p}: the offset
 * where the shortest (or longest) matching suffix starts, or -1.
 */
long pattern_prefix(const char *pattern, const char *subject, size_t length, bool longest);
long pattern_suffix(const char *pattern, const char *subject, size_t length, bool longest);

#endif
