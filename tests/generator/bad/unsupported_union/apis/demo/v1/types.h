#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kc/types.h"

typedef struct demo_v1_thing {
    union {
        int32_t i;
        char *s;
    } value;
    struct {
        char *a;
    } nested;
    void (*callback)(void);
    kc_unknown_t unknown;
} demo_v1_thing_t;

union demo_v1_either {
    int32_t a;
    double b;
};
