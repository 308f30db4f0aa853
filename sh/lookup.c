/*
 * Command search and the table of remembered program paths.
 *
 * Only paths found through absolute PATH entries are remembered: a
 * relative entry ("." or empty) means something else after "cd".
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"
#include "exec.h"
#include "lookup.h"
#include "memory.h"
#include "output.h"
#include "vars.h"

struct hashed_command {
	struct hashed_command *next;
	char *path;
	char name[];
};

#define HASH_BUCKETS 128

static struct hashed_command *buckets[HASH_BUCKETS];
static bool hook_registered;

static unsigned hash_name(const char *s)
{
	unsigned h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h % HASH_BUCKETS;
}

void hash_forget_all(void)
{
	for (int i = 0; i < HASH_BUCKETS; i++) {
		struct hashed_command *c, *next;

		for (c = buckets[i]; c != NULL; c = next) {
			next = c->next;
			free(c->path);
			free(c);
		}
		buckets[i] = NULL;
	}
}

void hash_forget(const char *name)
{
	struct hashed_command **link = &buckets[hash_name(name)];

	for (; *link != NULL; link = &(*link)->next) {
		if (strcmp((*link)->name, name) == 0) {
			struct hashed_command *c = *link;

			*link = c->next;
			free(c->path);
			free(c);
			return;
		}
	}
}

static void path_changed(const char *value)
{
	(void)value;
	hash_forget_all();
}

static void register_hook(void)
{
	if (!hook_registered) {
		hook_registered = true;
		var_set_hook("PATH", path_changed);
	}
}

const char *hash_get(const char *name)
{
	for (struct hashed_command *c = buckets[hash_name(name)]; c != NULL; c = c->next)
		if (strcmp(c->name, name) == 0)
			return c->path;
	return NULL;
}

static const char *remember(const char *name, const char *path)
{
	size_t n = strlen(name);
	struct hashed_command *c = xmalloc(sizeof *c + n + 1);
	unsigned h = hash_name(name);

	memcpy(c->name, name, n + 1);
	c->path = xstrdup(path);
	c->next = buckets[h];
	buckets[h] = c;
	return c->path;
}

const char *default_path(void)
{
	static char *path;

	if (path == NULL) {
		size_t n = confstr(_CS_PATH, NULL, 0);

		if (n == 0) {
			path = "/usr/bin:/bin";
		} else {
			path = xmalloc(n);
			confstr(_CS_PATH, path, n);
		}
	}
	return path;
}

/*
 * The search itself; *absolute tells whether the directory it was found
 * in was absolute (so the result may be remembered).
 */
static char *search(const char *name, const char *path, bool readable_only, bool *absolute)
{
	size_t name_len = strlen(name);
	char *fallback = NULL;
	bool fallback_absolute = false;
	/* PATH unset: search where dash does rather than nowhere. */
	const char *p = path != NULL ? path : UNSET_PATH_SEARCH;

	for (;;) {
		const char *end = strchr(p, ':');
		size_t dir_len = end ? (size_t)(end - p) : strlen(p);
		char *candidate = arena_alloc(&scratch, dir_len + name_len + 2);
		struct stat st;

		if (dir_len == 0) {
			memcpy(candidate, name, name_len + 1);
		} else {
			memcpy(candidate, p, dir_len);
			candidate[dir_len] = '/';
			memcpy(candidate + dir_len + 1, name, name_len + 1);
		}
		if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) {
			if (access(candidate, readable_only ? R_OK : X_OK) == 0) {
				*absolute = dir_len > 0 && p[0] == '/';
				return candidate;
			}
			if (fallback == NULL && !readable_only) {
				fallback = candidate;
				fallback_absolute = dir_len > 0 && p[0] == '/';
			}
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	*absolute = fallback_absolute;
	return fallback;
}

char *path_search(const char *name, const char *path, bool readable_only)
{
	bool absolute;

	return search(name, path, readable_only, &absolute);
}

static bool find_program(const char *name, int flags, struct command_target *target)
{
	const char *path;
	bool absolute;
	char *found;

	if (strchr(name, '/') != NULL) {
		target->path = name;
		target->hashed = false;
		return true;
	}
	if (flags & LOOKUP_DEFAULT_PATH) {
		target->path = path_search(name, default_path(), false);
		target->hashed = false;
		return target->path != NULL;
	}
	register_hook();
	path = hash_get(name);
	/* A remembered program that was moved or removed is searched for again (XCU 2.9.1.4). */
	if (path != NULL && access(path, X_OK) != 0) {
		hash_forget(name);
		path = NULL;
	}
	if (path != NULL) {
		target->path = path;
		target->hashed = true;
		return true;
	}
	found = search(name, var_get("PATH"), false, &absolute);
	if (found == NULL)
		return false;
	target->hashed = false;
	if (absolute && !(flags & LOOKUP_NO_HASH))
		target->path = remember(name, found);
	else
		target->path = found;
	return true;
}

const char *program_lookup(const char *name)
{
	struct command_target t;

	return find_program(name, 0, &t) ? t.path : NULL;
}

/*
 * builtin_find() is a binary search with a string compare at each step:
 * remember its answers (the table never changes) in a small direct-mapped
 * cache, since every simple command asks.
 */
#define BUILTIN_CACHE_SLOTS 256
#define BUILTIN_CACHE_NAME_MAX 24

static struct builtin_cache_slot {
	char name[BUILTIN_CACHE_NAME_MAX];
	const struct builtin *builtin;
} builtin_cache[BUILTIN_CACHE_SLOTS];

static const struct builtin *builtin_find_cached(const char *name)
{
	unsigned h = 5381;
	size_t length = 0;
	struct builtin_cache_slot *slot;

	for (const char *s = name; *s != '\0'; s++, length++)
		h = h * 33 + (unsigned char)*s;
	if (length >= BUILTIN_CACHE_NAME_MAX)
		return builtin_find(name);
	slot = &builtin_cache[h % BUILTIN_CACHE_SLOTS];
	if (memcmp(slot->name, name, length + 1) != 0) {
		memcpy(slot->name, name, length + 1);
		slot->builtin = builtin_find(name);
	}
	return slot->builtin;
}

bool command_lookup(const char *name, int flags, struct command_target *target)
{
	const struct builtin *b = NULL;

	target->builtin = NULL;
	target->function = NULL;
	target->path = NULL;
	target->hashed = false;
	if (strchr(name, '/') == NULL) {
		b = builtin_find_cached(name);
		if (b != NULL && (b->flags & BUILTIN_SPECIAL)) {
			target->kind = COMMAND_SPECIAL_BUILTIN;
			target->builtin = b;
			return true;
		}
		if (!(flags & LOOKUP_NO_FUNCTIONS)) {
			target->function = function_lookup(name);
			if (target->function != NULL) {
				target->kind = COMMAND_FUNCTION;
				return true;
			}
		}
		if (b != NULL) {
			target->kind = COMMAND_BUILTIN;
			target->builtin = b;
			return true;
		}
	}
	if (find_program(name, flags, target)) {
		target->kind = COMMAND_PROGRAM;
		return true;
	}
	target->kind = COMMAND_NOT_FOUND;
	return false;
}

bool hash_add(const char *name)
{
	struct command_target t;

	if (strchr(name, '/') != NULL)
		return true;
	if (builtin_find(name) != NULL || function_lookup(name) != NULL)
		return true;
	hash_forget(name);
	return find_program(name, 0, &t);
}

void hash_print(void)
{
	for (int i = 0; i < HASH_BUCKETS; i++)
		for (struct hashed_command *c = buckets[i]; c != NULL; c = c->next) {
			out_str(out1, c->path);
			out_char(out1, '\n');
		}
}
