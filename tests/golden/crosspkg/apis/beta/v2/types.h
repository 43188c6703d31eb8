#ifndef BETA_V2_TYPES_H
#define BETA_V2_TYPES_H

#include <stddef.h>

#include "alpha/v1/types.h"
#include "kc/types.h"

// User refers to alpha/v1 in every member form.
typedef struct beta_v2_user {
    alpha_v1_shared_t shared;
    alpha_v1_shared_t *maybe;
    size_t n_many;
    alpha_v1_shared_t *many;
    size_t n_by_key;
    alpha_v1_shared_entry_t *by_key; // +kc:map
    alpha_v1_color_t color;
    kc_unknown_t unknown;
} beta_v2_user_t;

#endif
