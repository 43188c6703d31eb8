#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

typedef struct thing {
    kc_unknown_t unknown;
} thing_t;

typedef struct demo_v1 {
    kc_unknown_t unknown;
} demo_v1_t;

typedef struct demo_v1_CamelCase {
    kc_unknown_t unknown;
} demo_v1_CamelCase_t;
