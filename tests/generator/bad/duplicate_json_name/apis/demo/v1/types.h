#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

typedef struct demo_v1_base {
    char *kind;
    kc_unknown_t unknown;
} demo_v1_base_t;

typedef struct demo_v1_thing {
    demo_v1_base_t base; // +json:inline
    char *kind;
    char *host_ip;
    char *host_i_p; // +json=hostIp
    kc_unknown_t unknown;
} demo_v1_thing_t;
