/*
 * Read-ahead for the read built-in on a regular file.
 *
 * POSIX wants read to consume nothing past the delimiter, since the next
 * command may read the same open file.  On a regular file that does not
 * forbid reading ahead, only leaving the offset wrong where someone could
 * see it.  So the bytes read but not yet used stay here, tied to the
 * descriptor, across read calls, and the offset is put back to the logical
 * position (read_ahead_sync) before anything else could observe it: before
 * a process is created, before a redirection or exec touches the
 * descriptor, before the parser reads it, and at exit.  Pipes and
 * terminals are never read ahead.
 */
#ifndef VSH_READAHEAD_H
#define VSH_READAHEAD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* May fd be read ahead (a regular file)?  Sets up the buffer for it. */
bool read_ahead_usable(int fd);
/*
 * The unused bytes for fd, refilled from the descriptor when there are
 * none: their number, 0 at end of file, -1 on a read error (errno set;
 * EINTR included).  read_ahead_usable(fd) must have said yes.
 */
ssize_t read_ahead_bytes(int fd, const char **bytes);
void read_ahead_take(size_t n);		/* n of those bytes are used */
/* Put fd's offset back to the logical position and forget the buffer. */
void read_ahead_sync(int fd);
void read_ahead_sync_all(void);

#endif
