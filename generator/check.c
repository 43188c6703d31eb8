/*
 * check.c - judges the parsed model: every marker known and well formed,
 * every name derivable, every member type resolvable and of a supported
 * form, no clashes.  It reports every problem it finds (compiler-style) and
 * fills in what it resolved (member kinds and shapes, JSON names, type
 * names); model.c derives the rest only when no error was reported.
 */
#include <stdlib.h>
#include <string.h>

#include "markers.h"
#include "model.h"
#include "names.h"

#define META_OBJECT_META "meta_v1_object_meta_t"
#define META_TYPE_META "meta_v1_type_meta_t"
#define META_LIST_META "meta_v1_list_meta_t"

typedef struct chk {
    kg_model_t *m;
    kg_arena_t *a;
    kg_diags_t *d;
} chk_t;

/* ---- the runtime's value types ---------------------------------------- */

/* Typedef names of the runtime (kc/types.h, <stdint.h>) that members may use. */
static const struct builtin {
    const char *name;
    kg_kind_t kind;
} builtins[] = {
    {"int32_t", KG_KIND_INT32},
    {"int64_t", KG_KIND_INT64},
    {"kc_time_t", KG_KIND_TIME},
    {"kc_micro_time_t", KG_KIND_MICRO_TIME},
    {"kc_quantity_t", KG_KIND_QUANTITY},
    {"kc_int_or_string_t", KG_KIND_INT_OR_STRING},
    {"kc_json_t", KG_KIND_JSON},
    {"kc_unknown_t", KG_KIND_UNKNOWN},
    {"size_t", KG_KIND_COUNT},
};

static kg_kind_t builtin_kind(const char *name)
{
    for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
        if (strcmp(builtins[i].name, name) == 0)
            return builtins[i].kind;
    return KG_KIND_NONE;
}

/* What to write instead of an unsupported C type. */
static const char *hint_for(kg_ctype_t ct)
{
    switch (ct) {
    case KG_CT_SIGNED: return "use int32_t or int64_t";
    case KG_CT_UNSIGNED: return "Kubernetes APIs have no unsigned integers: use int32_t or int64_t";
    case KG_CT_FLOAT: return "use double";
    case KG_CT_ENUM: return "use a string enum: typedef char *x_t; with +kubebuilder:validation:Enum";
    case KG_CT_ARRAY: return "fixed-size arrays are not supported: use a list, size_t n_x; T *x;";
    case KG_CT_UNION: return "unions are not supported: use a struct with optional members";
    case KG_CT_FUNCTION: return "function pointers have no JSON form";
    case KG_CT_ANON_STRUCT: return "nested anonymous structs are not supported: declare a typedef struct and use it";
    case KG_CT_VOID: return "use kc_json_t for free-form JSON";
    case KG_CT_CHAR: return "a string is char *";
    default: return "see docs/header-language.md section 3 for the supported member types";
    }
}

/* ---- markers ----------------------------------------------------------- */

/* Resolves every marker of a comment and reports repeats of markers that may
 * appear once. */
static void resolve_markers(chk_t *c, kg_comment_t *cm, unsigned where)
{
    for (size_t i = 0; i < cm->markers.n; i++) {
        kg_marker_t *mk = &cm->markers.items[i];
        kg_marker_resolve(c->a, c->d, mk, where);
        if (mk->id < 0 || kg_marker_spec(mk->id)->repeatable)
            continue;
        for (size_t j = 0; j < i; j++) {
            if (cm->markers.items[j].id == mk->id) {
                kg_error(c->d, mk->pos, "marker '+%s' given twice", kg_marker_spec(mk->id)->name);
                kg_note(c->d, cm->markers.items[j].pos, "first given here");
                mk->id = -1;
                break;
            }
        }
    }
}

static bool has_marker(const kg_comment_t *cm, int id)
{
    return kg_find_marker(cm, id) != NULL;
}

/* ---- packages ---------------------------------------------------------- */

static void check_package(chk_t *c, kg_package_t *p)
{
    if (!p->has_doc) {
        kg_error(c->d, (kg_pos_t){p->types_file, 1, 1},
                 "package '%s' has no doc.h (it holds the package markers, at least +groupName=)",
                 p->rel_dir);
    }
    if (!p->has_types) {
        kg_error(c->d, (kg_pos_t){p->doc_file, 1, 1}, "package '%s' has no types.h", p->rel_dir);
        p->parse_failed = true;
    }
    resolve_markers(c, &p->doc, KG_ON_PACKAGE);
    kg_marker_t *g = kg_find_marker(&p->doc, KG_M_GROUP_NAME);
    if (g) {
        p->group = g->value;
        p->has_group = true;
        p->group_pos = g->pos;
    } else if (p->has_doc) {
        kg_error(c->d, (kg_pos_t){p->doc_file, 1, 1},
                 "missing package marker '+groupName=<group>' (empty for the core group)");
    }
    kg_marker_t *pre = kg_find_marker(&p->doc, KG_M_PREFIX);
    p->prefix = pre ? pre->value : kg_printf(c->a, "%s_%s", p->dir, p->version);
    if (!pre && !kg_is_snake(p->prefix))
        kg_error(c->d, (kg_pos_t){p->has_doc ? p->doc_file : p->types_file, 1, 1},
                 "folder names '%s' do not make a C prefix: set one with +kc:prefix=<snake_case>",
                 p->rel_dir);
}

/* ---- type names -------------------------------------------------------- */

static void check_type_name(chk_t *c, kg_type_t *t)
{
    const char *prefix = t->pkg->prefix;
    size_t n = strlen(t->c_type);
    if (n < 3 || !kg_ends_with(t->c_type, "_t")) {
        kg_error(c->d, t->typedef_pos, "type name '%s' must end in '_t'", t->c_type);
        t->name = kg_strdup(c->a, t->c_type);
    } else {
        t->name = kg_strndup(c->a, t->c_type, n - 2);
    }
    if (t->tkind == KG_TYPE_STRUCT && (!t->tag || strcmp(t->tag, t->name) != 0)) {
        kg_error(c->d, t->pos, "struct tag '%s' does not match typedef '%s' (write typedef struct %s {...} %s_t;)",
                 t->tag ? t->tag : "(none)", t->c_type, t->name, t->name);
    }
    size_t pn = strlen(prefix);
    if (strncmp(t->name, prefix, pn) != 0 || t->name[pn] != '_' || !t->name[pn + 1]) {
        kg_error(c->d, t->typedef_pos, "type '%s' must start with the package prefix '%s_' (%s_<name>_t)",
                 t->c_type, prefix, prefix);
        return;
    }
    t->short_name = kg_strdup(c->a, t->name + pn + 1);
    if (!kg_is_snake(t->name))
        kg_error(c->d, t->typedef_pos, "type '%s' must be snake_case ([a-z][a-z0-9_]*_t)", t->c_type);
}

/* ---- member types ------------------------------------------------------ */

/* The base kind of a member; *depth gets the pointer levels left over (a
 * `char *` string uses up one).  KG_KIND_NONE after reporting an error. */
static kg_kind_t base_kind(chk_t *c, kg_member_t *mb, unsigned *depth)
{
    *depth = mb->ptr_depth;
    switch (mb->ctype) {
    case KG_CT_BOOL: return KG_KIND_BOOL;
    case KG_CT_DOUBLE: return KG_KIND_DOUBLE;
    case KG_CT_CHAR:
        if (*depth == 0)
            break;
        (*depth)--;
        return KG_KIND_STRING;
    case KG_CT_NAMED: {
        kg_kind_t k = builtin_kind(mb->type_name);
        if (k)
            return k;
        kg_type_t *t = kg_find_type(c->m, mb->type_name);
        if (t) {
            mb->ref = t;
            return t->tkind == KG_TYPE_ENUM ? KG_KIND_STRING : KG_KIND_STRUCT;
        }
        if (mb->canon == KG_CT_TAG || mb->canon == KG_CT_ANON_STRUCT)
            kg_error(c->d, mb->pos, "member '%s': type '%s' is not an API type (declare it in a package under %s/)",
                     mb->c_name, mb->type_name, c->m->apis_name);
        else
            kg_error(c->d, mb->pos, "member '%s': unsupported type '%s' (%s)", mb->c_name, mb->spelling,
                     hint_for(mb->canon));
        return KG_KIND_NONE;
    }
    case KG_CT_TAG: {
        kg_type_t *t = kg_find_type_by_tag(c->m, mb->type_name);
        if (t) {
            mb->ref = t;
            return KG_KIND_STRUCT;
        }
        kg_error(c->d, mb->pos, "member '%s': 'struct %s' is not an API type", mb->c_name, mb->type_name);
        return KG_KIND_NONE;
    }
    default:
        break;
    }
    kg_error(c->d, mb->pos, "member '%s': unsupported type '%s' (%s)", mb->c_name, mb->spelling,
             hint_for(mb->ctype));
    return KG_KIND_NONE;
}

static bool is_count_of(const kg_member_t *count, const kg_member_t *list)
{
    return count->kind == KG_KIND_COUNT && kg_starts_with(count->c_name, "n_") &&
           strcmp(count->c_name + 2, list->c_name) == 0;
}

static kg_member_t *find_member(kg_type_t *t, const char *c_name)
{
    for (size_t i = 0; i < t->members.n; i++)
        if (strcmp(t->members.items[i].c_name, c_name) == 0)
            return &t->members.items[i];
    return NULL;
}

/* Sets shape from the pointer depth left after the base type and from the
 * count member before it. */
static bool resolve_shape(chk_t *c, kg_type_t *t, size_t i, unsigned depth)
{
    kg_member_t *mb = &t->members.items[i];
    kg_member_t *prev = i > 0 ? &t->members.items[i - 1] : NULL;
    bool is_map = has_marker(&mb->comment, KG_M_MAP);
    if (prev && is_count_of(prev, mb)) {
        mb->count = prev;
        prev->array = mb;
        if (depth == 0) {
            const char *sp = mb->spelling;
            kg_error(c->d, mb->pos, "list '%s' must point to its elements (%s%s*%s)", mb->c_name, sp,
                     kg_ends_with(sp, "*") ? "" : " ", mb->c_name);
            return false;
        }
        if (depth > 1) {
            kg_error(c->d, mb->pos, "list '%s' has pointer elements '%s'; lists hold their elements by value (T *%s)",
                     mb->c_name, mb->spelling, mb->c_name);
            return false;
        }
        mb->shape = is_map ? KG_SHAPE_MAP : KG_SHAPE_LIST;
        return true;
    }
    if (is_map || (mb->kind == KG_KIND_STRING && depth >= 1)) {
        /* a string is a pointer already (NULL = absent): one more is a list */
        kg_error(c->d, mb->pos, "%s '%s' has no count member (write size_t n_%s; immediately before it)",
                 is_map ? "map" : "list", mb->c_name, mb->c_name);
        return false;
    }
    if (depth >= 2) {
        kg_error(c->d, mb->pos, "member '%s': pointer to pointer '%s' is not supported (a list is size_t n_%s; T *%s;)",
                 mb->c_name, mb->spelling, mb->c_name, mb->c_name);
        return false;
    }
    mb->shape = depth ? KG_SHAPE_PTR : KG_SHAPE_VALUE;
    return true;
}

/* Members that are not fields: the count before a list and kc_unknown_t. */
static void check_special(chk_t *c, kg_type_t *t, kg_member_t *mb, unsigned depth)
{
    if (depth != 0) {
        kg_error(c->d, mb->pos, "member '%s': '%s' cannot be a pointer", mb->c_name, mb->spelling);
        return;
    }
    if (mb->comment.markers.n)
        kg_error(c->d, mb->comment.markers.items[0].pos, "markers are not allowed on '%s'%s", mb->c_name,
                 mb->kind == KG_KIND_COUNT ? " (put a list's markers on the list member)" : "");
    if (mb->kind == KG_KIND_UNKNOWN) {
        if (t->unknown) {
            kg_error(c->d, mb->pos, "struct '%s' has a second kc_unknown_t member '%s'", t->c_type, mb->c_name);
            kg_note(c->d, t->unknown->pos, "the first one is here");
        } else {
            t->unknown = mb;
        }
    }
}

static void check_count_placement(chk_t *c, kg_type_t *t, kg_member_t *mb)
{
    if (mb->array)
        return;
    kg_member_t *list = kg_starts_with(mb->c_name, "n_") ? find_member(t, mb->c_name + 2) : NULL;
    if (list)
        kg_error(c->d, mb->pos, "count '%s' must come immediately before its list '%s'", mb->c_name, list->c_name);
    else
        kg_error(c->d, mb->pos, "size_t member '%s' counts no list (a list is size_t n_x; T *x; with the count immediately before)",
                 mb->c_name);
}

/* ---- member markers and JSON names ------------------------------------ */

static void check_member_markers(chk_t *c, kg_member_t *mb)
{
    kg_marker_t *json = kg_find_marker(&mb->comment, KG_M_JSON);
    kg_marker_t *inl = kg_find_marker(&mb->comment, KG_M_JSON_INLINE);
    mb->required = has_marker(&mb->comment, KG_M_REQUIRED) || has_marker(&mb->comment, KG_M_V_REQUIRED);
    if (mb->required && (has_marker(&mb->comment, KG_M_OPTIONAL) || has_marker(&mb->comment, KG_M_V_OPTIONAL)))
        kg_error(c->d, mb->pos, "member '%s' is marked both +optional and +required", mb->c_name);
    mb->json_pos = json ? json->pos : mb->pos;
    if (inl) {
        mb->is_inline = true;
        mb->json_name = "";
        if (json)
            kg_error(c->d, json->pos, "'+json=' and '+json:inline' exclude each other");
        if (mb->kind != KG_KIND_STRUCT || mb->shape != KG_SHAPE_VALUE || (mb->ref && mb->ref->is_entry))
            kg_error(c->d, inl->pos, "'+json:inline' needs a struct member held by value (T x;)");
        return;
    }
    mb->json_name = json ? json->value : kg_lower_camel(c->a, mb->c_name);
}

static void check_map_and_entries(chk_t *c, kg_member_t *mb)
{
    kg_marker_t *map = kg_find_marker(&mb->comment, KG_M_MAP);
    bool entry = mb->kind == KG_KIND_STRUCT && mb->ref && mb->ref->is_entry;
    if (map && !entry)
        kg_error(c->d, map->pos, "'+kc:map' needs a map entry struct (typedef struct x_entry { char *key; V value; } x_entry_t;), not '%s'",
                 mb->kind == KG_KIND_STRUCT ? mb->ref->c_type : mb->spelling);
    else if (entry && mb->shape != KG_SHAPE_MAP)
        kg_error(c->d, mb->pos, "member '%s' holds map entries '%s': make it a map (size_t n_%s; %s *%s; // +kc:map)",
                 mb->c_name, mb->ref->c_type, mb->c_name, mb->ref->c_type, mb->c_name);
}

/* Names that are macros in common C environments (glibc, -std=gnu11, the
 * C11 convenience headers): a member so named compiles in the API header
 * but breaks in a user's file that includes <stdio.h> or builds as gnu11. */
static const char *const macro_names[] = {
    "linux", "unix", "i386", "stdin", "stdout", "stderr", "errno", "assert", "major", "minor",
    "bool", "true", "false", "complex", "imaginary", "noreturn", "alignas", "alignof",
    "static_assert", "thread_local", "NULL", "EOF",
};

static void check_member_name(chk_t *c, const kg_member_t *mb)
{
    for (size_t i = 0; i < sizeof(macro_names) / sizeof(macro_names[0]); i++)
        if (strcmp(mb->c_name, macro_names[i]) == 0)
            kg_error(c->d, mb->pos, "member name '%s' is a macro in common C environments (name it %s_ with // +json=%s)",
                     mb->c_name, mb->c_name, mb->c_name);
}

/* Resolves one member's kind, shape and markers. */
static void check_member(chk_t *c, kg_type_t *t, size_t i)
{
    kg_member_t *mb = &t->members.items[i];
    resolve_markers(c, &mb->comment, KG_ON_MEMBER);
    check_member_name(c, mb);
    if (mb->bitfield) {
        kg_error(c->d, mb->pos, "member '%s': bit-fields are not supported", mb->c_name);
        return;
    }
    if (mb->qualified) {
        kg_error(c->d, mb->pos, "member '%s': const/volatile members are not supported (members are owned and freed)",
                 mb->c_name);
        return;
    }
    unsigned depth;
    mb->kind = base_kind(c, mb, &depth);
    if (mb->kind == KG_KIND_NONE)
        return;
    if (mb->kind == KG_KIND_UNKNOWN || mb->kind == KG_KIND_COUNT) {
        check_special(c, t, mb, depth);
        return;
    }
    if (!resolve_shape(c, t, i, depth))
        return;
    check_map_and_entries(c, mb);
    check_member_markers(c, mb);
}

/* ---- entries ------------------------------------------------------------ */

static bool has_unknown_member(const kg_type_t *t)
{
    for (size_t i = 0; i < t->members.n; i++) {
        const kg_member_t *mb = &t->members.items[i];
        if (mb->ctype == KG_CT_NAMED && strcmp(mb->type_name, "kc_unknown_t") == 0)
            return true;
    }
    return false;
}

/* A struct without kc_unknown_t whose first member is `key` is a map entry;
 * the rest of its shape is checked once its members are resolved. */
static void mark_entries(kg_model_t *m)
{
    for (size_t i = 0; i < m->packages.n; i++) {
        kg_package_t *p = m->packages.items[i];
        for (size_t j = 0; j < p->types.n; j++) {
            kg_type_t *t = p->types.items[j];
            t->is_entry = t->tkind == KG_TYPE_STRUCT && !has_unknown_member(t) && t->members.n > 0 &&
                          strcmp(t->members.items[0].c_name, "key") == 0;
        }
    }
}

static void check_entry(chk_t *c, kg_type_t *t)
{
    kg_member_t *key = &t->members.items[0];
    if (t->members.n != 2 || strcmp(t->members.items[1].c_name, "value") != 0) {
        kg_error(c->d, t->pos, "map entry '%s' must have exactly two members, 'key' and 'value'", t->c_type);
        return;
    }
    kg_member_t *val = &t->members.items[1];
    if (key->kind != KG_KIND_STRING || key->shape != KG_SHAPE_VALUE)
        kg_error(c->d, key->pos, "the key of map entry '%s' must be 'char *key'", t->c_type);
    if (val->kind == KG_KIND_COUNT || val->kind == KG_KIND_UNKNOWN || val->shape == KG_SHAPE_LIST ||
        val->shape == KG_SHAPE_MAP)
        kg_error(c->d, val->pos, "the value of map entry '%s' cannot be a list, a map, a count or kc_unknown_t",
                 t->c_type);
}

/* ---- JSON name clashes ------------------------------------------------- */

typedef struct jname {
    const char *name;
    kg_member_t *mb;
} jname_t;

typedef KG_VEC(jname_t) jnames_t;

static void collect_json(chk_t *c, kg_type_t *t, jnames_t *out, kg_member_t *via, int depth)
{
    if (depth > 8)
        return; /* an inline cycle is reported elsewhere by the C compiler (infinite size) */
    for (size_t i = 0; i < t->members.n; i++) {
        kg_member_t *mb = &t->members.items[i];
        if (!kg_is_field(mb) || !mb->json_name)
            continue;
        if (mb->is_inline) {
            if (mb->ref)
                collect_json(c, mb->ref, out, via ? via : mb, depth + 1);
            continue;
        }
        jname_t *j = KG_PUSH(c->a, *out);
        j->name = mb->json_name;
        j->mb = via ? via : mb;
    }
}

static void check_json_clashes(chk_t *c, kg_type_t *t)
{
    jnames_t names = {0};
    collect_json(c, t, &names, NULL, 0);
    for (size_t i = 1; i < names.n; i++) {
        for (size_t j = 0; j < i; j++) {
            if (strcmp(names.items[i].name, names.items[j].name) != 0)
                continue;
            kg_member_t *a = names.items[j].mb, *b = names.items[i].mb;
            kg_error(c->d, b->json_pos, "duplicate JSON name '%s' in '%s' (member '%s')", names.items[i].name,
                     t->c_type, b->c_name);
            kg_note(c->d, a->json_pos, "also the JSON name of member '%s'%s", a->c_name,
                    a->is_inline ? " (inline)" : "");
            break;
        }
    }
}

/* ---- structs ------------------------------------------------------------ */

static void check_struct(chk_t *c, kg_type_t *t)
{
    resolve_markers(c, &t->comment, KG_ON_STRUCT);
    for (size_t i = 0; i < t->members.n; i++)
        check_member(c, t, i);
    for (size_t i = 0; i < t->members.n; i++)
        if (t->members.items[i].kind == KG_KIND_COUNT)
            check_count_placement(c, t, &t->members.items[i]);
    size_t n_fields = 0;
    for (size_t i = 0; i < t->members.n; i++)
        n_fields += kg_is_field(&t->members.items[i]);
    t->n_fields = n_fields;
    if (t->is_entry) {
        check_entry(c, t);
        return;
    }
    if (!t->unknown)
        kg_error(c->d, t->pos, "struct '%s' has no kc_unknown_t member (add 'kc_unknown_t unknown;' so unknown JSON "
                 "fields survive; a map entry has exactly 'char *key' and 'value')",
                 t->c_type);
    if (n_fields > KG_MAX_FIELDS)
        kg_error(c->d, t->pos, "struct '%s' has %zu JSON fields; at most %d fit the presence bits of kc_unknown_t (split it)",
                 t->c_type, n_fields, KG_MAX_FIELDS);
}

static void check_enum(chk_t *c, kg_type_t *t)
{
    resolve_markers(c, &t->comment, KG_ON_ENUM);
}

/* ---- +genclient --------------------------------------------------------- */

static kg_member_t *member_of_type(kg_type_t *t, const char *c_type, bool want_inline)
{
    for (size_t i = 0; i < t->members.n; i++) {
        kg_member_t *mb = &t->members.items[i];
        if (mb->kind == KG_KIND_STRUCT && mb->shape == KG_SHAPE_VALUE && mb->ref &&
            strcmp(mb->ref->c_type, c_type) == 0 && mb->is_inline == want_inline)
            return mb;
    }
    return NULL;
}

/* The metadata members the runtime reaches through kc_resource_t offsets. */
static void check_meta_member(chk_t *c, kg_pos_t at, const char *c_type, const char *json, kg_kind_t kind,
                              kg_shape_t shape)
{
    kg_type_t *t = kg_find_type(c->m, c_type);
    if (!t || (t->pkg && t->pkg->parse_failed))
        return;
    kg_member_t *mb = kg_find_member_by_json(t, json);
    if (!mb || mb->kind != kind || mb->shape != shape)
        kg_error(c->d, at, "+genclient needs '%s' to have a %s member with JSON name '%s'", c_type,
                 shape == KG_SHAPE_MAP ? "kc_str_entry_t map" : "char *", json);
}

static void check_genclient(chk_t *c, kg_type_t *t)
{
    kg_marker_t *gc = kg_find_marker(&t->comment, KG_M_GENCLIENT);
    if (!gc)
        return;
    kg_member_t *md = find_member(t, "metadata");
    if (!md || !md->ref || strcmp(md->ref->c_type, META_OBJECT_META) != 0 || md->shape != KG_SHAPE_VALUE)
        kg_error(c->d, t->pos, "+genclient type '%s' needs a member '%s metadata;'", t->c_type, META_OBJECT_META);
    if (!member_of_type(t, META_TYPE_META, true))
        kg_error(c->d, t->pos, "+genclient type '%s' needs a member '%s type_meta; // +json:inline'", t->c_type,
                 META_TYPE_META);
    if (!kg_find_type(c->m, META_LIST_META))
        kg_error(c->d, gc->pos, "+genclient needs '%s' (apis/meta/v1) for the list type", META_LIST_META);
    check_meta_member(c, gc->pos, META_OBJECT_META, "name", KG_KIND_STRING, KG_SHAPE_VALUE);
    check_meta_member(c, gc->pos, META_OBJECT_META, "namespace", KG_KIND_STRING, KG_SHAPE_VALUE);
    check_meta_member(c, gc->pos, META_OBJECT_META, "resourceVersion", KG_KIND_STRING, KG_SHAPE_VALUE);
    check_meta_member(c, gc->pos, META_OBJECT_META, "uid", KG_KIND_STRING, KG_SHAPE_VALUE);
    check_meta_member(c, gc->pos, META_OBJECT_META, "labels", KG_KIND_STRUCT, KG_SHAPE_MAP);
    check_meta_member(c, gc->pos, META_LIST_META, "resourceVersion", KG_KIND_STRING, KG_SHAPE_VALUE);
    check_meta_member(c, gc->pos, META_LIST_META, "continue", KG_KIND_STRING, KG_SHAPE_VALUE);

    kg_marker_t *only = kg_find_marker(&t->comment, KG_M_GENCLIENT_ONLY_VERBS);
    kg_marker_t *skip = kg_find_marker(&t->comment, KG_M_GENCLIENT_SKIP_VERBS);
    if (only && skip)
        kg_error(c->d, skip->pos, "'+genclient:onlyVerbs' and '+genclient:skipVerbs' exclude each other");
    kg_marker_t *res = kg_find_marker(&t->comment, KG_M_RESOURCE);
    const char *scope = res ? kg_marker_arg(res, "scope") : NULL;
    bool cluster = has_marker(&t->comment, KG_M_GENCLIENT_NON_NAMESPACED);
    if (scope && (strcmp(scope, "Cluster") == 0) != cluster)
        kg_error(c->d, res->pos, "scope=%s contradicts %s", scope,
                 cluster ? "+genclient:nonNamespaced" : "the missing +genclient:nonNamespaced");
}

/* Markers that only make sense on a +genclient type. */
static void check_resource_markers(chk_t *c, kg_type_t *t)
{
    static const int ids[] = {KG_M_GENCLIENT_NON_NAMESPACED, KG_M_GENCLIENT_NO_STATUS, KG_M_GENCLIENT_ONLY_VERBS,
                              KG_M_GENCLIENT_SKIP_VERBS, KG_M_SUBRESOURCE_STATUS, KG_M_SUBRESOURCE_SCALE,
                              KG_M_RESOURCE, KG_M_PRINTCOLUMN};
    if (has_marker(&t->comment, KG_M_GENCLIENT))
        return;
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        kg_marker_t *mk = kg_find_marker(&t->comment, ids[i]);
        if (mk)
            kg_error(c->d, mk->pos, "marker '+%s' needs '+genclient' on the same type", kg_marker_spec(ids[i])->name);
    }
}

/* ---- C symbol clashes ---------------------------------------------------- */

typedef struct sym {
    const char *name;
    kg_pos_t pos;
    const char *origin; /* the C type it is generated for */
} sym_t;

typedef KG_VEC(sym_t) syms_t;

static void add_sym(chk_t *c, syms_t *s, kg_type_t *t, const char *name)
{
    sym_t *x = KG_PUSH(c->a, *s);
    x->name = name;
    x->pos = t->typedef_pos;
    x->origin = t->c_type;
}

static void struct_syms(chk_t *c, syms_t *s, kg_type_t *t, const char *name)
{
    static const char *const suffixes[] = {"_t", "_desc", "_fields", "_by_name", "_init", "_free",
                                           "_deepcopy", "_equal", "_from_json", "_to_json"};
    for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
        add_sym(c, s, t, kg_printf(c->a, "%s%s", name, suffixes[i]));
}

static void type_syms(chk_t *c, syms_t *s, kg_type_t *t)
{
    if (!t->name)
        return;
    if (t->tkind == KG_TYPE_ENUM) {
        add_sym(c, s, t, t->c_type);
        kg_marker_t *e = kg_find_marker(&t->comment, KG_M_V_ENUM);
        char **values;
        size_t n = e && e->value ? kg_split(c->a, e->value, ';', &values) : 0;
        char *upper = kg_upper(c->a, t->name);
        for (size_t i = 0; i < n; i++)
            add_sym(c, s, t, kg_printf(c->a, "%s_%s", upper, kg_upper_snake(c->a, values[i])));
        return;
    }
    struct_syms(c, s, t, t->name);
    if (has_marker(&t->comment, KG_M_GENCLIENT)) {
        add_sym(c, s, t, kg_printf(c->a, "%s_resource", t->name));
        struct_syms(c, s, t, kg_printf(c->a, "%s_list", t->name));
    }
}

static int cmp_sym(const void *a, const void *b)
{
    const sym_t *x = a, *y = b;
    int r = strcmp(x->name, y->name);
    if (r)
        return r;
    r = strcmp(x->pos.file, y->pos.file);
    if (r)
        return r;
    return x->pos.line < y->pos.line ? -1 : x->pos.line > y->pos.line;
}

static void check_symbols(chk_t *c)
{
    syms_t s = {0};
    for (size_t i = 0; i < c->m->packages.n; i++) {
        kg_package_t *p = c->m->packages.items[i];
        for (size_t j = 0; j < p->types.n; j++)
            type_syms(c, &s, p->types.items[j]);
    }
    if (!s.n)
        return;
    qsort(s.items, s.n, sizeof(sym_t), cmp_sym);
    KG_VEC(const sym_t *) reported = {0}; /* one error per pair of clashing types */
    for (size_t i = 1; i < s.n; i++) {
        if (strcmp(s.items[i].name, s.items[i - 1].name) != 0)
            continue;
        if (strcmp(s.items[i].origin, s.items[i - 1].origin) == 0)
            continue; /* two enum values of one type: check_enum_values reports it */
        bool seen = false;
        for (size_t j = 0; j + 1 < reported.n && !seen; j += 2)
            seen = strcmp(reported.items[j]->origin, s.items[i - 1].origin) == 0 &&
                   strcmp(reported.items[j + 1]->origin, s.items[i].origin) == 0;
        if (seen)
            continue;
        *(const sym_t **)KG_PUSH(c->a, reported) = &s.items[i - 1];
        *(const sym_t **)KG_PUSH(c->a, reported) = &s.items[i];
        kg_error(c->d, s.items[i].pos, "the C symbols generated for '%s' clash with those of '%s' (first: '%s')",
                 s.items[i].origin, s.items[i - 1].origin, s.items[i].name);
        kg_note(c->d, s.items[i - 1].pos, "'%s' is declared here", s.items[i - 1].origin);
    }
}

static void check_enum_values(chk_t *c, kg_type_t *t)
{
    kg_marker_t *e = kg_find_marker(&t->comment, KG_M_V_ENUM);
    if (!e || !e->value || t->tkind != KG_TYPE_ENUM)
        return;
    char **values;
    size_t n = kg_split(c->a, e->value, ';', &values);
    char **macros = kg_alloc(c->a, (n + 1) * sizeof(char *));
    for (size_t i = 0; i < n; i++) {
        macros[i] = kg_upper_snake(c->a, values[i]);
        if (!*macros[i])
            kg_error(c->d, e->pos, "enum value '%s' of '%s' gives no C constant name", values[i], t->c_type);
        for (size_t j = 0; j < i; j++)
            if (*macros[i] && strcmp(macros[j], macros[i]) == 0)
                kg_error(c->d, e->pos, "enum values '%s' and '%s' of '%s' give the same C constant", values[j],
                         values[i], t->c_type);
    }
}

/* ---- driver ----------------------------------------------------------- */

static void check_duplicate_types(chk_t *c)
{
    for (size_t i = 1; i < c->m->index.n; i++) {
        kg_type_t *a = c->m->index.items[i - 1], *b = c->m->index.items[i];
        if (strcmp(a->c_type, b->c_type) == 0) {
            kg_error(c->d, b->typedef_pos, "type '%s' is declared twice", b->c_type);
            kg_note(c->d, a->typedef_pos, "first declared here");
        }
    }
}

void kg_check(kg_model_t *m)
{
    chk_t c = {m, m->arena, m->diags};
    for (size_t i = 0; i < m->packages.n; i++)
        check_package(&c, m->packages.items[i]);
    kg_index_types(m);
    check_duplicate_types(&c);
    mark_entries(m);
    for (size_t i = 0; i < m->packages.n; i++) {
        kg_package_t *p = m->packages.items[i];
        if (p->parse_failed)
            continue;
        for (size_t j = 0; j < p->types.n; j++) {
            kg_type_t *t = p->types.items[j];
            check_type_name(&c, t);
            if (t->tkind == KG_TYPE_STRUCT)
                check_struct(&c, t);
            else
                check_enum(&c, t);
            check_enum_values(&c, t);
        }
    }
    /* whole-type checks need every member resolved (inline members, metadata) */
    for (size_t i = 0; i < m->packages.n; i++) {
        kg_package_t *p = m->packages.items[i];
        if (p->parse_failed)
            continue;
        for (size_t j = 0; j < p->types.n; j++) {
            kg_type_t *t = p->types.items[j];
            if (t->tkind != KG_TYPE_STRUCT)
                continue;
            check_json_clashes(&c, t);
            check_genclient(&c, t);
            check_resource_markers(&c, t);
        }
    }
    check_symbols(&c);
}
