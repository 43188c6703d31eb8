#ifndef META_V1_TYPES_H
#define META_V1_TYPES_H

#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

// TypeMeta describes an individual object.
typedef struct meta_v1_type_meta {
    char *kind;
    char *api_version;
    kc_unknown_t unknown;
} meta_v1_type_meta_t;

// ListMeta describes a list.
typedef struct meta_v1_list_meta {
    char *resource_version;
    // +json=continue
    char *continue_;
    int64_t *remaining_item_count;
    kc_unknown_t unknown;
} meta_v1_list_meta_t;

// ObjectMeta is the metadata of persisted resources.
typedef struct meta_v1_object_meta {
    char *name;
    char *namespace;
    char *uid;
    char *resource_version;
    kc_time_t creation_timestamp;
    size_t n_labels;
    kc_str_entry_t *labels; // +kc:map
    kc_unknown_t unknown;
} meta_v1_object_meta_t;

#endif
