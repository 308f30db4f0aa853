/*
 * libFuzzer target: arithmetic expansion, $((...)) after its words are
 * expanded (arith_evaluate).  Any input either gives a number or a shell
 * error ("vsh: arithmetic: ..."); never a crash, a sanitizer report
 * (signed overflow, a shift out of range, LONG_MIN / -1) or a leak.
 * Assignments in the expression go to the fuzzer's own shell variables.
 */
#include <stdint.h>
#include <stdlib.h>

#include "arith.h"
#include "error.h"
#include "memory.h"
#include "shell.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct handler h;

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
