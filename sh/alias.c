/*
 * The alias table: a small chained hash table keyed by name.  Listing
 * sorts on demand, since "alias" without operands is rare.
 */
#include <stdlib.h>
#include <string.h>

#include "alias.h"
#include "memory.h"

struct alias {
	char *name;
	char *value;
	struct alias *next;
};

#define ALIAS_BUCKETS 64

static struct alias *alias_table[ALIAS_BUCKETS];
static size_t alias_count;

static unsigned alias_hash(const char *s)
{
	unsigned h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h % ALIAS_BUCKETS;
}

static struct alias **alias_find(const char *name)
{
	struct alias **ap = &alias_table[alias_hash(name)];

	while (*ap != NULL && strcmp((*ap)->name, name) != 0)
		ap = &(*ap)->next;
	return ap;
}

const char *alias_get(const char *name)
{
	struct alias *a;

	if (alias_count == 0)
		return NULL;	/* the usual case: no hashing for every command word */
	a = *alias_find(name);

	return a != NULL ? a->value : NULL;
}

void alias_set(const char *name, const char *value)
{
	struct alias **ap = alias_find(name);
	struct alias *a = *ap;

	if (a != NULL) {
		char *copy = xstrdup(value);

		free(a->value);
		a->value = copy;
		return;
	}
	a = xmalloc(sizeof(*a));
	a->name = xstrdup(name);
	a->value = xstrdup(value);
	a->next = NULL;
	*ap = a;
	alias_count++;
}

bool alias_remove(const char *name)
{
	struct alias **ap = alias_find(name);
	struct alias *a = *ap;

	if (a == NULL)
		return false;
	*ap = a->next;
	free(a->name);
	free(a->value);
	free(a);
	alias_count--;
	return true;
}

void alias_remove_all(void)
{
	for (size_t i = 0; i < ALIAS_BUCKETS; i++) {
		struct alias *a = alias_table[i];

		while (a != NULL) {
			struct alias *next = a->next;

			free(a->name);
			free(a->value);
			free(a);
			a = next;
		}
		alias_table[i] = NULL;
	}
	alias_count = 0;
}

static int alias_compare(const void *x, const void *y)
{
	const struct alias *a = *(struct alias *const *)x;
	const struct alias *b = *(struct alias *const *)y;

	return strcmp(a->name, b->name);
}

void alias_each(void (*fn)(const char *name, const char *value))
{
	struct alias **all;
	size_t n = 0;

	if (alias_count == 0)
		return;
	all = xmalloc(alias_count * sizeof(*all));
	for (size_t i = 0; i < ALIAS_BUCKETS; i++)
		for (struct alias *a = alias_table[i]; a != NULL; a = a->next)
			all[n++] = a;
	qsort(all, n, sizeof(*all), alias_compare);
	/* fn may not change the table while we walk our copy of the pointers. */
	for (size_t i = 0; i < n; i++)
		fn(all[i]->name, all[i]->value);
	free(all);
}
