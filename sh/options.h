/*
 * Shell options: set -e, set -o pipefail, set +o vfork ...
 * One table drives "set -o" / "set +o" listing, $- and option parsing.
 */
#ifndef VSH_OPTIONS_H
#define VSH_OPTIONS_H

#include <stdbool.h>

enum option {
	OPT_ALLEXPORT,	/* -a */
	OPT_NOTIFY,	/* -b */
	OPT_NOCLOBBER,	/* -C */
	OPT_ERREXIT,	/* -e */
	OPT_NOGLOB,	/* -f */
	OPT_HASHALL,	/* -h */
	OPT_INTERACTIVE,	/* -i */
	OPT_MONITOR,	/* -m */
	OPT_NOEXEC,	/* -n */
	OPT_STDIN,	/* -s */
	OPT_NOUNSET,	/* -u */
	OPT_VERBOSE,	/* -v */
	OPT_XTRACE,	/* -x */
	OPT_IGNOREEOF,
	OPT_NOLOG,
	OPT_PIPEFAIL,
	OPT_VFORK,	/* on by default: launch external commands with vfork */
	OPT_EMACS,
	OPT_VI,
	OPT_DEBUG_TREE,	/* print each syntax tree to stderr before running it */
	OPTION_COUNT
};

struct option_info {
	const char *name;	/* long name for -o */
	char letter;		/* short letter, or 0 */
	bool invocation_only;	/* -i, -s: only on the command line, not with "set" */
};

extern const struct option_info option_info[OPTION_COUNT];
extern bool options[OPTION_COUNT];

#define option_on(o) (options[(o)])

/* Find by long name or letter; -1 when unknown. */
int option_by_name(const char *name);
int option_by_letter(char c);
/*
 * Set an option as "set" does; returns 0, or -1 (nothing printed) when the
 * option can only be given on the command line.  Startup code sets
 * options[] directly.
 */
int option_set(int o, bool on);
/* $- : the letters of the options that are on (a static buffer). */
const char *option_letters(void);

#endif
