/* render.c - loads the templates and renders each family over its view. */
#include "render.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mustache.h"
#include "view.h"

typedef struct family {
    const char *template_name; /* templates/<name>.mustache */
    const char *file;          /* generated/<dir>/<version>/<file> */
    kg_view_fn view;
} family_t;

/* The output kinds, in the order they are written. */
static const family_t families[] = {
    {"types.h", "types.h", kg_view_types},
    {"types.c", "types.c", kg_view_types},
};

#define N_FAMILIES (sizeof(families) / sizeof(families[0]))

/* Templates and partials, loaded once per run by name. */
typedef struct tmpl_cache {
    kg_model_t *m;
    const char *dir;
    KG_VEC(char *) names;
    KG_VEC(char *) texts; /* NULL: not found */
} tmpl_cache_t;

static const char *load_template(tmpl_cache_t *c, const char *name)
{
    for (size_t i = 0; i < c->names.n; i++)
        if (strcmp(c->names.items[i], name) == 0)
            return c->texts.items[i];
    char *path = kg_printf(c->m->arena, "%s/%s.mustache", c->dir, name);
    size_t len;
    char *text = kg_read_file(path, &len);
    char *kept = text ? kg_strndup(c->m->arena, text, len) : NULL;
    free(text);
    *(char **)KG_PUSH(c->m->arena, c->names) = kg_strdup(c->m->arena, name);
    *(char **)KG_PUSH(c->m->arena, c->texts) = kept;
    return kept;
}

static const char *partial(const char *name, void *ctx)
{
    return load_template(ctx, name);
}

static void render_one(tmpl_cache_t *c, const family_t *f, const kg_package_t *p, const cJSON *view,
                       kg_outputs_t *out)
{
    kg_model_t *m = c->m;
    const char *tmpl = load_template(c, f->template_name);
    char *tpath = kg_printf(m->arena, "%s/%s.mustache", c->dir, f->template_name);
    if (!tmpl) {
        kg_error(m->diags, (kg_pos_t){0}, "cannot read template '%s': %s", tpath, strerror(ENOENT));
        return;
    }
    char *text = NULL;
    mst_error_t err = {0};
    if (mst_render(tmpl, view, partial, c, &text, &err) != 0) {
        kg_error(m->diags, (kg_pos_t){tpath, (unsigned)err.line, (unsigned)err.col}, "%s", err.message);
        return;
    }
    kg_output_t *o = KG_PUSH(m->arena, *out);
    o->path = kg_printf(m->arena, "%s/%s", p->rel_dir, f->file);
    o->len = strlen(text);
    o->data = kg_strndup(m->arena, text, o->len);
    free(text);
}

void kg_render(kg_model_t *m, const char *templates_dir, const char *boilerplate, kg_outputs_t *out)
{
    tmpl_cache_t cache = {m, templates_dir, {0}, {0}};
    char *comment = kg_boilerplate_comment(boilerplate);
    kg_view_ctx_t ctx = {m, comment};
    for (size_t i = 0; i < m->packages.n; i++) {
        const kg_package_t *p = m->packages.items[i];
        /* families sharing a view function share the tree */
        kg_view_fn built_fn = NULL;
        cJSON *view = NULL;
        for (size_t f = 0; f < N_FAMILIES; f++) {
            if (families[f].view != built_fn) {
                cJSON_Delete(view);
                view = families[f].view(&ctx, p);
                built_fn = families[f].view;
            }
            render_one(&cache, &families[f], p, view, out);
        }
        cJSON_Delete(view);
    }
    free(comment);
}
