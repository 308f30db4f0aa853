/*
 * libFuzzer target: arithmetic expansion, $((...)) after its words are
 * expanded (arith_evaluate).  Any input either gives a number or a shell
 * error ("vsh: arithmetic: ..."); never a crash, a sanitizer report
 * (signed overflow, a shift out of range, LONG_MIN / -1) or a leak.
 * Assignments in the expression go to the fuzzer's own shell variables.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"
#include "error.h"
#include "memory.h"
#include "output.h"
#include "state.h"
#include "vars.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static char *no_environment[] = { NULL };

	(void)argc;
	(void)argv;
	out_init();
	shell.arg0 = "vsh";
	vars_init(no_environment);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct handler h;

	memcpy(text, data, size);
	text[size] = '\0';
	if (setjmp(h.jump) == 0) {
		handler_push(&h);
		(void)arith_evaluate(text);
		handler_pop(&h);
	} else {
		handler_pop(&h);
	}
	free(text);
	arena_free(&scratch);
	return 0;
}
