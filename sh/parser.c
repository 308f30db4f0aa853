/*
 * The parser: the POSIX.1-2024 XCU 2.10 shell grammar by recursive
 * descent, with the lexer (XCU 2.3 token recognition) driven on demand.
 *
 * Characters come from a stack of sources: the input at the bottom, alias
 * values above it (re-lexed like input), and "barrier" strings that end
 * with end-of-file (here-document bodies and backquoted commands, parsed
 * from their own text).  Backslash-newline is removed as characters are
 * fetched, except where the caller reads raw bytes (single quotes,
 * comments, here-document lines).
 *
 * Words are built as lists of parts with their quoting (ast.h); command
 * substitutions are parsed into trees right away.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "alias.h"
#include "error.h"
#include "memory.h"
#include "parser.h"
#include "state.h"
#include "strbuf.h"
#include "vars.h"

#define MAX_NESTING 1000
#define MAX_AND_OR 10000

enum token_kind {
	T_EOF,
	T_NEWLINE,
	T_WORD,
	T_SEMI,			/* ; */
	T_AMP,			/* & */
	T_PIPE,			/* | */
	T_AND_IF,		/* && */
	T_OR_IF,		/* || */
	T_DSEMI,		/* ;; */
	T_SEMI_AND,		/* ;& */
	T_LPAREN,		/* ( */
	T_RPAREN,		/* ) */
	/* Redirection operators, each possibly with an IO_NUMBER in front. */
	T_LESS,			/* < */
	T_GREAT,		/* > */
	T_CLOBBER,		/* >| */
	T_DGREAT,		/* >> */
	T_LESSAND,		/* <& */
	T_GREATAND,		/* >& */
	T_LESSGREAT,		/* <> */
	T_DLESS,		/* << */
	T_DLESSDASH,		/* <<- */
};

static const char *const token_text[] = {
	[T_EOF] = "end of file", [T_NEWLINE] = "newline", [T_WORD] = "word",
	[T_SEMI] = "';'", [T_AMP] = "'&'", [T_PIPE] = "'|'", [T_AND_IF] = "'&&'",
	[T_OR_IF] = "'||'", [T_DSEMI] = "';;'", [T_SEMI_AND] = "';&'",
	[T_LPAREN] = "'('", [T_RPAREN] = "')'", [T_LESS] = "'<'", [T_GREAT] = "'>'",
	[T_CLOBBER] = "'>|'", [T_DGREAT] = "'>>'", [T_LESSAND] = "'<&'",
	[T_GREATAND] = "'>&'", [T_LESSGREAT] = "'<>'", [T_DLESS] = "'<<'",
	[T_DLESSDASH] = "'<<-'",
};

/* In the order of reserved_words[] below. */
enum keyword {
	KW_BANG, KW_LBRACE, KW_RBRACE, KW_CASE, KW_DO, KW_DONE, KW_ELIF, KW_ELSE,
	KW_ESAC, KW_FI, KW_FOR, KW_IF, KW_IN, KW_THEN, KW_UNTIL, KW_WHILE,
};

static const char *const reserved_words[] = {
	"!", "{", "}", "case", "do", "done", "elif", "else", "esac", "fi",
	"for", "if", "in", "then", "until", "while", NULL
};

static int keyword_index(const char *s);

struct token {
	enum token_kind kind;
	struct word *word;	/* T_WORD */
	const char *literal;	/* T_WORD made of unquoted literal characters only, else NULL */
	int io_number;		/* redirection operators: the IO_NUMBER, or -1 */
	int keyword;		/* literal equal to a reserved word: its enum keyword, else -1 */
	int line;
};

struct source {
	struct source *previous;
	char *text;		/* owned */
	struct input_window window;	/* onto text, read like the input's */
	char *alias_name;	/* an alias being substituted (owned), or NULL */
	bool blank_end;		/* that alias's value ends in a blank */
	struct recent_alias *inherited;	/* the aliases whose text made its name */
	bool barrier;		/* end of text is end of input for the parser */
	bool eof_below;		/* an end of input had been given back under this source */
	int *pushback;		/* bytes given back that do not match text */
	size_t pushback_count;
	size_t pushback_capacity;
};

/* An alias whose text has been read to its end during the current token. */
struct recent_alias {
	char *name;
	struct recent_alias *next;
};

struct heredoc {
	struct redirection *redirection;
	char *delimiter;
	bool strip_tabs;
	struct heredoc *next;
};

struct parser {
	struct input *in;
	/*
	 * The window of the top source, or of the input when there is none,
	 * while the next bytes come straight from it (nothing given back that
	 * is not in it, nothing being recorded), else NULL: kept by
	 * set_direct() wherever one of those changes.
	 */
	struct input_window *direct;
	struct arena *arena;
	struct source *sources;
	bool eof_pushed;	/* an end of input was given back */
	int depth;
	bool have_token;
	struct token token;
	struct heredoc *heredocs;	/* waiting for the next newline, in order */
	struct heredoc **heredocs_tail;
	struct recent_alias *recent;
	/*
	 * A blank-ending alias value was read to its end: the next token is
	 * checked for aliases wherever it stands (XCU 2.3.1).
	 */
	bool check_alias;
	bool token_after_blank_alias;	/* the current token was read so */
	unsigned reserved_here;	/* reserved words (1 << keyword) the grammar wants next */
	/* Raw bytes read while trying $(( as arithmetic, for falling back to $( ( */
	struct strbuf record;
	int recording;
	size_t record_base;	/* where a backquoted body's own record begins */
	/* Text buffers of finished words, reused to spare a malloc per word. */
	struct strbuf spare[16];
	int spare_count;
	/* Words being built, innermost first: a syntax error frees their text. */
	struct word_builder *building;
};

static struct node *parse_compound_list(struct parser *p, bool allow_empty);
static struct node *parse_command_node(struct parser *p);
static struct node *parse_and_or(struct parser *p);
static void next_token(struct parser *p);
static struct token *peek(struct parser *p);

/* Errors */

static void release_unfinished_words(struct parser *p);

static noreturn void syntax_error_at(struct parser *p, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static noreturn void syntax_error_at(struct parser *p, int line, const char *fmt, ...)
{
	char message[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	release_unfinished_words(p);
	input_catch_up(p->in);	/* "set -v" shows what was read before the message */
	shell.lineno = line;
	error_raise_status(2, "syntax error: %s", message);
}

#define syntax_error(p, ...) syntax_error_at((p), input_line((p)->in), __VA_ARGS__)

static void describe_token(const struct token *t, char *buf, size_t size)
{
	if (t->kind == T_WORD)
		snprintf(buf, size, "'%s'", t->literal != NULL ? t->literal : "word");
	else
		snprintf(buf, size, "%s", token_text[t->kind]);
}

static noreturn void unexpected(struct parser *p, const char *expecting)
{
	char what[300];

	describe_token(&p->token, what, sizeof what);
	if (expecting != NULL)
		syntax_error_at(p, p->token.line, "unexpected %s (expecting %s)", what, expecting);
	syntax_error_at(p, p->token.line, "unexpected %s", what);
}

static void nest(struct parser *p)
{
	if (++p->depth > MAX_NESTING)
		syntax_error(p, "too deeply nested");
}

static void unnest(struct parser *p)
{
	p->depth--;
}

/* Character sources */

static void set_direct(struct parser *p)
{
	struct source *s = p->sources;

	if (p->eof_pushed || p->recording > 0 || (s != NULL && s->pushback_count > 0))
		p->direct = NULL;
	else if (s != NULL)
		p->direct = &s->window;
	else
		p->direct = p->in != NULL ? input_window(p->in) : NULL;
}

static void push_source(struct parser *p, char *text, size_t length, const char *alias_name,
    bool barrier)
{
	struct source *s = xcalloc(1, sizeof(*s));

	s->text = text;
	s->window.begin = s->window.next = s->window.seen = text;
	s->window.end = text + length;
	if (alias_name != NULL) {
		s->alias_name = xstrdup(alias_name);
		s->blank_end = length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t');
		/*
		 * The aliases whose text the name came from stay in use while
		 * this one is read: "alias a=b b=a" ends.
		 */
		s->inherited = p->recent;
		p->recent = NULL;
	}
	s->barrier = barrier;
	s->eof_below = p->eof_pushed;
	p->eof_pushed = false;
	s->previous = p->sources;
	p->sources = s;
	set_direct(p);
}

static void pop_source(struct parser *p)
{
	struct source *s = p->sources;

	p->sources = s->previous;
	p->eof_pushed = s->eof_below;
	set_direct(p);
	if (s->alias_name != NULL) {
		/* Still "in use" until the token being read is complete. */
		struct recent_alias *r = xmalloc(sizeof(*r)), **tail;

		r->name = s->alias_name;
		r->next = p->recent;
		p->recent = r;
		for (tail = &r->next; *tail != NULL; tail = &(*tail)->next)
			;
		*tail = s->inherited;
		if (s->blank_end)
			p->check_alias = true;
	}
	free(s->text);
	free(s->pushback);
	free(s);
}

static void free_alias_list(struct recent_alias *r)
{
	while (r != NULL) {
		struct recent_alias *next = r->next;

		free(r->name);
		free(r);
		r = next;
	}
}

static void clear_recent_aliases(struct parser *p)
{
	free_alias_list(p->recent);
	p->recent = NULL;
}

static bool in_alias_list(const struct recent_alias *r, const char *name)
{
	for (; r != NULL; r = r->next)
		if (strcmp(r->name, name) == 0)
			return true;
	return false;
}

/* An alias being substituted, directly or through others, is not substituted again. */
static bool alias_in_use(struct parser *p, const char *name)
{
	for (struct source *s = p->sources; s != NULL; s = s->previous)
		if (s->alias_name != NULL &&
		    (strcmp(s->alias_name, name) == 0 || in_alias_list(s->inherited, name)))
			return true;
	return in_alias_list(p->recent, name);
}

/* The window the next bytes come straight from, or NULL. */
static inline struct input_window *direct_window(struct parser *p)
{
	return p->direct;
}

static int raw_getc_slow(struct parser *p)
{
	int c;

	if (p->eof_pushed) {
		p->eof_pushed = false;
		set_direct(p);
		return -1;
	}
	for (;;) {
		struct source *s = p->sources;

		if (s == NULL) {
			c = input_getc(p->in);
			break;
		}
		if (s->pushback_count > 0) {
			c = s->pushback[--s->pushback_count];
			if (s->pushback_count == 0)
				set_direct(p);
			break;
		}
		if (s->window.next < s->window.end) {
			c = (unsigned char)*s->window.next++;
			break;
		}
		if (s->barrier)
			return -1;
		pop_source(p);
	}
	if (p->recording > 0 && c >= 0)
		strbuf_append_char(&p->record, (char)c);
	return c;
}

/* The next byte with no line-continuation processing, or -1. */
static inline int raw_getc(struct parser *p)
{
	struct input_window *w = direct_window(p);

	if (w != NULL && w->next < w->end)
		return (unsigned char)*w->next++;
	return raw_getc_slow(p);
}

static void raw_ungetc_slow(struct parser *p, int c)
{
	struct source *s = p->sources;

	if (c < 0) {
		p->eof_pushed = true;
		p->direct = NULL;
		return;
	}
	/* The end of input comes after c; the source will report it again. */
	p->eof_pushed = false;
	if (p->recording > 0 && p->record.length > 0)
		p->record.length--;
	if (s == NULL) {
		input_ungetc(p->in, c);
	} else if (s->pushback_count == 0 && s->window.next > s->window.begin &&
	    (unsigned char)s->window.next[-1] == c) {
		s->window.next--;
	} else {
		if (s->pushback_count == s->pushback_capacity) {
			s->pushback_capacity = s->pushback_capacity ? s->pushback_capacity * 2 : 8;
			s->pushback = xrealloc(s->pushback, s->pushback_capacity * sizeof(int));
		}
		s->pushback[s->pushback_count++] = c;
	}
	set_direct(p);
}

/* Give back c, the byte (or -1, the end of input) raw_getc returned last. */
static inline void raw_ungetc(struct parser *p, int c)
{
	struct input_window *w = direct_window(p);

	if (c < 0 || w == NULL) {
		raw_ungetc_slow(p, c);
	} else if (p->sources == NULL) {
		input_ungetc(p->in, c);		/* the input notes how far it was read */
	} else if (w->next > w->begin && (unsigned char)w->next[-1] == c) {
		w->next--;
	} else {
		raw_ungetc_slow(p, c);
	}
}

/* The next byte with backslash-newline pairs removed. */
static inline int pgetc(struct parser *p)
{
	for (;;) {
		int c = raw_getc(p);
		int next;

		if (c != '\\')
			return c;
		next = raw_getc(p);
		if (next != '\n') {
			raw_ungetc(p, next);
			return c;
		}
	}
}

static int peekc(struct parser *p)
{
	int c = pgetc(p);

	raw_ungetc(p, c);
	return c;
}

/* Building words */

struct word_builder {
	struct parser *p;
	struct word_part *head;
	struct word_part **tail;
	struct strbuf text;
	struct word_builder *outer;	/* the word this one is nested in */
	bool text_quoted;
	bool force;		/* make a text part even if empty ('' or "") */
	bool any;		/* anything at all was added */
};

static void builder_init(struct word_builder *b, struct parser *p)
{
	b->p = p;
	b->head = NULL;
	b->tail = &b->head;
	if (p->spare_count > 0) {
		b->text = p->spare[--p->spare_count];
		strbuf_reset(&b->text);
	} else {
		b->text = (struct strbuf)STRBUF_INIT;
	}
	b->text_quoted = false;
	b->force = false;
	b->any = false;
	b->outer = p->building;
	p->building = b;
}

static struct word_part *new_part(struct parser *p, enum word_part_kind kind, bool quoted)
{
	struct word_part *part = arena_zalloc(p->arena, sizeof(*part));

	part->kind = kind;
	part->quoted = quoted;
	return part;
}

static void builder_flush(struct word_builder *b)
{
	struct word_part *part;

	if (b->text.length == 0 && !b->force)
		return;
	part = new_part(b->p, PART_TEXT, b->text_quoted);
	part->u.text.length = b->text.length;
	part->u.text.chars = arena_strndup(b->p->arena, strbuf_str(&b->text), b->text.length);
	*b->tail = part;
	b->tail = &part->next;
	strbuf_reset(&b->text);
	b->force = false;
}

static void builder_char(struct word_builder *b, int c, bool quoted)
{
	if (b->text_quoted != quoted && (b->text.length > 0 || b->force))
		builder_flush(b);
	b->text_quoted = quoted;
	strbuf_append_char(&b->text, (char)c);
	b->any = true;
}

/* Bytes that are all text of the same quoting (a run of plain characters). */
static void builder_text(struct word_builder *b, const char *text, size_t n, bool quoted)
{
	if (b->text_quoted != quoted && (b->text.length > 0 || b->force))
		builder_flush(b);
	b->text_quoted = quoted;
	strbuf_append(&b->text, text, n);
	b->any = true;
}

/*
 * Characters that stop a run of plain text: in a shell word (those that
 * end it or start quoting or an expansion), inside double quotes, in a
 * here-document body and inside single quotes; and those that end a word.
 */
enum { STOPS_WORD = 1, STOPS_DQUOTE = 2, ENDS_WORD = 4, STOPS_HEREDOC = 8, STOPS_SQUOTE = 16 };

#define ENDS (STOPS_WORD | ENDS_WORD)

static const unsigned char run_stop[256] = {
	[' '] = ENDS, ['\t'] = ENDS, ['\n'] = ENDS,
	[';'] = ENDS, ['&'] = ENDS, ['|'] = ENDS,
	['('] = ENDS, [')'] = ENDS, ['<'] = ENDS, ['>'] = ENDS,
	['\''] = STOPS_WORD | STOPS_SQUOTE, ['"'] = STOPS_WORD | STOPS_DQUOTE,
	['\\'] = STOPS_WORD | STOPS_DQUOTE | STOPS_HEREDOC,
	['$'] = STOPS_WORD | STOPS_DQUOTE | STOPS_HEREDOC,
	['`'] = STOPS_WORD | STOPS_DQUOTE | STOPS_HEREDOC,
};

/*
 * Take the plain characters that come next straight from the
 * window and add them to the word in one piece.
 */
static void take_plain_run(struct parser *p, struct word_builder *b, int stop, bool quoted)
{
	struct input_window *w = direct_window(p);
	const char *q;

	if (w == NULL)
		return;
	for (q = w->next; q < w->end && !(run_stop[(unsigned char)*q] & stop); q++)
		;
	if (q == w->next)
		return;
	if (stop == STOPS_WORD && q < w->end && (run_stop[(unsigned char)*q] & ENDS_WORD) &&
	    b->text.length == 0 && !b->force) {
		/* The whole rest of the word: its part made here, with no copy on the way. */
		struct word_part *part = new_part(p, PART_TEXT, quoted);

		part->u.text.length = (size_t)(q - w->next);
		part->u.text.chars = arena_strndup(p->arena, w->next, part->u.text.length);
		*b->tail = part;
		b->tail = &part->next;
		b->any = true;
	} else {
		builder_text(b, w->next, (size_t)(q - w->next), quoted);
	}
	w->next = q;
}

/* A quoted (possibly empty) stretch starts: '' alone must still make a part. */
static void builder_quote_mark(struct word_builder *b)
{
	/*
	 * An empty quoted stretch already waiting ("" in """$@") is kept as
	 * a part of its own: the expansion quoted next must not absorb it.
	 */
	if ((!b->text_quoted && b->text.length > 0) || (b->force && b->text.length == 0))
		builder_flush(b);
	b->text_quoted = true;
	b->force = true;
	b->any = true;
}

static void builder_part(struct word_builder *b, struct word_part *part)
{
	/* "$x": the expansion itself is quoted; no empty text part is needed. */
	if (part->quoted && b->force && b->text.length == 0)
		b->force = false;
	builder_flush(b);
	*b->tail = part;
	b->tail = &part->next;
	b->any = true;
}

static void builder_release_text(struct word_builder *b)
{
	struct parser *p = b->p;

	p->building = b->outer;
	if (p->spare_count < (int)(sizeof(p->spare) / sizeof(p->spare[0])))
		p->spare[p->spare_count++] = b->text;
	else
		strbuf_free(&b->text);
	b->text = (struct strbuf)STRBUF_INIT;
}

/* The error path: the builders' frames are about to be abandoned by longjmp. */
static void release_unfinished_words(struct parser *p)
{
	for (struct word_builder *b = p->building; b != NULL; b = b->outer)
		strbuf_free(&b->text);
	p->building = NULL;
}

static struct word *builder_finish(struct word_builder *b)
{
	struct word *w;

	builder_flush(b);
	builder_release_text(b);
	w = arena_zalloc(b->p->arena, sizeof(*w));
	w->parts = b->head;
	return w;
}

static void builder_discard(struct word_builder *b)
{
	builder_release_text(b);
}

/* Word syntax */

enum word_mode {
	MODE_NORMAL,		/* a shell word: ends at a blank or an operator */
	MODE_DQUOTE,		/* inside "...": ends at " */
	MODE_PARAM_ARG,		/* the word in ${x-word}: ends at }, quotes work */
	MODE_PARAM_ARG_DQ,	/* same inside double quotes: the text is quoted */
	MODE_HEREDOC,		/* a here-document body: ends at end of input */
	MODE_ARITH,		/* $(( ... )): ends at )) */
};

static void read_word_into(struct parser *p, struct word_builder *b, enum word_mode mode);
static bool parse_dollar(struct parser *p, struct word_builder *b, bool quoted, bool in_dquote);
static void parse_backquote(struct parser *p, struct word_builder *b, bool quoted, bool in_dquote);

static void parse_single_quote(struct parser *p, struct word_builder *b)
{
	int line = input_line(p->in);

	builder_quote_mark(b);
	for (;;) {
		int c;

		take_plain_run(p, b, STOPS_SQUOTE, true);
		c = raw_getc(p);
		if (c == '\'')
			return;
		if (c < 0)
			syntax_error_at(p, line, "unterminated quoted string");
		builder_char(b, c, true);
	}
}

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * $'\uXXXX' and $'\UXXXXXXXX' (an extension, as in bash, mksh and the
 * BSD shells): the character in the current locale's encoding, or the
 * escape as written when there it has none.  Returns the code (0 ends
 * the string's value, as \0 does).
 */
static long parse_unicode_escape(struct parser *p, struct word_builder *b, int letter,
    bool nul_seen)
{
	char digits[9], bytes[MB_LEN_MAX];
	int count = 0, max = letter == 'u' ? 4 : 8;
	unsigned long code = 0;
	size_t n = (size_t)-1;
	mbstate_t state;

	for (;;) {
		int d = raw_getc(p);

		if (hex_value(d) < 0 || count == max) {
			raw_ungetc(p, d);
			break;
		}
		digits[count++] = (char)d;
		code = code * 16 + (unsigned long)hex_value(d);
	}
	if (count > 0 && code == 0)
		return 0;
	memset(&state, 0, sizeof state);
	if (count > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
		n = wcrtomb(bytes, (wchar_t)code, &state);
	if (nul_seen)
		return (long)code;
	if (n == (size_t)-1) {
		builder_char(b, '\\', true);
		builder_char(b, letter, true);
		for (int i = 0; i < count; i++)
			builder_char(b, digits[i], true);
	} else {
		for (size_t i = 0; i < n; i++)
			builder_char(b, (unsigned char)bytes[i], true);
	}
	return count > 0 ? (long)code : -1;
}

/* $'...': backslash escapes as in C; the result is quoted text. */
static void parse_dollar_single(struct parser *p, struct word_builder *b)
{
	int line = input_line(p->in);
	bool nul_seen = false;

	builder_quote_mark(b);
	for (;;) {
		int c = raw_getc(p);
		int value;

		if (c < 0)
			syntax_error_at(p, line, "unterminated quoted string");
		if (c == '\'')
			return;
		if (c == '\\') {
			c = raw_getc(p);
			switch (c) {
			case -1:
				syntax_error_at(p, line, "unterminated quoted string");
			case 'a': value = '\a'; break;
			case 'b': value = '\b'; break;
			case 'e': case 'E': value = 033; break;
			case 'f': value = '\f'; break;
			case 'n': value = '\n'; break;
			case 'r': value = '\r'; break;
			case 't': value = '\t'; break;
			case 'v': value = '\v'; break;
			case '\\': case '\'': case '"': case '?':
				value = c;
				break;
			case 'c':
				c = raw_getc(p);
				if (c < 0)
					syntax_error_at(p, line, "unterminated quoted string");
				if (c == '\\') {
					int d = raw_getc(p);

					if (d != '\\')
						raw_ungetc(p, d);
				}
				value = c == '?' ? 0177 : (c & 037);
				break;
			case 'u': case 'U':
				if (parse_unicode_escape(p, b, c, nul_seen) == 0)
					nul_seen = true;
				continue;
			case 'x': {
				int digits = 0;

				value = 0;
				for (;;) {
					int d = raw_getc(p);
					int h = hex_value(d);

					if (h < 0 || digits == 2) {
						raw_ungetc(p, d);
						break;
					}
					value = value * 16 + h;
					digits++;
				}
				if (digits == 0) {
					builder_char(b, '\\', true);
					value = 'x';
				}
				break;
			}
			case '0': case '1': case '2': case '3':
			case '4': case '5': case '6': case '7': {
				int digits = 1;

				value = c - '0';
				for (;;) {
					int d = raw_getc(p);

					if (d < '0' || d > '7' || digits == 3) {
						raw_ungetc(p, d);
						break;
					}
					value = value * 8 + (d - '0');
					digits++;
				}
				value &= 0377;
				break;
			}
			default:
				/* Unknown escape: keep it as written. */
				if (!nul_seen)
					builder_char(b, '\\', true);
				value = c;
				break;
			}
		} else {
			value = c;
		}
		if (value == 0)
			nul_seen = true;	/* POSIX: a NUL ends the string's value */
		if (!nul_seen)
			builder_char(b, value, true);
	}
}

static void parse_double_quote(struct parser *p, struct word_builder *b)
{
	int line = input_line(p->in);

	builder_quote_mark(b);
	for (;;) {
		int c;

		take_plain_run(p, b, STOPS_DQUOTE, true);
		c = pgetc(p);
		switch (c) {
		case -1:
			syntax_error_at(p, line, "unterminated quoted string");
		case '"':
			return;
		case '\\':
			/* pgetc() already removed a backslash-newline: take the next byte as is. */
			c = raw_getc(p);
			if (c < 0)
				syntax_error_at(p, line, "unterminated quoted string");
			if (c != '$' && c != '`' && c != '"' && c != '\\')
				builder_char(b, '\\', true);
			builder_char(b, c, true);
			break;
		case '$':
			if (!parse_dollar(p, b, true, true))
				builder_char(b, '$', true);
			break;
		case '`':
			parse_backquote(p, b, true, true);
			break;
		default:
			builder_char(b, c, true);
			break;
		}
	}
}

static bool is_name_start(int c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_name_char(int c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

static bool is_special_param(int c)
{
	return c != -1 && c != 0 && strchr("@*#?-$!", c) != NULL;
}

static const char *name_in_window(struct parser *p, int c);

/*
 * A form POSIX does not define (${x:0:2}, ${x/a/b}, ${!x}), seen at c after
 * the text in prefix: read on to the closing brace like an operator's word,
 * and fail only if it is expanded, as dash and FreeBSD sh do, so that a
 * script may keep such a form in a branch it takes only under another shell.
 */
static void parse_unknown_param(struct parser *p, int line, struct word_part *part,
    const char *prefix, size_t length, int c, bool in_dquote)
{
	struct word_builder arg;

	if (c < 0)
		syntax_error_at(p, line, "missing '}'");
	raw_ungetc(p, c);
	part->u.param.name = arena_strndup(p->arena, prefix, length);
	part->u.param.op = PARAM_UNKNOWN;
	part->u.param.colon = false;
	builder_init(&arg, p);
	read_word_into(p, &arg, in_dquote ? MODE_PARAM_ARG_DQ : MODE_PARAM_ARG);
	part->u.param.arg = builder_finish(&arg);
}

/* The same after a name: the text so far is before, the name and the ':' if any. */
static void unknown_after_name(struct parser *p, int line, struct word_part *part,
    const char *before, int c, bool in_dquote)
{
	/* In the arena: a syntax error in what follows must not leak it. */
	size_t n1 = strlen(before), n2 = strlen(part->u.param.name);
	char *text = arena_alloc(p->arena, n1 + n2 + 1);

	memcpy(text, before, n1);
	memcpy(text + n1, part->u.param.name, n2);
	if (part->u.param.colon)
		text[n1 + n2++] = ':';
	parse_unknown_param(p, line, part, text, n1 + n2, c, in_dquote);
}

/* ${...}: called after "${". */
static void parse_brace_param(struct parser *p, struct word_builder *b, bool quoted, bool in_dquote)
{
	int line = input_line(p->in);
	struct word_part *part = new_part(p, PART_PARAM, quoted);
	struct strbuf name = STRBUF_INIT;
	int c = pgetc(p);
	bool length = false;
	const char *name_end;

	nest(p);
	if (c == '#') {
		int next = pgetc(p);

		if (next == '}') {
			raw_ungetc(p, next);
		} else if (is_name_char(next)) {
			length = true;
			c = next;
		} else if (is_special_param(next)) {
			int after = pgetc(p);

			raw_ungetc(p, after);
			if (after == '}') {
				length = true;
				c = next;
			} else {
				raw_ungetc(p, next);
			}
		} else {
			raw_ungetc(p, next);
		}
	}
	name_end = is_name_start(c) ? name_in_window(p, c) : NULL;
	if (name_end != NULL) {
		struct input_window *w = direct_window(p);

		part->u.param.name = arena_strndup(p->arena, w->next - 1,
		    (size_t)(name_end - (w->next - 1)));
		w->next = name_end;
		c = pgetc(p);
	} else {
		if (is_name_start(c)) {
			do {
				strbuf_append_char(&name, (char)c);
				c = pgetc(p);
			} while (is_name_char(c));
		} else if (c >= '0' && c <= '9') {
			do {
				strbuf_append_char(&name, (char)c);
				c = pgetc(p);
			} while (c >= '0' && c <= '9');
		} else if (is_special_param(c) && !(c == '$' && (peekc(p) == '(' || peekc(p) == '{'))) {
			strbuf_append_char(&name, (char)c);
			c = pgetc(p);
		} else {
			/* ${$(...)} and ${`...`} alike: an expansion begins the unknown form's word. */
			strbuf_free(&name);
			parse_unknown_param(p, line, part, "", 0, c, in_dquote);
			goto done;
		}
		part->u.param.name = arena_strndup(p->arena, strbuf_str(&name), name.length);
	}
	strbuf_free(&name);
	part->u.param.op = PARAM_PLAIN;
	if (length && c != '}') {
		unknown_after_name(p, line, part, "#", c, in_dquote);
	} else if (length) {
		part->u.param.op = PARAM_LENGTH;
	} else if (c != '}') {
		bool pattern = false;
		enum word_mode mode;
		struct word_builder arg;

		if (c == ':') {
			part->u.param.colon = true;
			c = pgetc(p);
		}
		switch (c) {
		case '-': part->u.param.op = PARAM_DEFAULT; break;
		case '=': part->u.param.op = PARAM_ASSIGN; break;
		case '?': part->u.param.op = PARAM_ERROR; break;
		case '+': part->u.param.op = PARAM_ALTERNATIVE; break;
		case '%':
		case '#':
			if (part->u.param.colon) {
				unknown_after_name(p, line, part, "", c, in_dquote);
				goto done;
			}
			pattern = true;
			if (peekc(p) == c) {
				pgetc(p);
				part->u.param.op = c == '%' ? PARAM_REMOVE_LARGE_SUFFIX :
				    PARAM_REMOVE_LARGE_PREFIX;
			} else {
				part->u.param.op = c == '%' ? PARAM_REMOVE_SMALL_SUFFIX :
				    PARAM_REMOVE_SMALL_PREFIX;
			}
			break;
		default:
			unknown_after_name(p, line, part, "", c, in_dquote);
			goto done;
		}
		/*
		 * Double quotes around the whole expansion quote the word,
		 * except a pattern: quoting inside the braces does that.
		 */
		mode = in_dquote && !pattern ? MODE_PARAM_ARG_DQ : MODE_PARAM_ARG;
		builder_init(&arg, p);
		read_word_into(p, &arg, mode);
		part->u.param.arg = builder_finish(&arg);
	}
done:
	builder_part(b, part);
	unnest(p);
}

struct saved_state {
	bool have_token;
	struct token token;
	bool check_alias;
	struct heredoc *heredocs;
	struct heredoc **heredocs_tail;
};

static void save_state(struct parser *p, struct saved_state *s, bool own_heredocs)
{
	s->have_token = p->have_token;
	s->token = p->token;
	s->check_alias = p->check_alias;
	s->heredocs = p->heredocs;
	s->heredocs_tail = p->heredocs_tail;
	p->have_token = false;
	p->check_alias = false;
	if (own_heredocs) {
		p->heredocs = NULL;
		p->heredocs_tail = &p->heredocs;
	}
}

static void restore_state(struct parser *p, struct saved_state *s, bool own_heredocs)
{
	p->have_token = s->have_token;
	p->token = s->token;
	p->check_alias = s->check_alias;
	if (own_heredocs) {
		p->heredocs = s->heredocs;
		p->heredocs_tail = s->heredocs_tail;
	}
}

/* $( ... ): called after "$(". */
static void parse_command_substitution(struct parser *p, struct word_builder *b, bool quoted)
{
	struct word_part *part = new_part(p, PART_COMMAND, quoted);
	struct saved_state saved;

	struct heredoc *inner, **inner_tail;

	nest(p);
	/*
	 * A newline inside reads only the here-documents opened inside:
	 * "cat <<A $(cat <<B<newline>b<newline>B<newline>)" has A's body after
	 * the line the ")" ends.  Those still open at the ")" join the outer list.
	 */
	save_state(p, &saved, true);
	part->u.command.body = parse_compound_list(p, true);
	if (peek(p)->kind != T_RPAREN)
		unexpected(p, "')'");
	p->have_token = false;
	inner = p->heredocs;
	inner_tail = p->heredocs_tail;
	restore_state(p, &saved, true);
	if (inner != NULL) {
		*p->heredocs_tail = inner;
		p->heredocs_tail = inner_tail;
	}
	builder_part(b, part);
	unnest(p);
}

/*
 * A backquoted body or a here-document's is parsed from a copy pushed as
 * a source.  Inside a $(( being tried, the text recorded for a replay must
 * be the text as written, not the copy too: recording pauses, and a $((
 * tried inside the copy records after what is there.
 */
struct paused_record {
	int recording;
	size_t base;
};

static void record_pause(struct parser *p, struct paused_record *saved)
{
	saved->recording = p->recording;
	saved->base = p->record_base;
	p->recording = 0;
	p->record_base = p->record.length;
}

static void record_resume(struct parser *p, const struct paused_record *saved)
{
	p->record.length = p->record_base;
	p->record_base = saved->base;
	p->recording = saved->recording;
	set_direct(p);
}

/*
 * $(( ... )): called after "$((".  Returns false, with the text read given
 * back, when the parentheses do not close with "))": then it was a
 * command substitution starting with a subshell.
 */
static bool parse_arithmetic(struct parser *p, struct word_builder *b, bool quoted)
{
	size_t start = p->record.length;
	struct word_builder expr;
	struct word_part *part;
	int line = input_line(p->in);
	int c;

	nest(p);
	p->recording++;
	p->direct = NULL;
	builder_init(&expr, p);
	read_word_into(p, &expr, MODE_ARITH);
	c = pgetc(p);
	/*
	 * The end of input before anything showed it is not arithmetic: an
	 * unfinished arithmetic expansion (XCU 2.6.3), not a command substitution.
	 */
	if (c < 0) {
		builder_discard(&expr);
		syntax_error_at(p, line, "missing '))'");
	}
	if (c != ')') {
		/* Replay "(" and everything read as the start of $( ( ... */
		size_t n;
		char *text;

		raw_ungetc(p, c);
		n = p->record.length - start;
		text = xmalloc(n + 2);
		text[0] = '(';
		memcpy(text + 1, p->record.data + start, n);
		text[n + 1] = '\0';
		p->record.length = start;
		if (--p->recording == 0) {
			p->record.length = p->record_base;
		} else if (start > p->record_base && p->record.data[start - 1] == '(') {
			/*
			 * An enclosing $(( is being tried too, and records this
			 * text again as it is replayed.  Record it as "$( (", so
			 * that if the enclosing one fails as well, its replay
			 * does not try this one again: each try replayed every
			 * inner one, twice the work per level (and "$(((" here
			 * read back wrong).
			 */
			p->record.data[start - 1] = ' ';
		}
		set_direct(p);
		builder_discard(&expr);
		push_source(p, text, n + 1, NULL, false);
		unnest(p);
		return false;
	}
	if (--p->recording == 0)
		p->record.length = p->record_base;
	set_direct(p);
	part = new_part(p, PART_ARITH, quoted);
	part->u.arith.expr = builder_finish(&expr);
	builder_part(b, part);
	unnest(p);
	return true;
}

/*
 * After a '$': parse what follows and add the part.  Returns false when
 * the '$' is just a character (nothing that can follow it did).
 */
/*
 * c, the first character of a name, was just taken from the
 * window: where the name ends, if all of it is in the window (and no
 * backslash-newline can continue it), else NULL.
 */
static const char *name_in_window(struct parser *p, int c)
{
	struct input_window *w = direct_window(p);
	const char *q;

	if (w == NULL || w->next == w->begin || (unsigned char)w->next[-1] != c)
		return NULL;
	for (q = w->next; q < w->end && is_name_char((unsigned char)*q); q++)
		;
	if (q == w->end || *q == '\\')
		return NULL;
	input_window_looked_at(w, q);
	return q;
}

static bool parse_dollar(struct parser *p, struct word_builder *b, bool quoted, bool in_dquote)
{
	int c = pgetc(p);
	struct word_part *part;
	char name[2];

	if (c == '{') {
		parse_brace_param(p, b, quoted, in_dquote);
		return true;
	}
	if (c == '(') {
		c = pgetc(p);
		if (c == '(' && parse_arithmetic(p, b, quoted))
			return true;
		if (c != '(')
			raw_ungetc(p, c);
		parse_command_substitution(p, b, quoted);
		return true;
	}
	if (c == '\'' && !in_dquote) {
		parse_dollar_single(p, b);
		return true;
	}
	if (is_name_start(c)) {
		struct strbuf sb = STRBUF_INIT;
		const char *name_end = name_in_window(p, c);

		if (name_end != NULL) {
			struct input_window *w = direct_window(p);

			part = new_part(p, PART_PARAM, quoted);
			part->u.param.name = arena_strndup(p->arena, w->next - 1,
			    (size_t)(name_end - (w->next - 1)));
			w->next = name_end;
			builder_part(b, part);
			return true;
		}
		do {
			strbuf_append_char(&sb, (char)c);
			c = pgetc(p);
		} while (is_name_char(c));
		raw_ungetc(p, c);
		part = new_part(p, PART_PARAM, quoted);
		part->u.param.name = arena_strndup(p->arena, strbuf_str(&sb), sb.length);
		strbuf_free(&sb);
		builder_part(b, part);
		return true;
	}
	if ((c >= '0' && c <= '9') || is_special_param(c)) {
		name[0] = (char)c;
		name[1] = '\0';
		part = new_part(p, PART_PARAM, quoted);
		part->u.param.name = arena_strdup(p->arena, name);
		builder_part(b, part);
		return true;
	}
	raw_ungetc(p, c);
	return false;
}

/* `...`: the body is unescaped, then parsed as a command list. */
static void parse_backquote(struct parser *p, struct word_builder *b, bool quoted, bool in_dquote)
{
	int line = input_line(p->in);
	struct strbuf body = STRBUF_INIT;
	struct word_part *part = new_part(p, PART_COMMAND, quoted);
	struct saved_state saved;
	struct paused_record paused;
	size_t length;

	nest(p);
	for (;;) {
		int c = pgetc(p);

		if (c < 0) {
			strbuf_free(&body);
			syntax_error_at(p, line, "unterminated '`'");
		}
		if (c == '`')
			break;
		if (c == '\\') {
			int next = raw_getc(p);

			if (next == '$' || next == '`' || next == '\\' || (in_dquote && next == '"')) {
				c = next;
			} else {
				strbuf_append_char(&body, '\\');
				c = next;
				if (c < 0) {
					strbuf_free(&body);
					syntax_error_at(p, line, "unterminated '`'");
				}
			}
		}
		strbuf_append_char(&body, (char)c);
	}
	length = body.length;
	save_state(p, &saved, true);
	record_pause(p, &paused);
	push_source(p, strbuf_release(&body), length, NULL, true);
	part->u.command.body = parse_compound_list(p, true);
	part->u.command.backquoted = true;
	if (peek(p)->kind != T_EOF)
		unexpected(p, NULL);
	pop_source(p);
	record_resume(p, &paused);
	restore_state(p, &saved, true);
	builder_part(b, part);
	unnest(p);
}

/* Can c (a byte or -1) end a word in MODE_NORMAL? */
static inline bool ends_word(int c)
{
	return c < 0 || (run_stop[c] & ENDS_WORD);
}

static void read_word_into(struct parser *p, struct word_builder *b, enum word_mode mode)
{
	/* For the messages about a missing '}' or '))': the other modes end anywhere. */
	int line = mode == MODE_NORMAL || mode == MODE_HEREDOC ? 0 : input_line(p->in);
	int parens = 0;		/* ( ) pairs inside $(( )) */
	bool quoted = mode == MODE_PARAM_ARG_DQ || mode == MODE_HEREDOC || mode == MODE_ARITH;
	bool dquote_rules = quoted;

	for (;;) {
		int c;

		if (mode == MODE_NORMAL)
			take_plain_run(p, b, STOPS_WORD, quoted);
		else if (mode == MODE_HEREDOC)
			take_plain_run(p, b, STOPS_HEREDOC, quoted);
		c = pgetc(p);
		if (mode == MODE_NORMAL && ends_word(c)) {
			raw_ungetc(p, c);
			return;
		}
		switch (c) {
		case -1:
			if (mode == MODE_HEREDOC)
				return;
			if (mode == MODE_ARITH)
				syntax_error_at(p, line, "missing '))'");
			syntax_error_at(p, line, "missing '}'");
		case '\\':
			c = raw_getc(p);
			if (c < 0) {
				builder_char(b, '\\', quoted);
				if (mode == MODE_NORMAL || mode == MODE_HEREDOC)
					return;
				syntax_error_at(p, line, mode == MODE_ARITH ? "missing '))'" : "missing '}'");
			}
			if (dquote_rules) {
				bool escapes = c == '$' || c == '`' || c == '\\' ||
				    (c == '"' && mode != MODE_HEREDOC) ||
				    (c == '}' && mode == MODE_PARAM_ARG_DQ);

				if (!escapes)
					builder_char(b, '\\', true);
				builder_char(b, c, true);
			} else {
				builder_quote_mark(b);
				builder_char(b, c, true);
			}
			break;
		case '\'':
			if (dquote_rules)
				builder_char(b, c, quoted);
			else
				parse_single_quote(p, b);
			break;
		case '"':
			if (mode == MODE_HEREDOC)
				builder_char(b, c, true);
			else
				parse_double_quote(p, b);
			break;
		case '$':
			if (!parse_dollar(p, b, quoted, dquote_rules))
				builder_char(b, '$', quoted);
			break;
		case '`':
			parse_backquote(p, b, quoted, dquote_rules);
			break;
		case '}':
			/* Like other shells, the first unquoted } ends: no brace counting. */
			if (mode == MODE_PARAM_ARG || mode == MODE_PARAM_ARG_DQ)
				return;
			builder_char(b, c, quoted);
			break;
		case '(':
			if (mode == MODE_ARITH)
				parens++;
			builder_char(b, c, quoted);
			break;
		case ')':
			if (mode == MODE_ARITH) {
				if (parens == 0) {
					/* The caller checks for the second ')' */
					return;
				}
				parens--;
			}
			builder_char(b, c, quoted);
			break;
		default:
			builder_char(b, c, quoted);
			break;
		}
	}
}

/* Tokens */

static void read_heredocs(struct parser *p);

/* The operator starting with c (already read). */
static enum token_kind read_operator(struct parser *p, int c)
{
	int next = pgetc(p);

	switch (c) {
	case ';':
		if (next == ';')
			return T_DSEMI;
		if (next == '&')
			return T_SEMI_AND;
		raw_ungetc(p, next);
		return T_SEMI;
	case '&':
		if (next == '&')
			return T_AND_IF;
		raw_ungetc(p, next);
		return T_AMP;
	case '|':
		if (next == '|')
			return T_OR_IF;
		raw_ungetc(p, next);
		return T_PIPE;
	case '(':
		raw_ungetc(p, next);
		return T_LPAREN;
	case ')':
		raw_ungetc(p, next);
		return T_RPAREN;
	case '<':
		if (next == '&')
			return T_LESSAND;
		if (next == '>')
			return T_LESSGREAT;
		if (next == '<') {
			int third = pgetc(p);

			if (third == '-')
				return T_DLESSDASH;
			raw_ungetc(p, third);
			return T_DLESS;
		}
		raw_ungetc(p, next);
		return T_LESS;
	case '>':
		if (next == '>')
			return T_DGREAT;
		if (next == '&')
			return T_GREATAND;
		if (next == '|')
			return T_CLOBBER;
		raw_ungetc(p, next);
		return T_GREAT;
	}
	raw_ungetc(p, next);
	return T_EOF;
}

/* Blanks that come straight from a window, passed over at once. */
static void skip_blanks(struct parser *p)
{
	struct input_window *w = direct_window(p);

	if (w != NULL)
		while (w->next < w->end && (*w->next == ' ' || *w->next == '\t'))
			w->next++;
}

/* The rest of a comment line, as far as the window holds it. */
static void skip_to_newline(struct parser *p)
{
	struct input_window *w = direct_window(p);
	const char *newline;

	if (w != NULL) {
		newline = memchr(w->next, '\n', (size_t)(w->end - w->next));
		w->next = newline != NULL ? newline : w->end;
	}
}

/*
 * The commonest word: plain characters up to a blank, a newline or an
 * operator, all in the window.  Made at once, or NULL for read_word_into.
 */
static struct word *plain_word(struct parser *p)
{
	struct input_window *w = direct_window(p);
	struct word_part *part;
	struct word *word;
	const char *q;

	if (w == NULL)
		return NULL;
	for (q = w->next; q < w->end && !(run_stop[(unsigned char)*q] & STOPS_WORD); q++)
		;
	if (q == w->next || q == w->end || !(run_stop[(unsigned char)*q] & ENDS_WORD))
		return NULL;
	part = new_part(p, PART_TEXT, false);
	part->u.text.length = (size_t)(q - w->next);
	part->u.text.chars = arena_strndup(p->arena, w->next, part->u.text.length);
	word = arena_zalloc(p->arena, sizeof(*word));
	word->parts = part;
	w->next = q;
	input_window_looked_at(w, q);
	return word;
}

static void read_token(struct parser *p)
{
	struct token *t = &p->token;
	struct word_builder b;
	int c;

	for (;;) {
		skip_blanks(p);
		c = pgetc(p);
		if (c == ' ' || c == '\t')
			continue;
		if (c == '#') {
			/* A comment runs to the end of the line, backslashes and all. */
			skip_to_newline(p);
			do
				c = raw_getc(p);
			while (c != '\n' && c != -1);
		}
		break;
	}
	clear_recent_aliases(p);
	p->token_after_blank_alias = p->check_alias;
	p->check_alias = false;
	p->have_token = true;
	t->word = NULL;
	t->literal = NULL;
	t->io_number = -1;
	t->keyword = -1;
	t->line = input_line(p->in);
	input_set_continuation(p->in, true);
	if (c == -1) {
		t->kind = T_EOF;
		if (p->heredocs != NULL)
			read_heredocs(p);
		return;
	}
	if (c == '\n') {
		/* The input has counted it; a newline from an alias value it has not. */
		if (p->sources == NULL)
			t->line--;
		t->kind = T_NEWLINE;
		if (p->heredocs != NULL)
			read_heredocs(p);
		return;
	}
	switch (c) {
	case ';': case '&': case '|': case '(': case ')': case '<': case '>':
		t->kind = read_operator(p, c);
		return;
	}
	raw_ungetc(p, c);
	t->kind = T_WORD;
	t->word = plain_word(p);
	if (t->word == NULL) {
		builder_init(&b, p);
		read_word_into(p, &b, MODE_NORMAL);
		t->word = builder_finish(&b);
	}
	if (t->word->parts != NULL && t->word->parts->next == NULL &&
	    t->word->parts->kind == PART_TEXT && !t->word->parts->quoted)
		t->literal = t->word->parts->u.text.chars;
	if (t->literal != NULL)
		t->keyword = keyword_index(t->literal);
	if (t->literal != NULL && t->literal[0] >= '0' && t->literal[0] <= '9' && is_digits(t->literal)) {
		c = pgetc(p);
		if (c == '<' || c == '>') {
			long n = strtol(t->literal, NULL, 10);

			t->kind = read_operator(p, c);
			t->io_number = n > 0x7fffffff ? 0x7fffffff : (int)n;
			t->word = NULL;
			t->literal = NULL;
			return;
		}
		raw_ungetc(p, c);
	}
}

static bool try_alias(struct parser *p);

/* Is the peeked token a reserved word the grammar wants here (peek_reserved)? */
static bool is_reserved_here(struct parser *p)
{
	return p->token.kind == T_WORD && p->token.keyword >= 0 &&
	    (p->reserved_here & (1u << p->token.keyword)) != 0;
}

/*
 * The next token; after a blank-ending alias it is itself checked for an
 * alias, and so is the first token of the value substituted for it, which
 * stands where the alias did ("alias e='echo ' nil= x=X; e nil x").
 */
static void next_token(struct parser *p)
{
	read_token(p);
	while (p->token_after_blank_alias && !is_reserved_here(p) && try_alias(p)) {
		p->check_alias = true;
		read_token(p);
	}
	p->token_after_blank_alias = false;
}

static struct token *peek(struct parser *p)
{
	if (!p->have_token)
		next_token(p);
	return &p->token;
}

static void consume(struct parser *p)
{
	p->have_token = false;
}

static bool is_word(struct token *t, enum keyword keyword)
{
	return t->kind == T_WORD && t->keyword == (int)keyword;
}

/*
 * Peek where the grammar recognizes some reserved words though no command
 * starts there ("in" and "do" after "for name", "in" after "case word",
 * "esac" where a pattern may start: XCU 2.10.2 rules 4 and 6).  There
 * such a word is the reserved word, not an alias, even after a
 * blank-ending alias ("alias forx='for x ' do=';'; forx do ...").
 */
static struct token *peek_reserved(struct parser *p, unsigned keywords)
{
	p->reserved_here = keywords;
	peek(p);
	p->reserved_here = 0;
	return &p->token;
}

/* Substitute an alias for the peeked word if it names one. */
static bool try_alias(struct parser *p)
{
	struct token *t = peek(p);
	const char *value;
	size_t length;

	if (t->kind != T_WORD || t->literal == NULL)
		return false;
	value = alias_get(t->literal);
	if (value == NULL || alias_in_use(p, t->literal))
		return false;
	length = strlen(value);
	push_source(p, xstrdup(value), length, t->literal, false);
	p->have_token = false;
	return true;
}

/* The next token where a command may start: aliases are substituted. */
static struct token *peek_command(struct parser *p)
{
	for (;;) {
		struct token *t = peek(p);

		if (t->kind != T_WORD || t->literal == NULL || t->keyword >= 0)
			return t;
		if (!try_alias(p))
			return t;
	}
}

static void skip_newlines(struct parser *p)
{
	while (peek(p)->kind == T_NEWLINE)
		consume(p);
}

/*
 * Newlines where a command may start: an alias there is substituted
 * first, and its value may be empty or begin with newlines
 * ("alias nil=; true && nil<newline>cmd").
 */
static void skip_newlines_command(struct parser *p)
{
	while (peek_command(p)->kind == T_NEWLINE)
		consume(p);
}

static void expect_word(struct parser *p, enum keyword keyword)
{
	char expecting[64];

	if (!is_word(peek_command(p), keyword)) {
		snprintf(expecting, sizeof expecting, "'%s'", reserved_words[keyword]);
		unexpected(p, expecting);
	}
	consume(p);
}

/* Grammar */

static struct node *new_node(struct parser *p, enum node_kind kind, int line)
{
	struct node *n = arena_zalloc(p->arena, sizeof(*n));

	n->kind = kind;
	n->line = line;
	return n;
}

static bool is_redirection(enum token_kind k)
{
	return k >= T_LESS;
}

/*
 * After a blank-ending alias the delimiter word is checked for an alias
 * too ("alias h='cat << ' d='EOF '").  It is not read as a token: look
 * at its plain characters and substitute if they name an alias.
 */
static bool heredoc_delimiter_alias(struct parser *p)
{
	struct strbuf name = STRBUF_INIT;
	const char *value;
	bool substituted = false;
	int c;

	p->check_alias = false;
	clear_recent_aliases(p);
	while (!ends_word(c = pgetc(p)) && strchr("\\'\"$`", c) == NULL)
		strbuf_append_char(&name, (char)c);
	raw_ungetc(p, c);
	if (ends_word(c) && name.length > 0) {
		value = alias_get(strbuf_str(&name));
		if (value != NULL && !alias_in_use(p, strbuf_str(&name))) {
			push_source(p, xstrdup(value), strlen(value), strbuf_str(&name), false);
			substituted = true;
			p->check_alias = true;	/* the value's first word stands here too */
		}
	}
	if (!substituted)
		while (name.length > 0)
			raw_ungetc(p, (unsigned char)name.data[--name.length]);
	strbuf_free(&name);
	return substituted;
}

/* Read a here-document delimiter word: quote removal only, no expansions. */
static char *read_heredoc_delimiter(struct parser *p, bool *quoted)
{
	struct strbuf sb = STRBUF_INIT;
	int c;
	char *result;
	bool any = false;

	*quoted = false;
	do {
		do
			c = pgetc(p);
		while (c == ' ' || c == '\t');
		raw_ungetc(p, c);
	} while (p->check_alias && heredoc_delimiter_alias(p));
	c = pgetc(p);
	for (;; c = pgetc(p)) {
		if (ends_word(c)) {
			raw_ungetc(p, c);
			break;
		}
		any = true;
		if (c == '\\') {
			*quoted = true;
			c = raw_getc(p);
			if (c < 0)
				break;
			strbuf_append_char(&sb, (char)c);
		} else if (c == '\'') {
			*quoted = true;
			while ((c = raw_getc(p)) != '\'') {
				if (c < 0)
					goto unterminated;
				strbuf_append_char(&sb, (char)c);
			}
		} else if (c == '"') {
			*quoted = true;
			while ((c = pgetc(p)) != '"') {
				if (c < 0)
					goto unterminated;
				if (c == '\\') {
					int next = raw_getc(p);

					if (next != '$' && next != '`' && next != '"' && next != '\\')
						strbuf_append_char(&sb, '\\');
					c = next;
					if (c < 0)
						goto unterminated;
				}
				strbuf_append_char(&sb, (char)c);
			}
		} else {
			strbuf_append_char(&sb, (char)c);
		}
	}
	if (!any) {
		strbuf_free(&sb);
		next_token(p);
		unexpected(p, "here-document delimiter");
	}
	result = arena_strndup(p->arena, strbuf_str(&sb), sb.length);
	strbuf_free(&sb);
	return result;

unterminated:
	strbuf_free(&sb);
	syntax_error(p, "unterminated quoted string");
}

static struct redirection *parse_redirection(struct parser *p)
{
	struct token *t = peek(p);
	struct redirection *r = arena_zalloc(p->arena, sizeof(*r));
	enum token_kind kind = t->kind;

	r->line = t->line;
	r->fd = t->io_number;
	consume(p);
	switch (kind) {
	case T_LESS: r->kind = REDIR_INPUT; break;
	case T_GREAT: r->kind = REDIR_OUTPUT; break;
	case T_CLOBBER: r->kind = REDIR_CLOBBER; break;
	case T_DGREAT: r->kind = REDIR_APPEND; break;
	case T_LESSAND: r->kind = REDIR_DUP_INPUT; break;
	case T_GREATAND: r->kind = REDIR_DUP_OUTPUT; break;
	case T_LESSGREAT: r->kind = REDIR_READ_WRITE; break;
	default: r->kind = REDIR_HEREDOC; break;
	}
	if (r->fd < 0)
		r->fd = (r->kind == REDIR_INPUT || r->kind == REDIR_DUP_INPUT ||
		    r->kind == REDIR_READ_WRITE || r->kind == REDIR_HEREDOC) ? 0 : 1;
	if (r->kind == REDIR_HEREDOC) {
		struct heredoc *h = arena_zalloc(p->arena, sizeof(*h));
		bool quoted;

		h->delimiter = read_heredoc_delimiter(p, &quoted);
		h->strip_tabs = kind == T_DLESSDASH;
		h->redirection = r;
		r->heredoc_literal = quoted;
		*p->heredocs_tail = h;
		p->heredocs_tail = &h->next;
		return r;
	}
	t = peek(p);
	if (t->kind != T_WORD)
		unexpected(p, "a word after the redirection");
	r->target = t->word;
	consume(p);
	return r;
}

/*
 * The bytes up to the next newline, as far as the window holds
 * them, added to line in one piece (none while leading tabs are stripped).
 */
static void take_line_run(struct parser *p, struct strbuf *line, bool stripping_tabs)
{
	struct input_window *w = direct_window(p);
	const char *stop;

	if (w == NULL || stripping_tabs)
		return;
	stop = memchr(w->next, '\n', (size_t)(w->end - w->next));
	if (stop == NULL)
		stop = w->end;
	strbuf_append(line, w->next, (size_t)(stop - w->next));
	w->next = stop;
}

/* Read the bodies of the here-documents waiting for this newline. */
static void read_heredocs(struct parser *p)
{
	struct heredoc *h = p->heredocs;
	struct strbuf line = STRBUF_INIT;
	struct strbuf body = STRBUF_INIT;
	struct strbuf logical = STRBUF_INIT;	/* the line with continuations joined */
	size_t logical_start = 0;		/* where it starts in body */
	bool continued = false;			/* the last line ended in backslash-newline */

	p->heredocs = NULL;
	p->heredocs_tail = &p->heredocs;
	for (; h != NULL; h = h->next) {
		struct redirection *r = h->redirection;
		int start_line = input_line(p->in);
		struct word *w;

		strbuf_reset(&body);
		strbuf_reset(&logical);
		logical_start = 0;
		continued = false;
		for (;;) {
			int c;
			bool at_end = false;
			size_t backslashes = 0;

			strbuf_reset(&line);
			for (;;) {
				take_line_run(p, &line, h->strip_tabs && line.length == 0 && !continued);
				c = raw_getc(p);
				if (c < 0) {
					at_end = true;
					break;
				}
				if (c == '\n')
					break;
				if (c == '\t' && h->strip_tabs && line.length == 0 && !continued)
					continue;
				strbuf_append_char(&line, (char)c);
			}
			/*
			 * In an unquoted body a backslash-newline joins lines, and
			 * the delimiter is compared with the joined line.
			 */
			if (!continued)
				logical_start = body.length;
			strbuf_append(&logical, strbuf_str(&line), line.length);
			while (backslashes < line.length &&
			    line.data[line.length - 1 - backslashes] == '\\')
				backslashes++;
			if (!r->heredoc_literal && backslashes % 2 == 1 && !at_end) {
				logical.length--;
				strbuf_append(&body, strbuf_str(&line), line.length);
				strbuf_append_char(&body, '\n');
				continued = true;
				continue;
			}
			continued = false;
			if (logical.length == strlen(h->delimiter) &&
			    memcmp(strbuf_str(&logical), h->delimiter, logical.length) == 0) {
				body.length = logical_start;
				break;
			}
			strbuf_reset(&logical);
			if (at_end) {
				strbuf_free(&line);
				strbuf_free(&body);
				strbuf_free(&logical);
				syntax_error_at(p, start_line,
				    "here-document delimited by end of file (wanted '%s')", h->delimiter);
			}
			strbuf_append(&body, strbuf_str(&line), line.length);
			strbuf_append_char(&body, '\n');
		}
		if (r->heredoc_literal || body.length == 0) {
			struct word_part *part = new_part(p, PART_TEXT, true);

			part->u.text.length = body.length;
			part->u.text.chars = arena_strndup(p->arena, strbuf_str(&body), body.length);
			w = arena_zalloc(p->arena, sizeof(*w));
			w->parts = part;
		} else {
			struct word_builder b;
			struct saved_state saved;
			struct paused_record paused;
			size_t length = body.length;

			/* A syntax error in the body jumps out of here: hold nothing of ours. */
			strbuf_free(&line);
			strbuf_free(&logical);
			save_state(p, &saved, true);
			record_pause(p, &paused);
			push_source(p, strbuf_release(&body), length, NULL, true);
			builder_init(&b, p);
			read_word_into(p, &b, MODE_HEREDOC);
			w = builder_finish(&b);
			pop_source(p);
			record_resume(p, &paused);
			restore_state(p, &saved, true);
		}
		r->target = w;
	}
	strbuf_free(&line);
	strbuf_free(&body);
	strbuf_free(&logical);
}

static bool looks_like_assignment(const struct word *w)
{
	const struct word_part *part = w->parts;
	const char *s;
	size_t n;

	if (part == NULL || part->kind != PART_TEXT || part->quoted)
		return false;
	s = part->u.text.chars;
	if (!is_name_start((unsigned char)s[0]))
		return false;
	n = 1;
	while (is_name_char((unsigned char)s[n]))
		n++;
	return s[n] == '=';
}

/* Set WORD_ASSIGNMENT and WORD_HAS_TILDE as the word's shape says. */
static void mark_word(struct word *w)
{
	bool assignment = looks_like_assignment(w);
	bool first = true;

	if (assignment)
		w->flags |= WORD_ASSIGNMENT;
	for (const struct word_part *part = w->parts; part != NULL; part = part->next, first = false) {
		const char *s;

		if (part->kind != PART_TEXT || part->quoted)
			continue;
		s = part->u.text.chars;
		if (first && s[0] == '~') {
			w->flags |= WORD_HAS_TILDE;
			return;
		}
		if (!assignment)
			continue;
		for (size_t i = 1; i < part->u.text.length; i++)
			if (s[i] == '~' && (s[i - 1] == '=' || s[i - 1] == ':')) {
				w->flags |= WORD_HAS_TILDE;
				return;
			}
	}
}

static void append_redirection(struct redirection ***tail, struct redirection *r)
{
	**tail = r;
	*tail = &r->next;
}

/* Redirections after a compound command. */
static void parse_trailing_redirections(struct parser *p, struct node *n)
{
	struct redirection **tail = &n->redirections;

	while (*tail != NULL)
		tail = &(*tail)->next;
	while (is_redirection(peek(p)->kind))
		append_redirection(&tail, parse_redirection(p));
}

static bool is_compound_start(struct token *t)
{
	return t->kind == T_LPAREN || is_word(t, KW_LBRACE) || is_word(t, KW_IF) ||
	    is_word(t, KW_WHILE) || is_word(t, KW_UNTIL) || is_word(t, KW_FOR) ||
	    is_word(t, KW_CASE);
}

static struct node *parse_simple(struct parser *p)
{
	struct token *t = peek(p);
	struct node *n = new_node(p, NODE_SIMPLE, t->line);
	struct word **assign_tail = &n->u.simple.assignments;
	struct word **word_tail = &n->u.simple.words;
	struct redirection **redir_tail = &n->redirections;
	bool have_name = false;
	bool prefix = false;

	for (;;) {
		if (!have_name && prefix)
			t = peek_command(p);
		else
			t = peek(p);
		if (is_redirection(t->kind)) {
			append_redirection(&redir_tail, parse_redirection(p));
			prefix = true;
			continue;
		}
		if (t->kind != T_WORD)
			break;
		mark_word(t->word);
		if (!have_name && (t->word->flags & WORD_ASSIGNMENT)) {
			*assign_tail = t->word;
			assign_tail = &t->word->next;
			consume(p);
			prefix = true;
			continue;
		}
		if (!have_name && !prefix && t->literal != NULL) {
			/* name ( ) compound-command: a function definition? */
			const char *name = t->literal;
			int line = t->line;

			*word_tail = t->word;
			word_tail = &t->word->next;
			consume(p);
			have_name = true;
			if (peek(p)->kind == T_LPAREN) {
				struct node *f = new_node(p, NODE_FUNCTION, line);

				if (strchr(name, '=') != NULL)
					unexpected(p, NULL);
				consume(p);
				if (peek(p)->kind != T_RPAREN)
					unexpected(p, "')'");
				consume(p);
				skip_newlines_command(p);
				t = peek_command(p);
				if (!is_compound_start(t))
					unexpected(p, "a compound command");
				f->u.function.name = arena_strdup(p->arena, name);
				f->u.function.body = parse_command_node(p);
				return f;
			}
			continue;
		}
		*word_tail = t->word;
		word_tail = &t->word->next;
		consume(p);
		have_name = true;
	}
	if (!have_name && !prefix)
		unexpected(p, NULL);
	if (t->kind == T_LPAREN)
		unexpected(p, NULL);
	return n;
}

static struct node *parse_if(struct parser *p, int line)
{
	struct node *n = new_node(p, NODE_IF, line);
	struct token *t;

	n->u.if_.condition = parse_compound_list(p, false);
	expect_word(p, KW_THEN);
	n->u.if_.then_part = parse_compound_list(p, false);
	t = peek_command(p);
	if (is_word(t, KW_ELIF)) {
		int elif_line = t->line;

		consume(p);
		nest(p);
		n->u.if_.else_part = parse_if(p, elif_line);
		unnest(p);
		return n;
	}
	if (is_word(t, KW_ELSE)) {
		consume(p);
		n->u.if_.else_part = parse_compound_list(p, false);
	}
	expect_word(p, KW_FI);
	return n;
}

static void parse_do_group(struct parser *p, struct node **body)
{
	expect_word(p, KW_DO);
	*body = parse_compound_list(p, false);
	expect_word(p, KW_DONE);
}

static struct node *parse_for(struct parser *p, int line)
{
	struct node *n = new_node(p, NODE_FOR, line);
	struct token *t = peek(p);

	if (t->kind != T_WORD || t->literal == NULL || !is_name_start((unsigned char)t->literal[0]))
		unexpected(p, "a variable name");
	for (const char *s = t->literal; *s != '\0'; s++)
		if (!is_name_char((unsigned char)*s))
			syntax_error_at(p, t->line, "bad for loop variable '%s'", t->literal);
	n->u.for_.variable = arena_strdup(p->arena, t->literal);
	consume(p);
	t = peek_reserved(p, 1u << KW_IN | 1u << KW_DO);
	if (t->kind == T_SEMI) {
		consume(p);
		skip_newlines(p);
	} else {
		skip_newlines(p);
		t = peek_command(p);
		if (is_word(t, KW_IN)) {
			struct word **tail = &n->u.for_.items;

			consume(p);
			n->u.for_.has_in = true;
			while ((t = peek(p))->kind == T_WORD) {
				mark_word(t->word);
				*tail = t->word;
				tail = &t->word->next;
				consume(p);
			}
			if (t->kind == T_SEMI)
				consume(p);
			else if (t->kind != T_NEWLINE)
				unexpected(p, "'do'");
			skip_newlines(p);
		}
	}
	parse_do_group(p, &n->u.for_.body);
	return n;
}

static struct node *parse_case(struct parser *p, int line)
{
	struct node *n = new_node(p, NODE_CASE, line);
	struct case_item **tail = &n->u.case_.items;
	struct token *t = peek(p);

	if (t->kind != T_WORD)
		unexpected(p, "a word");
	n->u.case_.subject = t->word;
	consume(p);
	peek_reserved(p, 1u << KW_IN);
	skip_newlines(p);
	expect_word(p, KW_IN);
	peek_reserved(p, 1u << KW_ESAC);
	skip_newlines(p);
	for (;;) {
		struct case_item *item;
		struct word **pattern_tail;

		t = peek(p);
		if (is_word(t, KW_ESAC)) {
			consume(p);
			break;
		}
		item = arena_zalloc(p->arena, sizeof(*item));
		pattern_tail = &item->patterns;
		if (t->kind == T_LPAREN) {
			consume(p);
			t = peek(p);
		}
		for (;;) {
			if (t->kind != T_WORD)
				unexpected(p, "a pattern");
			*pattern_tail = t->word;
			pattern_tail = &t->word->next;
			consume(p);
			t = peek(p);
			if (t->kind == T_RPAREN)
				break;
			if (t->kind != T_PIPE)
				unexpected(p, "')'");
			consume(p);
			t = peek(p);
		}
		consume(p);
		item->body = parse_compound_list(p, true);
		*tail = item;
		tail = &item->next;
		t = peek_command(p);
		if (t->kind == T_DSEMI || t->kind == T_SEMI_AND) {
			item->terminator = t->kind == T_DSEMI ? CASE_BREAK : CASE_FALLTHROUGH;
			consume(p);
			peek_reserved(p, 1u << KW_ESAC);
			skip_newlines(p);
			continue;
		}
		if (is_word(t, KW_ESAC)) {
			consume(p);
			break;
		}
		unexpected(p, "';;' or 'esac'");
	}
	return n;
}

static struct node *parse_command_node(struct parser *p)
{
	struct token *t = peek_command(p);
	int line = t->line;
	struct node *n;

	nest(p);
	if (t->kind == T_LPAREN) {
		consume(p);
		n = new_node(p, NODE_SUBSHELL, line);
		n->u.unary.body = parse_compound_list(p, false);
		if (peek(p)->kind != T_RPAREN)
			unexpected(p, "')'");
		consume(p);
		parse_trailing_redirections(p, n);
	} else if (t->kind == T_WORD && t->keyword >= 0) {
		const char *w = t->literal;

		if (strcmp(w, "{") == 0) {
			consume(p);
			n = new_node(p, NODE_GROUP, line);
			n->u.unary.body = parse_compound_list(p, false);
			expect_word(p, KW_RBRACE);
		} else if (strcmp(w, "if") == 0) {
			consume(p);
			n = parse_if(p, line);
		} else if (strcmp(w, "while") == 0 || strcmp(w, "until") == 0) {
			consume(p);
			n = new_node(p, w[0] == 'w' ? NODE_WHILE : NODE_UNTIL, line);
			n->u.loop.condition = parse_compound_list(p, false);
			parse_do_group(p, &n->u.loop.body);
		} else if (strcmp(w, "for") == 0) {
			consume(p);
			n = parse_for(p, line);
		} else if (strcmp(w, "case") == 0) {
			consume(p);
			n = parse_case(p, line);
		} else if (strcmp(w, "in") == 0) {
			/* Reserved only after "for name" and "case word". */
			n = parse_simple(p);
			unnest(p);
			return n;
		} else {
			unexpected(p, NULL);
		}
		parse_trailing_redirections(p, n);
	} else {
		n = parse_simple(p);
	}
	unnest(p);
	return n;
}

static struct node *parse_pipeline(struct parser *p)
{
	struct token *t;
	int line;
	bool negate = false;
	struct node *first;
	struct node **commands;
	int count = 1;
	int capacity = 4;
	struct node *n;

	t = peek_command(p);
	line = t->line;
	while (is_word(t, KW_BANG)) {
		negate = !negate;
		consume(p);
		t = peek_command(p);
	}
	first = parse_command_node(p);
	if (peek(p)->kind != T_PIPE) {
		if (!negate)
			return first;
		n = new_node(p, NODE_PIPELINE, line);
		n->u.pipeline.commands = arena_alloc(p->arena, sizeof(struct node *));
		n->u.pipeline.commands[0] = first;
		n->u.pipeline.count = 1;
		n->u.pipeline.negate = true;
		return n;
	}
	/* In the arena, so that a syntax error further on leaks nothing. */
	commands = arena_alloc(p->arena, capacity * sizeof(*commands));
	commands[0] = first;
	while (peek(p)->kind == T_PIPE) {
		consume(p);
		skip_newlines_command(p);
		if (count == capacity) {
			struct node **bigger = arena_alloc(p->arena, 2 * capacity * sizeof(*commands));

			memcpy(bigger, commands, capacity * sizeof(*commands));
			commands = bigger;
			capacity *= 2;
		}
		commands[count++] = parse_command_node(p);
	}
	n = new_node(p, NODE_PIPELINE, line);
	n->u.pipeline.commands = commands;
	n->u.pipeline.count = count;
	n->u.pipeline.negate = negate;
	return n;
}

static struct node *parse_and_or(struct parser *p)
{
	struct node *left = parse_pipeline(p);
	int length = 0;

	for (;;) {
		struct token *t = peek(p);
		struct node *n;

		if (t->kind != T_AND_IF && t->kind != T_OR_IF)
			return left;
		/* The chain leans left: whoever walks it recurses once per operator. */
		if (++length > MAX_AND_OR)
			syntax_error_at(p, t->line, "too deeply nested");
		n = new_node(p, t->kind == T_AND_IF ? NODE_AND : NODE_OR, left->line);
		consume(p);
		skip_newlines_command(p);
		n->u.binary.left = left;
		n->u.binary.right = parse_pipeline(p);
		left = n;
	}
}

/* Can the peeked token (in command position) start a command? */
static bool starts_command(struct parser *p)
{
	struct token *t = peek_command(p);

	switch (t->kind) {
	case T_WORD:
		if (t->literal == NULL)
			return true;
		return !(is_word(t, KW_THEN) || is_word(t, KW_ELSE) || is_word(t, KW_ELIF) ||
		    is_word(t, KW_FI) || is_word(t, KW_DO) || is_word(t, KW_DONE) ||
		    is_word(t, KW_ESAC) || is_word(t, KW_RBRACE));
	case T_LPAREN:
		return true;
	default:
		return is_redirection(t->kind);
	}
}

/* Add item to a sequence being built (right-leaning, without recursion). */
static void sequence_add(struct parser *p, struct node **head, struct node ***slot, struct node *item)
{
	if (*head == NULL) {
		*head = item;
		*slot = head;
		return;
	}
	struct node *seq = new_node(p, NODE_SEQUENCE, (**slot)->line);

	seq->u.binary.left = **slot;
	seq->u.binary.right = item;
	**slot = seq;
	*slot = &seq->u.binary.right;
}

static struct node *background(struct parser *p, struct node *n)
{
	struct node *bg = new_node(p, NODE_BACKGROUND, n->line);

	bg->u.unary.body = n;
	return bg;
}

/* compound_list: newlines, and-or lists separated by ; & or newlines. */
static struct node *parse_compound_list(struct parser *p, bool allow_empty)
{
	struct node *head = NULL;
	struct node **slot = NULL;

	skip_newlines_command(p);
	while (starts_command(p)) {
		struct node *item = parse_and_or(p);
		struct token *t = peek(p);

		if (t->kind == T_AMP)
			item = background(p, item);
		sequence_add(p, &head, &slot, item);
		if (t->kind == T_SEMI || t->kind == T_AMP) {
			consume(p);
			skip_newlines_command(p);
		} else if (t->kind == T_NEWLINE) {
			skip_newlines_command(p);
		} else {
			break;
		}
	}
	if (head == NULL && !allow_empty)
		unexpected(p, NULL);
	return head;
}

/* Public interface */

/* Every command word is looked up: the first character picks the candidates. */
static int keyword_index(const char *s)
{
	int first, last;

	switch (s[0]) {
	case '!': first = last = KW_BANG; break;
	case '{': first = last = KW_LBRACE; break;
	case '}': first = last = KW_RBRACE; break;
	case 'c': first = last = KW_CASE; break;
	case 'd': first = KW_DO; last = KW_DONE; break;
	case 'e': first = KW_ELIF; last = KW_ESAC; break;
	case 'f': first = KW_FI; last = KW_FOR; break;
	case 'i': first = KW_IF; last = KW_IN; break;
	case 't': first = last = KW_THEN; break;
	case 'u': first = last = KW_UNTIL; break;
	case 'w': first = last = KW_WHILE; break;
	default: return -1;
	}
	for (int i = first; i <= last; i++) {
		/* A few bytes each: no call to strcmp. */
		const char *r = reserved_words[i] + 1, *t = s + 1;

		while (*r != '\0' && *r == *t) {
			r++;
			t++;
		}
		if (*r == *t)
			return i;
	}
	return -1;
}

bool is_reserved_word(const char *s)
{
	return keyword_index(s) >= 0;
}

const char *const *reserved_word_list(void)
{
	return reserved_words;
}

struct parser *parser_create(struct input *in)
{
	struct parser *p = xcalloc(1, sizeof(*p));

	p->in = in;
	p->heredocs_tail = &p->heredocs;
	set_direct(p);
	return p;
}

static void parser_reset(struct parser *p)
{
	while (p->sources != NULL)
		pop_source(p);
	clear_recent_aliases(p);
	p->have_token = false;
	p->eof_pushed = false;
	p->depth = 0;
	p->heredocs = NULL;
	p->heredocs_tail = &p->heredocs;
	p->check_alias = false;
	p->token_after_blank_alias = false;
	p->recording = 0;
	p->record_base = 0;
	strbuf_reset(&p->record);
	set_direct(p);
}

/* Free what the parser holds, but not the parser itself. */
static void parser_release(struct parser *p)
{
	parser_reset(p);
	strbuf_free(&p->record);
	while (p->spare_count > 0)
		strbuf_free(&p->spare[--p->spare_count]);
}

void parser_destroy(struct parser *p)
{
	if (p == NULL)
		return;
	parser_release(p);
	free(p);
}

struct node *parse_command(struct parser *p, struct arena *arena, bool *at_eof)
{
	struct node *head = NULL;
	struct node **slot = NULL;
	struct token *t;

	*at_eof = false;
	p->arena = arena;
	p->depth = 0;
	p->building = NULL;
	p->check_alias = false;
	input_set_continuation(p->in, false);
	t = peek_command(p);
	if (t->kind == T_EOF || t->kind == T_NEWLINE) {
		*at_eof = t->kind == T_EOF;
		consume(p);
		input_catch_up(p->in);
		return NULL;
	}
	for (;;) {
		struct node *item = parse_and_or(p);

		t = peek(p);
		if (t->kind == T_AMP)
			item = background(p, item);
		sequence_add(p, &head, &slot, item);
		if (t->kind == T_SEMI || t->kind == T_AMP) {
			consume(p);
			t = peek_command(p);
			if (t->kind == T_NEWLINE || t->kind == T_EOF)
				break;
			continue;
		}
		if (t->kind == T_NEWLINE || t->kind == T_EOF)
			break;
		unexpected(p, NULL);
	}
	/* Leave the end of file to be seen by the next call. */
	if (t->kind == T_NEWLINE)
		consume(p);
	input_catch_up(p->in);
	return head;
}

void parser_recover(struct parser *p)
{
	bool at_line_start = p->have_token && p->token.kind == T_NEWLINE;

	parser_reset(p);
	if (!at_line_start)
		input_skip_line(p->in);
}

/*
 * Text to be expanded like a here-document body (prompts).  The parser
 * here reads only the text itself: a barrier source with no input below.
 */
struct word *parse_expandable_text(const char *text, struct arena *arena)
{
	struct parser p = { .arena = arena, .heredocs_tail = &p.heredocs };
	struct parser *volatile parser = &p;
	struct word_builder b;
	struct word *w;
	struct handler h;

	/* Line numbers and continuation prompts need an input: an empty one. */
	p.in = input_from_string("", "prompt");
	push_source(&p, xstrdup(text), strlen(text), NULL, true);
	if (setjmp(h.jump) != 0) {
		handler_pop(&h);
		parser_release(parser);
		input_close(parser->in);
		raise_exception(exception_raised);
	}
	handler_push(&h);
	builder_init(&b, &p);
	read_word_into(&p, &b, MODE_HEREDOC);
	w = builder_finish(&b);
	handler_pop(&h);
	parser_release(&p);
	input_close(p.in);
	return w;
}
