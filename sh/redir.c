/*
 * Redirections, applied in the shell's process with the replaced
 * descriptors saved above 9 (close-on-exec, so no child ever sees them).
 *
 * Saved copies form one stack; each redir_apply() marks a frame on it.
 * Restoring goes backwards through the frame, so "cmd >a >b" (fd 1 saved
 * twice) comes back right.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

#include "error.h"
#include "expand.h"
#include "memory.h"
#include "options.h"
#include "readahead.h"
#include "redir.h"

struct saved_fd {
	int fd;		/* the descriptor redirected */
	int copy;	/* where its old self is kept, or -1 when it was closed */
};

static struct saved_fd *saved;
static size_t saved_count, saved_capacity;
static size_t *frames;		/* start of each frame in saved[] */
static int frame_count, frame_capacity;

/* Where the shell keeps its own long-lived descriptors (script, terminal). */
static int **claimed;
static size_t claimed_count, claimed_capacity;

void redir_claim(int *where)
{
	if (claimed_count == claimed_capacity) {
		claimed_capacity = claimed_capacity ? claimed_capacity * 2 : 8;
		claimed = xrealloc(claimed, claimed_capacity * sizeof *claimed);
	}
	claimed[claimed_count++] = where;
}

void redir_release(int *where)
{
	for (size_t i = claimed_count; i-- > 0;) {
		if (claimed[i] == where) {
			claimed[i] = claimed[--claimed_count];
			return;
		}
	}
}

int redir_depth(void)
{
	return frame_count;
}

/* Where the shell records its own descriptor fd (a saved copy, a claimed one), or NULL. */
static int *shell_owner(int fd)
{
	if (fd < 0)
		return NULL;	/* -1 marks "was closed" and "no terminal" */
	for (size_t i = 0; i < saved_count; i++)
		if (saved[i].copy == fd)
			return &saved[i].copy;
	for (size_t i = 0; i < claimed_count; i++)
		if (*claimed[i] == fd)
			return claimed[i];
	return NULL;
}

bool redir_is_shells(int fd)
{
	return shell_owner(fd) != NULL;
}

/*
 * The user wants fd itself: move what the shell keeps there (a saved
 * copy, the script being read, the terminal) out of the way and tell its
 * owner.  Any other close-on-exec descriptor above 9 is the shell's for a
 * moment (a pipe end of a pipeline being built): the user's own are never
 * close-on-exec.
 */
static int evict_copy(int fd)
{
	int *owner = shell_owner(fd);
	int fd_flags;

	if (owner != NULL) {
		int moved = redir_move_high(fd);

		if (moved < 0)
			return -1;
		*owner = moved;
		return 0;
	}
	if (fd > 9 && (fd_flags = fcntl(fd, F_GETFD)) >= 0 && (fd_flags & FD_CLOEXEC)) {
		errno = EBUSY;
		return -1;
	}
	return 0;
}

static void push_saved(int fd, int copy);

int redir_move_high(int fd)
{
	int high = fcntl(fd, F_DUPFD_CLOEXEC, 10);

	if (high >= 0)
		close(fd);
	return high;
}

int redir_pipe(int p[2])
{
	/* pipe2() would save a call, but glibc hides it behind _GNU_SOURCE. */
	if (pipe(p) < 0)
		return -1;
	for (int i = 0; i < 2; i++) {
		int high;

		if (p[i] > 9) {
			fcntl(p[i], F_SETFD, FD_CLOEXEC);
			continue;
		}
		high = redir_move_high(p[i]);
		if (high < 0) {
			int e = errno;

			close(p[0]);
			close(p[1]);
			errno = e;
			return -1;
		}
		p[i] = high;
	}
	return 0;
}

void redir_move_fd(int from, int to)
{
	if (from == to) {
		fcntl(to, F_SETFD, 0);
		return;
	}
	read_ahead_sync(to);
	dup2(from, to);
	close(from);
}

/* Remember what fd is now, once per frame. */
static int save_fd(int fd)
{
	int copy;

	for (size_t i = frames[frame_count - 1]; i < saved_count; i++)
		if (saved[i].fd == fd)
			return 0;
	copy = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	if (copy < 0) {
		if (errno != EBADF)
			return -1;
		copy = -1;
	}
	push_saved(fd, copy);
	return 0;
}

static void push_saved(int fd, int copy)
{
	if (saved_count == saved_capacity) {
		saved_capacity = saved_capacity ? saved_capacity * 2 : 16;
		saved = xrealloc(saved, saved_capacity * sizeof *saved);
	}
	saved[saved_count].fd = fd;
	saved[saved_count].copy = copy;
	saved_count++;
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* An unnamed file for a body too big for a pipe: nobody has to feed it while the command runs. */
static int anonymous_file(void)
{
	int fd;
#if defined(__linux__) && defined(SYS_memfd_create)
	fd = (int)syscall(SYS_memfd_create, "vsh-heredoc", 1U /* MFD_CLOEXEC */);
	if (fd >= 0)
		return fd;
#endif
	{
		const char *dir = getenv("TMPDIR");
		char path[PATH_MAX];

		if (dir == NULL || *dir == '\0' || strlen(dir) > PATH_MAX - 32)
			dir = "/tmp";
		strcpy(path, dir);
		strcat(path, "/vsh-heredoc.XXXXXX");
		fd = mkstemp(path);
		if (fd < 0)
			return -1;
		unlink(path);
		fcntl(fd, F_SETFD, FD_CLOEXEC);
		return fd;
	}
}

int heredoc_open(const char *body, size_t length)
{
	int p[2];
	int fd;

	if (length <= 4096) {
		if (pipe(p) < 0)
			return -1;
		goto use_pipe;
	}
#ifdef F_GETPIPE_SZ
	if (length <= 1024 * 1024) {
		long capacity;

		if (pipe(p) < 0)
			return -1;
		capacity = fcntl(p[1], F_GETPIPE_SZ);
		if (capacity >= 0 && (size_t)capacity < length)
			capacity = fcntl(p[1], F_SETPIPE_SZ, (int)length);
		if (capacity >= 0 && (size_t)capacity >= length)
			goto use_pipe;
		close(p[0]);
		close(p[1]);
	}
#endif
	fd = anonymous_file();
	if (fd < 0)
		return -1;
	if (write_all(fd, body, length) < 0 || lseek(fd, 0, SEEK_SET) < 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;

use_pipe:
	/* The pipe is empty and big enough: this write cannot block. */
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	if (write_all(p[1], body, length) < 0) {
		int e = errno;

		close(p[0]);
		close(p[1]);
		errno = e;
		return -1;
	}
	close(p[1]);
	return p[0];
}

/* set -C: create, or open an existing file only when it is not a regular file. */
static int open_noclobber(const char *name)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0666);
	struct stat st;

	if (fd >= 0 || errno != EEXIST)
		return fd;
	fd = open(name, O_WRONLY);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		close(fd);
		errno = EEXIST;
		return -2;
	}
	return fd;
}

static bool parse_fd(const char *s, int *fd)
{
	long n = 0;

	if (*s == '\0')
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		n = n * 10 + (*s - '0');
		if (n > INT_MAX)
			return false;
	}
	*fd = (int)n;
	return true;
}

/* Put newfd in place of fd (saving fd first). */
static int install(int newfd, int fd)
{
	if (newfd == fd) {
		/* The open landed on fd: it was closed before, and is closed again at restore. */
		bool known = false;

		for (size_t i = frames[frame_count - 1]; i < saved_count; i++)
			if (saved[i].fd == fd)
				known = true;
		if (!known)
			push_saved(fd, -1);
		fcntl(fd, F_SETFD, 0);
		return 0;
	}
	if (evict_copy(fd) < 0 || save_fd(fd) < 0) {
		close(newfd);
		return -1;
	}
	if (dup2(newfd, fd) < 0) {
		int e = errno;

		close(newfd);
		errno = e;
		return -1;
	}
	close(newfd);
	return 0;
}

static int apply_one(struct redirection *r)
{
	const char *name = NULL;
	int fd = r->fd, newfd = -1, source, access;

	read_ahead_sync(fd);	/* the old file goes on where read left it */
	switch (r->kind) {
	case REDIR_INPUT:
		name = expand_string(r->target);
		newfd = open(name, O_RDONLY);
		break;
	case REDIR_OUTPUT:
		name = expand_string(r->target);
		if (option_on(OPT_NOCLOBBER)) {
			newfd = open_noclobber(name);
			if (newfd == -2) {
				error_warn("%s: cannot overwrite existing file", name);
				return -1;
			}
		} else {
			newfd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		}
		break;
	case REDIR_CLOBBER:
		name = expand_string(r->target);
		newfd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		break;
	case REDIR_APPEND:
		name = expand_string(r->target);
		newfd = open(name, O_WRONLY | O_CREAT | O_APPEND, 0666);
		break;
	case REDIR_READ_WRITE:
		name = expand_string(r->target);
		newfd = open(name, O_RDWR | O_CREAT, 0666);
		break;
	case REDIR_DUP_INPUT:
	case REDIR_DUP_OUTPUT:
		name = expand_string(r->target);
		if (strcmp(name, "-") == 0) {
			if (evict_copy(fd) < 0 || save_fd(fd) < 0)
				goto failed;
			close(fd);
			return 0;
		}
		if (!parse_fd(name, &source)) {
			error_warn("%s: bad file descriptor number", name);
			return -1;
		}
		if (redir_is_shells(source) || fcntl(source, F_GETFD) < 0) {
			error_warn("%d: Bad file descriptor", source);
			return -1;
		}
		/* XCU 2.7.5, 2.7.6: the source must be open for input, or for output. */
		access = fcntl(source, F_GETFL) & O_ACCMODE;
		if (access == (r->kind == REDIR_DUP_OUTPUT ? O_RDONLY : O_WRONLY)) {
			error_warn("%d: not open for %s", source,
			    r->kind == REDIR_DUP_OUTPUT ? "output" : "input");
			return -1;
		}
		if (source == fd)
			return 0;
		read_ahead_sync(source);
		if (evict_copy(fd) < 0 || save_fd(fd) < 0)
			goto failed;
		if (dup2(source, fd) < 0)
			goto failed;
		return 0;
	case REDIR_HEREDOC: {
		size_t length;
		const char *body;

		if (r->heredoc_literal) {
			struct word_part *part = r->target ? r->target->parts : NULL;

			body = part ? part->u.text.chars : "";
			length = part ? part->u.text.length : 0;
		} else {
			body = expand_heredoc(r->target, &length);
		}
		newfd = heredoc_open(body, length);
		if (newfd < 0) {
			error_warn("cannot make here-document: %s", strerror(errno));
			return -1;
		}
		break;
	}
	}
	if (newfd < 0) {
		error_warn("%s: %s", name, strerror(errno));
		return -1;
	}
	if (install(newfd, fd) < 0)
		goto failed;
	return 0;

failed:
	if (errno == EBUSY)
		error_warn("%d: descriptor in use by the shell", fd);
	else if (errno == EBADF || errno == EINVAL)
		error_warn("%d: %s", fd, strerror(EBADF));
	else
		error_warn("%d: %s", fd, strerror(errno));
	return -1;
}

void redir_begin_frame(void)
{
	if (frame_count == frame_capacity) {
		frame_capacity = frame_capacity ? frame_capacity * 2 : 16;
		frames = xrealloc(frames, (size_t)frame_capacity * sizeof *frames);
	}
	frames[frame_count++] = saved_count;
}

int redir_save_fd(int fd)
{
	return save_fd(fd);
}

int redir_saved_copy(int fd)
{
	for (size_t i = saved_count; i > frames[frame_count - 1]; i--)
		if (saved[i - 1].fd == fd)
			return saved[i - 1].copy;
	return -1;
}

int redir_original_fd(int fd)
{
	if (frame_count == 0)
		return fd;
	for (size_t i = saved_count; i > frames[frame_count - 1]; i--)
		if (saved[i - 1].fd == fd)
			return saved[i - 1].copy;
	return fd;
}

int redir_apply(struct redirection *list)
{
	redir_begin_frame();
	for (struct redirection *r = list; r != NULL; r = r->next)
		if (apply_one(r) < 0)
			return -1;
	return 0;
}

/* End the innermost frame: put back what it saved, or (keep) keep its changes and drop the copies. */
static void end_frame(bool keep)
{
	size_t start;

	if (frame_count == 0)
		return;
	start = frames[--frame_count];
	while (saved_count > start) {
		struct saved_fd *s = &saved[--saved_count];

		if (!keep) {
			read_ahead_sync(s->fd);
			if (s->copy >= 0)
				dup2(s->copy, s->fd);
			else
				close(s->fd);
		}
		if (s->copy >= 0)
			close(s->copy);
	}
}

void redir_restore(void)
{
	end_frame(false);
}

void redir_commit(void)
{
	end_frame(true);
}

void redir_unwind(int depth)
{
	while (frame_count > depth)
		redir_restore();
}

void redir_forget_saved(void)
{
	for (size_t i = 0; i < saved_count; i++)
		if (saved[i].copy >= 0)
			close(saved[i].copy);
	saved_count = 0;
	frame_count = 0;
}
