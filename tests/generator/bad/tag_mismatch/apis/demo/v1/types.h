#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

typedef struct demo_v1_thing {
    kc_unknown_t unknown;
} demo_v1_other_t;

typedef struct demo_v1_plain {
    kc_unknown_t unknown;
} demo_v1_plain;

struct demo_v1_loose {
    char *x;
};
