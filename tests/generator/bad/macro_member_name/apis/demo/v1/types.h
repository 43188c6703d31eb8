#include <stdbool.h>

#include "kc/types.h"

typedef struct demo_v1_container {
    bool stdin;
    bool stdin_once;
    char *unix;
    kc_unknown_t unknown;
} demo_v1_container_t;
