/*
 * markers.h - the one table of markers kc-gen knows: name, where it may
 * appear and the grammar of its argument.  check.c resolves every marker of
 * the input against it; adding a marker is adding a row (and, if it changes
 * the output, reading it in model.c).
 */
#ifndef KCGEN_MARKERS_H
#define KCGEN_MARKERS_H

#include "diag.h"
#include "model.h"

typedef enum kg_marker_id {
    /* doc.h */
    KG_M_GROUP_NAME,
    KG_M_DEEPCOPY_PACKAGE,
    KG_M_PREFIX,
    /* types */
    KG_M_GENCLIENT,
    KG_M_GENCLIENT_NON_NAMESPACED,
    KG_M_GENCLIENT_NO_STATUS,
    KG_M_GENCLIENT_ONLY_VERBS,
    KG_M_GENCLIENT_SKIP_VERBS,
    KG_M_GENCLIENT_METHOD,
    KG_M_DEEPCOPY_TYPE,
    KG_M_DEEPCOPY_INTERFACES,
    KG_M_OBJECT_ROOT,
    KG_M_SUBRESOURCE_STATUS,
    KG_M_SUBRESOURCE_SCALE,
    KG_M_RESOURCE,
    KG_M_PRINTCOLUMN,
    KG_M_STORAGE_VERSION,
    KG_M_KIND,
    KG_M_ENUM,
    /* members */
    KG_M_JSON,
    KG_M_JSON_INLINE,
    KG_M_MAP,
    KG_M_OPTIONAL,
    KG_M_REQUIRED,
    KG_M_V_OPTIONAL,
    KG_M_V_REQUIRED,
    /* schema (members and types) */
    KG_M_V_MINIMUM,
    KG_M_V_MAXIMUM,
    KG_M_V_EXCLUSIVE_MINIMUM,
    KG_M_V_EXCLUSIVE_MAXIMUM,
    KG_M_V_MULTIPLE_OF,
    KG_M_V_MIN_LENGTH,
    KG_M_V_MAX_LENGTH,
    KG_M_V_MIN_ITEMS,
    KG_M_V_MAX_ITEMS,
    KG_M_V_MIN_PROPERTIES,
    KG_M_V_MAX_PROPERTIES,
    KG_M_V_PATTERN,
    KG_M_V_ENUM,
    KG_M_V_FORMAT,
    KG_M_V_TYPE,
    KG_M_V_PRESERVE_UNKNOWN,
    KG_M_PRUNING_PRESERVE_UNKNOWN,
    KG_M_V_EMBEDDED_RESOURCE,
    KG_M_V_NULLABLE,
    KG_M_KB_DEFAULT,
    KG_M_DEFAULT,
    KG_M_LIST_TYPE,
    KG_M_LIST_MAP_KEY,
    KG_M_PATCH_MERGE_KEY,
    KG_M_PATCH_STRATEGY,
    KG_M_MAP_TYPE,
    KG_M_STRUCT_TYPE,
    KG_M__COUNT
} kg_marker_id_t;

/* Where a marker may appear. */
enum {
    KG_ON_PACKAGE = 1u << 0, /* doc.h */
    KG_ON_STRUCT = 1u << 1,  /* above typedef struct */
    KG_ON_ENUM = 1u << 2,    /* above typedef char *x_t */
    KG_ON_MEMBER = 1u << 3
};

/* The grammar of a marker's argument. */
typedef enum kg_arg {
    KG_ARG_NONE,      /* +genclient */
    KG_ARG_STRING,    /* +groupName=  (may be empty) */
    KG_ARG_TEXT,      /* +kubebuilder:default=...  (non-empty) */
    KG_ARG_SNAKE,     /* +kc:prefix=mindxdl_v1 */
    KG_ARG_KIND,      /* +kc:kind=TFJob */
    KG_ARG_JSON_NAME, /* +json=hostIP */
    KG_ARG_INT,       /* +kubebuilder:validation:MinLength=1 */
    KG_ARG_NUMBER,    /* +kubebuilder:validation:Minimum=0.5 */
    KG_ARG_CHOICE,    /* one of `choices` ("a|b|c") */
    KG_ARG_VERBS,     /* comma-separated client verbs */
    KG_ARG_VALUES,    /* a;b;c */
    KG_ARG_KEYS       /* :key=value,key=value with keys from `keys` */
} kg_arg_t;

typedef struct kg_key_spec {
    const char *name;
    bool required;
    kg_arg_t arg;        /* KG_ARG_TEXT, KG_ARG_INT, KG_ARG_CHOICE, KG_ARG_VALUES, KG_ARG_SNAKE */
    const char *choices;
} kg_key_spec_t;

typedef struct kg_marker_spec {
    kg_marker_id_t id;
    const char *name;    /* without '+' */
    unsigned where;      /* KG_ON_* */
    kg_arg_t arg;
    const char *choices; /* KG_ARG_CHOICE */
    const kg_key_spec_t *keys; /* KG_ARG_KEYS, NULL-terminated */
    bool repeatable;
} kg_marker_spec_t;

const kg_marker_spec_t *kg_marker_spec(kg_marker_id_t id);

/* Resolves mk->text against the table for a marker found at `where`:
 * sets mk->id, mk->value, mk->args, or reports an error and leaves id -1. */
void kg_marker_resolve(kg_arena_t *a, kg_diags_t *d, kg_marker_t *mk, unsigned where);

/* The client verbs in kc_verb_t bit order: Go's names and the C macros. */
#define KG_N_VERBS 10
extern const char *const kg_verb_names[KG_N_VERBS];
extern const char *const kg_verb_macros[KG_N_VERBS];
int kg_verb_index(const char *name, size_t len);

/* Value of key `key` in a KG_ARG_KEYS marker, NULL when absent. */
const char *kg_marker_arg(const kg_marker_t *mk, const char *key);

#endif
