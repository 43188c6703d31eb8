/*
 * names.h - the naming scheme of docs/header-language.md §5 as pure string
 * functions, so check.c (clashes), model.c (derivation) and the unit tests
 * all use the same rules.  Results live in the arena.
 */
#ifndef KCGEN_NAMES_H
#define KCGEN_NAMES_H

#include <stdbool.h>

#include "util.h"

/* "replica_specs" -> "replicaSpecs"; trailing '_' (C keyword escapes such
 * as `continue_`) are dropped: "continue_" -> "continue". */
char *kg_lower_camel(kg_arena_t *a, const char *snake);

/* "ascend_job" -> "AscendJob" */
char *kg_upper_camel(kg_arena_t *a, const char *snake);

/* "OnFailure" -> "ON_FAILURE", "HTTPGet" -> "HTTP_GET", "IPv6" -> "IPV6", "a-b.c" -> "A_B_C" */
char *kg_upper_snake(kg_arena_t *a, const char *text);

char *kg_lower(kg_arena_t *a, const char *s);
char *kg_upper(kg_arena_t *a, const char *s);

/* "ascendjob" -> "ascendjobs", "policy" -> "policies", "ingress" -> "ingresses" */
char *kg_plural(kg_arena_t *a, const char *singular);

/* A C string literal with quotes: "a\"b" for a"b. */
char *kg_c_string(kg_arena_t *a, const char *s);

/* [a-z][a-z0-9_]*: the snake_case names of C types and prefixes */
bool kg_is_snake(const char *s);
/* [A-Za-z_][A-Za-z0-9_]* */
bool kg_is_c_ident(const char *s);

#endif
