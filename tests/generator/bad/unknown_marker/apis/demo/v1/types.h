#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

// +genclinet
typedef struct demo_v1_thing {
    char *name; // +optinal
    // +kubebuilder:validation:MinLenght=1
    char *title;
    kc_unknown_t unknown;
} demo_v1_thing_t;
