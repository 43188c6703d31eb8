/*
 * mustache.h - a spec-conformant mustache renderer over cJSON data.
 *
 * Implements the core modules of the mustache spec (comments, delimiters,
 * interpolation, inverted, partials, sections) and inheritance (blocks and
 * parents).  Lambdas are not supported: kc's templates hold no logic.
 * The data is a cJSON tree (kc-gen's "view"); partials are looked up through
 * a callback so tests can serve them from the spec's JSON and kc-gen from
 * the templates/ folder.
 */
#ifndef KC_GEN_MUSTACHE_H
#define KC_GEN_MUSTACHE_H

#include <stddef.h>
#include <cjson/cJSON.h>

/* Returns the text of partial `name` (owned by the callee, valid until the
 * render returns) or NULL when there is none (renders as empty, per spec). */
typedef const char *(*mst_partial_fn)(const char *name, void *ctx);

typedef struct mst_error {
    int line;          /* 1-based line in the template that failed, 0 if unknown */
    int col;           /* 1-based column */
    char message[256]; /* "unclosed section 'items'" */
} mst_error_t;

/* Renders `tmpl` with `data`.  On success *out is a malloc'd NUL-terminated
 * string (caller frees) and 0 is returned; on a template error -1 is returned,
 * *out is NULL and *err (if non-NULL) says where. */
int mst_render(const char *tmpl, const cJSON *data, mst_partial_fn partials,
               void *partials_ctx, char **out, mst_error_t *err);

#endif
