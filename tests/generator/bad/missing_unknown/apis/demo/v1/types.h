#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

// Thing forgot its kc_unknown_t.
typedef struct demo_v1_thing {
    char *name;
} demo_v1_thing_t;
