/* What every fuzz target needs: a shell set up as main() would, minus the environment. */
#ifndef VSH_FUZZ_SHELL_H
#define VSH_FUZZ_SHELL_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of the input (text stops at a NUL byte); free() it. */
char *fuzz_text(const uint8_t *data, size_t size);

#endif
