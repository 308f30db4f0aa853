/*
 * umask [-S] [mask] (POSIX.1-2024): octal or chmod-style symbolic masks.
 * A symbolic mask describes the permissions to allow, the complement of
 * the mask itself.
 */
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>

#include "builtins.h"
#include "error.h"
#include "output.h"

static mode_t current_mask(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return mask;
}

static void print_symbolic(mode_t mask)
{
	static const char who[] = "ugo";
	mode_t allowed = ~mask & 0777;

	for (int i = 0; i < 3; i++) {
		mode_t bits = allowed >> (6 - 3 * i);

		if (i > 0)
			out_char(out1, ',');
		out_char(out1, who[i]);
		out_char(out1, '=');
		if (bits & 4)
			out_char(out1, 'r');
		if (bits & 2)
			out_char(out1, 'w');
		if (bits & 1)
			out_char(out1, 'x');
	}
	out_char(out1, '\n');
}

/* Apply one symbolic mode to allowed permissions; false when malformed. */
static bool apply_symbolic(const char *s, mode_t *allowed)
{
	mode_t perm = *allowed;

	for (;;) {
		mode_t who = 0;

		for (; *s != '\0' && strchr("ugoa", *s) != NULL; s++) {
			if (*s == 'u')
				who |= 0700;
			else if (*s == 'g')
				who |= 0070;
			else if (*s == 'o')
				who |= 0007;
			else
				who |= 0777;
		}
		if (who == 0)
			who = 0777;
		if (*s != '+' && *s != '-' && *s != '=')
			return false;
		while (*s == '+' || *s == '-' || *s == '=') {
			char op = *s++;
			mode_t bits = 0;

			for (; *s != '\0' && strchr("rwxXstugo", *s) != NULL; s++) {
				switch (*s) {
				case 'r': bits |= 0444; break;
				case 'w': bits |= 0222; break;
				case 'x': case 'X': bits |= 0111; break;
				case 'u': bits |= ((perm >> 6) & 7) * 0111; break;
				case 'g': bits |= ((perm >> 3) & 7) * 0111; break;
				case 'o': bits |= (perm & 7) * 0111; break;
				default: break;	/* s and t mean nothing in a mask */
				}
			}
			bits &= who;
			if (op == '+')
				perm |= bits;
			else if (op == '-')
				perm &= ~bits;
			else
				perm = (perm & ~who) | bits;
		}
		if (*s == '\0')
			break;
		if (*s != ',')
			return false;
		s++;
	}
	*allowed = perm;
	return true;
}

int builtin_umask(int argc, char **argv)
{
	struct builtin_options g = { 1, 0, NULL };
	bool symbolic = false;
	const char *mode;
	mode_t mask;
	int c;

	(void)argc;
	while ((c = builtin_getopt(&g, argv, "S")) != -1) {
		if (c != 'S')
			return builtin_usage("umask [-S] [mask]");
		symbolic = true;
	}
	mode = argv[g.index];
	if (mode == NULL) {
		mask = current_mask();
		if (symbolic)
			print_symbolic(mask);
		else
			out_printf(out1, "%04o\n", (unsigned)mask);
		return 0;
	}
	if (argv[g.index + 1] != NULL) {
		error_warn("umask: too many arguments");
		return builtin_usage("umask [-S] [mask]");
	}
	if (mode[0] >= '0' && mode[0] <= '7') {
		const char *p;

		mask = 0;
		for (p = mode; *p >= '0' && *p <= '7' && mask <= 07777; p++)
			mask = mask * 8 + (mode_t)(*p - '0');
		if (*p != '\0' || mask > 07777) {
			error_warn("umask: %s: invalid mode", mode);
			return 1;
		}
	} else {
		mode_t allowed = ~current_mask() & 0777;

		if (!apply_symbolic(mode, &allowed)) {
			error_warn("umask: %s: invalid mode", mode);
			return 1;
		}
		mask = ~allowed & 0777;
	}
	umask(mask);
	return 0;
}
