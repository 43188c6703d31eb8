#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

typedef struct demo_v1_three_entry {
    char *key;
    char *value;
    char *extra;
} demo_v1_three_entry_t;

typedef struct demo_v1_int_key_entry {
    int32_t key;
    char *value;
} demo_v1_int_key_entry_t;

typedef struct demo_v1_thing {
    size_t n_a;
    demo_v1_three_entry_t *a; // +kc:map
    size_t n_b;
    demo_v1_int_key_entry_t *b; // +kc:map
    kc_unknown_t unknown;
} demo_v1_thing_t;
