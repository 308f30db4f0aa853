/* Operations on syntax trees: deep copy (for function bodies) and a readable dump. */
#ifndef VSH_TREE_H
#define VSH_TREE_H

#include "ast.h"
#include "memory.h"
#include "output.h"

struct node *tree_copy(const struct node *n, struct arena *a);

/*
 * Print the tree in a stable, indented form (one node per line), used by
 * "set -o debugtree" and the parser tests.
 */
void tree_print(struct output *o, const struct node *n);

/* Print a command back as shell source: used for "type f" / function listing and "jobs". */
void tree_print_source(struct output *o, const struct node *n);

#endif
