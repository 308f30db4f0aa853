/*
 * HISTFILE (see histfile.h for the format).
 *
 * The file is opened for each record rather than kept open: a shell
 * trimming it renames a new file into place, and a descriptor kept open
 * would go on writing into the old one.  Writers and the trimmer take a
 * POSIX lock on the file; a writer that finds, once it holds the lock,
 * that the name now means another file starts again with the new one.
 *
 * Problems are reported once per HISTFILE value (loading and writing
 * together): a shell whose history cannot be saved says so once and goes on.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "histfile.h"
#include "memory.h"
#include "strbuf.h"
#include "vars.h"

/* What we know of the HISTFILE last used. */
static char *known_path;
static bool warned;		/* a problem with it was reported */
static bool not_ours;		/* not a text file: never written to */

/* HISTFILE, else $HOME/.vsh_history; NULL when there is none. */
static const char *histfile_path(void)
{
	static struct strbuf default_path;
	const char *value = var_get("HISTFILE");
	const char *home;

	if (value == NULL) {
		home = var_get("HOME");
		if (home == NULL || *home == '\0')
			return NULL;
		strbuf_reset(&default_path);
		strbuf_printf(&default_path, "%s/.vsh_history", home);
		value = strbuf_str(&default_path);
	}
	if (*value == '\0')
		return NULL;
	if (known_path == NULL || strcmp(known_path, value) != 0) {
		free(known_path);
		known_path = xstrdup(value);
		warned = not_ours = false;
	}
	return known_path;
}

static void warn_once(const char *path, const char *problem)
{
	if (warned)
		return;
	warned = true;
	error_warn("HISTFILE: %s: %s", path, problem);
}

/* Wait for the lock of the whole file; false when locks do not work here. */
static bool lock_file(int fd, short type)
{
	struct flock lock = { .l_type = type, .l_whence = SEEK_SET };

	while (fcntl(fd, F_SETLKW, &lock) < 0)
		if (errno != EINTR)
			return false;
	return true;
}

/*
 * Open path with flags (else, where they are refused, with fallback, which
 * sets *fell_back) and, for a regular file, wait for its lock: a write lock
 * when the descriptor can write.  A file renamed over while we waited is
 * not the history any more: start again with the one the name means now.
 */
static int open_locked(const char *path, int flags, int fallback, bool *fell_back)
{
	struct stat opened, named;
	int fd = -1;

	for (int attempt = 0; attempt < 10; attempt++) {
		/* O_NONBLOCK: a FIFO without a reader must not hang the shell. */
		flags |= O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
		*fell_back = false;
		fd = open(path, flags, 0600);
		if (fd < 0 && (errno == EACCES || errno == EISDIR || errno == EROFS || errno == ETXTBSY)) {
			*fell_back = true;
			fd = open(path, fallback | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0600);
		}
		if (fd < 0 || fstat(fd, &opened) < 0 || !S_ISREG(opened.st_mode))
			return fd;
		lock_file(fd, ((*fell_back ? fallback : flags) & O_ACCMODE) == O_RDONLY ? F_RDLCK : F_WRLCK);
		if (stat(path, &named) < 0 ||
		    (opened.st_dev == named.st_dev && opened.st_ino == named.st_ino))
			return fd;
		close(fd);
	}
	/* Renamed ten times over in a row: use what we have. */
	return open(path, flags, 0600);
}

/* Append the record of text (see histfile.h) to buf. */
static void encode(struct strbuf *buf, char kind, const char *text)
{
	if (kind == '\\' && text[0] != '#' && strchr(text, '\n') == NULL) {
		strbuf_append_str(buf, text);
		strbuf_append_char(buf, '\n');
		return;
	}
	strbuf_append_char(buf, '#');
	strbuf_append_char(buf, kind);
	for (; *text != '\0'; text++) {
		if (*text == '\n')
			strbuf_append_str(buf, "\\n");
		else if (*text == '\\')
			strbuf_append_str(buf, "\\\\");
		else
			strbuf_append_char(buf, *text);
	}
	strbuf_append_char(buf, '\n');
}

/* Decode an encoded record in place; false when it is not well formed. */
static bool decode(char *s)
{
	char *to = s;

	for (; *s != '\0'; s++) {
		if (*s == '\\') {
			s++;
			if (*s == 'n')
				*to++ = '\n';
			else if (*s == '\\')
				*to++ = '\\';
			else
				return false;
		} else {
			*to++ = *s;
		}
	}
	*to = '\0';
	return true;
}

/* Append the records in buf with one write(2). */
static void write_records(struct strbuf *buf)
{
	const char *path = histfile_path();
	struct stat opened;
	bool fell_back;
	char last;
	ssize_t n;
	int fd;

	if (path == NULL || not_ours || buf->length == 0)
		return;
	fd = open_locked(path, O_RDWR | O_APPEND | O_CREAT, O_WRONLY | O_APPEND | O_CREAT, &fell_back);
	if (fd < 0 || fstat(fd, &opened) < 0) {
		warn_once(path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	/* A file another tool left without a final newline: do not join its last line. */
	if (S_ISREG(opened.st_mode) && opened.st_size > 0 &&
	    pread(fd, &last, 1, opened.st_size - 1) == 1 && last != '\n') {
		strbuf_grow(buf, 1);
		memmove(buf->data + 1, buf->data, buf->length + 1);
		buf->data[0] = '\n';
		buf->length++;
	}
	do
		n = write(fd, buf->data, buf->length);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		warn_once(path, strerror(errno));
	else if ((size_t)n < buf->length)
		warn_once(path, "short write");
	close(fd);
}

void histfile_append(const char *text)
{
	struct strbuf buf = STRBUF_INIT;

	encode(&buf, '\\', text);
	write_records(&buf);
	strbuf_free(&buf);
}

void histfile_withdraw(const char *withdrawn, const char *replacement)
{
	struct strbuf buf = STRBUF_INIT;

	encode(&buf, '-', withdrawn);
	if (replacement != NULL)
		encode(&buf, '\\', replacement);
	write_records(&buf);
	strbuf_free(&buf);
}

/* The entries found in the file, oldest first. */
struct loaded {
	char **text;
	size_t count, capacity;
	size_t records;		/* lines, withdrawals included: what trimming saves */
	size_t bad;		/* malformed records skipped */
	size_t first_bad;	/* line number of the first */
};

static void loaded_add(struct loaded *l, char *text)
{
	if (l->count == l->capacity) {
		l->capacity = l->capacity ? 2 * l->capacity : 64;
		l->text = xrealloc(l->text, l->capacity * sizeof *l->text);
	}
	l->text[l->count++] = text;
}

/* A withdrawal: the newest entry equal to text goes (a few back at most: it is recent). */
static void loaded_withdraw(struct loaded *l, const char *text)
{
	for (size_t i = l->count, looked = 0; i > 0 && looked < 100; i--, looked++) {
		if (strcmp(l->text[i - 1], text) == 0) {
			memmove(&l->text[i - 1], &l->text[i], (l->count - i) * sizeof *l->text);
			l->count--;
			return;
		}
	}
}

/* Split the file's text into records; it ends with a NUL (the file held none). */
static void parse_records(struct loaded *l, char *data, size_t length)
{
	size_t lineno = 0;
	char *line, *end;

	for (line = data; line < data + length; line = end + 1) {
		end = memchr(line, '\n', (size_t)(data + length - line));
		if (end == NULL)
			end = data + length;
		*end = '\0';
		lineno++;
		if (line[strspn(line, " \t")] == '\0')
			continue;
		l->records++;
		if (line[0] == '#' && (line[1] == '\\' || line[1] == '-')) {
			if (!decode(line + 2)) {
				if (l->bad++ == 0)
					l->first_bad = lineno;
				continue;
			}
			if (line[1] == '-') {
				loaded_withdraw(l, line + 2);
				continue;
			}
			line += 2;
		}
		loaded_add(l, line);
	}
}

/*
 * Rewrite the file with only the newest keep entries, through a temporary
 * file and rename(2); the new file gets the old one's permissions.
 */
static void trim(const char *path, struct loaded *l, int keep, mode_t mode)
{
	struct strbuf temp = STRBUF_INIT, records = STRBUF_INIT;
	char *real = realpath(path, NULL);
	size_t start = l->count > (size_t)keep ? l->count - (size_t)keep : 0;
	bool ok;
	int fd;

	/* A symbolic link stays one: the file it points to is replaced. */
	strbuf_printf(&temp, "%s.XXXXXX", real != NULL ? real : path);
	fd = mkstemp(temp.data);
	if (fd < 0) {
		warn_once(path, "cannot trim: no temporary file in its directory");
		goto done;
	}
	(void)fchmod(fd, mode);
	for (size_t i = start; i < l->count; i++)
		encode(&records, '\\', l->text[i]);
	ok = records.length == 0 ||
	    write(fd, records.data, records.length) == (ssize_t)records.length;
	if (close(fd) < 0)
		ok = false;
	if (!ok || rename(temp.data, real != NULL ? real : path) < 0) {
		warn_once(path, "cannot trim: writing the temporary file failed");
		unlink(temp.data);
	}
done:
	free(real);
	strbuf_free(&temp);
	strbuf_free(&records);
}

void histfile_load(int keep, void (*enter)(const char *text))
{
	const char *path = histfile_path();
	struct loaded l = { 0 };
	struct strbuf data = STRBUF_INIT;
	struct strbuf message = STRBUF_INIT;
	struct stat st;
	bool read_only;
	char chunk[8192];
	ssize_t n;
	int fd;

	if (path == NULL)
		return;
	fd = open_locked(path, O_RDWR, O_RDONLY, &read_only);
	if (fd < 0) {
		/* No file yet is the normal start; no directory for it is not. */
		if (errno == ENOENT) {
			char *dir = xstrdup(path), *slash = strrchr(dir, '/');

			if (slash != NULL) {
				*(slash == dir ? slash + 1 : slash) = '\0';
				if (stat(dir, &st) < 0)
					warn_once(path, strerror(errno));
			}
			free(dir);
		} else {
			warn_once(path, strerror(errno));
		}
		return;
	}
	if (fstat(fd, &st) < 0)
		st.st_mode = S_IFREG | 0600;
	if (!S_ISREG(st.st_mode)) {
		/* /dev/null turns history saving off; a device is not read. */
		if (!S_ISCHR(st.st_mode))
			warn_once(path, "not a regular file");
		close(fd);
		return;
	}
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn_once(path, strerror(errno));
			goto done;
		}
		strbuf_append(&data, chunk, (size_t)n);
	}
	if (data.length > 0 && memchr(data.data, '\0', data.length) != NULL) {
		not_ours = true;
		warn_once(path, "not a text file: history is neither loaded nor saved");
		goto done;
	}
	parse_records(&l, data.data, data.length);
	if (l.bad > 0) {
		if (l.bad == 1)
			strbuf_printf(&message, "line %zu: malformed record skipped", l.first_bad);
		else
			strbuf_printf(&message, "line %zu: %zu malformed records skipped",
			    l.first_bad, l.bad);
		warn_once(path, strbuf_str(&message));
	}
	for (size_t i = l.count > (size_t)keep ? l.count - (size_t)keep : 0; i < l.count; i++)
		enter(l.text[i]);
	/* HISTSIZE=0 keeps nothing in this shell; it is no reason to empty the file. */
	if (!read_only && keep > 0 && l.records > 2 * (size_t)keep)
		trim(path, &l, keep, st.st_mode & 07777);
done:
	close(fd);
	free(l.text);
	strbuf_free(&data);
	strbuf_free(&message);
}
