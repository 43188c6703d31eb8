/* test_object.c - kc_object_init/free/deepcopy/equal on randomly filled objects. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kc/alloc.h"
#include "kc/object.h"
#include "testtypes.h"
#include "testutil.h"

/* ---- a descriptor-driven random filler (test side, kc_malloc'd) -------- */

static char *rand_string(void)
{
    static const char *const words[] = {"", "a", "ascend", "huawei.com/Ascend910",
                                        "with \"quotes\" and \\ and \n", "\xc3\xa9t\xc3\xa9"};
    return kc_strdup(words[tu_rand() % (sizeof(words) / sizeof(words[0]))]);
}

static void fill_struct(const kc_type_t *t, void *obj, int depth);

static void fill_elem(unsigned kind, const kc_type_t *type, void *p, int depth)
{
    switch (kind) {
    case KC_KIND_STRING: *(char **)p = tu_rand() % 5 ? rand_string() : NULL; break;
    case KC_KIND_BOOL: *(bool *)p = tu_rand() & 1; break;
    case KC_KIND_INT32: *(int32_t *)p = (int32_t)tu_rand(); break;
    case KC_KIND_INT64: *(int64_t *)p = (int64_t)(((uint64_t)tu_rand() << 32) ^ tu_rand()); break;
    case KC_KIND_DOUBLE: *(double *)p = (double)(int32_t)tu_rand() / 7.0; break;
    case KC_KIND_TIME:
    case KC_KIND_MICRO_TIME: {
        kc_time_t *t = p;
        t->sec = tu_rand() % 4000000000u;
        t->nsec = kind == KC_KIND_MICRO_TIME ? (int32_t)(tu_rand() % 1000000) * 1000 : 0;
        break;
    }
    case KC_KIND_QUANTITY: {
        kc_quantity_t *q = p;
        q->number = tu_rand() & 1;
        q->str = kc_strdup(q->number ? "1.5" : "500m");
        break;
    }
    case KC_KIND_INT_OR_STRING: {
        kc_int_or_string_t *v = p;
        v->type = tu_rand() & 1 ? KC_INT_OR_STRING_STRING : KC_INT_OR_STRING_INT;
        if (v->type == KC_INT_OR_STRING_STRING)
            v->str_val = rand_string();
        else
            v->int_val = (int32_t)tu_rand();
        break;
    }
    case KC_KIND_JSON: ((kc_json_t *)p)->text = kc_strdup("{\"a\":[1,2,{\"b\":null}]}"); break;
    case KC_KIND_STRUCT: fill_struct(type, p, depth + 1); break;
    }
}

static void fill_struct(const kc_type_t *t, void *obj, int depth)
{
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const kc_field_t *f = &t->fields[i];
        if (tu_rand() % 4 == 0 || depth > 5)
            continue;
        void *p = (char *)obj + f->offset;
        switch (f->shape) {
        case KC_SHAPE_VALUE: fill_elem(f->kind, f->type, p, depth); break;
        case KC_SHAPE_PTR: {
            size_t es = f->kind == KC_KIND_STRUCT ? f->type->size : 64;
            void *q = kc_calloc(1, es);
            fill_elem(f->kind, f->type, q, depth);
            *(void **)p = q;
            break;
        }
        default: {
            const kc_type_t *et = f->shape == KC_SHAPE_MAP ? f->type : f->type;
            unsigned kind = f->shape == KC_SHAPE_MAP ? KC_KIND_STRUCT : f->kind;
            size_t es = kind == KC_KIND_STRUCT ? et->size : kind == KC_KIND_BOOL ? sizeof(bool)
                        : kind == KC_KIND_INT32 ? 4
                        : kind == KC_KIND_STRING ? sizeof(char *)
                        : kind == KC_KIND_INT64 || kind == KC_KIND_DOUBLE ? 8
                        : kind == KC_KIND_TIME || kind == KC_KIND_MICRO_TIME ? sizeof(kc_time_t)
                        : kind == KC_KIND_QUANTITY ? sizeof(kc_quantity_t)
                        : kind == KC_KIND_INT_OR_STRING ? sizeof(kc_int_or_string_t)
                                                        : sizeof(kc_json_t);
            size_t n = tu_rand() % 4;
            char *a = n ? kc_calloc(n, es) : NULL;
            for (size_t k = 0; k < n; k++) {
                fill_elem(kind, et, a + k * es, depth);
                if (f->shape == KC_SHAPE_MAP) { /* unique keys */
                    char **key = (char **)(a + k * es + et->fields[0].offset);
                    kc_free(*key);
                    *key = kc_malloc(8);
                    snprintf(*key, 8, "k%zu", k);
                }
            }
            *(void **)p = a;
            *(size_t *)((char *)obj + f->count_offset) = n;
        }
        }
    }
    if (t->unknown_offset >= 0) {
        kc_unknown_t *u = (kc_unknown_t *)((char *)obj + t->unknown_offset);
        if (tu_rand() % 3 == 0)
            u->text = kc_strdup("\"extra\":{\"x\":[1,\"y\"]},\"n\":null");
        u->present = tu_rand() % 2 ? (uint64_t)tu_rand() << 3 : 0;
        if (tu_rand() % 4 == 0)
            u->present |= KC_UNKNOWN_DECODED;
    }
}

/* ---- tests --------------------------------------------------------------- */

static void test_init_and_free_of_zero(void)
{
    t_job_t j;
    memset(&j, 0x77, sizeof(j));
    kc_object_init(&t_job_desc, &j);
    static const t_job_t zero;
    CHECK(memcmp(&j, &zero, sizeof(j)) == 0);
    kc_object_free(&t_job_desc, &j);
    kc_object_free(&t_job_desc, NULL);
    kc_object_free(NULL, &j);
    kc_object_init(NULL, &j);
    CHECK(memcmp(&j, &zero, sizeof(j)) == 0);
}

static void test_random_deepcopy_equal(void)
{
    const kc_type_t *types[] = {&t_zoo_desc, &t_job_desc, &t_job_list_desc};
    for (unsigned seed = 1; seed <= 300; seed++) {
        tu_srand(seed);
        const kc_type_t *t = types[seed % 3];
        char orig[2048], copy1[2048], copy2[2048];
        kc_object_init(t, orig);
        fill_struct(t, orig, 0);
        CHECK_INT(kc_object_deepcopy(t, copy1, orig), 0);
        CHECK(kc_object_equal(t, copy1, orig));
        CHECK_INT(kc_object_deepcopy(t, copy2, copy1), 0);
        /* JSON of the copy equals JSON of the original */
        char *a = NULL, *b = NULL;
        CHECK_INT(kc_json_encode(t, orig, &a, NULL, NULL), 0);
        CHECK_INT(kc_json_encode(t, copy1, &b, NULL, NULL), 0);
        CHECK_STR(a, b);
        kc_free(a);
        kc_free(b);
        /* freeing the original leaves the copies intact */
        kc_object_free(t, orig);
        CHECK(kc_object_equal(t, copy1, copy2));
        kc_object_free(t, copy1);
        kc_object_free(t, copy2);
    }
}

static void test_equal_sees_every_difference(void)
{
    t_zoo_t a, b;
    tu_srand(42);
    kc_object_init(&t_zoo_desc, &a);
    fill_struct(&t_zoo_desc, &a, 0);
    a.s = a.s ? a.s : kc_strdup("x");
    CHECK_INT(kc_object_deepcopy(&t_zoo_desc, &b, &a), 0);
    CHECK(kc_object_equal(&t_zoo_desc, &a, &b));
    CHECK(kc_object_equal(&t_zoo_desc, &a, &a));

    b.unknown.present ^= 1;
    CHECK(!kc_object_equal(&t_zoo_desc, &a, &b));
    b.unknown.present ^= 1;
    b.unknown.present ^= KC_UNKNOWN_DECODED;
    CHECK(!kc_object_equal(&t_zoo_desc, &a, &b));
    b.unknown.present ^= KC_UNKNOWN_DECODED;

    char *saved = b.s;
    b.s = NULL;
    CHECK(!kc_object_equal(&t_zoo_desc, &a, &b));
    b.s = saved;

    b.i64++;
    CHECK(!kc_object_equal(&t_zoo_desc, &a, &b));
    b.i64--;
    b.t.nsec++;
    CHECK(!kc_object_equal(&t_zoo_desc, &a, &b));
    b.t.nsec--;
    b.req_st.value = kc_strdup("different");
    kc_free(a.req_st.value);
    a.req_st.value = kc_strdup("other");
    CHECK(!kc_object_equal(&t_zoo_desc, &a, &b));
    kc_free(a.req_st.value);
    a.req_st.value = kc_strdup("different");
    CHECK(kc_object_equal(&t_zoo_desc, &a, &b));

    /* "" and NULL unknown text are the same (no unknown members) */
    kc_free(a.unknown.text);
    kc_free(b.unknown.text);
    a.unknown.text = NULL;
    b.unknown.text = kc_strdup("");
    CHECK(kc_object_equal(&t_zoo_desc, &a, &b));
    /* but "" and NULL strings are not */
    kc_free(a.req_s);
    kc_free(b.req_s);
    a.req_s = NULL;
    b.req_s = kc_strdup("");
    CHECK(!kc_object_equal(&t_zoo_desc, &a, &b));
    /* NaN equals NaN (so a copy equals its original) */
    a.d = b.d = strtod("nan", NULL);
    kc_free(b.req_s);
    b.req_s = NULL;
    CHECK(kc_object_equal(&t_zoo_desc, &a, &b));
    kc_object_free(&t_zoo_desc, &a);
    kc_object_free(&t_zoo_desc, &b);
}

/* Fail the N-th allocation of a deepcopy for every N: KC_ENOMEM, the copy
 * left zeroed, nothing leaked. */
static void test_deepcopy_allocation_failures(void)
{
    for (unsigned seed = 1; seed <= 20; seed++) {
        tu_srand(seed);
        const kc_type_t *t = seed & 1 ? &t_job_desc : &t_zoo_desc;
        char orig[2048], copy[2048];
        kc_object_init(t, orig);
        fill_struct(t, orig, 0);
        for (long n = 1;; n++) {
            memset(copy, 0x33, sizeof(copy));
            long live = tu_live;
            tu_fail_reset(n);
            int rc = kc_object_deepcopy(t, copy, orig);
            tu_fail_reset(0);
            if (rc == 0) {
                CHECK(kc_object_equal(t, copy, orig));
                kc_object_free(t, copy);
                break;
            }
            CHECK_INT(rc, KC_ENOMEM);
            CHECK_INT(tu_live, live);
            static const char zero[2048];
            CHECK(memcmp(copy, zero, t->size) == 0);
            if (n > 100000)
                break;
        }
        kc_object_free(t, orig);
    }
}

static void test_deepcopy_bad_arguments(void)
{
    t_job_t j;
    kc_object_init(&t_job_desc, &j);
    CHECK_INT(kc_object_deepcopy(NULL, &j, &j), KC_EINVAL);
    CHECK_INT(kc_object_deepcopy(&t_job_desc, NULL, &j), KC_EINVAL);
    CHECK_INT(kc_object_deepcopy(&t_job_desc, &j, NULL), KC_EINVAL);
    CHECK(kc_object_equal(&t_job_desc, NULL, NULL));
    CHECK(!kc_object_equal(&t_job_desc, &j, NULL));
}

TU_MAIN("runtime_object", TU_CASE(test_init_and_free_of_zero), TU_CASE(test_random_deepcopy_equal),
        TU_CASE(test_equal_sees_every_difference), TU_CASE(test_deepcopy_allocation_failures),
        TU_CASE(test_deepcopy_bad_arguments))
