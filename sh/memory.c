/* Checked allocation and arenas. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "memory.h"

struct arena scratch;
bool (*allocation_refused)(size_t size);

static void out_of_memory(void)
{
	static const char message[] = "vsh: out of memory\n";

	/* No formatting, no allocation: we have nothing left. */
	(void)!write(2, message, sizeof message - 1);
	_exit(2);
}

void *xmalloc(size_t size)
{
	void *p;

	if (allocation_refused != NULL && allocation_refused(size))
		out_of_memory();
	p = malloc(size ? size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p;

	if (allocation_refused != NULL) {
		if ((size != 0 && count > SIZE_MAX / size) || allocation_refused(count * size))
			out_of_memory();
	}
	p = calloc(count ? count : 1, size ? size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t size)
{
	if (allocation_refused != NULL && allocation_refused(size))
		out_of_memory();
	p = realloc(p, size ? size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * Blocks are chained newest first.  An arena's first block is small (most
 * arenas, a function body's for one, never need more); later blocks are at
 * least ARENA_BLOCK_SIZE, and a bigger request gets a block of its own
 * size.  Released standard blocks are kept on a short free list, since the
 * executor marks and releases the scratch arena around every command and
 * would otherwise call malloc each time.
 */
#define ARENA_FIRST_BLOCK_SIZE (4 * 1024 - 64)
#define ARENA_BLOCK_SIZE (64 * 1024 - 64)
#define ARENA_ALIGN _Alignof(max_align_t)
#define FREE_BLOCKS_KEPT 4

struct arena_block {
	struct arena_block *previous;
	size_t size;		/* usable bytes in data */
	size_t used;
	_Alignas(max_align_t) unsigned char data[];
};

static struct arena_block *free_blocks;
static int free_block_count;

static struct arena_block *block_new(size_t size, bool first)
{
	struct arena_block *b;

	if (size <= ARENA_BLOCK_SIZE && free_blocks != NULL) {
		b = free_blocks;
		free_blocks = b->previous;
		free_block_count--;
	} else {
		if (size < ARENA_FIRST_BLOCK_SIZE || (!first && size < ARENA_BLOCK_SIZE))
			size = first ? ARENA_FIRST_BLOCK_SIZE : ARENA_BLOCK_SIZE;
		if (size > SIZE_MAX - sizeof *b)
			out_of_memory();
		b = xmalloc(sizeof *b + size);
		b->size = size;
	}
	b->used = 0;
	return b;
}

static void block_free(struct arena_block *b)
{
	if (b->size == ARENA_BLOCK_SIZE && free_block_count < FREE_BLOCKS_KEPT) {
		b->previous = free_blocks;
		free_blocks = b;
		free_block_count++;
	} else {
		free(b);
	}
}

/* Out of line, so that the common case in arena_alloc saves no registers. */
static __attribute__((noinline)) void *arena_alloc_in_new_block(struct arena *a, size_t size,
    size_t rounded)
{
	struct arena_block *b;

	if (rounded < size)
		out_of_memory();
	b = block_new(rounded, a->current == NULL);
	b->previous = a->current;
	a->current = b;
	b->used = rounded;
	return b->data;
}

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_block *b = a->current;
	size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	void *p;

	/* rounded < size: size was within ARENA_ALIGN of SIZE_MAX. */
	if (b == NULL || b->size - b->used < rounded || rounded < size)
		return arena_alloc_in_new_block(a, size, rounded);
	p = b->data + b->used;
	b->used += rounded;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

struct arena_mark arena_mark(struct arena *a)
{
	struct arena_mark m = { a->current, a->current ? a->current->used : 0 };

	return m;
}

void arena_release(struct arena *a, struct arena_mark mark)
{
	while (a->current != mark.block) {
		struct arena_block *b = a->current;

		a->current = b->previous;
		block_free(b);
	}
	if (a->current != NULL)
		a->current->used = mark.used;
}

void arena_free(struct arena *a)
{
	struct arena_mark empty = { NULL, 0 };

	arena_release(a, empty);
}
