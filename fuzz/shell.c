/* The set-up the fuzz targets share (see shell.h). */
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "shell.h"
#include "state.h"
#include "vars.h"

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

char *fuzz_text(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	return text;
}
