/* What every fuzz target needs: a shell set up as main() would, minus the environment. */
#ifndef VSH_FUZZ_SHELL_H
#define VSH_FUZZ_SHELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of the input (text stops at a NUL byte); free() it. */
char *fuzz_text(const uint8_t *data, size_t size);

/*
 * Between these two (an input is being run, inside a handler that catches
 * every exception), exit and _exit, the shell's own ("exit", errors, "out
 * of memory", death by a signal), end the input instead of the process.
 * A function, not a variable: the targets' replacements of C library
 * functions run before ASan is ready, when another file's variable cannot
 * be read.
 */
void fuzz_run_begin(void);
void fuzz_run_end(void);
bool fuzz_in_run(void);

/*
 * Bound the memory one input may take (libFuzzer would otherwise kill the
 * process at its RSS limit for a script that merely doubles a string):
 * past a soft ceiling SIGKILL is marked as arrived, past a hard one big
 * allocations end in the shell's "out of memory" (see shell.c).
 */
void fuzz_limit_memory(void);

/*
 * Take note of every variable (after the target has set its own), and
 * put them back: others unset (but read-only ones, which nothing can
 * unset), these set to their values again; no positional parameters.
 */
void fuzz_save_variables(void);
void fuzz_restore_variables(void);

/* The C library's own function of that name, for a target's replacement of it. */
void *fuzz_real(const char *name);

#endif
