#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

typedef struct other {
    char *x;
} other_t;

typedef struct demo_v1_thing {
    kc_type_t *desc;
    kc_unknown_t unknown;
} demo_v1_thing_t;
