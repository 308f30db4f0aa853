/*
 * Memory: checked allocation, and arenas for short-lived data.
 *
 * Parse trees and expansion results are made in arenas and released in one
 * step, which is also what makes error recovery by longjmp leak-free: the
 * code that catches an error releases the arena back to a mark it took.
 */
#ifndef VSH_MEMORY_H
#define VSH_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* These never return NULL: on exhaustion they print a message and exit. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * A harness's ceiling on memory (the fuzz targets set it; the shell never
 * does): when it returns true for a request, the allocation fails as if
 * malloc had returned NULL.
 */
extern bool (*allocation_refused)(size_t size);

struct arena_block;

struct arena {
	struct arena_block *current;	/* chain of blocks, newest first */
};

struct arena_mark {
	struct arena_block *block;
	size_t used;
};

/* An arena starts zeroed: struct arena a = {0}; */
void *arena_alloc(struct arena *a, size_t size);	/* aligned for any type, uninitialised */
/* Zero-filled.  Inline: the sizes are constants, and so the memset becomes a few stores. */
static inline void *arena_zalloc(struct arena *a, size_t size)
{
	return memset(arena_alloc(a, size), 0, size);
}
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
struct arena_mark arena_mark(struct arena *a);
void arena_release(struct arena *a, struct arena_mark mark);	/* frees all allocated since mark */
void arena_free(struct arena *a);				/* frees everything */

/*
 * The scratch arena holds expansion results and other per-command data.
 * The executor takes a mark before each command and releases it after.
 */
extern struct arena scratch;

#endif
