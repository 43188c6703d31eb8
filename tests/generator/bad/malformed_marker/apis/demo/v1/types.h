#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

// +genclient:onlyVerbs=create,gte
// +kc:kind=lowercase
typedef struct demo_v1_thing {
    // +kubebuilder:validation:MinLength=abc
    char *name;
    int32_t count; // +kubebuilder:validation:Maximum=ten
    // +listType=sets
    size_t n_tags;
    char **tags;
    char *flag; // +optional=yes
    char *ref; // +json
    kc_unknown_t unknown;
} demo_v1_thing_t;
