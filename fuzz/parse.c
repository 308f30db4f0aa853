/*
 * libFuzzer target: the parser, and printing a tree back as source.
 *
 * Each input is parsed command by command as a script would be (no
 * execution).  A syntax error ends the input, as in a non-interactive
 * shell.  Every tree is printed back as shell source ("type f" and "jobs"
 * show this text, and users feed it back to the shell); that source must
 * parse, and print back to itself.  (Not tree against tree: the printer
 * may quote a character the input left bare, "}" as "\}", which reads back
 * as a quoted part with the same meaning.)  A mismatch aborts with the
 * texts shown.
 *
 * Build and run: make fuzz, then fuzz/parse-fuzzer fuzz/corpus/parse
 * (see fuzz/README.md).  LeakSanitizer checks that a syntax error anywhere
 * frees what the parser held.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "input.h"
#include "memory.h"
#include "output.h"
#include "parser.h"
#include "shell.h"
#include "strbuf.h"
#include "tree.h"

/*
 * Parse all of text; append each tree's dump to dump (and its source to
 * source when not NULL).  Returns 0, or -1 at a syntax error.
 */
static int parse_all(const char *text, struct strbuf *dump, struct strbuf *source)
{
	struct input *in = input_from_string(text, "fuzz");
	struct parser *p = parser_create(in);
	struct arena trees = { 0 };
	struct output dump_out = { .fd = -1, .memory = dump };
	struct output source_out = { .fd = -1, .memory = source };
	struct handler h;
	volatile int result = 0;

	if (setjmp(h.jump) == 0) {
		bool eof = false;

		handler_push(&h);
		while (!eof) {
			struct arena_mark mark = arena_mark(&trees);
			struct node *tree = parse_command(p, &trees, &eof);

			if (tree != NULL) {
				tree_print(&dump_out, tree);
				if (source != NULL) {
					/* One command a line; one that ends in a here-document ends in its newline already. */
					tree_print_source(&source_out, tree);
					out_flush(&source_out);
					if (source->length == 0 || strbuf_str(source)[source->length - 1] != '\n')
						out_char(&source_out, '\n');
				}
			}
			arena_release(&trees, mark);
		}
		handler_pop(&h);
	} else {
		handler_pop(&h);
		result = -1;
	}
	out_flush(&dump_out);
	out_flush(&source_out);
	arena_free(&trees);
	parser_destroy(p);
	input_close(in);
	return result;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct strbuf dump = STRBUF_INIT, source = STRBUF_INIT;
	struct strbuf dump_again = STRBUF_INIT, source_again = STRBUF_INIT;

	if (parse_all(text, &dump, &source) == 0) {
		if (parse_all(strbuf_str(&source), &dump_again, &source_again) != 0 ||
		    strcmp(strbuf_str(&source), strbuf_str(&source_again)) != 0) {
			fprintf(stderr, "round trip differs\n--- input\n%s\n--- printed\n%s\n"
			    "--- printed again\n%s\n--- its tree\n%s", text, strbuf_str(&source),
			    strbuf_str(&source_again), strbuf_str(&dump_again));
			abort();
		}
	}
	strbuf_free(&dump);
	strbuf_free(&source);
	strbuf_free(&dump_again);
	strbuf_free(&source_again);
	free(text);
	arena_free(&scratch);
	return 0;
}
