/* The option table behind set -o, set +o, $- and the command line. */
#include <string.h>

#include "jobs.h"
#include "options.h"

const struct option_info option_info[OPTION_COUNT] = {
	[OPT_ALLEXPORT] = { "allexport", 'a', false },
	[OPT_NOTIFY] = { "notify", 'b', false },
	[OPT_NOCLOBBER] = { "noclobber", 'C', false },
	[OPT_ERREXIT] = { "errexit", 'e', false },
	[OPT_NOGLOB] = { "noglob", 'f', false },
	[OPT_HASHALL] = { "hashall", 'h', false },
	[OPT_INTERACTIVE] = { "interactive", 'i', true },
	[OPT_MONITOR] = { "monitor", 'm', false },
	[OPT_NOEXEC] = { "noexec", 'n', false },
	[OPT_STDIN] = { "stdin", 's', true },
	[OPT_NOUNSET] = { "nounset", 'u', false },
	[OPT_VERBOSE] = { "verbose", 'v', false },
	[OPT_XTRACE] = { "xtrace", 'x', false },
	[OPT_IGNOREEOF] = { "ignoreeof", 0, false },
	[OPT_NOLOG] = { "nolog", 0, false },
	[OPT_PIPEFAIL] = { "pipefail", 0, false },
	[OPT_VFORK] = { "vfork", 0, false },
	[OPT_EMACS] = { "emacs", 0, false },
	[OPT_VI] = { "vi", 0, false },
	[OPT_DEBUG_TREE] = { "debugtree", 0, false },
};

bool options[OPTION_COUNT] = {
	[OPT_VFORK] = true,
};

int option_by_name(const char *name)
{
	for (int o = 0; o < OPTION_COUNT; o++)
		if (strcmp(option_info[o].name, name) == 0)
			return o;
	return -1;
}

int option_by_letter(char c)
{
	for (int o = 0; o < OPTION_COUNT; o++)
		if (c != 0 && option_info[o].letter == c)
			return o;
	return -1;
}

int option_set(int o, bool on)
{
	if (o < 0 || o >= OPTION_COUNT || option_info[o].invocation_only)
		return -1;
	options[o] = on;
	/* emacs and vi editing modes exclude each other. */
	if (on && o == OPT_EMACS)
		options[OPT_VI] = false;
	if (on && o == OPT_VI)
		options[OPT_EMACS] = false;
	if (o == OPT_MONITOR)
		job_control_set(on);
	return 0;
}

const char *option_letters(void)
{
	static char letters[OPTION_COUNT + 1];
	size_t n = 0;

	for (int o = 0; o < OPTION_COUNT; o++)
		if (options[o] && option_info[o].letter)
			letters[n++] = option_info[o].letter;
	letters[n] = '\0';
	return letters;
}
