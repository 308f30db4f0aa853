/*
 * Pathname expansion.  The pattern is taken one component at a time:
 * components without special characters are appended to the path as they
 * are; a component with specials reads its directory once and matches each
 * entry.  Entries are stat'ed only when a later component needs them to be
 * directories and d_type cannot tell.  All matches are sorted once at the end.
 */
#include <dirent.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pathglob.h"
#include "memory.h"
#include "pattern.h"

struct glob_state {
	char *path;		/* the path built so far (malloc'd, grown as needed) */
	size_t capacity;
	char **matches;		/* malloc'd array of scratch strings */
	size_t count;
	size_t matches_capacity;
};

static void path_reserve(struct glob_state *g, size_t length)
{
	if (length + 1 > g->capacity) {
		g->capacity = (length + 1) * 2;
		g->path = xrealloc(g->path, g->capacity);
	}
}

static void path_append(struct glob_state *g, size_t *length, const char *s, size_t n)
{
	path_reserve(g, *length + n);
	memcpy(g->path + *length, s, n);
	*length += n;
	g->path[*length] = '\0';
}

static void add_match(struct glob_state *g, size_t length)
{
	if (g->count == g->matches_capacity) {
		g->matches_capacity = g->matches_capacity ? g->matches_capacity * 2 : 16;
		g->matches = xrealloc(g->matches, g->matches_capacity * sizeof *g->matches);
	}
	g->matches[g->count++] = arena_strndup(&scratch, g->path, length);
}

/* The end of the component starting at p: the next '/' or the end of the pattern. */
static const char *component_end(const char *p)
{
	while (*p != '\0' && *p != '/') {
		if (*p == '\\' && p[1] != '\0' && p[1] != '/')
			p++;
		p++;
	}
	return p;
}

/* Is the entry (at path, whose d_type is type) a directory, following symbolic links? */
static bool is_directory(const char *path, unsigned char type)
{
	struct stat st;

#ifdef DT_DIR
	if (type == DT_DIR)
		return true;
	if (type != DT_UNKNOWN && type != DT_LNK)
		return false;
#else
	(void)type;
#endif
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool path_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/*
 * Expand the pattern rest relative to the path g->path[0..length).  A
 * literal remainder is checked for existence: lstat() once per candidate.
 */
static void expand_from(struct glob_state *g, size_t length, const char *rest)
{
	const char *end, *after;
	char *component;
	DIR *dir;
	struct dirent *entry;
	bool need_directory;

	/* Literal components go straight into the path. */
	for (;;) {
		end = component_end(rest);
		after = end;
		while (*after == '/')
			after++;
		component = arena_strndup(&scratch, rest, (size_t)(end - rest));
		if (pattern_has_special(component))
			break;
		{
			char *literal = pattern_unescape(component);

			path_append(g, &length, literal, strlen(literal));
			path_append(g, &length, end, (size_t)(after - end));
		}
		rest = after;
		if (*rest == '\0') {
			/* Escaped specials only: it names a file or nothing. */
			if (path_exists(g->path))
				add_match(g, length);
			return;
		}
	}

	/* A component with specials: read its directory once. */
	path_reserve(g, length);
	g->path[length] = '\0';
	dir = opendir(length == 0 ? "." : g->path);
	if (dir == NULL)
		return;
	need_directory = *end == '/';
	while ((entry = readdir(dir)) != NULL) {
		const char *name = entry->d_name;
		size_t new_length = length;

		if (!pattern_match(component, name, PATTERN_PATHNAME))
			continue;
		path_append(g, &new_length, name, strlen(name));
		if (need_directory) {
			unsigned char type = 0;

#ifdef DT_DIR
			type = entry->d_type;
#endif
			if (!is_directory(g->path, type))
				continue;
			path_append(g, &new_length, end, (size_t)(after - end));
			if (*after != '\0') {
				expand_from(g, new_length, after);
				continue;
			}
		}
		add_match(g, new_length);
	}
	closedir(dir);
}

static int compare_paths(const void *a, const void *b)
{
	return strcoll(*(char *const *)a, *(char *const *)b);
}

/*
 * Where collation is byte order (the C locale, glibc's C.UTF-8) matches are
 * sorted by a merge sort of our own on (key, string) pairs: the key holds
 * the first 8 bytes after the directory prefix all matches share, so most
 * comparisons are one integer compare instead of a strcmp() through
 * qsort()'s function pointer.  It is most of a big glob's time otherwise.
 */
struct sort_item {
	uint64_t key;		/* 8 bytes after the shared prefix, big-endian, NUL-padded */
	char *path;
};

static size_t shared_prefix;

static bool item_before(const struct sort_item *a, const struct sort_item *b)
{
	if (a->key != b->key)
		return a->key < b->key;
	/* Equal keys with a NUL inside: the strings end there, equal. */
	if ((a->key & 0xff) == 0)
		return false;
	return strcmp(a->path + shared_prefix + 8, b->path + shared_prefix + 8) < 0;
}

static void merge_sort(struct sort_item *items, struct sort_item *spare, size_t count)
{
	size_t half = count / 2, i = 0, j = half, k = 0;

	if (count < 2)
		return;
	merge_sort(items, spare, half);
	merge_sort(items + half, spare, count - half);
	if (!item_before(&items[half], &items[half - 1]))
		return;		/* already in order (ties keep their order) */
	memcpy(spare, items, half * sizeof *items);
	while (i < half && j < count) {
		if (item_before(&items[j], &spare[i]))
			items[k++] = items[j++];
		else
			items[k++] = spare[i++];
	}
	while (i < half)
		items[k++] = spare[i++];
}

static bool collation_is_byte_order(void)
{
	const char *name = setlocale(LC_COLLATE, NULL);

	/* glibc's C.UTF-8 collates by code point, which is UTF-8 byte order. */
	return name != NULL && (strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	    strcmp(name, "C.UTF-8") == 0 || strcmp(name, "C.utf8") == 0);
}

static void sort_matches(char **matches, size_t count)
{
	size_t prefix, last_slash = 0;
	struct sort_item *items;

	if (!collation_is_byte_order()) {
		qsort(matches, count, sizeof *matches, compare_paths);
		return;
	}
	/* The longest common prefix, cut back to its last '/'. */
	prefix = strlen(matches[0]);
	for (size_t i = 1; i < count && prefix > 0; i++) {
		size_t j = 0;

		while (j < prefix && matches[i][j] == matches[0][j])
			j++;
		prefix = j;
	}
	for (size_t j = 0; j < prefix; j++)
		if (matches[0][j] == '/')
			last_slash = j + 1;
	shared_prefix = last_slash;

	items = xmalloc(count * sizeof *items);
	for (size_t i = 0; i < count; i++) {
		const unsigned char *p = (const unsigned char *)matches[i] + shared_prefix;
		uint64_t key = 0;
		int n = 0;

		for (; n < 8 && p[n] != '\0'; n++)
			key = key << 8 | p[n];
		key <<= 8 * (8 - n);
		items[i].key = key;
		items[i].path = matches[i];
	}
	struct sort_item *spare = xmalloc((count / 2 + 1) * sizeof *spare);

	merge_sort(items, spare, count);
	for (size_t i = 0; i < count; i++)
		matches[i] = items[i].path;
	free(spare);
	free(items);
}

size_t glob_expand(const char *pattern, char ***matches)
{
	struct glob_state g = { NULL, 0, NULL, 0, 0 };
	size_t length = 0;
	const char *rest = pattern;
	char **result;

	/* A leading slash (or several) is the root; keep them as written. */
	while (*rest == '/')
		rest++;
	path_append(&g, &length, pattern, (size_t)(rest - pattern));
	if (*rest == '\0') {
		free(g.path);
		*matches = NULL;
		return 0;
	}
	expand_from(&g, length, rest);
	free(g.path);
	if (g.count > 1)
		sort_matches(g.matches, g.count);
	result = arena_alloc(&scratch, (g.count + 1) * sizeof *result);
	if (g.count > 0)
		memcpy(result, g.matches, g.count * sizeof *result);
	result[g.count] = NULL;
	free(g.matches);
	*matches = result;
	return g.count;
}
