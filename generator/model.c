/*
 * model.c - derives what the output needs from a checked model: Kinds,
 * descriptor names, enum values, field indices, the REST identity of
 * +genclient types (plural, scope, verbs, metadata paths), their generated
 * list types, and which packages each package's output includes.
 * Runs only when kg_check() reported nothing, so it asserts rather than
 * reports.
 */
#include <stdlib.h>
#include <string.h>

#include "markers.h"
#include "model.h"
#include "names.h"

#define META_TYPE_META "meta_v1_type_meta_t"
#define META_LIST_META "meta_v1_list_meta_t"

/* ---- model lifetime and lookups ---------------------------------------- */

static kg_member_t *add_member(kg_arena_t *a, kg_type_t *t, const char *c_name, kg_kind_t kind, kg_shape_t shape,
                               const char *type_name, unsigned ptr_depth)
{
    kg_member_t *mb = KG_PUSH(a, t->members);
    mb->c_name = kg_strdup(a, c_name);
    mb->kind = kind;
    mb->shape = shape;
    mb->ctype = strcmp(type_name, "char") == 0 ? KG_CT_CHAR : KG_CT_NAMED;
    mb->type_name = kg_strdup(a, type_name);
    mb->ptr_depth = ptr_depth;
    mb->pos = t->pos;
    mb->json_pos = t->pos;
    mb->json_name = kg_lower_camel(a, c_name);
    mb->field_index = -1;
    return mb;
}

/* The runtime's own map entries (kc/types.h), described like API types so
 * that members can refer to them. */
static void add_runtime_entry(kg_model_t *m, const char *name, kg_kind_t value_kind, const char *value_type,
                              unsigned value_ptr)
{
    kg_arena_t *a = m->arena;
    kg_type_t *t = kg_alloc(a, sizeof(*t));
    t->tkind = KG_TYPE_STRUCT;
    t->name = kg_strdup(a, name);
    t->tag = t->name;
    t->c_type = kg_printf(a, "%s_t", name);
    t->desc = kg_printf(a, "%s_desc", name);
    t->is_entry = true;
    t->runtime = true;
    add_member(a, t, "key", KG_KIND_STRING, KG_SHAPE_VALUE, "char", 1);
    add_member(a, t, "value", value_kind, KG_SHAPE_VALUE, value_type, value_ptr);
    t->n_fields = 2;
    *(kg_type_t **)KG_PUSH(a, m->runtime_types) = t;
}

kg_model_t *kg_model_new(kg_diags_t *diags)
{
    kg_arena_t *a = kg_arena_new();
    kg_model_t *m = kg_alloc(a, sizeof(*m));
    m->arena = a;
    m->diags = diags;
    add_runtime_entry(m, "kc_str_entry", KG_KIND_STRING, "char", 1);
    add_runtime_entry(m, "kc_quantity_entry", KG_KIND_QUANTITY, "kc_quantity_t", 0);
    return m;
}

void kg_model_free(kg_model_t *m)
{
    if (m)
        kg_arena_free(m->arena);
}

static int cmp_type(const void *a, const void *b)
{
    const kg_type_t *x = *(kg_type_t *const *)a, *y = *(kg_type_t *const *)b;
    int c = strcmp(x->c_type, y->c_type);
    if (c)
        return c;
    /* same name twice: keep declaration order for the "declared twice" error */
    c = strcmp(x->typedef_pos.file ? x->typedef_pos.file : "", y->typedef_pos.file ? y->typedef_pos.file : "");
    return c ? c : (x->typedef_pos.line > y->typedef_pos.line) - (x->typedef_pos.line < y->typedef_pos.line);
}

void kg_index_types(kg_model_t *m)
{
    m->index.n = 0;
    for (size_t i = 0; i < m->runtime_types.n; i++)
        *(kg_type_t **)KG_PUSH(m->arena, m->index) = m->runtime_types.items[i];
    for (size_t i = 0; i < m->packages.n; i++) {
        kg_package_t *p = m->packages.items[i];
        for (size_t j = 0; j < p->types.n; j++)
            *(kg_type_t **)KG_PUSH(m->arena, m->index) = p->types.items[j];
    }
    if (m->index.n)
        qsort(m->index.items, m->index.n, sizeof(kg_type_t *), cmp_type);
}

kg_type_t *kg_find_type(const kg_model_t *m, const char *c_type)
{
    size_t lo = 0, hi = m->index.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(m->index.items[mid]->c_type, c_type);
        if (c == 0)
            return m->index.items[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

kg_type_t *kg_find_type_by_tag(const kg_model_t *m, const char *tag)
{
    for (size_t i = 0; i < m->index.n; i++)
        if (m->index.items[i]->tag && strcmp(m->index.items[i]->tag, tag) == 0)
            return m->index.items[i];
    return NULL;
}

kg_marker_t *kg_find_marker(const kg_comment_t *c, int id)
{
    for (size_t i = 0; i < c->markers.n; i++)
        if (c->markers.items[i].id == id)
            return &c->markers.items[i];
    return NULL;
}

bool kg_is_field(const kg_member_t *mb)
{
    return mb->kind != KG_KIND_NONE && mb->kind != KG_KIND_COUNT && mb->kind != KG_KIND_UNKNOWN;
}

kg_member_t *kg_find_member_by_json(kg_type_t *t, const char *json_name)
{
    for (size_t i = 0; i < t->members.n; i++) {
        kg_member_t *mb = &t->members.items[i];
        if (kg_is_field(mb) && mb->json_name && strcmp(mb->json_name, json_name) == 0)
            return mb;
    }
    return NULL;
}

/* ---- derivation -------------------------------------------------------- */

static void number_fields(kg_type_t *t)
{
    int n = 0;
    for (size_t i = 0; i < t->members.n; i++) {
        kg_member_t *mb = &t->members.items[i];
        mb->field_index = kg_is_field(mb) ? n++ : -1;
        if (mb->kind == KG_KIND_UNKNOWN)
            t->unknown = mb;
    }
    t->n_fields = (size_t)n;
}

static const char *marker_value(const kg_type_t *t, int id)
{
    kg_marker_t *mk = kg_find_marker(&t->comment, id);
    return mk ? mk->value : NULL;
}

static void derive_type(kg_model_t *m, kg_type_t *t)
{
    kg_arena_t *a = m->arena;
    t->desc = kg_printf(a, "%s_desc", t->name);
    const char *kind = marker_value(t, KG_M_KIND);
    t->kind = kind ? kg_strdup(a, kind) : kg_upper_camel(a, t->short_name);
    const char *dc = marker_value(t, KG_M_DEEPCOPY_TYPE);
    t->deepcopy = !dc || strcmp(dc, "false") != 0;
    const char *values = marker_value(t, KG_M_V_ENUM);
    if (t->tkind == KG_TYPE_ENUM && values) {
        char **items;
        size_t n = kg_split(a, values, ';', &items);
        for (size_t i = 0; i < n; i++) {
            char *v = items[i];
            size_t len = strlen(v);
            if (len >= 2 && v[0] == '"' && v[len - 1] == '"') /* Enum="a";"b" */
                v = kg_strndup(a, v + 1, len - 2);
            *(char **)KG_PUSH(a, t->enum_values) = v;
        }
    }
    number_fields(t);
}

/* "metadata." + the C name of the member of `meta` with JSON name `json`. */
static char *meta_path(kg_model_t *m, const char *meta, const char *json)
{
    kg_type_t *t = kg_find_type(m, meta);
    kg_member_t *mb = t ? kg_find_member_by_json(t, json) : NULL;
    return kg_printf(m->arena, "metadata.%s", mb ? mb->c_name : json);
}

static unsigned derive_verbs(const kg_type_t *t, bool has_status)
{
    unsigned all = (1u << KG_N_VERBS) - 1, verbs = all;
    const char *only = marker_value(t, KG_M_GENCLIENT_ONLY_VERBS);
    const char *skip = marker_value(t, KG_M_GENCLIENT_SKIP_VERBS);
    const char *list = only ? only : skip;
    if (list) {
        unsigned named = 0;
        for (const char *p = list; *p;) {
            size_t len = strcspn(p, ",");
            int v = kg_verb_index(p, len);
            if (v >= 0)
                named |= 1u << v;
            p += len + (p[len] == ',');
        }
        verbs = only ? named : all & ~named;
    }
    if (!has_status)
        verbs &= ~(1u << kg_verb_index("updateStatus", 12));
    return verbs;
}

static void split_into(kg_arena_t *a, const char *s, void *vec_items, size_t *n)
{
    char ***items = vec_items;
    *n = s ? kg_split(a, s, ';', items) : 0;
}

static void derive_columns(kg_model_t *m, kg_type_t *t, kg_resource_t *r)
{
    for (size_t i = 0; i < t->comment.markers.n; i++) {
        kg_marker_t *mk = &t->comment.markers.items[i];
        if (mk->id != KG_M_PRINTCOLUMN)
            continue;
        kg_column_t *col = KG_PUSH(m->arena, r->columns);
        col->name = (char *)kg_marker_arg(mk, "name");
        col->type = (char *)kg_marker_arg(mk, "type");
        col->json_path = (char *)kg_marker_arg(mk, "JSONPath");
        col->description = (char *)kg_marker_arg(mk, "description");
        col->format = (char *)kg_marker_arg(mk, "format");
        col->priority = (char *)kg_marker_arg(mk, "priority");
    }
}

static kg_resource_t *derive_resource(kg_model_t *m, kg_type_t *t)
{
    kg_arena_t *a = m->arena;
    kg_resource_t *r = kg_alloc(a, sizeof(*r));
    kg_marker_t *res = kg_find_marker(&t->comment, KG_M_RESOURCE);
    kg_marker_t *scale = kg_find_marker(&t->comment, KG_M_SUBRESOURCE_SCALE);
    const char *path = res ? kg_marker_arg(res, "path") : NULL;
    const char *singular = res ? kg_marker_arg(res, "singular") : NULL;
    r->group = t->pkg->group;
    r->version = t->pkg->version;
    r->kind = t->kind;
    r->list_kind = kg_printf(a, "%sList", t->kind);
    r->singular = singular ? kg_strdup(a, singular) : kg_lower(a, t->kind);
    r->plural = path ? kg_strdup(a, path) : kg_plural(a, kg_lower(a, t->kind));
    r->namespaced = !kg_find_marker(&t->comment, KG_M_GENCLIENT_NON_NAMESPACED);
    /* client-gen's rule: a status member and no +genclient:noStatus */
    r->has_status = kg_find_member_by_json(t, "status") && !kg_find_marker(&t->comment, KG_M_GENCLIENT_NO_STATUS);
    r->has_scale = scale != NULL;
    r->verbs = derive_verbs(t, r->has_status);
    split_into(a, res ? kg_marker_arg(res, "shortName") : NULL, &r->short_names.items, &r->short_names.n);
    split_into(a, res ? kg_marker_arg(res, "categories") : NULL, &r->categories.items, &r->categories.n);
    r->short_names.cap = r->short_names.n;
    r->categories.cap = r->categories.n;
    if (scale) {
        r->scale_spec_path = (char *)kg_marker_arg(scale, "specpath");
        r->scale_status_path = (char *)kg_marker_arg(scale, "statuspath");
        r->scale_selector_path = (char *)kg_marker_arg(scale, "selectorpath");
    }
    r->storage_version = kg_find_marker(&t->comment, KG_M_STORAGE_VERSION) != NULL;
    derive_columns(m, t, r);
    r->name_path = meta_path(m, "meta_v1_object_meta_t", "name");
    r->namespace_path = meta_path(m, "meta_v1_object_meta_t", "namespace");
    r->resource_version_path = meta_path(m, "meta_v1_object_meta_t", "resourceVersion");
    r->uid_path = meta_path(m, "meta_v1_object_meta_t", "uid");
    r->labels_path = meta_path(m, "meta_v1_object_meta_t", "labels");
    r->labels_count_path = kg_printf(a, "metadata.n_%s", r->labels_path + strlen("metadata."));
    r->list_items_path = "items";
    r->list_items_count_path = "n_items";
    r->list_resource_version_path = meta_path(m, META_LIST_META, "resourceVersion");
    r->list_continue_path = meta_path(m, META_LIST_META, "continue");
    return r;
}

/* The generated `<name>_list_t` of a +genclient type. */
static kg_type_t *make_list(kg_model_t *m, kg_type_t *t)
{
    kg_arena_t *a = m->arena;
    kg_type_t *l = kg_alloc(a, sizeof(*l));
    l->tkind = KG_TYPE_LIST;
    l->pkg = t->pkg;
    l->item = t;
    l->name = kg_printf(a, "%s_list", t->name);
    l->tag = l->name;
    l->c_type = kg_printf(a, "%s_t", l->name);
    l->short_name = kg_printf(a, "%s_list", t->short_name);
    l->kind = kg_printf(a, "%sList", t->kind);
    l->desc = kg_printf(a, "%s_desc", l->name);
    l->pos = l->typedef_pos = t->pos;
    l->deepcopy = true;
    *(char **)KG_PUSH(a, l->comment.doc) = kg_printf(a, "%s is a list of %s.", l->kind, t->kind);
    kg_member_t *tm = add_member(a, l, "type_meta", KG_KIND_STRUCT, KG_SHAPE_VALUE, META_TYPE_META, 0);
    tm->ref = kg_find_type(m, META_TYPE_META);
    tm->is_inline = true;
    tm->json_name = "";
    kg_member_t *md = add_member(a, l, "metadata", KG_KIND_STRUCT, KG_SHAPE_VALUE, META_LIST_META, 0);
    md->ref = kg_find_type(m, META_LIST_META);
    kg_member_t *n = add_member(a, l, "n_items", KG_KIND_COUNT, KG_SHAPE_VALUE, "size_t", 0);
    kg_member_t *items = add_member(a, l, "items", KG_KIND_STRUCT, KG_SHAPE_LIST, t->c_type, 1);
    items->ref = t;
    items->count = n;
    items->required = true; /* an empty list still writes "items":[] */
    n->array = items;
    add_member(a, l, "unknown", KG_KIND_UNKNOWN, KG_SHAPE_VALUE, "kc_unknown_t", 0);
    number_fields(l);
    return l;
}

static int cmp_pkg(const void *a, const void *b)
{
    const kg_package_t *x = *(kg_package_t *const *)a, *y = *(kg_package_t *const *)b;
    return strcmp(x->rel_dir, y->rel_dir);
}

static void add_dep(kg_model_t *m, kg_package_t *p, kg_package_t *dep)
{
    if (!dep || dep == p)
        return;
    for (size_t i = 0; i < p->deps.n; i++)
        if (p->deps.items[i] == dep)
            return;
    *(kg_package_t **)KG_PUSH(m->arena, p->deps) = dep;
}

static void derive_deps(kg_model_t *m, kg_package_t *p)
{
    for (size_t i = 0; i < p->types.n; i++) {
        kg_type_t *t = p->types.items[i];
        for (size_t j = 0; j < t->members.n; j++)
            if (t->members.items[j].ref)
                add_dep(m, p, t->members.items[j].ref->pkg);
    }
    if (p->deps.n)
        qsort(p->deps.items, p->deps.n, sizeof(kg_package_t *), cmp_pkg);
}

void kg_model_derive(kg_model_t *m)
{
    for (size_t i = 0; i < m->packages.n; i++) {
        kg_package_t *p = m->packages.items[i];
        size_t n_declared = p->types.n;
        for (size_t j = 0; j < n_declared; j++)
            derive_type(m, p->types.items[j]);
        for (size_t j = 0; j < n_declared; j++) {
            kg_type_t *t = p->types.items[j];
            if (t->tkind != KG_TYPE_STRUCT || !kg_find_marker(&t->comment, KG_M_GENCLIENT))
                continue;
            t->resource = derive_resource(m, t);
            t->list = make_list(m, t);
            *(kg_type_t **)KG_PUSH(m->arena, p->types) = t->list;
        }
        derive_deps(m, p);
    }
}
