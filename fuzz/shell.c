/* The set-up the fuzz targets share (see shell.h). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sanitizer/allocator_interface.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "memory.h"
#include "output.h"
#include "shell.h"
#include "state.h"
#include "vars.h"

static volatile bool running;

void fuzz_run_begin(void)
{
	running = true;
}

void fuzz_run_end(void)
{
	running = false;
}

bool fuzz_in_run(void)
{
	return running;
}

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

/* ---------------------------------------------------------------- exits end the input */

static void *real(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (f == NULL) {
		fprintf(stderr, "fuzz: no %s\n", name);
		abort();
	}
	return f;
}

noreturn void exit(int status)
{
	if (running)
		raise_exception(EXCEPTION_EXIT);
	((void (*)(int))real("exit"))(status);
	abort();
}

noreturn void _exit(int status)
{
	if (running)
		raise_exception(EXCEPTION_EXIT);
	((void (*)(int))real("_exit"))(status);
	abort();
}

/* ---------------------------------------------------------------- the memory ceiling */

/*
 * Small requests always pass, so the refusals fall where the shell grows
 * something big (strings, buffers, argument lists): the places "ulimit -v"
 * tests reach, and the rarer the refusals, the fewer half-done updates an
 * unwinding "out of memory" leaves behind.  libFuzzer's default RSS limit
 * is 2 GiB (fuzz/run raises it to 4), ASan's quarantine keeps another
 * 256 MiB of freed blocks, and its allocator keeps freed memory mapped.
 */
#define SMALL_REQUEST (32 * 1024)
#define LARGEST_REQUEST ((size_t)128 << 20)
#define MOST_IN_USE ((size_t)512 << 20)

static bool over_ceiling(size_t size)
{
	if (size < SMALL_REQUEST)
		return false;
	return size > LARGEST_REQUEST || __sanitizer_get_current_allocated_bytes() > MOST_IN_USE - size;
}

void fuzz_limit_memory(void)
{
	allocation_refused = over_ceiling;
}
