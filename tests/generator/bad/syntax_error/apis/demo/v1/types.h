#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

typedef struct demo_v1_thing {
    char *name
    kc_unknown_t unknown;
} demo_v1_thing_t;
