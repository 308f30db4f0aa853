/* Shell variables, scopes, positional parameters and the exported environment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "memory.h"
#include "options.h"
#include "vars.h"

struct var_table {
	struct var **buckets;
	size_t bucket_count;	/* a power of two */
	size_t count;
};

static struct var_table table;

/* One saved state of a variable, to be put back when its scope ends. */
struct saved_var {
	char *name;
	char *value;		/* NULL when it was unset */
	int flags;
	struct saved_var *next;
};

struct scope {
	struct saved_var *saved;
	struct scope *outer;
	bool function;		/* a function call's, not temporary assignments' */
};

static struct scope *innermost_scope;

/* The exported environment, rebuilt lazily after a change. */
static char **environment;
static bool environment_stale = true;

struct positional positional;

static const char *ifs_cached;	/* NULL when IFS is unset */

static size_t hash_name(const char *name)
{
	/* FNV-1a: short names, cheap and well spread. */
	size_t h = 2166136261u;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		h ^= *p;
		h *= 16777619u;
	}
	return h;
}

static void table_grow(void)
{
	size_t new_count = table.bucket_count ? table.bucket_count * 2 : 256;
	struct var **buckets = xcalloc(new_count, sizeof *buckets);

	for (size_t i = 0; i < table.bucket_count; i++) {
		struct var *v = table.buckets[i], *next;

		for (; v != NULL; v = next) {
			size_t b = hash_name(v->name) & (new_count - 1);

			next = v->next_in_bucket;
			v->next_in_bucket = buckets[b];
			buckets[b] = v;
		}
	}
	free(table.buckets);
	table.buckets = buckets;
	table.bucket_count = new_count;
}

/*
 * Hooks are kept beside the variables they watch, so that setting a
 * variable costs no search for its hook.
 */
struct hooked_var {
	struct var var;
	var_hook *hook;
};

static struct var *find(const char *name)
{
	if (table.bucket_count == 0)
		return NULL;
	for (struct var *v = table.buckets[hash_name(name) & (table.bucket_count - 1)];
	    v != NULL; v = v->next_in_bucket)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

static struct var *find_or_create(const char *name, bool with_hook)
{
	struct var *v = find(name);

	if (v != NULL)
		return v;
	if (table.count >= table.bucket_count)
		table_grow();
	if (with_hook) {
		struct hooked_var *h = xcalloc(1, sizeof *h);

		v = &h->var;
	} else {
		v = xcalloc(1, sizeof *v);
	}
	v->name = xstrdup(name);
	v->flags = VAR_UNSET;
	size_t b = hash_name(name) & (table.bucket_count - 1);
	v->next_in_bucket = table.buckets[b];
	table.buckets[b] = v;
	table.count++;
	return v;
}

/* Hooked variables are marked by a flag bit outside the public ones. */
#define VAR_HOOKED (1 << 8)

static void changed(struct var *v, int old_flags)
{
	if ((v->flags | old_flags) & VAR_EXPORT)
		environment_stale = true;
	if (v->flags & VAR_HOOKED)
		((struct hooked_var *)v)->hook(v->value);
}

struct var *var_lookup(const char *name)
{
	return find(name);
}

const char *var_get(const char *name)
{
	struct var *v = find(name);

	return v ? v->value : NULL;
}

int var_set(const char *name, const char *value, int flags)
{
	struct var *v = find_or_create(name, false);
	int old_flags = v->flags;

	if ((v->flags & VAR_READONLY) && value != NULL)
		return -1;
	if (option_on(OPT_ALLEXPORT))
		flags |= VAR_EXPORT;
	if (value != NULL) {
		size_t n = strlen(value);

		/* Reuse the old storage when the new value fits: loops assign a lot. */
		if (v->value != NULL && v->length >= n && n + 64 > v->length) {
			memmove(v->value, value, n + 1);
		} else {
			char *copy = xstrndup(value, n);

			free(v->value);
			v->value = copy;
		}
		v->length = n;
		v->flags &= ~VAR_UNSET;
	}
	v->flags |= flags;
	changed(v, old_flags);
	return 0;
}

void var_append(struct var *v, const char *suffix, size_t n)
{
	int old_flags;
	size_t length;

	old_flags = v->flags;
	length = v->length;
	/* A big value is its own mapping: realloc moves its pages, not its bytes. */
	v->value = xrealloc(v->value, length + n + 1);
	memcpy(v->value + length, suffix, n);
	v->value[length + n] = '\0';
	v->length = length + n;
	if (option_on(OPT_ALLEXPORT))
		v->flags |= VAR_EXPORT;
	changed(v, old_flags);
}

void var_assign(const char *name, const char *value, int flags)
{
	if (var_set(name, value, flags) < 0)
		error_raise("%s: is read only", name);
}

void var_assign_string(const char *name_eq_value, int flags)
{
	const char *eq = strchr(name_eq_value, '=');
	char small[64];
	char *name;
	size_t n;

	if (eq == NULL) {
		var_assign(name_eq_value, NULL, flags);
		return;
	}
	n = (size_t)(eq - name_eq_value);
	name = n < sizeof small ? small : xmalloc(n + 1);
	memcpy(name, name_eq_value, n);
	name[n] = '\0';
	if (var_set(name, eq + 1, flags) < 0) {
		/* error_raise does not return: keep the name alive for the message. */
		char *copy = arena_strdup(&scratch, name);

		if (name != small)
			free(name);
		error_raise("%s: is read only", copy);
	}
	if (name != small)
		free(name);
}

int var_unset(const char *name)
{
	struct var *v = find(name);
	int old_flags;

	if (v == NULL)
		return 0;
	if (v->flags & VAR_READONLY)
		return -1;
	old_flags = v->flags;
	free(v->value);
	v->value = NULL;
	v->length = 0;
	v->flags = VAR_UNSET | (v->flags & VAR_HOOKED);
	changed(v, old_flags);
	return 0;
}

void var_clear_flags(const char *name, int flags)
{
	struct var *v = find(name);
	int old_flags;

	if (v == NULL)
		return;
	old_flags = v->flags;
	v->flags &= ~flags;
	changed(v, old_flags);
}

size_t name_length(const char *s)
{
	const char *p = s;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_'))
		return 0;
	for (p++; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '_'; p++)
		;
	return (size_t)(p - s);
}

bool is_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

bool is_name(const char *s)
{
	size_t n = name_length(s);

	return n > 0 && s[n] == '\0';
}

static int compare_vars(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

struct var **var_list(size_t *count)
{
	struct var **list = arena_alloc(&scratch, (table.count + 1) * sizeof *list);
	size_t n = 0;

	for (size_t i = 0; i < table.bucket_count; i++)
		for (struct var *v = table.buckets[i]; v != NULL; v = v->next_in_bucket)
			if ((v->flags & (VAR_EXPORT | VAR_READONLY)) || !(v->flags & VAR_UNSET))
				list[n++] = v;
	list[n] = NULL;
	*count = n;
	return list;
}

struct var **var_sorted(void)
{
	size_t n;
	struct var **list = var_list(&n);

	qsort(list, n, sizeof *list, compare_vars);
	return list;
}

void var_scope_push(bool function)
{
	struct scope *s = xmalloc(sizeof *s);

	s->saved = NULL;
	s->outer = innermost_scope;
	s->function = function;
	innermost_scope = s;
}

static struct scope *function_scope(void)
{
	struct scope *s = innermost_scope;

	while (s != NULL && !s->function)
		s = s->outer;
	return s;
}

bool var_scope_active(void)
{
	return function_scope() != NULL;
}

static struct saved_var *saved_in(struct scope *scope, const char *name)
{
	struct saved_var *saved;

	for (saved = scope->saved; saved != NULL; saved = saved->next)
		if (strcmp(saved->name, name) == 0)
			return saved;
	return NULL;
}

static void save_in(struct scope *scope, const char *name)
{
	struct saved_var *saved;
	struct var *v;

	if (scope == NULL || saved_in(scope, name) != NULL)
		return;
	v = find(name);
	saved = xmalloc(sizeof *saved);
	saved->name = xstrdup(name);
	saved->value = v && v->value ? xstrdup(v->value) : NULL;
	saved->flags = v ? v->flags & ~VAR_HOOKED : VAR_UNSET;
	saved->next = scope->saved;
	scope->saved = saved;
}

void var_save(const char *name)
{
	save_in(innermost_scope, name);
}

/* Take name's record out of scope, if it has one. */
static struct saved_var *unlink_saved(struct scope *scope, const char *name)
{
	for (struct saved_var **link = &scope->saved; *link != NULL; link = &(*link)->next) {
		struct saved_var *saved = *link;

		if (strcmp(saved->name, name) == 0) {
			*link = saved->next;
			return saved;
		}
	}
	return NULL;
}

static void free_saved(struct saved_var *saved)
{
	if (saved == NULL)
		return;
	free(saved->name);
	free(saved->value);
	free(saved);
}

void var_save_local(const char *name)
{
	struct scope *function = function_scope();
	struct saved_var *earlier = NULL;

	/*
	 * "v=3 local v": the variable now belongs to the function.  The
	 * temporary assignments' scopes give up their record of it, or their
	 * end would undo the local (and "local v=5"); the oldest record, the
	 * value from before them, is what the function's return restores.
	 */
	for (struct scope *s = innermost_scope; s != function; s = s->outer) {
		struct saved_var *saved = unlink_saved(s, name);

		if (saved != NULL) {
			free_saved(earlier);
			earlier = saved;
		}
	}
	if (earlier == NULL) {
		save_in(function, name);
	} else if (function == NULL || saved_in(function, name) != NULL) {
		free_saved(earlier);
	} else {
		earlier->next = function->saved;
		function->saved = earlier;
	}
}

void var_scope_pop(void)
{
	struct scope *s = innermost_scope;
	struct saved_var *saved, *next;

	if (s == NULL)
		return;
	innermost_scope = s->outer;
	for (saved = s->saved; saved != NULL; saved = next) {
		struct var *v = find_or_create(saved->name, false);
		int old_flags = v->flags;

		next = saved->next;
		free(v->value);
		v->value = saved->value;
		v->length = v->value != NULL ? strlen(v->value) : 0;
		v->flags = saved->flags | (v->flags & VAR_HOOKED);
		changed(v, old_flags);
		free(saved->name);
		free(saved);
	}
	free(s);
}

char **var_environ(void)
{
	size_t n = 0;

	if (!environment_stale)
		return environment;
	if (environment != NULL) {
		for (char **e = environment; *e; e++)
			free(*e);
		free(environment);
	}
	environment = xmalloc((table.count + 1) * sizeof *environment);
	for (size_t i = 0; i < table.bucket_count; i++) {
		for (struct var *v = table.buckets[i]; v != NULL; v = v->next_in_bucket) {
			if ((v->flags & VAR_EXPORT) && v->value != NULL) {
				size_t name_len = strlen(v->name), value_len = strlen(v->value);
				char *e = xmalloc(name_len + value_len + 2);

				memcpy(e, v->name, name_len);
				e[name_len] = '=';
				memcpy(e + name_len + 1, v->value, value_len + 1);
				environment[n++] = e;
			}
		}
	}
	environment[n] = NULL;
	environment_stale = false;
	return environment;
}

void var_set_hook(const char *name, var_hook *hook)
{
	struct var *v = find(name);

	if (v != NULL && !(v->flags & VAR_HOOKED)) {
		/* Re-create it with room for the hook, keeping its state. */
		char *value = v->value;
		int flags = v->flags;
		size_t b = hash_name(name) & (table.bucket_count - 1);
		struct var **link = &table.buckets[b];

		while (*link != v)
			link = &(*link)->next_in_bucket;
		*link = v->next_in_bucket;
		table.count--;
		free(v->name);
		free(v);
		v = find_or_create(name, true);
		v->value = value;
		v->length = value != NULL ? strlen(value) : 0;
		v->flags = flags;
	} else if (v == NULL) {
		v = find_or_create(name, true);
	}
	v->flags |= VAR_HOOKED;
	((struct hooked_var *)v)->hook = hook;
	hook(v->value);
}

static void free_positional(struct positional p)
{
	for (int i = 0; i < p.count; i++)
		free(p.values[i]);
	free(p.block);
}

static struct positional copy_positional(int count, char **values)
{
	struct positional p;

	p.count = count;
	p.block = xmalloc(((size_t)count + 1) * sizeof(char *));
	p.values = p.block;

	for (int i = 0; i < count; i++)
		p.values[i] = xstrdup(values[i]);
	p.values[count] = NULL;
	return p;
}

void positional_set(int count, char **values)
{
	struct positional p = copy_positional(count, values);

	free_positional(positional);
	positional = p;
}

/* O(1) per parameter: the start moves forward in the block instead of the
 * rest moving down, so a `while shift` loop stays linear. */
void positional_shift(int n)
{
	if (n > positional.count)
		n = positional.count;
	for (int i = 0; i < n; i++)
		free(positional.values[i]);
	positional.values += n;
	positional.count -= n;
}

struct positional positional_replace(int count, char **values)
{
	struct positional saved = positional;

	positional = copy_positional(count, values);
	return saved;
}

void positional_restore(struct positional saved)
{
	free_positional(positional);
	positional = saved;
}

static void ifs_changed(const char *value)
{
	ifs_cached = value;
}

const char *ifs_value(void)
{
	return ifs_cached ? ifs_cached : " \t\n";
}

/* PWD from the environment is kept only if it names the current directory. */
static void set_initial_pwd(void)
{
	const char *pwd = var_get("PWD");
	struct stat dot, there;
	char *cwd;

	if (pwd != NULL && pwd[0] == '/' && stat(pwd, &there) == 0 && stat(".", &dot) == 0 &&
	    there.st_dev == dot.st_dev && there.st_ino == dot.st_ino)
		return;
	cwd = getcwd(NULL, 0);
	if (cwd != NULL) {
		var_set("PWD", cwd, VAR_EXPORT);
		free(cwd);
	}
}

void vars_init(char **env)
{
	char number[32];

	table_grow();
	for (char **e = env; e && *e; e++) {
		const char *eq = strchr(*e, '=');

		if (eq == NULL || eq == *e || name_length(*e) != (size_t)(eq - *e))
			continue;
		var_assign_string(*e, VAR_EXPORT);
	}
	var_set_hook("IFS", ifs_changed);
	var_set("IFS", " \t\n", 0);
	if (var_get("PS1") == NULL)
		var_set("PS1", geteuid() == 0 ? "# " : "$ ", 0);
	if (var_get("PS2") == NULL)
		var_set("PS2", "> ", 0);
	if (var_get("PS4") == NULL)
		var_set("PS4", "+ ", 0);
	var_set("OPTIND", "1", 0);
	snprintf(number, sizeof number, "%ld", (long)getppid());
	var_set("PPID", number, 0);
	set_initial_pwd();
	positional = copy_positional(0, NULL);
}
