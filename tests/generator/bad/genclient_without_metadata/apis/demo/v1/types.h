#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

#include "meta/v1/types.h"

// +genclient
typedef struct demo_v1_thing {
    meta_v1_object_meta_t meta;
    kc_unknown_t unknown;
} demo_v1_thing_t;

// +genclient:nonNamespaced
// +kubebuilder:subresource:status
typedef struct demo_v1_other {
    kc_unknown_t unknown;
} demo_v1_other_t;
