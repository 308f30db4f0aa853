/* Read-ahead for the read built-in on regular files: see readahead.h. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "memory.h"
#include "readahead.h"

#define FIRST_BLOCK 4096	/* a single "read line <file" reads little */
#define LAST_BLOCK 65536	/* a read loop grows to this */

static struct {
	int fd;			/* -1: no buffer */
	char *data;
	size_t position;	/* next unused byte */
	size_t length;		/* bytes read into data */
	size_t block;		/* the next refill's size */
} ahead = { -1, NULL, 0, 0, 0 };

bool read_ahead_usable(int fd)
{
	struct stat st;

	if (ahead.fd == fd)
		return true;
	read_ahead_sync_all();	/* one buffer: the descriptor read last */
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return false;
	if (ahead.data == NULL)
		ahead.data = xmalloc(LAST_BLOCK);
	ahead.fd = fd;
	ahead.position = ahead.length = 0;
	ahead.block = FIRST_BLOCK;
	return true;
}

ssize_t read_ahead_bytes(int fd, const char **bytes)
{
	ssize_t n;

	(void)fd;
	if (ahead.position == ahead.length) {
		n = read(ahead.fd, ahead.data, ahead.block);
		if (n <= 0)
			return n;
		ahead.position = 0;
		ahead.length = (size_t)n;
		if (ahead.block < LAST_BLOCK)
			ahead.block *= 2;
	}
	*bytes = ahead.data + ahead.position;
	return (ssize_t)(ahead.length - ahead.position);
}

void read_ahead_take(size_t n)
{
	ahead.position += n;
}

void read_ahead_sync(int fd)
{
	if (ahead.fd != fd || fd < 0)
		return;
	if (ahead.position < ahead.length)
		lseek(fd, -(off_t)(ahead.length - ahead.position), SEEK_CUR);
	ahead.fd = -1;
}

void read_ahead_sync_all(void)
{
	read_ahead_sync(ahead.fd);
}
