/* The set-up the fuzz targets share (see shell.h). */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <signal.h>
#include <sanitizer/allocator_interface.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "memory.h"
#include "output.h"
#include "shell.h"
#include "state.h"
#include "trap.h"
#include "vars.h"

static volatile bool running;

static unsigned long entries_read;

void fuzz_run_begin(void)
{
	entries_read = 0;
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

/* ---------------------------------------------------------------- variables put back */

static struct saved_var {
	char *name, *value;
	int flags;
} *saved_vars;
static size_t saved_count;

void fuzz_save_variables(void)
{
	struct var **list = var_sorted();

	for (saved_count = 0; list[saved_count] != NULL; saved_count++)
		continue;
	saved_vars = calloc(saved_count, sizeof *saved_vars);
	for (size_t i = 0; i < saved_count; i++) {
		saved_vars[i].name = strdup(list[i]->name);
		saved_vars[i].value = list[i]->value != NULL ? strdup(list[i]->value) : NULL;
		saved_vars[i].flags = list[i]->flags & (VAR_EXPORT | VAR_READONLY);
	}
	arena_free(&scratch);
}

void fuzz_restore_variables(void)
{
	size_t count;
	struct var **list = var_list(&count);

	for (size_t i = 0; list[i] != NULL; i++)
		if (!(list[i]->flags & VAR_READONLY))
			(void)var_unset(list[i]->name);
	for (size_t i = 0; i < saved_count; i++)
		(void)var_set(saved_vars[i].name, saved_vars[i].value, saved_vars[i].flags);
	positional_set(0, NULL);
	arena_free(&scratch);
}

/* ---------------------------------------------------------------- exits end the input */

void *fuzz_real(const char *name)
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
	((void (*)(int))fuzz_real("exit"))(status);
	abort();
}

noreturn void _exit(int status)
{
	if (running)
		raise_exception(EXCEPTION_EXIT);
	((void (*)(int))fuzz_real("_exit"))(status);
	abort();
}

/* ---------------------------------------------------------------- the memory ceiling */

/*
 * Past SOFT_LIMIT in use, SIGKILL is marked as arrived: the script target
 * ends the input at its next command (see trap_run_pending), the expand
 * target after the word it is expanding, so a script that doubles a
 * string stops without an allocation failing under it.  Only one command
 * that grows past HARD_LIMIT on its own meets a refused allocation, which
 * ends the input with the shell's "out of memory" by unwinding: code the
 * real shell leaves by _exit, so a leak found that way is the harness's.
 * Small requests always pass.  libFuzzer's RSS limit is 2 GiB (fuzz/run
 * raises it to 4); ASan's quarantine keeps another 256 MiB of freed blocks,
 * and its allocator keeps freed memory mapped.
 */
#define SMALL_REQUEST (32 * 1024)
#define SOFT_LIMIT ((size_t)32 << 20)
#define HARD_LIMIT ((size_t)1 << 30)
#define LARGEST_REQUEST ((size_t)512 << 20)

static bool over_ceiling(size_t size)
{
	size_t in_use;

	if (size < SMALL_REQUEST)
		return false;
	if (size > LARGEST_REQUEST)
		return true;
	in_use = __sanitizer_get_current_allocated_bytes();
	if (in_use > SOFT_LIMIT - size && running)
		signal_mark_pending(SIGKILL);
	return in_use > HARD_LIMIT - size;
}

void fuzz_limit_memory(void)
{
	allocation_refused = over_ceiling;
}

/* ---------------------------------------------------------------- directories */

/*
 * A pattern such as / * / * / * walks the whole file system (/proc has
 * millions of entries): slow, and big, and no more interesting than a
 * small tree.  Each input may read this many directory entries; then every
 * directory looks empty.  Walks were most of a long run's time at 20,000.
 */
#define ENTRIES_PER_INPUT 2000

struct dirent *readdir(DIR *dir)
{
	if (running && entries_read >= ENTRIES_PER_INPUT)
		return NULL;
	entries_read++;
	return ((struct dirent *(*)(DIR *))fuzz_real("readdir"))(dir);
}
