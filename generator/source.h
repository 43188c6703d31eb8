/*
 * source.h - input files as text: finding the packages under APIS_DIR, and
 * reading the `//` comment lines above a declaration (doc text and markers),
 * the way Go's gengo does.  libclang tells where a declaration is; the
 * comments are read here from the file itself.
 */
#ifndef KCGEN_SOURCE_H
#define KCGEN_SOURCE_H

#include "model.h"

typedef struct kg_source {
    const char *path;   /* display path */
    char *text;
    size_t len;
    size_t *line_start; /* byte offset of each line; [0] is line 1 */
    unsigned n_lines;
} kg_source_t;

/* NULL when the file cannot be read. */
kg_source_t *kg_source_load(kg_arena_t *a, const char *path);

/* The `//` lines directly above `line` (no blank line between). */
void kg_comment_above(kg_arena_t *a, const kg_source_t *s, unsigned line, kg_comment_t *out);

/* A `//` comment after byte column `col` of `line` (a member's trailing one). */
void kg_comment_trailing(kg_arena_t *a, const kg_source_t *s, unsigned line, unsigned col,
                         kg_comment_t *out);

/* Every `//` line of the file (doc.h). */
void kg_comment_all(kg_arena_t *a, const kg_source_t *s, kg_comment_t *out);

#endif
