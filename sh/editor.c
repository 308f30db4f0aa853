/*
 * The line editor: libedit's native interface (<histedit.h>), loaded with
 * dlopen the first time an interactive shell reads a command from a
 * terminal.  Scripts and "vsh -c" never get here, so they never map the
 * library or terminfo.
 *
 * libedit reads characters through our own function (read_character):
 * it is where signals are seen while the user types.  The shell's handlers
 * only set flags; read(2) returns EINTR (or, for a signal that came while
 * a key was being dealt with, the flag is seen before the next read), and
 * read_character decides:
 * SIGWINCH is followed at once (the line is redrawn at the new width),
 * SIGCHLD under "set -b" reports finished jobs and redraws the line, and
 * anything else (Ctrl-C, a trapped signal) makes el_gets return, so the
 * input layer can run the traps outside libedit.  The half-typed line is
 * kept first: after a trap's action it comes back as it was, unless the
 * input layer drops it (Ctrl-C).  Nothing ever longjmps out of el_gets.
 *
 * The history shown by the arrow keys is a copy of sh/history.c's,
 * brought up to date before each line is read.
 */
#include <dlfcn.h>
#include <errno.h>
#include <histedit.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include "complete.h"
#include "editor.h"
#include "error.h"
#include "history.h"
#include "jobs.h"
#include "memory.h"
#include "options.h"
#include "output.h"
#include "state.h"
#include "strbuf.h"
#include "trap.h"
#include "vars.h"

/* The marker of non-printing stretches in prompts, for libedit's EL_PROMPT_ESC. */
#define PROMPT_IGNORE '\001'

/* What we use of libedit, found with dlsym. */
static struct {
	EditLine *(*el_init)(const char *, FILE *, FILE *, FILE *);
	void (*el_end)(EditLine *);
	const char *(*el_gets)(EditLine *, int *);
	int (*el_set)(EditLine *, int, ...);
	int (*el_source)(EditLine *, const char *);
	void (*el_resize)(EditLine *);
	const LineInfo *(*el_line)(EditLine *);
	int (*el_insertstr)(EditLine *, const char *);
	void (*el_deletestr)(EditLine *, int);
	int (*el_cursor)(EditLine *, int);
	History *(*history_init)(void);
	int (*history)(History *, HistEvent *, int, ...);
	int (*tgetent)(char *, const char *);
} lib;

enum load_state { NOT_TRIED, LOADED, FAILED };
static enum load_state load_state;

static EditLine *editor;
static History *recall;			/* libedit's copy of the history */
static int recall_next;			/* next history number to copy into it */
static unsigned long recall_generation;
static char *editor_term;		/* the TERM the editor was set up for */
static enum option editor_mode;		/* OPT_EMACS or OPT_VI, as bound now */
static int input_fd;
static struct strbuf prompt_text = STRBUF_INIT;
static struct strbuf line_copy = STRBUF_INIT;

/* read_character gave up for a signal the shell must deal with. */
static bool interrupted;
/*
 * The line as it was when that happened (libedit empties its own when
 * el_gets fails), and how many characters of it were after the cursor:
 * put back by the next editor_read_line unless editor_drop_line came first.
 */
static struct strbuf unfinished = STRBUF_INIT;
static int unfinished_after_cursor;
/* Tab twice in a row lists the matches. */
static bool key_was_tab, previous_key_was_tab;

/* --- loading --- */

static bool find(void *handle, void **slot, const char *name)
{
	*slot = dlsym(handle, name);
	return *slot != NULL;
}

static bool load_library(void)
{
	static const char *const names[] = { "libedit.so.2", "libedit.so", "libedit.so.0" };
	void *handle = NULL;

	if (load_state != NOT_TRIED)
		return load_state == LOADED;
	load_state = FAILED;
	for (size_t i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++)
		handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL) {
		error_warn("line editing is not available: %s", dlerror());
		return false;
	}
	if (!find(handle, (void **)&lib.el_init, "el_init") ||
	    !find(handle, (void **)&lib.el_end, "el_end") ||
	    !find(handle, (void **)&lib.el_gets, "el_gets") ||
	    !find(handle, (void **)&lib.el_set, "el_set") ||
	    !find(handle, (void **)&lib.el_source, "el_source") ||
	    !find(handle, (void **)&lib.el_resize, "el_resize") ||
	    !find(handle, (void **)&lib.el_line, "el_line") ||
	    !find(handle, (void **)&lib.el_insertstr, "el_insertstr") ||
	    !find(handle, (void **)&lib.el_deletestr, "el_deletestr") ||
	    !find(handle, (void **)&lib.el_cursor, "el_cursor") ||
	    !find(handle, (void **)&lib.history_init, "history_init") ||
	    !find(handle, (void **)&lib.history, "history")) {
		error_warn("line editing is not available: %s", dlerror());
		dlclose(handle);
		return false;
	}
	/* terminfo comes with libedit: it tells whether TERM is a known terminal. */
	find(handle, (void **)&lib.tgetent, "tgetent");
	load_state = LOADED;
	return true;
}

/* terminfo describes TERM (asked once per value). */
static bool terminal_known(const char *term)
{
	static char *asked;
	static bool known;
	char buffer[2048];

	if (asked != NULL && strcmp(asked, term) == 0)
		return known;
	free(asked);
	asked = xstrdup(term);
	known = lib.tgetent == NULL || lib.tgetent(buffer, term) == 1;
	return known;
}

bool editor_wanted(int fd)
{
	const char *term;

	if (!shell.interactive || shell.is_subshell)
		return false;
	if (!option_on(OPT_EMACS) && !option_on(OPT_VI))
		return false;
	if (!isatty(fd) || !isatty(2))
		return false;
	term = var_get("TERM");
	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0)
		return false;
	return load_library() && terminal_known(term);
}

/* --- what libedit calls --- */

static char *current_prompt(EditLine *el)
{
	(void)el;
	/* None until a kept line is put back (restore_unfinished). */
	if (unfinished.length > 0)
		return (char *)"";
	return (char *)strbuf_str(&prompt_text);
}

/* A terminal's width, for listing matches. */
static int terminal_columns(void)
{
	struct winsize size;

	if (ioctl(2, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
		return size.ws_col;
	return 80;
}

/*
 * Jobs finished while the user types, under "set -b": say so on lines of
 * their own, then draw the prompt and the line again below.
 */
static void report_jobs(EditLine *el)
{
	if (!jobs_have_news())
		return;
	out_char(out2, '\n');
	out_flush(out2);
	jobs_notify();
	lib.el_set(el, EL_REFRESH);
}

/* The number of characters (not bytes) in s[0, n). */
static int character_count(const char *s, size_t n)
{
	mbstate_t state;
	int count = 0;

	memset(&state, 0, sizeof state);
	while (n > 0) {
		size_t r = mbrlen(s, n, &state);

		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			memset(&state, 0, sizeof state);
			r = 1;
		}
		s += r;
		n -= r;
		count++;
	}
	return count;
}

/* Columns of the prompt's last row: after its last newline, without the non-printing stretches. */
static int prompt_width(void)
{
	const char *p = strbuf_str(&prompt_text), *shown = p;
	bool hidden = false;
	int width = 0;

	for (const char *q = p;; q++) {
		if (!hidden && (*q == PROMPT_IGNORE || *q == '\n' || *q == '\0'))
			width += display_width(shown, (size_t)(q - shown));
		if (*q == '\0')
			break;
		if (*q == PROMPT_IGNORE) {
			hidden = !hidden;
			shown = q + 1;
		} else if (*q == '\n' && !hidden) {
			width = 0;	/* a new row */
			shown = q + 1;
		}
	}
	return width;
}

/*
 * Remember the line before el_gets gives up on it (libedit empties its
 * own), and take the terminal's cursor below the rows of it that follow
 * the cursor (a long line wraps), so that what the shell prints next
 * starts below all of it.
 */
static void keep_unfinished(EditLine *el)
{
	const LineInfo *info = lib.el_line(el);
	size_t before = (size_t)(info->cursor - info->buffer);
	size_t length = (size_t)(info->lastchar - info->buffer);
	int columns = terminal_columns(), start = prompt_width();
	int cursor_row = (start + display_width(info->buffer, before)) / columns;
	int last_row = (start + display_width(info->buffer, length)) / columns;

	strbuf_reset(&unfinished);
	strbuf_append(&unfinished, info->buffer, length);
	unfinished_after_cursor = character_count(info->cursor, length - before);
	for (int row = cursor_row; row < last_row; row++)
		out_char(out2, '\n');
	out_flush(out2);
}

void editor_drop_line(void)
{
	strbuf_reset(&unfinished);
	unfinished_after_cursor = 0;
}

/*
 * Put the kept line back: the user carries on from where the trap's action
 * came in.  Done at the first read, as el_gets empties the line when it
 * starts.  The prompt el_gets drew then was empty (current_prompt), so the
 * terminal's cursor is still where libedit starts drawing: prompt and line
 * are drawn from there.
 */
static void restore_unfinished(EditLine *el)
{
	lib.el_insertstr(el, strbuf_str(&unfinished));
	lib.el_cursor(el, -unfinished_after_cursor);
	editor_drop_line();
	lib.el_set(el, EL_REFRESH);
}

/*
 * Deal with the signals that arrived: the window size and "set -b" here;
 * true (with errno EINTR) when the shell must see the rest, so el_gets
 * must return.
 */
static bool take_signals(EditLine *el)
{
	if (signal_take_pending(SIGWINCH)) {
		/* Redraw from the start of the row: libedit draws from where it thinks the line begins. */
		lib.el_resize(el);
		if (write(2, "\r", 1) == 1)
			lib.el_set(el, EL_REFRESH);
	}
	/* A CHLD trap's own flag stays set: the action runs after el_gets returns. */
	if (option_on(OPT_NOTIFY) && signal_is_pending(SIGCHLD)) {
		if (!signal_is_trapped(SIGCHLD))
			signal_take_pending(SIGCHLD);
		report_jobs(el);
	}
	if (signals_recheck()) {
		keep_unfinished(el);
		interrupted = true;
		errno = EINTR;
		return true;
	}
	return false;
}

/*
 * libedit's character source.  Returns 1 with a character, 0 at end of
 * file, -1 on error or when a signal must be dealt with by the shell.
 */
static int read_character(EditLine *el, wchar_t *wc)
{
	static mbstate_t state;
	char byte;

	if (unfinished.length > 0)
		restore_unfinished(el);
	for (;;) {
		ssize_t n;

		/*
		 * A signal that came outside read(2) (Ctrl-C during a long
		 * completion) counts as much as one that interrupts it.
		 */
		if (signals_pending && take_signals(el))
			return -1;
		n = read(input_fd, &byte, 1);

		if (n == 1) {
			size_t r = mbrtowc(wc, &byte, 1, &state);

			if (r == (size_t)-2)
				continue;	/* more bytes of this character */
			if (r == (size_t)-1) {
				/* Not valid in this locale: pass the byte on as it is. */
				memset(&state, 0, sizeof state);
				*wc = (unsigned char)byte;
			}
			previous_key_was_tab = key_was_tab;
			key_was_tab = *wc == '\t';
			return 1;
		}
		if (n == 0)
			return 0;
		if (errno != EINTR)
			return -1;
	}
}

/* More matches than this are listed only if the user says so (bash asks at 100 too). */
#define LIST_WITHOUT_ASKING 100

/* "Display all 2000 possibilities? (y or n)": y, Y or space say yes. */
static bool may_list(EditLine *el, size_t count)
{
	wchar_t answer = 0;

	out_printf(out2, "Display all %zu possibilities? (y or n) ", count);
	out_flush(out2);
	for (;;) {
		if (read_character(el, &answer) != 1)
			answer = 'n';	/* a signal, or the end of input */
		if (wcschr(L"yYnN \177\003\004", answer) != NULL)
			break;
	}
	if (!interrupted)
		out_char(out2, '\n');	/* else the line is dropped, which ends it */
	return answer == 'y' || answer == 'Y' || answer == ' ';
}

/*
 * The matches the last Tab found, and for what line and cursor: a second
 * Tab on the same line lists them without collecting them again (100,000
 * names take a noticeable fraction of a second).
 */
static struct completion last_result;
static char *last_line;
static size_t last_cursor;

static void forget_matches(void)
{
	completion_free(&last_result);
	free(last_line);
	last_line = NULL;
}

/* Tab: complete the word before the cursor; a second Tab lists the matches. */
static unsigned char complete_key(EditLine *el, int key)
{
	const LineInfo *info = lib.el_line(el);
	size_t cursor = (size_t)(info->cursor - info->buffer);
	char *line = xstrndup(info->buffer, (size_t)(info->lastchar - info->buffer));
	struct completion result;
	unsigned char status = CC_NORM;

	(void)key;
	if (previous_key_was_tab && last_line != NULL && last_cursor == cursor &&
	    strcmp(last_line, line) == 0) {
		result = last_result;
		memset(&last_result, 0, sizeof last_result);
	} else {
		completion_find(line, cursor, &result);
	}
	forget_matches();
	if (result.replacement == NULL) {
		status = CC_ERROR;
	} else if (strlen(result.replacement) != cursor - result.word_start ||
	    memcmp(result.replacement, line + result.word_start, cursor - result.word_start) != 0) {
		lib.el_deletestr(el, character_count(line + result.word_start,
		    cursor - result.word_start));
		lib.el_insertstr(el, result.replacement);
		status = CC_REFRESH;
	} else if (result.count > 1 && previous_key_was_tab) {
		out_char(out2, '\n');
		if (result.count <= LIST_WITHOUT_ASKING || may_list(el, result.count))
			completion_print(&result, terminal_columns(), out2);
		out_flush(out2);
		/* Ctrl-C at the question: the line goes, as at the prompt (el_gets returns). */
		status = interrupted ? CC_EOF : CC_REDISPLAY;
	} else if (result.count > 1) {
		status = CC_ERROR;	/* a beep; Tab again lists */
	}
	if (status == CC_ERROR && result.count > 1) {
		/* Kept for the second Tab. */
		last_result = result;
		last_line = line;
		last_cursor = cursor;
		return status;
	}
	completion_free(&result);
	free(line);
	return status;
}

/* --- keeping libedit in step with the shell --- */

static void bind_keys(void)
{
	lib.el_set(editor, EL_EDITOR, editor_mode == OPT_VI ? "vi" : "emacs");
	lib.el_set(editor, EL_BIND, "^I", "vsh-complete", NULL);
}

static void close_editor(void)
{
	if (editor != NULL)
		lib.el_end(editor);
	editor = NULL;
	free(editor_term);
	editor_term = NULL;
}

static bool open_editor(int fd)
{
	const char *term = var_get("TERM");
	HistEvent event;

	/* libedit reads TERM from the environment, which the shell does not keep up to date. */
	setenv("TERM", term, 1);
	editor = lib.el_init(shell.arg0, stdin, stderr, stderr);
	if (editor == NULL)
		return false;
	editor_term = xstrdup(term);
	if (recall == NULL) {
		recall = lib.history_init();
		if (recall == NULL) {
			close_editor();
			return false;
		}
		lib.history(recall, &event, H_SETSIZE, INT_MAX);
	}
	input_fd = fd;
	lib.el_set(editor, EL_SIGNAL, 0);
	lib.el_set(editor, EL_GETCFN, read_character);
	lib.el_set(editor, EL_PROMPT_ESC, current_prompt, PROMPT_IGNORE);
	lib.el_set(editor, EL_HIST, lib.history, recall);
	lib.el_set(editor, EL_ADDFN, "vsh-complete", "Complete the word before the cursor",
	    complete_key);
	editor_mode = option_on(OPT_VI) ? OPT_VI : OPT_EMACS;
	bind_keys();
	/* The user's ~/.editrc comes last, so its bindings win. */
	lib.el_source(editor, NULL);
	return true;
}

/* Bring libedit's copy of the history up to date. */
static void update_recall(void)
{
	HistEvent event;
	int first = history_first_number(), next = history_next_number();

	if (recall_generation != history_generation() || recall_next < first) {
		lib.history(recall, &event, H_CLEAR);
		recall_generation = history_generation();
		recall_next = first;
	}
	for (; recall_next < next; recall_next++) {
		const char *entry = history_entry(recall_next);

		if (entry != NULL)
			lib.history(recall, &event, H_ENTER, entry);
	}
}

/* The prompt for libedit: \002 ends a non-printing stretch that \001 began. */
static void set_prompt(const char *prompt)
{
	strbuf_reset(&prompt_text);
	for (const char *p = prompt; *p != '\0'; p++)
		strbuf_append_char(&prompt_text, *p == '\002' ? PROMPT_IGNORE : *p);
}

const char *editor_read_line(int fd, const char *prompt, int *length)
{
	const char *term = var_get("TERM");
	enum option mode = option_on(OPT_VI) ? OPT_VI : OPT_EMACS;
	const char *line;
	int count = 0;

	if (editor != NULL && (editor_term == NULL || strcmp(editor_term, term) != 0))
		close_editor();		/* TERM changed: set up for the new one */
	if (editor == NULL && !open_editor(fd)) {
		*length = 0;
		return NULL;
	}
	if (mode != editor_mode) {
		editor_mode = mode;
		bind_keys();
	}
	update_recall();
	set_prompt(prompt);
	key_was_tab = previous_key_was_tab = false;
	out_flush_all();

	signal_catch_for_shell(SIGWINCH, true);
	if (option_on(OPT_NOTIFY))
		signal_catch_for_shell(SIGCHLD, true);
	interrupted = false;
	line = lib.el_gets(editor, &count);
	signal_catch_for_shell(SIGWINCH, false);
	signal_catch_for_shell(SIGCHLD, false);
	forget_matches();

	if (line == NULL || count <= 0) {
		*length = interrupted ? -1 : 0;
		return NULL;
	}
	strbuf_reset(&line_copy);
	strbuf_append(&line_copy, line, (size_t)count);
	*length = count;
	return strbuf_str(&line_copy);
}
