#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

#include "meta/v1/types.h"

// +genclient
typedef struct demo_v1_thing {
    meta_v1_type_meta_t type_meta; // +json:inline
    meta_v1_object_meta_t metadata;
    kc_unknown_t unknown;
} demo_v1_thing_t;

typedef struct demo_v1_thing_list {
    kc_unknown_t unknown;
} demo_v1_thing_list_t;

// +kubebuilder:validation:Enum=on-off;On_Off
typedef char *demo_v1_switch_t;
