/*
 * model.h - kc-gen's own plain-C model of the API headers.
 *
 * The stages fill it in order, each adding what it is responsible for:
 *   source.c      packages (folders), doc.h markers, comment lines
 *   parse_clang.c types and members as written (libclang stays in that file)
 *   check.c       resolves member types and markers, reports every error
 *   model.c       derives names, kinds, plurals, JSON names, list types, verbs
 * view.c reads the finished model; templates never see it.
 *
 * Everything lives in the model's arena: no stage frees anything.
 */
#ifndef KCGEN_MODEL_H
#define KCGEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "util.h"

#define KG_VEC(T)  \
    struct {       \
        T *items;  \
        size_t n;  \
        size_t cap; \
    }

/* The descriptor contract version kc-gen emits (runtime/kc/types.h's
 * KC_DESCRIPTOR_VERSION; generated headers compare the two with #error). */
#define KG_DESCRIPTOR_VERSION 1

/* A struct has at most this many JSON fields: runtime/kc/types.h's KC_MAX_FIELDS
 * (kc_unknown_t.present has one bit per field, bit 62 for "block-backed", bit 63
 * for "decoded"). */
#define KG_MAX_FIELDS 62

/* ---- comments and markers --------------------------------------------- */

typedef struct kg_marker_arg {
    char *key;
    char *value; /* unquoted */
    kg_pos_t pos; /* of the key */
} kg_marker_arg_t;

typedef struct kg_marker {
    char *text;   /* after the '+': "kubebuilder:printcolumn:name=..." */
    kg_pos_t pos; /* of the '+' */
    /* filled by check.c */
    int id;       /* kg_marker_id_t (markers.h); -1 until resolved or if unknown */
    char *value;  /* the argument after '=' (NULL when none) */
    KG_VEC(kg_marker_arg_t) args; /* key=value arguments (+kubebuilder:printcolumn:...) */
} kg_marker_t;

typedef struct kg_comment {
    KG_VEC(char *) doc;            /* documentation lines, "//" and one space removed */
    KG_VEC(kg_marker_t) markers;
} kg_comment_t;

/* ---- members ----------------------------------------------------------- */

/* What a member's type is, as written, with pointers peeled off. */
typedef enum kg_ctype {
    KG_CT_NAMED = 1,  /* a typedef name (type_name) */
    KG_CT_TAG,        /* struct <type_name> */
    KG_CT_BOOL,
    KG_CT_DOUBLE,
    KG_CT_CHAR,
    KG_CT_SIGNED,     /* int, long, short, signed char */
    KG_CT_UNSIGNED,
    KG_CT_FLOAT,      /* float, long double */
    KG_CT_ENUM,
    KG_CT_ARRAY,
    KG_CT_UNION,
    KG_CT_FUNCTION,
    KG_CT_ANON_STRUCT,
    KG_CT_VOID,
    KG_CT_OTHER
} kg_ctype_t;

/* What the runtime engine sees (kc_kind_t), plus the two member roles that
 * are not JSON fields. */
typedef enum kg_kind {
    KG_KIND_NONE = 0,
    KG_KIND_STRING,
    KG_KIND_BOOL,
    KG_KIND_INT32,
    KG_KIND_INT64,
    KG_KIND_DOUBLE,
    KG_KIND_TIME,
    KG_KIND_MICRO_TIME,
    KG_KIND_QUANTITY,
    KG_KIND_INT_OR_STRING,
    KG_KIND_JSON,
    KG_KIND_STRUCT,
    KG_KIND_UNKNOWN, /* kc_unknown_t: not a field */
    KG_KIND_COUNT    /* size_t n_x: not a field, belongs to the list after it */
} kg_kind_t;

typedef enum kg_shape {
    KG_SHAPE_VALUE = 0,
    KG_SHAPE_PTR,
    KG_SHAPE_LIST,
    KG_SHAPE_MAP
} kg_shape_t;

struct kg_type;

typedef struct kg_member {
    char *c_name;
    kg_pos_t pos;           /* of the member's name */
    kg_comment_t comment;   /* lines above + the trailing comment */

    /* as written (parse_clang.c) */
    kg_ctype_t ctype;
    kg_ctype_t canon;       /* KG_CT_NAMED: what the typedef stands for */
    char *type_name;        /* KG_CT_NAMED / KG_CT_TAG: the name */
    char *spelling;         /* the whole type as clang spells it, for messages */
    unsigned ptr_depth;
    bool qualified;         /* const or volatile somewhere */
    bool bitfield;

    /* resolved (check.c) */
    kg_kind_t kind;
    kg_shape_t shape;
    struct kg_type *ref;        /* KG_KIND_STRUCT: the (element / entry) type;
                                   KG_KIND_STRING: the enum typedef, if used */
    struct kg_member *count;    /* LIST / MAP: the size_t member before it */
    struct kg_member *array;    /* KG_KIND_COUNT: the list it counts */
    bool is_inline;             /* +json:inline */
    bool required;              /* +required */
    char *json_name;            /* "" for inline members */
    kg_pos_t json_pos;          /* where the JSON name came from (+json marker or member) */
    int field_index;            /* index in the descriptor's fields, -1 for non-fields */
} kg_member_t;

/* ---- types ------------------------------------------------------------- */

typedef enum kg_type_kind {
    KG_TYPE_STRUCT = 1, /* typedef struct x {...} x_t; */
    KG_TYPE_ENUM,       /* typedef char *x_t; (string enum) */
    KG_TYPE_LIST        /* generated x_list_t of a +genclient type */
} kg_type_kind_t;

/* printer columns (+kubebuilder:printcolumn) */
typedef struct kg_column {
    char *name, *type, *json_path, *description, *format, *priority;
} kg_column_t;

/* The REST identity of a +genclient type (kc_resource_t). */
typedef struct kg_resource {
    char *group;
    char *version;
    char *kind;
    char *list_kind;
    char *plural;
    char *singular;
    bool namespaced;
    bool has_status;
    bool has_scale;
    unsigned verbs;             /* 1 << kg_verb index (markers.h), = KC_VERB_* */
    KG_VEC(char *) short_names;
    KG_VEC(char *) categories;
    KG_VEC(kg_column_t) columns;
    char *scale_spec_path, *scale_status_path, *scale_selector_path;
    bool storage_version;
    /* member paths for offsetof(): "metadata.name" ... */
    char *name_path, *namespace_path, *resource_version_path, *uid_path;
    char *labels_path, *labels_count_path;
    char *list_items_path, *list_items_count_path;
    char *list_resource_version_path, *list_continue_path;
} kg_resource_t;

struct kg_package;

typedef struct kg_type {
    kg_type_kind_t tkind;
    char *name;           /* "mindxdl_v1_ascend_job": the tag, the typedef minus _t */
    char *c_type;         /* "mindxdl_v1_ascend_job_t" */
    char *tag;            /* struct tag as written (KG_TYPE_STRUCT) */
    kg_pos_t pos;         /* the struct tag (or the typedef name for enums) */
    kg_pos_t typedef_pos; /* the typedef's name */
    kg_comment_t comment;
    KG_VEC(kg_member_t) members;
    struct kg_package *pkg; /* NULL for the runtime's own types */

    bool is_entry;        /* a map entry: {char *key; value} */
    bool runtime;         /* declared by the runtime (kc_str_entry_t ...) */

    /* derived (model.c) */
    char *short_name;     /* "ascend_job" */
    char *kind;           /* "AscendJob" */
    char *desc;           /* "mindxdl_v1_ascend_job_desc" */
    KG_VEC(char *) enum_values;
    kg_member_t *unknown; /* the kc_unknown_t member */
    size_t n_fields;
    bool deepcopy;        /* emit the deepcopy wrapper */
    kg_resource_t *resource; /* +genclient */
    struct kg_type *list;    /* the generated list type of a +genclient type */
    struct kg_type *item;    /* KG_TYPE_LIST: the object type */
} kg_type_t;

typedef struct kg_package {
    char *rel_dir;        /* "mindxdl/v1" */
    char *dir;            /* "mindxdl" */
    char *version;        /* "v1" */
    char *types_file;     /* "apis/mindxdl/v1/types.h": as given on the command line */
    char *doc_file;
    char *source_name;    /* "apis/mindxdl/v1/types.h" with APIS_DIR's last component only */
    bool has_types;
    bool has_doc;
    bool parse_failed;    /* clang reported errors: check and model skip it */
    kg_comment_t doc;     /* doc.h: doc lines and package markers */

    /* resolved (check.c / model.c) */
    char *group;          /* "" = core */
    bool has_group;
    kg_pos_t group_pos;
    char *prefix;         /* "mindxdl_v1" */
    KG_VEC(kg_type_t *) types; /* declaration order; generated list types last */
    KG_VEC(struct kg_package *) deps; /* packages whose types it uses, sorted */
} kg_package_t;

typedef struct kg_model {
    kg_arena_t *arena;
    kg_diags_t *diags;
    char *apis_dir;       /* as given, without trailing slashes */
    char *apis_name;      /* its last path component ("apis") */
    KG_VEC(kg_package_t *) packages; /* sorted by rel_dir */
    KG_VEC(kg_type_t *) runtime_types; /* kc_str_entry_t, kc_quantity_entry_t */
    KG_VEC(kg_type_t *) index;  /* every type by c_type, for kg_find_type (check.c) */
} kg_model_t;

/* ---- stages ------------------------------------------------------------ */

/* source.c: finds apis/<dir>/<version>/ folders, reads doc.h markers. */
int kg_load_packages(kg_model_t *m, const char *apis_dir);

/* parse_clang.c: parses each package's types.h with libclang. */
void kg_parse(kg_model_t *m, const char *const *include_dirs, size_t n_include_dirs);

/* check.c: resolves markers and member types; reports every error. */
void kg_check(kg_model_t *m);

/* model.c: derived names and the generated list types (after a clean check). */
void kg_model_derive(kg_model_t *m);

kg_model_t *kg_model_new(kg_diags_t *diags);
void kg_model_free(kg_model_t *m);

/* Lookups shared by check.c, model.c and view.c. */
kg_type_t *kg_find_type(const kg_model_t *m, const char *c_type);
kg_type_t *kg_find_type_by_tag(const kg_model_t *m, const char *tag);
void kg_index_types(kg_model_t *m);
kg_marker_t *kg_find_marker(const kg_comment_t *c, int id);
kg_member_t *kg_find_member_by_json(kg_type_t *t, const char *json_name);
bool kg_is_field(const kg_member_t *mb);

#endif
