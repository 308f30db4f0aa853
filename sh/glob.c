/*
 * Pathname expansion.  The pattern is taken one component at a time:
 * components without special characters are appended to the path as they
 * are; a component with specials reads its directory once and matches each
 * entry.  Entries are stat'ed only when a later component needs them to be
 * directories and d_type cannot tell.  All matches are sorted once at the end.
 */
#include <dirent.h>
#include <stdbool.h>
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
		qsort(g.matches, g.count, sizeof *g.matches, compare_paths);
	result = arena_alloc(&scratch, (g.count + 1) * sizeof *result);
	if (g.count > 0)
		memcpy(result, g.matches, g.count * sizeof *result);
	result[g.count] = NULL;
	free(g.matches);
	*matches = result;
	return g.count;
}
