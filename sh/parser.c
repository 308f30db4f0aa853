/* The parser (stub while the real one is written). */
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "memory.h"

struct parser {
	struct input *in;
};

static const char *const reserved_words[] = {
	"!", "{", "}", "case", "do", "done", "elif", "else", "esac", "fi",
	"for", "if", "in", "then", "until", "while", NULL
};

bool is_reserved_word(const char *s)
{
	for (int i = 0; reserved_words[i] != NULL; i++)
		if (strcmp(reserved_words[i], s) == 0)
			return true;
	return false;
}

struct parser *parser_create(struct input *in)
{
	struct parser *p = xcalloc(1, sizeof(*p));

	p->in = in;
	return p;
}

void parser_destroy(struct parser *p)
{
	free(p);
}

struct node *parse_command(struct parser *p, struct arena *arena, bool *at_eof)
{
	(void)arena;
	while (input_getc(p->in) >= 0)
		;
	*at_eof = true;
	return NULL;
}

void parser_recover(struct parser *p)
{
	input_skip_line(p->in);
}
