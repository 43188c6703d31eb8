/*
 * fuzz_json_decode - kc_json_decode on arbitrary bytes, and the engine's
 * contract on whatever it accepts.
 *
 * The first input byte picks the type (a job with every shape of member, its
 * list, or the "zoo" of every kind in every shape; hand-written descriptors
 * from tests/runtime/testtypes.c); the rest is the JSON text.  Checked:
 *   - failure: a KC_E* code equal to err.code, a message, *out left zeroed;
 *   - success: deepcopy is equal; encode succeeds; the encoding decodes again
 *     and encodes to the same bytes (idempotent round trip); a shared clone
 *     and kc_shared_decode of the input are equal and encode the same.
 * Crash inputs are kept in tests/runtime/fuzz-regress/fuzz_json_decode/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kc/alloc.h"
#include "kc/object.h"
#include "kc/shared.h"
#include "../runtime/testtypes.h"
#ifndef KC_FUZZ_NO_TYPES /* tests/runtime/test_fuzz_regress.c links them itself */
#include "../runtime/testtypes.c"
#endif

#define FJD_ASSERT(c) \
    do {              \
        if (!(c))     \
            abort();  \
    } while (0)

static const kc_type_t *fjd_pick(uint8_t b)
{
    switch (b % 3) {
    case 0: return &t_job_desc;
    case 1: return &t_job_list_desc;
    default: return &t_zoo_desc;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const kc_type_t *t = fjd_pick(data[0]);
    const char *json = (const char *)data + 1;
    size_t len = size - 1;
    static const char zero[4096];
    char obj[4096], copy[4096], again[4096];
    FJD_ASSERT(t->size <= sizeof(obj));
    memset(obj, 0xA5, sizeof(obj));

    kc_error_t err = KC_ERROR_INIT;
    int rc = kc_json_decode(t, obj, json, len, &err);
    if (rc) {
        FJD_ASSERT(rc < 0 && rc == err.code && err.message[0]);
        FJD_ASSERT(memcmp(obj, zero, t->size) == 0);
        kc_error_clear(&err);
        return 0;
    }
    FJD_ASSERT(kc_object_deepcopy(t, copy, obj) == 0);
    FJD_ASSERT(kc_object_equal(t, copy, obj));
    kc_object_free(t, copy);

    char *e1 = NULL, *e2 = NULL;
    size_t n1 = 0, n2 = 0;
    FJD_ASSERT(kc_json_encode(t, obj, &e1, &n1, &err) == 0);
    FJD_ASSERT(strlen(e1) == n1);
    rc = kc_json_decode(t, again, e1, n1, &err);
    FJD_ASSERT(rc == 0);
    FJD_ASSERT(kc_json_encode(t, again, &e2, &n2, &err) == 0);
    FJD_ASSERT(n1 == n2 && memcmp(e1, e2, n1) == 0);
    const void *s1 = NULL, *s2 = NULL;
    char *e3 = NULL;
    size_t n3 = 0;
    FJD_ASSERT(kc_shared_clone(t, obj, &s1) == 0 && kc_object_equal(t, s1, obj));
    FJD_ASSERT(kc_shared_decode(t, json, len, &s2, &err) == 0 && kc_object_equal(t, s2, s1));
    FJD_ASSERT(kc_json_encode(t, s2, &e3, &n3, &err) == 0);
    FJD_ASSERT(n3 == n1 && memcmp(e1, e3, n1) == 0);
    kc_shared_unref(s1);
    kc_shared_unref(s2);
    kc_free(e3);
    kc_free(e1);
    kc_free(e2);
    kc_object_free(t, again);
    kc_object_free(t, obj);
    return 0;
}
