#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

typedef struct demo_v1_child {
    char *name;
    kc_unknown_t unknown;
} demo_v1_child_t;

typedef struct demo_v1_thing {
    demo_v1_child_t **children;
    size_t n_more;
    demo_v1_child_t **more;
    const char *label;
    kc_unknown_t unknown;
} demo_v1_thing_t;
