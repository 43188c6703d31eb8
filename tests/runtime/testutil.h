/* testutil.h - the runtime tests' tiny harness: checks, a counting and
 * failing allocator, fixture loading. */
#ifndef KC_TESTUTIL_H
#define KC_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "kc/types.h"

extern int tu_checks_failed; /* in the running test */

#define CHECK(cond)                                                                    \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            tu_checks_failed++;                                                        \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);   \
        }                                                                              \
    } while (0)

#define CHECK_INT(a, b)                                                                \
    do {                                                                               \
        long long a_ = (long long)(a), b_ = (long long)(b);                            \
        if (a_ != b_) {                                                                \
            tu_checks_failed++;                                                        \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__,  \
                    #a, a_, b_);                                                       \
        }                                                                              \
    } while (0)

#define CHECK_STR(a, b)                                                                \
    do {                                                                               \
        const char *a_ = (a), *b_ = (b);                                               \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                       \
            tu_checks_failed++;                                                        \
            fprintf(stderr, "%s:%d: %s ==\n  \"%s\"\nexpected\n  \"%s\"\n", __FILE__,    \
                    __LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)");             \
        }                                                                              \
    } while (0)

typedef void (*tu_fn)(void);
struct tu_case {
    const char *name;
    tu_fn fn;
};
/* Runs each test (only $TU_ONLY if set), checks it leaked nothing, prints a
 * line per failing test and the final "N passed, N failed" line; returns the
 * process exit status. */
int tu_run(const char *suite, const struct tu_case *cases, size_t n);
#define TU_CASE(fn) {#fn, fn}
#define TU_MAIN(suite, ...)                                                            \
    int main(void)                                                                     \
    {                                                                                  \
        static const struct tu_case cases[] = {__VA_ARGS__};                           \
        return tu_run(suite, cases, sizeof(cases) / sizeof(cases[0]));                 \
    }

/* The counting allocator, installed by tu_run: live blocks are counted, and
 * with tu_fail_at = N the N-th allocation from now on fails (0 = never). */
extern long tu_live;         /* blocks currently allocated */
extern long tu_alloc_count;  /* allocations since tu_fail_reset() */
extern long tu_fail_at;
void tu_fail_reset(long fail_at);

/* Whole file into a NUL-terminated malloc'd buffer (not kc_malloc), or NULL. */
char *tu_read_file(const char *path, size_t *len);
/* A testdata file: KC_TESTDATA_DIR/<rel>. */
char *tu_read_testdata(const char *rel, size_t *len);

/* Decodes `in` as t, encodes it back and checks the result is `want` byte
 * for byte (want NULL: the input itself). */
void tu_roundtrip_exact(const kc_type_t *t, const char *in, const char *want);

/* Semantic JSON equality of two texts (cJSON_Compare, member order ignored). */
bool tu_json_same(const char *a, const char *b);

/* A deterministic PRNG. */
unsigned tu_rand(void);
void tu_srand(unsigned seed);

/* Fills the zeroed struct obj of type t at random (every kind and shape,
 * unknown text, presence bits), all kc_malloc'd: release with
 * kc_object_free.  Deterministic under tu_srand(). */
void tu_fill_random(const kc_type_t *t, void *obj, int depth);

#endif
