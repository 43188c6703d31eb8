/* test_object.c - kc_object_init/free/deepcopy/equal on randomly filled objects. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kc/alloc.h"
#include "kc/object.h"
#include "kc/shared.h"
#include "testtypes.h"
#include "testutil.h"

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
        tu_fill_random(t, orig, 0);
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
    tu_fill_random(&t_zoo_desc, &a, 0);
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
    b.req_st.value = kc_strdup("different"); /* b is a copy: its old value is its block's */
    kc_free(a.req_st.value);
    a.req_st.value = kc_strdup("other");
    CHECK(!kc_object_equal(&t_zoo_desc, &a, &b));
    kc_free(a.req_st.value);
    a.req_st.value = kc_strdup("different");
    CHECK(kc_object_equal(&t_zoo_desc, &a, &b));

    /* "" and NULL unknown text are the same (no unknown members) */
    kc_free(a.unknown.text);
    a.unknown.text = NULL;
    *kc_unknown_text(&b.unknown) = kc_strdup("");
    CHECK(kc_object_equal(&t_zoo_desc, &a, &b));
    /* but "" and NULL strings are not */
    kc_free(a.req_s);
    a.req_s = NULL;
    b.req_s = kc_strdup("");
    CHECK(!kc_object_equal(&t_zoo_desc, &a, &b));
    /* NaN equals NaN (so a copy equals its original) */
    a.d = b.d = strtod("nan", NULL);
    kc_free(b.req_s); /* assigned above: outside the block, the caller's to free */
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
        tu_fill_random(t, orig, 0);
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

/* Block-backed objects (what deepcopy and decode make): a copy of one is a
 * copy of its block; members the caller assigns lie outside the block, are
 * copied the general way and freed by kc_object_free, and the block's own are
 * never freed one by one. */
static void test_block_backed(void)
{
    for (unsigned seed = 1; seed <= 100; seed++) {
        tu_srand(seed);
        t_zoo_t orig, c1, c2, c3;
        kc_object_init(&t_zoo_desc, &orig);
        tu_fill_random(&t_zoo_desc, &orig, 0);
        CHECK_INT(kc_object_deepcopy(&t_zoo_desc, &c1, &orig), 0); /* built */
        CHECK(c1.unknown.present & KC_UNKNOWN_BLOCK);
        CHECK(!(orig.unknown.present & KC_UNKNOWN_BLOCK));
        CHECK_INT(kc_object_deepcopy(&t_zoo_desc, &c2, &c1), 0); /* relocated */
        CHECK(c2.unknown.present & KC_UNKNOWN_BLOCK);
        CHECK(kc_object_equal(&t_zoo_desc, &c2, &orig));
        /* fail the copy of the block: nothing leaks, the copy is empty */
        long live = tu_live;
        tu_fail_reset(1);
        CHECK_INT(kc_object_deepcopy(&t_zoo_desc, &c3, &c1), KC_ENOMEM);
        tu_fail_reset(0);
        CHECK_INT(tu_live, live);
        /* edit c2: new values, the old ones stay in the block */
        c2.s = kc_strdup("assigned");
        *kc_unknown_text(&c2.unknown) = kc_strdup("\"u\":1");
        if (c2.n_ls) {
            char **ls = kc_calloc(c2.n_ls + 1, sizeof(*ls));
            memcpy(ls, c2.ls, c2.n_ls * sizeof(*ls)); /* old strings: the block's */
            ls[c2.n_ls] = kc_strdup("new");
            c2.ls = ls;
            c2.n_ls++;
        }
        CHECK(!kc_object_equal(&t_zoo_desc, &c2, &c1));
        CHECK_INT(kc_object_deepcopy(&t_zoo_desc, &c3, &c2), 0); /* mixed: built */
        CHECK(c3.unknown.present & KC_UNKNOWN_BLOCK);
        CHECK(kc_object_equal(&t_zoo_desc, &c3, &c2));
        CHECK_STR(*kc_unknown_text(&c3.unknown), "\"u\":1");
        kc_object_free(&t_zoo_desc, &c2);
        kc_object_free(&t_zoo_desc, &c1);
        kc_object_free(&t_zoo_desc, &orig);
        CHECK_STR(c3.s, "assigned");
        kc_object_free(&t_zoo_desc, &c3);
    }
}

/* A block-backed struct inside another object (decoded into a member, or a
 * decoded object placed by value into a built list) keeps its own block: the
 * outer free releases it, copies and clones copy it into their own block. */
static void test_block_backed_inside(void)
{
    static const char spec[] =
        "{\"schedulerName\":\"volcano\",\"x\":[1],\"runPolicy\":{\"backoffLimit\":3,\"y\":2},"
        "\"replicaSpecs\":{\"Master\":{\"replicas\":1}}}";
    static const char status[] = "{\"conditions\":[{\"type\":\"Running\"}]}";
    for (int outer_decoded = 0; outer_decoded < 2; outer_decoded++) {
        t_job_t j, c1, c2;
        kc_object_init(&t_job_desc, &j);
        if (outer_decoded)
            CHECK_INT(kc_json_decode(&t_job_desc, &j, "{\"metadata\":{\"name\":\"n\"}}", 25,
                                     NULL), 0);
        else
            j.metadata.name = kc_strdup("n");
        CHECK_INT(kc_json_decode(&t_job_spec_desc, &j.spec, spec, strlen(spec), NULL), 0);
        CHECK(j.spec.unknown.present & KC_UNKNOWN_BLOCK);
        /* one with no pointer members but its header */
        CHECK_INT(kc_json_decode(&t_job_status_desc, &j.status, "{}", 2, NULL), 0);
        CHECK_INT(kc_object_deepcopy(&t_job_desc, &c1, &j), 0);
        CHECK(kc_object_equal(&t_job_desc, &c1, &j));
        CHECK(!(c1.spec.unknown.present & KC_UNKNOWN_BLOCK));
        CHECK(!(c1.status.unknown.present & KC_UNKNOWN_BLOCK));
        CHECK_STR(*kc_unknown_text(&c1.spec.unknown), "\"x\":[1]");
        char *a = NULL, *b = NULL;
        CHECK_INT(kc_json_encode(&t_job_desc, &j, &a, NULL, NULL), 0);
        CHECK_INT(kc_json_encode(&t_job_desc, &c1, &b, NULL, NULL), 0);
        CHECK_STR(a, b);
        kc_free(a);
        kc_free(b);
        const void *s = NULL;
        CHECK_INT(kc_shared_clone(&t_job_desc, &j, &s), 0);
        CHECK(kc_object_equal(&t_job_desc, s, &j));
        CHECK(!(((const t_job_t *)s)->spec.unknown.present & KC_UNKNOWN_BLOCK));
        kc_shared_unref(s);
        /* replace the status by another decoded one: the old one is freed */
        kc_object_free(&t_job_status_desc, &j.status);
        CHECK_INT(kc_json_decode(&t_job_status_desc, &j.status, status, strlen(status), NULL), 0);
        CHECK_INT(kc_object_deepcopy(&t_job_desc, &c2, &j), 0);
        CHECK(kc_object_equal(&t_job_desc, &c2, &j));
        kc_object_free(&t_job_desc, &j);
        CHECK(kc_object_equal(&t_job_desc, &c2, &c2));
        CHECK_STR(c2.status.conditions[0].type, "Running");
        kc_object_free(&t_job_desc, &c1);
        kc_object_free(&t_job_desc, &c2);
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

static void test_field_elem_size(void)
{
    static const struct {
        const char *name;
        size_t size;
    } want[] = {
        {"s", sizeof(char *)},          {"b", sizeof(bool)},
        {"t", sizeof(kc_time_t)},       {"st", sizeof(t_env_var_t)},
        {"pI32", sizeof(int32_t)},      {"pSt", sizeof(t_env_var_t)},
        {"lB", sizeof(bool)},           {"lQ", sizeof(kc_quantity_t)},
        {"mst", sizeof(t_env_entry_t)}, {"mq", sizeof(kc_quantity_entry_t)},
    };
    for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++)
        for (uint32_t i = 0; i < t_zoo_desc.n_fields; i++)
            if (strcmp(t_zoo_desc.fields[i].json_name, want[k].name) == 0)
                CHECK_INT(kc_field_elem_size(&t_zoo_desc.fields[i]), want[k].size);
    CHECK_INT(kc_field_elem_size(NULL), 0);
}

TU_MAIN("runtime_object", TU_CASE(test_init_and_free_of_zero), TU_CASE(test_random_deepcopy_equal),
        TU_CASE(test_equal_sees_every_difference), TU_CASE(test_deepcopy_allocation_failures),
        TU_CASE(test_block_backed), TU_CASE(test_block_backed_inside),
        TU_CASE(test_deepcopy_bad_arguments),
        TU_CASE(test_field_elem_size))
