#include "kc/types.h"

typedef struct meta_v1_type_meta {
    char *kind;
    char *api_version;
    kc_unknown_t unknown;
} meta_v1_type_meta_t;

typedef struct meta_v1_list_meta {
    char *resource_version;
    char *continue_; // +json=continue
    kc_unknown_t unknown;
} meta_v1_list_meta_t;

typedef struct meta_v1_object_meta {
    char *name;
    char *namespace;
    char *uid;
    char *resource_version;
    size_t n_labels;
    kc_str_entry_t *labels; // +kc:map
    kc_unknown_t unknown;
} meta_v1_object_meta_t;
