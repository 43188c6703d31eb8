#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

typedef struct demo_v1_item {
    char *name;
    kc_unknown_t unknown;
} demo_v1_item_t;

typedef struct demo_v1_thing {
    size_t n_items;
    demo_v1_item_t *items; // +kc:map
    size_t n_names;
    char **names; // +kc:map
    size_t n_labels;
    kc_str_entry_t *labels;
    kc_unknown_t unknown;
} demo_v1_thing_t;
