/*
 * Deepcopy, shared clone and equal on randomly filled objects of every
 * generated type reachable from the known kinds: copy, compare, free the
 * original, compare the copy with a second copy and with the shared clone,
 * and check that a one-bit change is noticed.  Encodings of original, copy
 * and clone must be byte-identical.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fill.h"
#include "kc/shared.h"
#include "known_kinds.h"

#define ITERATIONS 40
#define MAX_TYPES 512

static const kc_type_t *types[MAX_TYPES];
static size_t n_types;
static int passed, failed;

static void collect(const kc_type_t *t)
{
    for (size_t i = 0; i < n_types; i++)
        if (types[i] == t)
            return;
    if (n_types == MAX_TYPES)
        return;
    types[n_types++] = t;
    for (uint32_t i = 0; i < t->n_fields; i++)
        if (t->fields[i].type)
            collect(t->fields[i].type);
}

static void check(bool ok, const kc_type_t *t, int iter, const char *what)
{
    if (ok) {
        passed++;
        return;
    }
    failed++;
    fprintf(stderr, "FAIL %s iteration %d: %s\n", t->name, iter, what);
}

static void one(const kc_type_t *t, int iter)
{
    fill_rng_t rng = {(uint64_t)iter * 7919u + (uint64_t)(uintptr_t)t->size};
    void *a = calloc(1, t->size), *b = calloc(1, t->size), *c = calloc(1, t->size);
    char *ea = NULL, *eb = NULL, *es = NULL;
    size_t la = 0, lb = 0, ls = 0;
    const void *s = NULL;

    check(fill_random(&rng, t, a, 0) == 0, t, iter, "fill");
    check(kc_object_deepcopy(t, b, a) == 0, t, iter, "deepcopy b");
    check(kc_object_deepcopy(t, c, a) == 0, t, iter, "deepcopy c");
    check(kc_object_equal(t, a, b), t, iter, "copy equals original");
    int ra = kc_json_encode(t, a, &ea, &la, NULL), rb = kc_json_encode(t, b, &eb, &lb, NULL);
    check(ra == 0 && rb == 0 && la == lb && memcmp(ea, eb, la) == 0, t, iter,
          "encodings of original and copy are identical");
    check(kc_shared_clone(t, a, &s) == 0, t, iter, "shared clone");
    check(s && kc_object_equal(t, s, a), t, iter, "shared clone equals original");
    check(s && kc_json_encode(t, s, &es, &ls, NULL) == 0 && ls == la && memcmp(ea, es, la) == 0,
          t, iter, "encodings of original and shared clone are identical");
    kc_object_free(t, a); /* the copies must not share anything with it */
    check(kc_object_equal(t, b, c), t, iter, "copies equal after the original is freed");
    check(s && kc_object_equal(t, s, b), t, iter, "clone equals copy after the original is freed");
    kc_shared_unref(s);
    if (t->unknown_offset >= 0) {
        ((kc_unknown_t *)((char *)b + t->unknown_offset))->present ^= 1;
        check(!kc_object_equal(t, b, c), t, iter, "a changed presence bit is noticed");
    }
    kc_object_free(t, b);
    kc_object_free(t, c);
    kc_object_free(t, b); /* freeing a freed (zeroed) struct again is a no-op */
    kc_object_free(t, NULL);
    kc_free(ea);
    kc_free(eb);
    kc_free(es);
    free(a);
    free(b);
    free(c);
}

int main(void)
{
    for (size_t i = 0; i < sizeof known_kinds / sizeof known_kinds[0]; i++)
        collect(known_kinds[i].type);
    for (size_t i = 0; i < n_types; i++)
        for (int iter = 0; iter < ITERATIONS; iter++)
            one(types[i], iter);
    printf("%zu types, %d iterations each\n", n_types, ITERATIONS);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
