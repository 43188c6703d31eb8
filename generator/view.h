/*
 * view.h - turns the model into the cJSON trees templates render.
 *
 * Every decision is made here: C declarations, literals, offsetof
 * expressions, flag expressions, comma placement ("last").  Templates only
 * loop and interpolate.  A view function builds the tree for one package;
 * a template family that needs keys no existing view has gets its own view
 * function (see render.c's family table and docs/generator.md).
 */
#ifndef KCGEN_VIEW_H
#define KCGEN_VIEW_H

#include <cjson/cJSON.h>

#include "model.h"

/* What every view of a package shares: the banner and boilerplate. */
typedef struct kg_view_ctx {
    const kg_model_t *model;
    const char *boilerplate; /* the comment block, "" for none */
} kg_view_ctx_t;

typedef cJSON *(*kg_view_fn)(const kg_view_ctx_t *ctx, const kg_package_t *p);

/* The view of types.h / types.c: enums, structs, descriptors, resources. */
cJSON *kg_view_types(const kg_view_ctx_t *ctx, const kg_package_t *p);

/* The boilerplate text as a C comment block (kept as is when it already is
 * one); "" for empty text.  Caller frees. */
char *kg_boilerplate_comment(const char *text);

#endif
