#ifndef ALPHA_V1_TYPES_H
#define ALPHA_V1_TYPES_H

#include "kc/types.h"

// +kubebuilder:validation:Enum=Red;Green
typedef char *alpha_v1_color_t;

// Shared is used by other packages.
typedef struct alpha_v1_shared {
    char *value;
    alpha_v1_color_t color;
    kc_unknown_t unknown;
} alpha_v1_shared_t;

typedef struct alpha_v1_shared_entry {
    char *key;
    alpha_v1_shared_t value;
} alpha_v1_shared_entry_t;

#endif
