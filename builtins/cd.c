/*
 * cd [-L|-P [-e]] [directory], cd -, and pwd [-L|-P] (POSIX.1-2024).
 *
 * The logical current directory ($PWD) is kept the POSIX way (cd steps 7
 * and 8): ".." removes the previous component of the path as typed rather
 * than following symbolic links, unless -P is given.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"
#include "error.h"
#include "memory.h"
#include "output.h"
#include "strbuf.h"
#include "vars.h"

static char *current_directory(void)
{
	size_t size = 256;

	for (;;) {
		char *buf = xmalloc(size);

		if (getcwd(buf, size) != NULL)
			return buf;
		free(buf);
		if (errno != ERANGE)
			return NULL;
		size *= 2;
	}
}

static bool is_directory(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return false;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return false;
	}
	return true;
}

/*
 * Canonicalise an absolute path (step 8): drop "." and empty components;
 * ".." removes the component before it, which must be a directory unless
 * only the text is wanted (check false).
 * Returns a malloc'd string, or NULL with errno set.
 */
static char *canonical_path(const char *path, bool check)
{
	size_t length = strlen(path);
	char *out = xmalloc(length + 2);
	size_t used = 0;
	const char *p = path;

	while (*p != '\0') {
		const char *start;
		size_t n;

		while (*p == '/')
			p++;
		start = p;
		while (*p != '\0' && *p != '/')
			p++;
		n = (size_t)(p - start);
		if (n == 0 || (n == 1 && start[0] == '.'))
			continue;
		if (n == 2 && start[0] == '.' && start[1] == '.') {
			if (used == 0)
				continue;	/* "/.." is "/" */
			out[used] = '\0';
			if (check && !is_directory(out)) {
				int saved = errno;

				free(out);
				errno = saved;
				return NULL;
			}
			while (used > 0 && out[used - 1] != '/')
				used--;
			if (used > 0)
				used--;	/* the slash before the removed component */
			continue;
		}
		out[used++] = '/';
		memcpy(out + used, start, n);
		used += n;
	}
	if (used == 0)
		out[used++] = '/';
	out[used] = '\0';
	return out;
}

/* Step 5: the first CDPATH entry under which dir is a directory; NULL if none. */
static char *search_cdpath(const char *dir, bool *print)
{
	const char *cdpath = var_get("CDPATH");
	struct strbuf candidate = STRBUF_INIT;

	if (cdpath == NULL || *cdpath == '\0')
		return NULL;
	for (const char *entry = cdpath;;) {
		const char *colon = strchr(entry, ':');
		size_t n = colon != NULL ? (size_t)(colon - entry) : strlen(entry);

		strbuf_reset(&candidate);
		if (n == 0) {
			strbuf_append_str(&candidate, "./");
		} else {
			strbuf_append(&candidate, entry, n);
			if (entry[n - 1] != '/')
				strbuf_append_char(&candidate, '/');
		}
		strbuf_append_str(&candidate, dir);
		if (is_directory(strbuf_str(&candidate))) {
			*print = n > 0;
			return strbuf_release(&candidate);
		}
		if (colon == NULL)
			break;
		entry = colon + 1;
	}
	strbuf_free(&candidate);
	return NULL;
}

/* The operand begins with a "." or ".." component: CDPATH does not apply. */
static bool starts_with_dot(const char *dir)
{
	if (dir[0] != '.')
		return false;
	if (dir[1] == '\0' || dir[1] == '/')
		return true;
	return dir[1] == '.' && (dir[2] == '\0' || dir[2] == '/');
}

/* Is $PWD an absolute name of "." without "." or ".." components? */
static bool pwd_is_valid(const char *pwd)
{
	struct stat a, b;
	const char *p;

	if (pwd == NULL || pwd[0] != '/')
		return false;
	for (p = pwd; (p = strstr(p, "/.")) != NULL; p++) {
		if (p[2] == '\0' || p[2] == '/')
			return false;
		if (p[2] == '.' && (p[3] == '\0' || p[3] == '/'))
			return false;
	}
	return stat(pwd, &a) == 0 && stat(".", &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino;
}

/*
 * Last of -L and -P wins; -e (cd only: check_pwd not NULL) is noted.
 * Returns -1 after a usage message.
 */
static int parse_physical(char **argv, const char *usage, int *index, bool *physical,
    bool *check_pwd)
{
	struct builtin_options g = { 1, 0, NULL };
	int c;

	*physical = false;
	while ((c = builtin_getopt(&g, argv, check_pwd != NULL ? "LPe" : "LP")) != -1) {
		if (c == '?') {
			builtin_usage(usage);
			return -1;
		}
		if (c == 'e')
			*check_pwd = true;
		else
			*physical = c == 'P';
	}
	*index = g.index;
	return 0;
}

/*
 * The new directory's name when getcwd cannot find it (it was removed, or
 * a parent is unreadable): the old name with the operand applied as text,
 * so that PWD, and OLDPWD after the next cd, still name where the shell is.
 */
static char *guess_directory(const char *oldpwd, const char *path)
{
	struct strbuf full = STRBUF_INIT;
	char *guess;

	if (path[0] == '/' || oldpwd == NULL)
		return xstrdup(path);
	strbuf_append_str(&full, oldpwd);
	strbuf_append_char(&full, '/');
	strbuf_append_str(&full, path);
	guess = canonical_path(strbuf_str(&full), false);
	strbuf_free(&full);
	return guess;
}

int builtin_cd(int argc, char **argv)
{
	const char *usage = "cd [-L|-P [-e]] [directory]";
	const char *dir, *pwd;
	char *found = NULL, *path, *newpwd, *oldpwd;
	bool physical, print = false, check_pwd = false, pwd_unknown = false;
	int index, failure;

	(void)argc;
	if (parse_physical(argv, usage, &index, &physical, &check_pwd) < 0)
		return 2;
	/* With -P and -e, 1 means "changed, PWD unknown": errors are above it. */
	failure = physical && check_pwd ? 2 : 1;
	dir = argv[index];
	if (dir != NULL && argv[index + 1] != NULL) {
		error_warn("cd: too many arguments");
		return builtin_usage(usage);
	}
	if (dir == NULL) {
		dir = var_get("HOME");
		if (dir == NULL || *dir == '\0') {
			error_warn("cd: HOME not set");
			return failure;
		}
	} else if (strcmp(dir, "-") == 0) {
		dir = var_get("OLDPWD");
		if (dir == NULL || *dir == '\0') {
			error_warn("cd: OLDPWD not set");
			return failure;
		}
		print = true;
	}
	if (*dir == '\0') {
		/* POSIX.1-2024: an error (it used to be unspecified; "cd ''" stayed put). */
		error_warn("cd: null directory");
		return failure;
	}
	if (dir[0] != '/' && !starts_with_dot(dir))
		found = search_cdpath(dir, &print);

	pwd = var_get("PWD");
	oldpwd = pwd_is_valid(pwd) ? xstrdup(pwd) : current_directory();
	/* Leaving a directory that was removed: $PWD still names the one left. */
	if (oldpwd == NULL && pwd != NULL && pwd[0] == '/')
		oldpwd = xstrdup(pwd);
	path = found != NULL ? found : xstrdup(dir);
	if (!physical) {
		char *canonical;

		if (path[0] != '/' && oldpwd != NULL) {
			struct strbuf full = STRBUF_INIT;

			strbuf_append_str(&full, oldpwd);
			strbuf_append_char(&full, '/');
			strbuf_append_str(&full, path);
			free(path);
			path = strbuf_release(&full);
		}
		canonical = path[0] == '/' ? canonical_path(path, true) : xstrdup(path);
		if (canonical == NULL) {
			error_warn("cd: %s: %s", dir, strerror(errno));
			free(path);
			free(oldpwd);
			return failure;
		}
		free(path);
		path = canonical;
	}
	if (chdir(path) != 0) {
		error_warn("cd: %s: %s", dir, strerror(errno));
		free(path);
		free(oldpwd);
		return failure;
	}
	if (physical || path[0] != '/') {
		newpwd = current_directory();
		if (newpwd == NULL) {
			newpwd = guess_directory(oldpwd, path);
			pwd_unknown = physical;
		}
		free(path);
	} else {
		newpwd = path;
	}
	if (oldpwd != NULL)
		var_set("OLDPWD", oldpwd, 0);
	var_set("PWD", newpwd, 0);
	if (print) {
		out_str(out1, newpwd);
		out_char(out1, '\n');
	}
	free(newpwd);
	free(oldpwd);
	/* cd -P -e: the directory changed, but PWD could not be determined. */
	return check_pwd && pwd_unknown ? 1 : 0;
}

int builtin_pwd(int argc, char **argv)
{
	const char *pwd;
	char *cwd;
	bool physical;
	int index;

	(void)argc;
	if (parse_physical(argv, "pwd [-L|-P]", &index, &physical, NULL) < 0)
		return 2;
	if (argv[index] != NULL) {
		error_warn("pwd: too many arguments");
		return builtin_usage("pwd [-L|-P]");
	}
	pwd = var_get("PWD");
	if (!physical && pwd_is_valid(pwd)) {
		out_str(out1, pwd);
		out_char(out1, '\n');
		return 0;
	}
	cwd = current_directory();
	if (cwd == NULL) {
		error_warn("pwd: %s", strerror(errno));
		return 1;
	}
	out_str(out1, cwd);
	out_char(out1, '\n');
	free(cwd);
	return 0;
}
