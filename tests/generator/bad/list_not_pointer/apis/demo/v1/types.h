#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

typedef struct demo_v1_thing {
    size_t n_names;
    char *names;
    size_t n_ids;
    int32_t ids;
    kc_unknown_t unknown;
} demo_v1_thing_t;
