/* test_shared.c - kc_shared_*: single-block clones of random objects, exact
 * sizes, string sharing, depth limits, decode, allocation failures.  (The
 * cross-thread reference counting test is tests/roundtrip/shared_threads_test.c.) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kc/alloc.h"
#include "kc/object.h"
#include "kc/shared.h"
#include "testtypes.h"
#include "testutil.h"

/* The block header before the root struct (see runtime/shared.c). */
#define HDR 16

/* Does every pointer reachable from obj lie inside [lo, hi)? */
static bool inside(const void *p, const char *lo, const char *hi)
{
    return !p || ((const char *)p >= lo && (const char *)p < hi);
}

static bool all_inside(const kc_type_t *t, const void *obj, const char *lo, const char *hi);

static bool elem_inside(unsigned kind, const kc_type_t *type, const void *p, const char *lo,
                        const char *hi)
{
    switch (kind) {
    case KC_KIND_STRING: return inside(*(char *const *)p, lo, hi);
    case KC_KIND_QUANTITY: return inside(((const kc_quantity_t *)p)->str, lo, hi);
    case KC_KIND_INT_OR_STRING: return inside(((const kc_int_or_string_t *)p)->str_val, lo, hi);
    case KC_KIND_JSON: return inside(((const kc_json_t *)p)->text, lo, hi);
    case KC_KIND_STRUCT: return all_inside(type, p, lo, hi);
    default: return true;
    }
}

static bool all_inside(const kc_type_t *t, const void *obj, const char *lo, const char *hi)
{
    const char *o = obj;
    if (t->unknown_offset >= 0 &&
        !inside(((const kc_unknown_t *)(o + t->unknown_offset))->text, lo, hi))
        return false;
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const kc_field_t *f = &t->fields[i];
        const void *p = o + f->offset;
        unsigned kind = f->shape == KC_SHAPE_MAP ? KC_KIND_STRUCT : f->kind;
        if (f->shape == KC_SHAPE_VALUE) {
            if (!elem_inside(kind, f->type, p, lo, hi))
                return false;
            continue;
        }
        const char *a = *(const char *const *)p;
        size_t n = f->shape == KC_SHAPE_PTR ? 1 : *(const size_t *)(o + f->count_offset);
        if (!a)
            continue;
        size_t es = kc_field_elem_size(f);
        if (!inside(a, lo, hi) || !inside(a + n * es - 1, lo, hi) ||
            (uintptr_t)a % (es >= 8 ? 8 : es) != 0)
            return false;
        for (size_t k = 0; k < n; k++)
            if (!elem_inside(kind, f->type, a + k * es, lo, hi))
                return false;
    }
    return true;
}

static void check_clone(const kc_type_t *t, const void *orig)
{
    const void *s = NULL;
    CHECK_INT(kc_shared_clone(t, orig, &s), 0);
    if (!s)
        return;
    const char *lo = (const char *)s - HDR, *hi = lo + kc_shared_bytes(s);
    CHECK(kc_shared_bytes(s) >= HDR + t->size);
    CHECK(all_inside(t, s, lo, hi));
    CHECK(kc_object_equal(t, s, orig));
    char *a = NULL, *b = NULL;
    CHECK_INT(kc_json_encode(t, orig, &a, NULL, NULL), 0);
    CHECK_INT(kc_json_encode(t, s, &b, NULL, NULL), 0);
    CHECK_STR(a, b);
    kc_free(a);
    kc_free(b);
    /* a mutable copy of a shared object is an ordinary block-backed one */
    char copy[2048];
    CHECK_INT(kc_object_deepcopy(t, copy, s), 0);
    CHECK(kc_object_equal(t, copy, s));
    /* a clone of a clone is the same size */
    const void *s2 = NULL;
    CHECK_INT(kc_shared_clone(t, s, &s2), 0);
    CHECK_INT(kc_shared_bytes(s2), kc_shared_bytes(s));
    CHECK(kc_object_equal(t, s2, copy));
    kc_shared_unref(s2);
    kc_shared_unref(s);
    kc_object_free(t, copy);
}

static void test_clone_random_objects(void)
{
    const kc_type_t *types[] = {&t_zoo_desc, &t_job_desc, &t_job_list_desc};
    for (unsigned seed = 1; seed <= 300; seed++) {
        tu_srand(seed);
        const kc_type_t *t = types[seed % 3];
        char orig[2048];
        kc_object_init(t, orig);
        tu_fill_random(t, orig, 0);
        check_clone(t, orig);
        kc_object_free(t, orig);
    }
}

/* The block holds exactly: header, struct, arrays and targets (8-, 4- then
 * 1-byte aligned), each distinct string once. */
static void test_exact_size_and_shared_strings(void)
{
    t_env_var_t e = {.name = "a", .value = "a"};
    const t_env_var_t *se = NULL;
    CHECK_INT(kc_shared_clone(&t_env_var_desc, &e, (const void **)&se), 0);
    CHECK_INT(kc_shared_bytes(se), HDR + sizeof(t_env_var_t) + 2);
    CHECK(se->name == se->value);
    CHECK_STR(se->name, "a");
    kc_shared_unref(se);

    t_zoo_t z;
    kc_object_init(&t_zoo_desc, &z);
    int32_t li32[3] = {1, 2, 3}, pi32 = 4;
    bool lb[1] = {true}, pb = false;
    char *ls[3] = {"same", "other", "same"};
    z.li32 = li32;
    z.n_li32 = 3;
    z.lb = lb;
    z.n_lb = 1;
    z.pi32 = &pi32;
    z.pb = &pb;
    z.ls = ls;
    z.n_ls = 3;
    z.s = "same";
    z.unknown.text = "\"x\":1";
    z.unknown.present = KC_UNKNOWN_DECODED | 5;
    const t_zoo_t *sz = NULL;
    CHECK_INT(kc_shared_clone(&t_zoo_desc, &z, (const void **)&sz), 0);
    CHECK_INT(kc_shared_bytes(sz), HDR + sizeof(t_zoo_t) + 3 * sizeof(char *) + 3 * 4 + 4 + 1 +
                                       1 + sizeof("same") + sizeof("other") + sizeof("\"x\":1"));
    CHECK(sz->s == sz->ls[0] && sz->ls[0] == sz->ls[2] && sz->ls[1] != sz->ls[0]);
    CHECK(sz->pi32 && *sz->pi32 == 4 && (uintptr_t)sz->pi32 % 4 == 0);
    CHECK(sz->li32[2] == 3 && (uintptr_t)sz->li32 % 4 == 0);
    CHECK(sz->pb && !*sz->pb && sz->lb[0]);
    CHECK(sz->unknown.present == (KC_UNKNOWN_DECODED | 5));
    CHECK(kc_object_equal(&t_zoo_desc, sz, &z));
    kc_shared_unref(sz);

    /* an empty array owns nothing: no pointer into the block */
    char *none[1] = {NULL};
    kc_object_init(&t_zoo_desc, &z);
    z.ls = none;
    z.n_ls = 0;
    CHECK_INT(kc_shared_clone(&t_zoo_desc, &z, (const void **)&sz), 0);
    CHECK(sz->ls == NULL && sz->n_ls == 0);
    CHECK_INT(kc_shared_bytes(sz), HDR + sizeof(t_zoo_t));
    kc_shared_unref(sz);
}

/* More strings than the table and queue hold on the stack (they move to the
 * heap), many of them equal. */
static t_job_list_t *big_list(size_t n)
{
    t_job_list_t *l = kc_calloc(1, sizeof(*l));
    l->items = kc_calloc(n, sizeof(t_job_t));
    l->n_items = n;
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "job-%zu", i);
        l->items[i].metadata.name = kc_strdup(name);
        l->items[i].metadata.namespace_ = kc_strdup("default");
        l->items[i].type_meta.kind = kc_strdup("Job");
    }
    return l;
}

static void test_many_strings(void)
{
    t_job_list_t *l = big_list(1000);
    const t_job_list_t *s = NULL;
    CHECK_INT(kc_shared_clone(&t_job_list_desc, l, (const void **)&s), 0);
    CHECK(kc_object_equal(&t_job_list_desc, s, l));
    size_t names = 0;
    for (size_t i = 0; i < 1000; i++)
        names += strlen(l->items[i].metadata.name) + 1;
    CHECK_INT(kc_shared_bytes(s), HDR + sizeof(t_job_list_t) + 1000 * sizeof(t_job_t) + names +
                                      sizeof("default") + sizeof("Job"));
    CHECK(s->items[0].metadata.namespace_ == s->items[999].metadata.namespace_);
    kc_shared_unref(s);
    kc_object_free(&t_job_list_desc, l);
    kc_free(l);
}

/* A type that points to itself, for the depth limit. */
typedef struct t_node t_node_t;
struct t_node {
    t_node_t *next;
    kc_unknown_t unknown;
};
extern const kc_type_t t_node_desc;
static const kc_field_t t_node_fields[] = {
    {"next", 4, KC_KIND_STRUCT, KC_SHAPE_PTR, 0, offsetof(t_node_t, next), 0, &t_node_desc, "next"},
};
static const uint16_t t_node_by_name[] = {0};
const kc_type_t t_node_desc = {"t_node", sizeof(t_node_t), 1, t_node_fields, 1, t_node_by_name,
                               (int32_t)offsetof(t_node_t, unknown), NULL};

static void test_depth_limit(void)
{
    t_node_t nodes[KC_MAX_DEPTH + 2];
    memset(nodes, 0, sizeof(nodes));
    for (int i = 0; i < KC_MAX_DEPTH; i++)
        nodes[i].next = &nodes[i + 1];
    const void *s = NULL;
    CHECK_INT(kc_shared_clone(&t_node_desc, nodes, &s), 0); /* KC_MAX_DEPTH + 1 structs */
    CHECK_INT(kc_shared_bytes(s), HDR + (KC_MAX_DEPTH + 1) * sizeof(t_node_t));
    kc_shared_unref(s);
    nodes[KC_MAX_DEPTH].next = &nodes[KC_MAX_DEPTH + 1];
    CHECK_INT(kc_shared_clone(&t_node_desc, nodes, &s), KC_EDEPTH);
    CHECK(s == NULL);
    nodes[KC_MAX_DEPTH].next = &nodes[0]; /* a cycle */
    CHECK_INT(kc_shared_clone(&t_node_desc, nodes, &s), KC_EDEPTH);
    CHECK(s == NULL);
}

static void test_arguments_and_refcount(void)
{
    t_env_var_t e = {.name = "n"};
    const void *s = (const void *)&e;
    CHECK_INT(kc_shared_clone(NULL, &e, &s), KC_EINVAL);
    CHECK(s == NULL);
    CHECK_INT(kc_shared_clone(&t_env_var_desc, NULL, &s), KC_EINVAL);
    CHECK_INT(kc_shared_clone(&t_env_var_desc, &e, NULL), KC_EINVAL);
    kc_error_t err = KC_ERROR_INIT;
    CHECK_INT(kc_shared_decode(&t_env_var_desc, "{}", 2, NULL, &err), KC_EINVAL);
    kc_error_clear(&err);
    kc_shared_unref(NULL);
    CHECK(kc_shared_ref(NULL) == NULL);
    CHECK_INT(kc_shared_bytes(NULL), 0);

    CHECK_INT(kc_shared_clone(&t_env_var_desc, &e, &s), 0);
    long live = tu_live;
    CHECK(kc_shared_ref(s) == s);
    CHECK(kc_shared_ref(s) == s);
    kc_shared_unref(s);
    kc_shared_unref(s);
    CHECK_INT(tu_live, live); /* still one reference */
    CHECK_STR(((const t_env_var_t *)s)->name, "n");
    kc_shared_unref(s);
    CHECK_INT(tu_live, live - 1);
}

static void test_decode(void)
{
    static const char job[] =
        "{\"apiVersion\":\"v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"a\",\"namespace\":\"a\","
        "\"labels\":{\"a\":\"a\",\"b\":\"c\"},\"finalizers\":[\"a\"],\"x\":[1,{\"y\":null}]},"
        "\"spec\":{\"replicaSpecs\":{\"Worker\":{\"replicas\":0,\"template\":{\"spec\":"
        "{\"containers\":[{\"name\":\"c\",\"ports\":[{\"containerPort\":80}]}]}}}}},"
        "\"status\":{\"startTime\":\"2026-11-22T14:51:00Z\",\"conditions\":null}}";
    kc_error_t err = KC_ERROR_INIT;
    const t_job_t *s = NULL;
    CHECK_INT(kc_shared_decode(&t_job_desc, job, strlen(job), (const void **)&s, &err), 0);
    if (!s)
        return;
    CHECK(s->metadata.name == s->metadata.namespace_);
    CHECK(s->metadata.labels[0].key == s->metadata.name);
    CHECK_STR(s->metadata.unknown.text, "\"x\":[1,{\"y\":null}]");
    char *out = NULL;
    CHECK_INT(kc_json_encode(&t_job_desc, s, &out, NULL, &err), 0);
    CHECK_STR(out, job);
    kc_free(out);
    kc_shared_unref(s);

    /* errors come from the decoder, with *out NULL */
    s = (const void *)job;
    CHECK_INT(kc_shared_decode(&t_job_desc, "{\"metadata\":{\"name\":1}}", 23, (const void **)&s,
                               &err),
              KC_ETYPE);
    CHECK(s == NULL);
    CHECK_STR(err.message, ".metadata.name: expected string, got number");
    CHECK_INT(kc_shared_decode(&t_job_desc, "{", 1, (const void **)&s, &err), KC_EPARSE);
    kc_error_clear(&err);
}

/* Fail the N-th allocation for every N: KC_ENOMEM, *out NULL, nothing leaked. */
static void test_allocation_failures(void)
{
    t_job_list_t *l = big_list(300);
    char *json = NULL;
    size_t len = 0;
    CHECK_INT(kc_json_encode(&t_job_list_desc, l, &json, &len, NULL), 0);
    t_job_list_t decoded;
    CHECK_INT(kc_json_decode(&t_job_list_desc, &decoded, json, len, NULL), 0);
    for (int what = 0; what < 2; what++) {
        int failures = 0;
        for (long n = 1;; n++) {
            const void *s = (const void *)l;
            long live = tu_live;
            kc_error_t err = KC_ERROR_INIT;
            tu_fail_reset(n);
            int rc = what == 0 ? kc_shared_clone(&t_job_list_desc, l, &s)
                               : kc_shared_decode(&t_job_list_desc, json, len, &s, &err);
            tu_fail_reset(0);
            if (rc == 0) {
                CHECK(kc_object_equal(&t_job_list_desc, s, what == 0 ? l : &decoded));
                kc_shared_unref(s);
                break;
            }
            failures++;
            CHECK_INT(rc, KC_ENOMEM);
            CHECK(s == NULL);
            CHECK_INT(tu_live, live);
            if (what == 1)
                CHECK_INT(err.code, KC_ENOMEM);
            kc_error_clear(&err);
            if (n > 100000)
                break;
        }
        /* the clone: table growth, queue growth, the block; the decode: its
         * arena's chunks besides */
        CHECK(failures >= 3);
    }
    kc_free(json);
    kc_object_free(&t_job_list_desc, &decoded);
    kc_object_free(&t_job_list_desc, l);
    kc_free(l);
}

TU_MAIN("runtime_shared", TU_CASE(test_clone_random_objects),
        TU_CASE(test_exact_size_and_shared_strings), TU_CASE(test_many_strings),
        TU_CASE(test_depth_limit), TU_CASE(test_arguments_and_refcount), TU_CASE(test_decode),
        TU_CASE(test_allocation_failures))
