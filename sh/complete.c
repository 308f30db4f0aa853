/*
 * Tab completion: find the word before the cursor (with the shell's quoting
 * rules), decide what kind of word it is, collect the names it can become,
 * and say what to insert.
 *
 * Speed matters with big directories and long PATHs: each directory is
 * read once, names are compared by prefix before anything else, only the
 * matches are ever stat()ed (and only when d_type does not already say),
 * and the matches are sorted once and deduplicated in one pass.
 */
#define _XOPEN_SOURCE 700	/* wcwidth() */

#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "alias.h"
#include "builtins.h"
#include "complete.h"
#include "exec.h"
#include "jobs.h"
#include "lookup.h"
#include "memory.h"
#include "output.h"
#include "parser.h"
#include "strbuf.h"
#include "vars.h"

#define NONE SIZE_MAX

/* --- the word before the cursor --- */

struct word_scan {
	bool in_word;
	size_t start;		/* where the word begins in the line */
	struct strbuf text;	/* the word with its quoting removed */
	char quote;		/* quote open at the cursor: 0, '\'' or '"' */
	/* After the last '/' of the word (or its start): where file names are completed. */
	size_t base_raw;	/* offset in the line */
	size_t base_text;	/* offset in text */
	char base_quote;	/* quote open at base_raw */
	size_t dollar;		/* offset in the line of the last '$' not in single quotes, or NONE */
	bool tilde;		/* the file name starts with an unquoted '~' */
	bool assignment;	/* NAME=value in command position: the value is a file name */
	size_t value_text;	/* where the file name starts in text (after "NAME=") */
	bool command_position;	/* the word would be a command name */
	bool redirect_target;	/* the word follows < or > */
	struct strbuf command;	/* the command name of the simple command so far */
};

/* Reserved words after which a command name comes. */
static bool leads_to_command(const char *word)
{
	static const char *const words[] = {
		"!", "{", "do", "elif", "else", "if", "then", "time", "until", "while", NULL
	};

	for (int i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], word) == 0)
			return true;
	return false;
}

static bool is_assignment(const char *word)
{
	size_t n = name_length(word);

	return n > 0 && word[n] == '=';
}

static void begin_word(struct word_scan *w, size_t at, bool tilde)
{
	if (w->in_word)
		return;
	w->in_word = true;
	w->start = w->base_raw = at;
	w->base_text = 0;
	w->base_quote = 0;
	w->dollar = NONE;
	w->tilde = tilde;
	w->assignment = false;
	w->value_text = 0;
	strbuf_reset(&w->text);
}

/* A word before the cursor ended: what it means for the words after it. */
static void end_word(struct word_scan *w)
{
	const char *word = strbuf_str(&w->text);

	if (!w->in_word)
		return;
	w->in_word = false;
	if (w->redirect_target)
		w->redirect_target = false;
	else if (w->command_position && !leads_to_command(word) && !is_assignment(word)) {
		w->command_position = false;
		strbuf_reset(&w->command);
		strbuf_append_str(&w->command, word);
	}
}

/* A command starts here (after ; & | ( newline $( and the like). */
static void start_command(struct word_scan *w)
{
	w->in_word = false;
	w->command_position = true;
	w->redirect_target = false;
	strbuf_reset(&w->command);
}

static void add_char(struct word_scan *w, char c, size_t after, char quote)
{
	strbuf_append_char(&w->text, c);
	if (c == '/') {
		w->base_raw = after;
		w->base_text = w->text.length;
		w->base_quote = quote;
	}
}

static void scan_line(const char *line, size_t cursor, struct word_scan *w)
{
	w->in_word = false;
	w->quote = 0;
	start_command(w);
	for (size_t i = 0; i < cursor; i++) {
		char c = line[i];

		if (w->quote == '\'') {
			if (c == '\'')
				w->quote = 0;
			else
				add_char(w, c, i + 1, '\'');
			continue;
		}
		if (w->quote == '"') {
			if (c == '"') {
				w->quote = 0;
			} else if (c == '\\' && i + 1 < cursor && strchr("$`\"\\\n", line[i + 1]) != NULL) {
				i++;
				if (line[i] != '\n')
					add_char(w, line[i], i + 1, '"');
			} else {
				if (c == '$')
					w->dollar = i;
				add_char(w, c, i + 1, '"');
			}
			continue;
		}
		switch (c) {
		case '\\':
			begin_word(w, i, false);
			if (i + 1 < cursor) {
				i++;
				if (line[i] != '\n')
					add_char(w, line[i], i + 1, 0);
			}
			break;
		case '\'':
		case '"':
			begin_word(w, i, false);
			w->quote = c;
			break;
		case ' ':
		case '\t':
			end_word(w);
			break;
		case '<':
		case '>':
			if (w->in_word && is_digits(strbuf_str(&w->text)))
				w->in_word = false;	/* an IO number, as in 2>file */
			end_word(w);
			w->redirect_target = true;
			break;
		case '&':
		case '|':
			/* >& and >| are still redirections. */
			if (!w->in_word && i > 0 && (line[i - 1] == '<' || line[i - 1] == '>'))
				break;
			start_command(w);
			break;
		case ';':
		case '\n':
		case '(':
		case ')':
		case '`':
			start_command(w);
			break;
		case '$':
			if (i + 1 < cursor && line[i + 1] == '(') {
				i++;
				start_command(w);
				break;
			}
			begin_word(w, i, false);
			w->dollar = i;
			add_char(w, c, i + 1, 0);
			break;
		default:
			begin_word(w, i, c == '~');
			if (c == '~' && w->assignment && w->text.length == w->value_text)
				w->tilde = true;
			add_char(w, c, i + 1, 0);
			if (c == '=' && w->command_position && !w->assignment &&
			    w->text.length == name_length(strbuf_str(&w->text)) + 1) {
				w->assignment = true;
				w->base_raw = i + 1;
				w->base_text = w->value_text = w->text.length;
			}
			break;
		}
	}
	if (!w->in_word) {
		begin_word(w, cursor, false);
		w->in_word = false;
	}
}

/* --- collecting matches --- */

struct match {
	char *name;
	bool directory;
};

struct matches {
	struct match *items;
	size_t count, capacity;
	const char *prefix;	/* what every name must start with */
	size_t prefix_length;
	bool directories_only;	/* the operand of cd */
};

static void add_match(struct matches *m, const char *name, size_t length, bool directory)
{
	if (m->count == m->capacity) {
		m->capacity = m->capacity == 0 ? 64 : m->capacity * 2;
		m->items = xrealloc(m->items, m->capacity * sizeof *m->items);
	}
	m->items[m->count].name = xstrndup(name, length);
	m->items[m->count].directory = directory;
	m->count++;
}

static bool has_prefix(const struct matches *m, const char *name)
{
	return strncmp(name, m->prefix, m->prefix_length) == 0;
}

static void add_if_prefixed(struct matches *m, const char *name)
{
	if (has_prefix(m, name))
		add_match(m, name, strlen(name), false);
}

static int compare_matches(const void *a, const void *b)
{
	return strcmp(((const struct match *)a)->name, ((const struct match *)b)->name);
}

/* Sort, and drop repeated names (a built-in that is also a program, say). */
static void sort_matches(struct matches *m)
{
	size_t kept = 0;

	if (m->count > 1)
		qsort(m->items, m->count, sizeof *m->items, compare_matches);
	for (size_t i = 0; i < m->count; i++) {
		if (kept > 0 && strcmp(m->items[kept - 1].name, m->items[i].name) == 0) {
			m->items[kept - 1].directory |= m->items[i].directory;
			free(m->items[i].name);
			continue;
		}
		m->items[kept++] = m->items[i];
	}
	m->count = kept;
}

/* Does the entry name a directory?  d_type says, unless it is a link or unknown. */
static bool entry_is_directory(int dir_fd, const struct dirent *entry)
{
	struct stat st;

#ifdef DT_DIR
	if (entry->d_type == DT_DIR)
		return true;
	if (entry->d_type != DT_LNK && entry->d_type != DT_UNKNOWN)
		return false;
#endif
	return fstatat(dir_fd, entry->d_name, &st, 0) == 0 && S_ISDIR(st.st_mode);
}

/* A regular file we may execute (the test command search makes). */
static bool entry_is_program(int dir_fd, const struct dirent *entry)
{
	struct stat st;

#ifdef DT_DIR
	if (entry->d_type == DT_REG)
		return faccessat(dir_fd, entry->d_name, X_OK, 0) == 0;
	if (entry->d_type != DT_LNK && entry->d_type != DT_UNKNOWN)
		return false;
#endif
	return fstatat(dir_fd, entry->d_name, &st, 0) == 0 && S_ISREG(st.st_mode) &&
	    faccessat(dir_fd, entry->d_name, X_OK, 0) == 0;
}

/* Names starting with "." only when the prefix does. */
static bool visible(const struct matches *m, const char *name)
{
	return name[0] != '.' || m->prefix[0] == '.';
}

static void add_directory_entries(struct matches *m, const char *path, bool programs)
{
	DIR *dir = opendir(path);
	struct dirent *entry;

	if (dir == NULL)
		return;
	while ((entry = readdir(dir)) != NULL) {
		const char *name = entry->d_name;

		if (!has_prefix(m, name) || !visible(m, name))
			continue;
		if (programs) {
			if (entry_is_program(dirfd(dir), entry))
				add_match(m, name, strlen(name), false);
		} else {
			bool directory = entry_is_directory(dirfd(dir), entry);

			if (directory || !m->directories_only)
				add_match(m, name, strlen(name), directory);
		}
	}
	closedir(dir);
}

static struct matches *collecting;	/* for the callbacks below, which take no context */

static void add_function(const char *name, const struct node *body)
{
	(void)body;
	add_if_prefixed(collecting, name);
}

static void add_alias(const char *name, const char *value)
{
	(void)value;
	add_if_prefixed(collecting, name);
}

static void add_commands(struct matches *m)
{
	const char *path = var_get("PATH");
	const char *const *reserved = reserved_word_list();

	for (const struct builtin *b = builtin_table; b->name != NULL; b++)
		add_if_prefixed(m, b->name);
	/* "!", "{" and "}" are not worth completing, and quoted would not be reserved. */
	for (int i = 0; reserved[i] != NULL; i++)
		if (reserved[i][1] != '\0')
			add_if_prefixed(m, reserved[i]);
	collecting = m;
	function_each(add_function);
	alias_each(add_alias);
	collecting = NULL;
	if (path == NULL)
		path = UNSET_PATH_SEARCH;
	for (;;) {
		const char *end = strchr(path, ':');

		if (end == NULL)
			end = path + strlen(path);
		char *directory = end == path ? xstrdup(".") : xstrndup(path, (size_t)(end - path));

		add_directory_entries(m, directory, true);
		free(directory);
		if (*end == '\0')
			break;
		path = end + 1;
	}
}

static void add_variables(struct matches *m)
{
	struct arena_mark mark = arena_mark(&scratch);

	for (struct var **v = var_sorted(); *v != NULL; v++)
		add_if_prefixed(m, (*v)->name);
	arena_release(&scratch, mark);
}

static void add_job(int number, const char *text, void *context)
{
	struct matches *m = context;
	char spec[32];

	(void)text;
	snprintf(spec, sizeof spec, "%%%d", number);
	add_if_prefixed(m, spec);
}

static void add_users(struct matches *m)
{
	struct passwd *pw;

	setpwent();
	while ((pw = getpwent()) != NULL)
		if (strncmp(pw->pw_name, m->prefix + 1, m->prefix_length - 1) == 0) {
			char *name = xmalloc(strlen(pw->pw_name) + 2);

			name[0] = '~';
			strcpy(name + 1, pw->pw_name);
			add_match(m, name, strlen(name), true);
			free(name);
		}
	endpwent();
}

/* The directory named by "~" or "~user" (the text before the first '/'), or NULL. */
static const char *home_of(const char *user, size_t length)
{
	struct passwd *pw;
	char *name;

	if (length == 0)
		return var_get("HOME");
	name = xstrndup(user, length);
	pw = getpwnam(name);
	free(name);
	return pw != NULL ? pw->pw_dir : NULL;
}

/* dir: the directory part of the word, ending in '/', or "" for the current directory. */
static void add_files(struct matches *m, const char *dir, bool tilde)
{
	struct strbuf path = STRBUF_INIT;

	if (*dir == '\0') {
		strbuf_append_str(&path, ".");
	} else if (tilde) {
		const char *slash = strchr(dir, '/');
		const char *home = home_of(dir + 1, (size_t)(slash - dir - 1));

		if (home == NULL)
			return;
		strbuf_append_str(&path, home);
		strbuf_append_str(&path, slash);
	} else {
		strbuf_append_str(&path, dir);
	}
	add_directory_entries(m, strbuf_str(&path), false);
	strbuf_free(&path);
}

/* --- what to insert --- */

/* Length of the longest common prefix of the (sorted) names, whole characters only. */
static size_t common_prefix(const struct matches *m)
{
	const char *first = m->items[0].name, *last = m->items[m->count - 1].name;
	size_t n = 0, whole = 0;
	mbstate_t state;

	while (first[n] != '\0' && first[n] == last[n])
		n++;
	memset(&state, 0, sizeof state);
	while (whole < n) {
		size_t r = mbrlen(first + whole, n - whole, &state);

		if (r == (size_t)-2)
			break;		/* a character cut in two */
		if (r == (size_t)-1 || r == 0)
			r = 1;
		whole += r;
	}
	return whole;
}

static bool special_unquoted(char c, bool at_start)
{
	if (c == '#' || c == '~')
		return at_start;
	return strchr(" \t\n'\"\\$`*?[]&;|<>(){}!=^", c) != NULL;
}

/* Append s[0, n) so that, read in the quoting state quote, it means itself. */
static void append_quoted(struct strbuf *out, const char *s, size_t n, char quote, bool at_start)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (quote == '\'') {
			if (c == '\'')
				strbuf_append_str(out, "'\\''");
			else
				strbuf_append_char(out, c);
		} else if (quote == '"') {
			if (strchr("$`\"\\", c) != NULL)
				strbuf_append_char(out, '\\');
			strbuf_append_char(out, c);
		} else if (c == '\n') {
			strbuf_append_str(out, "'\n'");
		} else {
			if (special_unquoted(c, at_start && i == 0))
				strbuf_append_char(out, '\\');
			strbuf_append_char(out, c);
		}
	}
}

enum kind { COMPLETE_FILES, COMPLETE_COMMANDS, COMPLETE_VARIABLES, COMPLETE_JOBS, COMPLETE_USERS };

static bool is_job_builtin(const char *name)
{
	static const char *const names[] = { "bg", "fg", "jobs", "kill", "wait", NULL };

	for (int i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

/* "$name" or "${name" ending at the cursor: the offset of the name, else NONE. */
static size_t variable_name_start(const char *line, size_t cursor, const struct word_scan *w)
{
	size_t p;

	if (w->dollar == NONE)
		return NONE;
	p = w->dollar + 1;
	if (p < cursor && line[p] == '{')
		p++;
	if (p < cursor && line[p] >= '0' && line[p] <= '9')
		return NONE;
	for (size_t i = p; i < cursor; i++)
		if (line[i] != '_' && !(line[i] >= 'a' && line[i] <= 'z') &&
		    !(line[i] >= 'A' && line[i] <= 'Z') && !(line[i] >= '0' && line[i] <= '9'))
			return NONE;
	return p;
}

/* Decide what the word is, where the text to replace starts, and what matches must start with. */
static enum kind choose_kind(const char *line, size_t cursor, struct word_scan *w,
    struct matches *m, struct completion *result, bool *braced)
{
	const char *text = strbuf_str(&w->text);
	size_t name_start = variable_name_start(line, cursor, w);
	enum kind kind;

	if (name_start != NONE) {
		*braced = name_start > w->dollar + 1;
		result->word_start = w->dollar;
		m->prefix = line + name_start;
		m->prefix_length = cursor - name_start;
		return COMPLETE_VARIABLES;
	}
	if (text[0] == '%' && !w->command_position && is_job_builtin(strbuf_str(&w->command)))
		kind = COMPLETE_JOBS;
	else if (w->tilde && strchr(text, '/') == NULL)
		kind = COMPLETE_USERS;
	else if (w->command_position && !w->redirect_target && !w->assignment &&
	    strchr(text, '/') == NULL)
		kind = COMPLETE_COMMANDS;
	else
		kind = COMPLETE_FILES;
	if (kind == COMPLETE_FILES) {
		result->word_start = w->base_raw;
		m->prefix = text + w->base_text;
		/* cd takes only directories (its operand, not a redirection's file). */
		m->directories_only = !w->redirect_target && !w->assignment &&
		    strcmp(strbuf_str(&w->command), "cd") == 0;
	} else {
		/* Whole-word completions start afresh, without the user's quotes. */
		result->word_start = w->start;
		w->base_quote = 0;
		m->prefix = text;
	}
	m->prefix_length = strlen(m->prefix);
	return kind;
}

static void collect(enum kind kind, struct word_scan *w, struct matches *m)
{
	switch (kind) {
	case COMPLETE_FILES: {
		const char *text = strbuf_str(&w->text);
		char *dir = xstrndup(text + w->value_text, w->base_text - w->value_text);

		add_files(m, dir, w->tilde);
		free(dir);
		break;
	}
	case COMPLETE_COMMANDS:
		add_commands(m);
		break;
	case COMPLETE_VARIABLES:
		add_variables(m);
		break;
	case COMPLETE_JOBS:
		jobs_each(add_job, m);
		break;
	case COMPLETE_USERS:
		add_users(m);
		break;
	}
}

/* What replaces line[word_start, cursor): the common prefix, quoted, and a suffix for a lone match. */
static char *replacement(const char *line, size_t cursor, size_t word_start, enum kind kind,
    const struct word_scan *w, const struct matches *m, bool braced)
{
	struct strbuf out = STRBUF_INIT;
	size_t common = common_prefix(m), skip = 0;
	const char *best = m->items[0].name;
	bool unique = m->count == 1;

	if (!unique && common == m->prefix_length) {
		/* Nothing to add: leave the word as typed, so that a second Tab lists. */
		strbuf_append(&out, line + word_start, cursor - word_start);
	} else if (kind == COMPLETE_VARIABLES) {
		strbuf_append_str(&out, braced ? "${" : "$");
		strbuf_append(&out, best, common);
		if (unique && braced)
			strbuf_append_char(&out, '}');
		if (unique && w->quote == 0)
			strbuf_append_char(&out, ' ');
	} else {
		if (kind == COMPLETE_USERS) {
			strbuf_append_char(&out, '~');
			skip = 1;
		} else if (w->base_quote != w->quote) {
			if (w->base_quote != 0)
				strbuf_append_char(&out, w->base_quote);	/* close */
			if (w->quote != 0)
				strbuf_append_char(&out, w->quote);	/* reopen as the user did */
		}
		append_quoted(&out, best + skip, common - skip, w->quote,
		    skip == 0 && w->base_text == w->value_text);
		if (unique) {
			if (w->quote != 0 && !m->items[0].directory)
				strbuf_append_char(&out, w->quote);
			strbuf_append_char(&out, m->items[0].directory ? '/' : ' ');
		}
	}
	return strbuf_release(&out);
}

void completion_find(const char *line, size_t cursor, struct completion *result)
{
	struct word_scan w = { .text = STRBUF_INIT, .command = STRBUF_INIT };
	struct matches m = { 0 };
	enum kind kind;
	bool braced = false;

	memset(result, 0, sizeof *result);
	scan_line(line, cursor, &w);
	kind = choose_kind(line, cursor, &w, &m, result, &braced);
	collect(kind, &w, &m);
	if (m.count > 0) {
		sort_matches(&m);
		result->replacement = replacement(line, cursor, result->word_start, kind, &w, &m, braced);
		/* The list as the user reads it. */
		result->matches = xmalloc(m.count * sizeof *result->matches);
		result->count = m.count;
	}
	for (size_t i = 0; i < m.count; i++) {
		struct strbuf shown = STRBUF_INIT;

		if (kind == COMPLETE_VARIABLES)
			strbuf_append_str(&shown, braced ? "${" : "$");
		strbuf_append_str(&shown, m.items[i].name);
		if (m.items[i].directory)
			strbuf_append_char(&shown, '/');
		result->matches[i] = strbuf_release(&shown);
		free(m.items[i].name);
	}
	free(m.items);
	strbuf_free(&w.text);
	strbuf_free(&w.command);
}

void completion_free(struct completion *result)
{
	for (size_t i = 0; i < result->count; i++)
		free(result->matches[i]);
	free(result->matches);
	free(result->replacement);
	memset(result, 0, sizeof *result);
}

/* --- the listing --- */

int display_width(const char *s, size_t n)
{
	mbstate_t state;
	int width = 0;

	memset(&state, 0, sizeof state);
	while (n > 0) {
		wchar_t wc;
		size_t r = mbrtowc(&wc, s, n, &state);
		int w;

		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			memset(&state, 0, sizeof state);
			r = 1;
			w = 1;
		} else {
			w = wcwidth(wc);
			if (w < 0)
				w = 1;
		}
		width += w;
		s += r;
		n -= r;
	}
	return width;
}

/* Like ls: down the rows of the first column, then the next column. */
void completion_print(const struct completion *result, int columns, struct output *out)
{
	size_t n = result->count, rows, per_row;
	int *widths, widest = 0, column_width;

	if (n == 0)
		return;
	widths = xmalloc(n * sizeof *widths);
	for (size_t i = 0; i < n; i++) {
		widths[i] = display_width(result->matches[i], strlen(result->matches[i]));
		if (widths[i] > widest)
			widest = widths[i];
	}
	column_width = widest + 2;
	if (columns < 1)
		columns = 80;
	per_row = (size_t)(columns + 2) / (size_t)column_width;
	if (per_row < 1)
		per_row = 1;
	rows = (n + per_row - 1) / per_row;
	per_row = (n + rows - 1) / rows;
	for (size_t row = 0; row < rows; row++) {
		for (size_t col = 0; col < per_row; col++) {
			size_t i = col * rows + row;

			if (i >= n)
				break;
			out_str(out, result->matches[i]);
			if (col + 1 < per_row && i + rows < n)
				for (int pad = widths[i]; pad < column_width; pad++)
					out_char(out, ' ');
		}
		out_char(out, '\n');
	}
	free(widths);
}
