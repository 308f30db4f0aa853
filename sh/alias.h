/* The alias table; the parser substitutes aliases in command position. */
#ifndef VSH_ALIAS_H
#define VSH_ALIAS_H

#include <stdbool.h>

const char *alias_get(const char *name);	/* NULL when not defined */
void alias_set(const char *name, const char *value);
bool alias_remove(const char *name);		/* false when not defined */
void alias_remove_all(void);
/* Call fn for each alias in name order. */
void alias_each(void (*fn)(const char *name, const char *value));

#endif
