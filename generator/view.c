/* view.c - the model as cJSON trees, every string precomputed. */
#include "view.h"

#include <stdlib.h>
#include <string.h>

#include "markers.h"
#include "names.h"

/* One arena-free way to build strings for cJSON: cJSON copies them. */
typedef struct vb {
    kg_arena_t *a; /* scratch, freed after the view is built */
} vb_t;

static void put_str(cJSON *o, const char *key, const char *value)
{
    cJSON_AddItemToObject(o, key, cJSON_CreateString(value ? value : ""));
}

static void put_bool(cJSON *o, const char *key, bool value)
{
    cJSON_AddItemToObject(o, key, cJSON_CreateBool(value));
}

static void put_num(cJSON *o, const char *key, size_t value)
{
    cJSON_AddItemToObject(o, key, cJSON_CreateNumber((double)value));
}

static cJSON *put_array(cJSON *o, const char *key)
{
    cJSON *arr = cJSON_CreateArray();
    cJSON_AddItemToObject(o, key, arr);
    return arr;
}

static cJSON *push_object(cJSON *arr)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToArray(arr, o);
    return o;
}

/* Gives every element of an array of objects "last" (for separators). */
static void mark_last(cJSON *arr)
{
    for (cJSON *it = arr->child; it; it = it->next)
        put_bool(it, "last", it->next == NULL);
}

/* ---- comments ---------------------------------------------------------- */

/* `//` lines of documentation.  A trailing backslash would continue the
 * comment onto the next line of generated code, so it goes. */
static void put_doc(vb_t *v, cJSON *o, const kg_comment_t *c)
{
    cJSON *arr = put_array(o, "doc");
    for (size_t i = 0; i < c->doc.n; i++) {
        char *text = kg_strdup(v->a, c->doc.items[i]);
        size_t n = strlen(text);
        while (n && (text[n - 1] == '\\' || text[n - 1] == ' '))
            text[--n] = '\0';
        put_str(push_object(arr), "line", *text ? kg_printf(v->a, "// %s", text) : "//");
    }
    put_bool(o, "has_doc", c->doc.n > 0);
}

char *kg_boilerplate_comment(const char *text)
{
    kg_buf_t b = {0};
    size_t n = strlen(text);
    while (n && (text[n - 1] == '\n' || text[n - 1] == ' ' || text[n - 1] == '\r'))
        n--;
    if (n == 0)
        return kg_xstrdup("");
    if (n >= 2 && text[0] == '/' && (text[1] == '*' || text[1] == '/')) {
        kg_buf_add(&b, text, n);
        return b.data;
    }
    kg_buf_puts(&b, "/*\n");
    for (const char *p = text, *end = text + n; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\r' || p[len - 1] == '\t'))
            len--;
        kg_buf_puts(&b, len ? " * " : " *");
        kg_buf_add(&b, p, len);
        kg_buf_putc(&b, '\n');
        p += (nl ? (size_t)(nl - p) + 1 : len);
        if (!nl)
            break;
    }
    kg_buf_puts(&b, " */");
    return b.data;
}

/* ---- members ----------------------------------------------------------- */

static const char *const kind_macros[] = {
    [KG_KIND_STRING] = "KC_KIND_STRING",
    [KG_KIND_BOOL] = "KC_KIND_BOOL",
    [KG_KIND_INT32] = "KC_KIND_INT32",
    [KG_KIND_INT64] = "KC_KIND_INT64",
    [KG_KIND_DOUBLE] = "KC_KIND_DOUBLE",
    [KG_KIND_TIME] = "KC_KIND_TIME",
    [KG_KIND_MICRO_TIME] = "KC_KIND_MICRO_TIME",
    [KG_KIND_QUANTITY] = "KC_KIND_QUANTITY",
    [KG_KIND_INT_OR_STRING] = "KC_KIND_INT_OR_STRING",
    [KG_KIND_JSON] = "KC_KIND_JSON",
    [KG_KIND_STRUCT] = "KC_KIND_STRUCT",
};

static const char *const shape_macros[] = {
    [KG_SHAPE_VALUE] = "KC_SHAPE_VALUE",
    [KG_SHAPE_PTR] = "KC_SHAPE_PTR",
    [KG_SHAPE_LIST] = "KC_SHAPE_LIST",
    [KG_SHAPE_MAP] = "KC_SHAPE_MAP",
};

/* The C type a member is declared with, without its pointers. */
static const char *base_c_type(const kg_member_t *mb)
{
    switch (mb->ctype) {
    case KG_CT_CHAR: return "char";
    case KG_CT_BOOL: return "bool";
    case KG_CT_DOUBLE: return "double";
    case KG_CT_TAG: return mb->ref->c_type; /* every struct is typedef'd up front */
    default: return mb->type_name;
    }
}

static char *member_decl(vb_t *v, const kg_member_t *mb)
{
    char stars[16] = {0};
    for (unsigned i = 0; i < mb->ptr_depth && i < sizeof(stars) - 1; i++)
        stars[i] = '*';
    return kg_printf(v->a, "%s %s%s;", base_c_type(mb), stars, mb->c_name);
}

/* The trailing comment of a member in the generated struct: its JSON name. */
static char *member_tag(vb_t *v, const kg_member_t *mb)
{
    if (!kg_is_field(mb))
        return "";
    if (mb->is_inline)
        return " // inline";
    return kg_printf(v->a, " // \"%s\"%s%s", mb->json_name, mb->shape == KG_SHAPE_MAP ? ", map" : "",
                     mb->required ? ", required" : "");
}

static char *field_flags(const kg_type_t *t, const kg_member_t *mb)
{
    if (t->is_entry)
        return "0"; /* key and value are always written: flags mean nothing there */
    if (mb->is_inline)
        return "KC_FIELD_INLINE";
    if (mb->required)
        return "KC_FIELD_REQUIRED";
    return "KC_FIELD_OMITEMPTY";
}

static void put_field(vb_t *v, cJSON *arr, const kg_type_t *t, const kg_member_t *mb)
{
    cJSON *o = push_object(arr);
    put_num(o, "index", (size_t)mb->field_index);
    put_str(o, "json_name", kg_c_string(v->a, mb->json_name));
    put_num(o, "json_len", strlen(mb->json_name));
    put_str(o, "kind", kind_macros[mb->kind]);
    put_str(o, "shape", shape_macros[mb->shape]);
    put_str(o, "flags", field_flags(t, mb));
    put_str(o, "offset", kg_printf(v->a, "offsetof(%s, %s)", t->c_type, mb->c_name));
    put_str(o, "count_offset", mb->count ? kg_printf(v->a, "offsetof(%s, %s)", t->c_type, mb->count->c_name) : "0");
    put_str(o, "type_ref", mb->kind == KG_KIND_STRUCT ? kg_printf(v->a, "&%s", mb->ref->desc) : "NULL");
    put_str(o, "c_name", kg_c_string(v->a, mb->c_name));
}

static void put_members(vb_t *v, cJSON *o, const kg_type_t *t)
{
    cJSON *members = put_array(o, "members");
    cJSON *fields = put_array(o, "fields");
    for (size_t i = 0; i < t->members.n; i++) {
        const kg_member_t *mb = &t->members.items[i];
        cJSON *m = push_object(members);
        put_doc(v, m, &mb->comment);
        put_str(m, "decl", member_decl(v, mb));
        put_str(m, "tag", member_tag(v, mb));
        if (kg_is_field(mb))
            put_field(v, fields, t, mb);
    }
    mark_last(members);
    mark_last(fields);
}

/* ---- by_name ------------------------------------------------------------ */

static int cmp_json(const void *a, const void *b)
{
    const kg_member_t *x = *(const kg_member_t *const *)a, *y = *(const kg_member_t *const *)b;
    return strcmp(x->json_name, y->json_name); /* bytewise; a prefix sorts first */
}

static void put_by_name(vb_t *v, cJSON *o, const kg_type_t *t)
{
    const kg_member_t **sorted = kg_alloc(v->a, (t->members.n + 1) * sizeof(*sorted));
    size_t n = 0;
    for (size_t i = 0; i < t->members.n; i++)
        if (kg_is_field(&t->members.items[i]) && !t->members.items[i].is_inline)
            sorted[n++] = &t->members.items[i];
    qsort(sorted, n, sizeof(*sorted), cmp_json);
    cJSON *arr = put_array(o, "by_name");
    for (size_t i = 0; i < n; i++) {
        cJSON *e = push_object(arr);
        put_num(e, "index", (size_t)sorted[i]->field_index);
        put_str(e, "json_name", sorted[i]->json_name);
    }
    mark_last(arr);
    put_num(o, "n_by_name", n);
    put_bool(o, "has_by_name", n > 0);
    put_str(o, "by_name_ref", n ? kg_printf(v->a, "%s_by_name", t->name) : "NULL");
}

/* ---- structs ------------------------------------------------------------ */

static void put_struct(vb_t *v, cJSON *arr, const kg_type_t *t)
{
    cJSON *o = push_object(arr);
    put_str(o, "name", t->name);
    put_str(o, "c_type", t->c_type);
    put_str(o, "name_literal", kg_c_string(v->a, t->name));
    put_str(o, "desc", t->desc);
    put_doc(v, o, &t->comment);
    put_members(v, o, t);
    put_num(o, "n_fields", t->n_fields);
    put_bool(o, "has_fields", t->n_fields > 0);
    put_str(o, "fields_ref", t->n_fields ? kg_printf(v->a, "%s_fields", t->name) : "NULL");
    put_by_name(v, o, t);
    put_str(o, "unknown_offset",
            t->unknown ? kg_printf(v->a, "(int32_t)offsetof(%s, %s)", t->c_type, t->unknown->c_name) : "-1");
    put_str(o, "resource_ref", t->resource ? kg_printf(v->a, "&%s_resource", t->name) : "NULL");
    /* map entries are reached only through their parent: no wrappers */
    put_bool(o, "object", !t->is_entry);
    put_bool(o, "deepcopy", !t->is_entry && t->deepcopy);
}

static void put_enum(vb_t *v, cJSON *arr, const kg_type_t *t)
{
    cJSON *o = push_object(arr);
    put_str(o, "c_type", t->c_type);
    put_doc(v, o, &t->comment);
    cJSON *consts = put_array(o, "constants");
    char *upper = kg_upper(v->a, t->name);
    for (size_t i = 0; i < t->enum_values.n; i++) {
        cJSON *c = push_object(consts);
        put_str(c, "macro", kg_printf(v->a, "%s_%s", upper, kg_upper_snake(v->a, t->enum_values.items[i])));
        put_str(c, "literal", kg_c_string(v->a, t->enum_values.items[i]));
    }
    mark_last(consts);
    put_bool(o, "has_constants", t->enum_values.n > 0);
}

/* ---- resources ---------------------------------------------------------- */

static char *verbs_expr(vb_t *v, unsigned verbs)
{
    kg_buf_t b = {0};
    for (int i = 0; i < KG_N_VERBS; i++) {
        if (!(verbs & (1u << i)))
            continue;
        if (b.len)
            kg_buf_puts(&b, " | ");
        kg_buf_puts(&b, kg_verb_macros[i]);
    }
    char *s = kg_strdup(v->a, b.len ? b.data : "0");
    kg_buf_free(&b);
    return s;
}

static void put_offset(vb_t *v, cJSON *arr, const char *key, const char *c_type, const char *path)
{
    cJSON *o = push_object(arr);
    put_str(o, "key", key);
    put_str(o, "expr", kg_printf(v->a, "offsetof(%s, %s)", c_type, path));
}

static void put_resource(vb_t *v, cJSON *arr, const kg_type_t *t)
{
    const kg_resource_t *r = t->resource;
    const char *lt = t->list->c_type;
    cJSON *o = push_object(arr);
    put_str(o, "name", t->name);
    put_str(o, "c_type", t->c_type);
    put_str(o, "group", kg_c_string(v->a, r->group));
    put_str(o, "version", kg_c_string(v->a, r->version));
    put_str(o, "kind", kg_c_string(v->a, r->kind));
    put_str(o, "list_kind", kg_c_string(v->a, r->list_kind));
    put_str(o, "plural", kg_c_string(v->a, r->plural));
    put_str(o, "singular", kg_c_string(v->a, r->singular));
    put_str(o, "namespaced", r->namespaced ? "true" : "false");
    put_str(o, "has_status", r->has_status ? "true" : "false");
    put_str(o, "has_scale", r->has_scale ? "true" : "false");
    put_str(o, "verbs", verbs_expr(v, r->verbs));
    put_str(o, "desc", t->desc);
    put_str(o, "list_desc", t->list->desc);
    cJSON *offs = put_array(o, "offsets");
    put_offset(v, offs, "name_offset", t->c_type, r->name_path);
    put_offset(v, offs, "namespace_offset", t->c_type, r->namespace_path);
    put_offset(v, offs, "resource_version_offset", t->c_type, r->resource_version_path);
    put_offset(v, offs, "uid_offset", t->c_type, r->uid_path);
    put_offset(v, offs, "labels_count_offset", t->c_type, r->labels_count_path);
    put_offset(v, offs, "labels_offset", t->c_type, r->labels_path);
    put_offset(v, offs, "list_items_count_offset", lt, r->list_items_count_path);
    put_offset(v, offs, "list_items_offset", lt, r->list_items_path);
    put_offset(v, offs, "list_resource_version_offset", lt, r->list_resource_version_path);
    put_offset(v, offs, "list_continue_offset", lt, r->list_continue_path);
    mark_last(offs);
}

/* ---- package ------------------------------------------------------------ */

static void put_package(vb_t *v, cJSON *o, const kg_view_ctx_t *ctx, const kg_package_t *p)
{
    put_str(o, "banner", kg_printf(v->a, "/* Code generated by kc-gen from %s. DO NOT EDIT. */", p->source_name));
    put_str(o, "boilerplate", ctx->boilerplate);
    put_bool(o, "has_boilerplate", *ctx->boilerplate != '\0');
    put_str(o, "source", p->source_name);
    put_str(o, "package", p->rel_dir);
    put_str(o, "prefix", p->prefix);
    put_str(o, "group", p->group);
    put_str(o, "version", p->version);
    put_str(o, "api_version", *p->group ? kg_printf(v->a, "%s/%s", p->group, p->version) : p->version);
    put_num(o, "descriptor_version", KG_DESCRIPTOR_VERSION);
    cJSON *deps = put_array(o, "includes");
    for (size_t i = 0; i < p->deps.n; i++)
        put_str(push_object(deps), "path", kg_printf(v->a, "%s/types.h", p->deps.items[i]->rel_dir));
    mark_last(deps);
}

cJSON *kg_view_types(const kg_view_ctx_t *ctx, const kg_package_t *p)
{
    vb_t v = {kg_arena_new()};
    cJSON *o = cJSON_CreateObject();
    put_package(&v, o, ctx, p);
    put_str(o, "header", kg_printf(v.a, "%s/types.h", p->rel_dir));
    put_str(o, "guard", kg_printf(v.a, "KC_GENERATED_%s_TYPES_H", kg_upper_snake(v.a, p->rel_dir)));
    cJSON *enums = put_array(o, "enums"), *structs = put_array(o, "structs"), *res = put_array(o, "resources");
    for (size_t i = 0; i < p->types.n; i++) {
        const kg_type_t *t = p->types.items[i];
        if (t->tkind == KG_TYPE_ENUM)
            put_enum(&v, enums, t);
        else
            put_struct(&v, structs, t);
        if (t->resource)
            put_resource(&v, res, t);
    }
    mark_last(enums);
    mark_last(structs);
    mark_last(res);
    put_bool(o, "has_enums", cJSON_GetArraySize(enums) > 0);
    put_bool(o, "has_resources", cJSON_GetArraySize(res) > 0);
    kg_arena_free(v.a);
    return o;
}
