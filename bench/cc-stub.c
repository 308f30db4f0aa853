/*
 * cc-stub: a C compiler that compiles nothing, for the configure workload.
 *
 * configure's checks are shell code around compiler runs; with a real
 * compiler the compiler's time hides the shell's.  This stub does what a
 * check looks at, at once:
 *   - a source that includes a header this system does not have fails, with
 *     a message on stderr (so header checks give real answers and the
 *     preprocessor sanity check, which includes a header that exists
 *     nowhere, sees a failure);
 *   - otherwise it succeeds: -E copies the source to stdout, -c writes a
 *     small object file (-o FILE, or NAME.o for NAME.c), a link writes a
 *     small file (-o FILE or a.out) that is not a program: the workload runs
 *     configure as a cross-compilation, so nothing built is ever run;
 *   - --version and friends print one line.
 * One more failure: autoconf learns how to detect undeclared functions
 * (for AC_CHECK_DECLS) from a program using strchr without <string.h>,
 * which must fail; so a source with "(void) strchr;" and no <string.h> fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const include_dirs[] = {
	"/usr/include/", "/usr/include/x86_64-linux-gnu/", "/usr/include/aarch64-linux-gnu/",
	"/usr/local/include/", NULL
};

/* The compiler's own headers: there whether or not a compiler is installed. */
static const char *const compiler_headers[] = {
	"float.h", "iso646.h", "limits.h", "stdalign.h", "stdarg.h", "stdatomic.h",
	"stdbool.h", "stddef.h", "stdint.h", "stdnoreturn.h", "varargs.h", NULL
};

static int header_exists(const char *name, size_t len)
{
	char path[4096];
	int i;

	for (i = 0; compiler_headers[i] != NULL; i++)
		if (strlen(compiler_headers[i]) == len && memcmp(compiler_headers[i], name, len) == 0)
			return 1;
	for (i = 0; include_dirs[i] != NULL; i++) {
		if (strlen(include_dirs[i]) + len >= sizeof path)
			continue;
		snprintf(path, sizeof path, "%s%.*s", include_dirs[i], (int)len, name);
		if (access(path, F_OK) == 0)
			return 1;
	}
	return 0;
}

/* 0 if every #include <...> of the file names a header that exists. */
static int check_includes(const char *file, int copy)
{
	char line[8192];
	FILE *f = fopen(file, "r");
	int bad = 0, uses_strchr = 0, has_string_h = 0;

	if (f == NULL) {
		fprintf(stderr, "cc-stub: %s: cannot open\n", file);
		return 1;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		const char *p = line, *end;

		if (copy)
			fputs(line, stdout);
		if (strstr(line, "(void) strchr;") != NULL)
			uses_strchr = 1;
		if (strstr(line, "<string.h>") != NULL)
			has_string_h = 1;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p++ != '#')
			continue;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, "include", 7) != 0)
			continue;
		p += 7;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '<' || (end = strchr(p, '>')) == NULL)
			continue;
		if (!header_exists(p + 1, (size_t)(end - p - 1))) {
			fprintf(stderr, "%s: fatal error: %.*s: No such file or directory\n",
			    file, (int)(end - p - 1), p + 1);
			bad = 1;
		}
	}
	fclose(f);
	if (uses_strchr && !has_string_h) {
		fprintf(stderr, "%s: error: 'strchr' undeclared\n", file);
		bad = 1;
	}
	return bad;
}

static int write_file(const char *name)
{
	FILE *f = fopen(name, "w");

	if (f == NULL || fputs("cc-stub output\n", f) == EOF || fclose(f) != 0) {
		fprintf(stderr, "cc-stub: cannot write %s\n", name);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *out = NULL, *source = NULL;
	int compile = 0, preprocess = 0, i;
	char obj[4096];

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		size_t len = strlen(a);

		if (strcmp(a, "--version") == 0 || strcmp(a, "-v") == 0 || strcmp(a, "-V") == 0 ||
		    strcmp(a, "-qversion") == 0 || strcmp(a, "-version") == 0) {
			puts("cc-stub 1.0");
			return 0;
		}
		if (strcmp(a, "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(a, "-c") == 0)
			compile = 1;
		else if (strcmp(a, "-E") == 0)
			preprocess = 1;
		else if (len > 2 && strcmp(a + len - 2, ".c") == 0)
			source = a;
	}
	if (source != NULL && check_includes(source, preprocess) != 0)
		return 1;
	if (preprocess)
		return 0;
	if (out == NULL && compile && source != NULL) {
		const char *base = strrchr(source, '/');

		base = base != NULL ? base + 1 : source;
		snprintf(obj, sizeof obj, "%.*s.o", (int)(strlen(base) - 2), base);
		out = obj;
	}
	return write_file(out != NULL ? out : "a.out");
}
