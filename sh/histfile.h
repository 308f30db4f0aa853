/*
 * HISTFILE: the history kept on disk between sessions (history.c keeps the
 * entries in memory and calls these).  The file is found again at every
 * use, so a HISTFILE changed while the shell runs takes effect at the next
 * command.
 *
 * The format is one line per record, so each record is written with one
 * write(2) on a descriptor opened O_APPEND and shells writing at once
 * cannot interleave:
 *	text		an entry of one line that does not start with '#'
 *	#\text		any other entry, "\n" standing for a newline and "\\"
 *			for a backslash
 *	#-text		(encoded as #\) the newest earlier entry equal to text is
 *			withdrawn: fc gives way to the command it ran
 * So a file of plain lines written by another tool loads one entry a line.
 */
#ifndef VSH_HISTFILE_H
#define VSH_HISTFILE_H

/*
 * Read HISTFILE and hand its newest keep entries, oldest first, to enter.
 * A file of more than twice keep records is rewritten (a temporary file
 * in the same directory, then rename(2)) to hold only those.
 */
void histfile_load(int keep, void (*enter)(const char *text));

/* Append one entry. */
void histfile_append(const char *text);

/* Withdraw the newest entry withdrawn (equal to it), and append replacement unless NULL. */
void histfile_withdraw(const char *withdrawn, const char *replacement);

#endif
