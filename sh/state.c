/* The shell's little global state (see state.h). */
#include "state.h"

struct shell_state shell;
