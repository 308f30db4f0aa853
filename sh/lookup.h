/*
 * Command search (XCU 2.9.1.4): special built-ins, functions, other
 * built-ins, then PATH.  Programs found in PATH are remembered in a hash
 * table that "hash" shows and that forgets everything when PATH changes.
 */
#ifndef VSH_LOOKUP_H
#define VSH_LOOKUP_H

#include <stdbool.h>

#include "ast.h"
#include "builtins.h"

enum command_kind {
	COMMAND_NOT_FOUND,
	COMMAND_SPECIAL_BUILTIN,
	COMMAND_FUNCTION,
	COMMAND_BUILTIN,
	COMMAND_PROGRAM,
};

struct command_target {
	enum command_kind kind;
	const struct builtin *builtin;	/* built-ins */
	struct function *function;	/* functions (see exec.c) */
	const char *path;		/* programs: valid until the table changes */
	bool hashed;			/* the path came from the hash table */
};

enum {
	LOOKUP_NO_FUNCTIONS = 1 << 0,	/* "command name": skip functions */
	LOOKUP_DEFAULT_PATH = 1 << 1,	/* "command -p": search the standard PATH, do not hash */
	LOOKUP_NO_HASH = 1 << 2,	/* find without remembering ("type", "command -v") */
};

/* Resolve a command name; true unless COMMAND_NOT_FOUND. */
bool command_lookup(const char *name, int flags, struct command_target *target);

/* The program name runs (PATH and the table, not built-ins: for exec), or NULL. */
const char *program_lookup(const char *name);

/*
 * Search a PATH-like list for name: the first regular file that is
 * executable, else the first regular file (exec then fails with 126).
 * Returns a scratch string, or NULL.  With readable_only, any readable
 * regular file will do (for ".").
 */
char *path_search(const char *name, const char *path, bool readable_only);

/* What a NULL path (PATH unset) means to path_search() and command lookup. */
#define UNSET_PATH_SEARCH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/* The standard PATH from confstr(_CS_PATH). */
const char *default_path(void);

/* The hash table, for "hash". */
void hash_forget_all(void);
void hash_forget(const char *name);
void hash_print(void);
/* Add name to the table by searching PATH; false when not found. */
bool hash_add(const char *name);
/* The remembered path, or NULL. */
const char *hash_get(const char *name);

/* Function records, looked up by name (exec.c). */
struct function *function_lookup(const char *name);

#endif
