/* Pathname expansion (XCU 2.6.6), used by expand.c; not named glob.h so <glob.h> stays the system one. */
#ifndef VSH_PATHGLOB_H
#define VSH_PATHGLOB_H

#include <stddef.h>

/*
 * Expand a pattern (quoted characters escaped with a backslash) into the
 * existing pathnames it matches, sorted with strcoll().  Returns the number
 * of matches; *matches receives a scratch-arena array of them.
 */
size_t glob_expand(const char *pattern, char ***matches);

#endif
