/*
 * render.h - template families rendered over views into output files.
 *
 * A family is one template producing one file per package.  render.c's
 * table lists them; adding an output kind (listers, informers, CRD YAML) is
 * adding a template, a row and, when it needs keys no view has, a view
 * function (view.h).
 */
#ifndef KCGEN_RENDER_H
#define KCGEN_RENDER_H

#include "model.h"

/* One generated file: path relative to the output dir, and its bytes. */
typedef struct kg_output {
    char *path;
    char *data;
    size_t len;
} kg_output_t;

typedef KG_VEC(kg_output_t) kg_outputs_t;

/* Renders every family for every package into `out` (arena-owned).
 * Template errors are reported into m->diags. */
void kg_render(kg_model_t *m, const char *templates_dir, const char *boilerplate, kg_outputs_t *out);

#endif
