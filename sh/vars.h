/*
 * Shell variables, positional parameters, and the environment handed to
 * external commands.
 *
 * Variables live in one hash table.  Function locals ("local") and the
 * temporary assignments in front of a built-in or function ("x=1 cmd") are
 * both done by saving the old value on a scope and restoring it when the
 * scope is popped.
 */
#ifndef VSH_VARS_H
#define VSH_VARS_H

#include <stdbool.h>
#include <stddef.h>

enum {
	VAR_EXPORT = 1 << 0,
	VAR_READONLY = 1 << 1,
	VAR_UNSET = 1 << 2,	/* declared (exported/readonly/local) but without a value */
};

struct var {
	char *name;
	char *value;		/* NULL when VAR_UNSET */
	size_t length;		/* strlen(value): appends and ${#x} need not count */
	int flags;
	struct var *next_in_bucket;
};

void vars_init(char **environ);	/* import the environment; set PPID, IFS, PS1 ... */

/* The value, or NULL when unset.  Special parameters are not variables. */
const char *var_get(const char *name);
struct var *var_lookup(const char *name);

/*
 * Set a value (NULL value: keep the value, only add flags).  flags are
 * added to the variable's flags (VAR_EXPORT, VAR_READONLY); with "set -a"
 * in force, VAR_EXPORT is added too.  Returns 0, or -1 without changing
 * anything when the variable is read-only (no message is printed).
 */
int var_set(const char *name, const char *value, int flags);
/* x="$x$y" in place: add n bytes to the value of v, which is set and writable. */
void var_append(struct var *v, const char *suffix, size_t n);
/* var_set(), but a read-only variable is an error: "vsh: x: is read only" (raises). */
void var_assign(const char *name, const char *value, int flags);
/* "name=value" split at the first '=': the form assignments arrive in. */
void var_assign_string(const char *name_eq_value, int flags);
int var_unset(const char *name);	/* -1 when read-only */
void var_clear_flags(const char *name, int flags);	/* e.g. "export -n" */

bool is_name(const char *s);			/* [A-Za-z_][A-Za-z0-9_]* */
bool is_digits(const char *s);			/* [0-9]+ */
size_t name_length(const char *s);		/* length of the name prefix of s */

/* All variables sorted by name (a scratch array, NULL-terminated). */
struct var **var_sorted(void);
/* The same in no order, and how many (cheaper where order does not matter). */
struct var **var_list(size_t *count);

/*
 * Scopes for "local" and temporary assignments.  var_scope_push() starts a
 * scope (a function call's, or one for the temporary assignments of
 * "x=1 cmd"); var_save() records a variable's current state in the
 * innermost scope (once per scope), var_save_local() in the innermost
 * function's, past any temporary ones ("E=x local v" keeps v for the
 * function); var_scope_pop() restores everything recorded.
 */
void var_scope_push(bool function);
void var_scope_pop(void);
bool var_scope_active(void);	/* inside a function (for "local") */
void var_save(const char *name);
void var_save_local(const char *name);
/* Temporary assignments for "x=1 builtin": exported, restored when the scope pops. */

/*
 * The environment for execve: exported variables as "name=value".  The
 * array is cached and rebuilt only after a change, so repeated launches
 * cost nothing here.  The result stays valid until the next change.
 */
char **var_environ(void);

/* Called with the new value (or NULL when unset) after a variable changes. */
typedef void var_hook(const char *value);
void var_set_hook(const char *name, var_hook *hook);

/* Positional parameters $1 ... */
struct positional {
	int count;
	char **values;		/* $1 onwards, NULL-terminated, inside block */
	char **block;		/* the malloc'd array; shift only moves values */
};
extern struct positional positional;
void positional_set(int count, char **values);		/* copies */
void positional_shift(int n);
/* Functions replace and later restore the positional parameters. */
struct positional positional_replace(int count, char **values);
void positional_restore(struct positional saved);

/* The value of IFS, or " \t\n" when unset (kept up to date by a hook). */
const char *ifs_value(void);

#endif
