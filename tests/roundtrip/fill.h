/* Fills any described struct with random content, for deepcopy/equal tests
 * and benchmarks.  Deterministic for a given seed. */
#ifndef KC_TEST_FILL_H
#define KC_TEST_FILL_H

#include <stdint.h>

#include "kc/types.h"

typedef struct fill_rng {
    uint64_t state;
} fill_rng_t;

/* obj must be zeroed.  Returns 0, or -1 when an allocation failed. */
int fill_random(fill_rng_t *rng, const kc_type_t *t, void *obj, int depth);

#endif
