/*
 * Prompt expansion.  PS1 and PS2 are expanded each time they are shown
 * (POSIX.1-2024 XCU 2.5.3), like a here-document body, so "$PWD" and
 * "$(cmd)" follow the shell's state.  Expansion runs shell code
 * (command substitution), so $? is kept and any error leaves the
 * prompt as written rather than aborting the read.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "expand.h"
#include "history.h"
#include "memory.h"
#include "parser.h"
#include "prompt.h"
#include "state.h"
#include "strbuf.h"
#include "vars.h"

static struct strbuf expanded = STRBUF_INIT;
static struct strbuf plain = STRBUF_INIT;

/* "!" is the next history number, "!!" a literal "!" (PS1 only). */
static void history_numbers(struct strbuf *out, const char *text)
{
	for (const char *p = text; *p != '\0'; p++) {
		if (*p != '!') {
			strbuf_append_char(out, *p);
		} else if (p[1] == '!') {
			strbuf_append_char(out, '!');
			p++;
		} else {
			strbuf_printf(out, "%d", history_next_number());
		}
	}
}

/* Parameter expansion, command substitution and arithmetic expansion of text into out. */
static void expand_text(struct strbuf *out, const char *text)
{
	struct arena arena = { 0 };
	struct arena_mark mark = arena_mark(&scratch);
	int saved_status = shell.last_status;
	struct handler h;

	/* Nothing to expand: spare the parser. */
	if (strpbrk(text, "$`\\") == NULL) {
		strbuf_append_str(out, text);
		return;
	}
	if (setjmp(h.jump) == 0) {
		size_t length;
		char *result;

		handler_push(&h);
		result = expand_heredoc(parse_expandable_text(text, &arena), &length);
		strbuf_append(out, result, length);
		handler_pop(&h);
	} else {
		/* The message is out; show the prompt as it stands. */
		handler_pop(&h);
		strbuf_reset(out);
		strbuf_append_str(out, text);
	}
	arena_release(&scratch, mark);
	arena_free(&arena);
	shell.last_status = saved_status;
}

const char *prompt_expand(bool continuation)
{
	const char *text = var_get(continuation ? "PS2" : "PS1");
	struct strbuf first_pass = STRBUF_INIT;

	if (text == NULL)
		text = continuation ? "> " : geteuid() == 0 ? "# " : "$ ";
	strbuf_reset(&expanded);
	if (continuation) {
		expand_text(&expanded, text);
	} else {
		/* "!" after expansion, so that "$x!" is x's value and a number. */
		expand_text(&first_pass, text);
		history_numbers(&expanded, strbuf_str(&first_pass));
		strbuf_free(&first_pass);
	}
	return strbuf_str(&expanded);
}

const char *prompt_plain(const char *prompt)
{
	strbuf_reset(&plain);
	for (const char *p = prompt; *p != '\0'; p++)
		if (*p != '\001' && *p != '\002')
			strbuf_append_char(&plain, *p);
	return strbuf_str(&plain);
}
