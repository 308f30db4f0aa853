/*
 * The command history (see history.h).
 *
 * Entries live in a ring: entries[(first + i) % capacity] is entry number
 * first_number + i.  HISTSIZE is read when an entry is added, so a change
 * takes effect at the next command; the oldest entries fall off.
 */
#include <stdlib.h>
#include <string.h>

#include "histfile.h"
#include "history.h"
#include "memory.h"
#include "vars.h"

#define HISTSIZE_DEFAULT 500
/* More than this is taken as a mistake, not a wish: memory stays bounded. */
#define HISTSIZE_MAX 1000000

static char **entries;
static int capacity;		/* slots in entries */
static int count;		/* entries kept */
static int first;		/* slot of the oldest entry */
static int first_number = 1;	/* its number */
static unsigned long generation;
static bool opened;		/* history_open() ran: HISTFILE is in use */

/* HISTSIZE as a number of entries: unset, empty or invalid means the default. */
static int history_size(void)
{
	const char *value = var_get("HISTSIZE");
	char *end;
	long n;

	if (value == NULL || *value == '\0')
		return HISTSIZE_DEFAULT;
	n = strtol(value, &end, 10);
	if (*end != '\0' || n < 0)
		return HISTSIZE_DEFAULT;
	return n > HISTSIZE_MAX ? HISTSIZE_MAX : (int)n;
}

static char **slot(int index)
{
	return &entries[(first + index) % capacity];
}

static void drop_oldest(void)
{
	free(*slot(0));
	*slot(0) = NULL;
	first = (first + 1) % capacity;
	first_number++;
	count--;
	generation++;
}

/* Make the ring hold size entries, keeping the newest ones. */
static void resize(int size)
{
	char **bigger;

	while (count > size)
		drop_oldest();
	if (size <= capacity && capacity > 0)
		return;
	bigger = xcalloc((size_t)size + 1, sizeof *bigger);
	for (int i = 0; i < count; i++)
		bigger[i] = *slot(i);
	free(entries);
	entries = bigger;
	capacity = size + 1;
	first = 0;
}

static bool is_blank(const char *s)
{
	return s[strspn(s, " \t\n")] == '\0';
}

/* Enter an entry in memory only. */
static void remember(const char *command)
{
	int size = history_size();

	if (size == 0) {
		/* Nothing is kept, but numbering goes on. */
		while (count > 0)
			drop_oldest();
		first_number++;
		return;
	}
	resize(size);
	if (count == size)
		drop_oldest();
	*slot(count) = xstrdup(command);
	count++;
}

void history_add(const char *command)
{
	if (is_blank(command))
		return;
	remember(command);
	if (opened && history_size() > 0)
		histfile_append(command);
}

void history_replace_last(const char *command)
{
	if (count == 0)
		return;
	if (opened)
		histfile_withdraw(*slot(count - 1), command);
	free(*slot(count - 1));
	*slot(count - 1) = xstrdup(command);
	generation++;
}

void history_remove_last(void)
{
	if (count == 0)
		return;
	if (opened)
		histfile_withdraw(*slot(count - 1), NULL);
	count--;
	free(*slot(count));
	*slot(count) = NULL;
	generation++;
}

int history_next_number(void)
{
	return first_number + count;
}

int history_first_number(void)
{
	return first_number;
}

const char *history_entry(int number)
{
	if (number < first_number || number >= first_number + count)
		return NULL;
	return *slot(number - first_number);
}

unsigned long history_generation(void)
{
	return generation;
}

void history_open(void)
{
	if (opened)
		return;
	opened = true;
	histfile_load(history_size(), remember);
}
