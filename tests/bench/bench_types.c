/*
 * Benchmarks of the type engine (DESIGN.md §8).  Not a test: it prints times
 * and ratios against baselines measured in the same run (cJSON on the same
 * bytes), because these machines are too noisy for timed pass/fail tests.
 *
 *   typed decode  / cJSON_Parse              target <= 1.5
 *   typed encode  / cJSON_PrintUnformatted   target <= 1.5, and linear in size
 *   (encode+decode) / deepcopy               target >= 10 (mutable, block-backed copy)
 *   (encode+decode) / kc_shared_clone        target >= 10 (immutable single block)
 *   bytes / JSON bytes of the items          target <= 1.5: kc_json_decode's result
 *       (everything the allocator holds after it returns, by malloc usable
 *       sizes: the block, plus the root struct) and shared objects (each item
 *       cloned on its own, as an informer cache holds them), with a breakdown
 *       of the shared bytes
 *
 * Usage: bench_types [ITEMS...]   (default 1000 10000)
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "batch/v1/types.h"
#include "bench_items.h"
#include "kc/alloc.h"
#include "kc/shared.h"
#include "mindxdl/v1/types.h"

typedef struct spans {
    size_t *start, *end;
    int n;
} spans_t;

static char *make_list(const char *api_version, const char *kind, void (*item)(text_t *, int), int n,
                       size_t *len, spans_t *sp)
{
    text_t t = {malloc(1 << 20), 0, 1 << 20};
    sp->start = malloc(sizeof(size_t) * (size_t)n);
    sp->end = malloc(sizeof(size_t) * (size_t)n);
    sp->n = n;
    put(&t, "{\"apiVersion\":\"%s\",\"kind\":\"%sList\",\"metadata\":{\"resourceVersion\":\"123456\"},\"items\":[",
        api_version, kind);
    for (int i = 0; i < n; i++) {
        if (i)
            put(&t, ",");
        sp->start[i] = t.len;
        item(&t, i);
        sp->end[i] = t.len;
    }
    put(&t, "]}");
    *len = t.len;
    return t.p;
}

/* ---- measuring ---- */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Bytes the engine holds, as the C library counts them (usable size). */
static size_t live_bytes;
static void *count_malloc(size_t n, void *ctx)
{
    (void)ctx;
    void *p = malloc(n);
    if (p)
        live_bytes += malloc_usable_size(p);
    return p;
}
static void *count_realloc(void *p, size_t n, void *ctx)
{
    (void)ctx;
    size_t old = p ? malloc_usable_size(p) : 0;
    void *q = realloc(p, n);
    if (q)
        live_bytes += malloc_usable_size(q) - old;
    return q;
}
static void count_free(void *p, void *ctx)
{
    (void)ctx;
    if (p)
        live_bytes -= malloc_usable_size(p);
    free(p);
}

#define REPEAT 5
/* Best of REPEAT runs of `body`; `cleanup` runs after each, untimed, so that
 * every operation is timed without the release of its result (decode, copy
 * and clone alike). */
#define BEST(var, body, cleanup)                                                                   \
    do {                                                                                           \
        var = 1e30;                                                                                \
        for (int r_ = 0; r_ < REPEAT; r_++) {                                                      \
            double t0_ = now();                                                                    \
            body;                                                                                  \
            double dt_ = now() - t0_;                                                              \
            if (dt_ < var)                                                                         \
                var = dt_;                                                                         \
            cleanup;                                                                               \
        }                                                                                          \
    } while (0)

typedef struct result {
    double decode, parse, encode, print, copy, clone, clone_items, shared_decode;
} result_t;

static void fail(const char *what, kc_error_t *err)
{
    fprintf(stderr, "bench_types: %s failed: %s\n", what, err ? err->message : "");
    exit(1);
}

/* ---- where the bytes of a shared object go ---- */

typedef struct breakdown {
    double json, shared, usable;   /* per item: JSON bytes, kc_shared_bytes, malloc usable */
    double structs;                /* struct bytes: the item, its arrays and pointer targets */
    double absent;                 /* of which members that are absent (all zero) */
    double unknown;                /* of which kc_unknown_t */
    double strings;                /* string bytes before sharing equal strings (with NULs) */
} breakdown_t;

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

static void count_string(breakdown_t *b, const char *s)
{
    if (s)
        b->strings += (double)strlen(s) + 1;
}

static void count_struct(breakdown_t *b, const kc_type_t *t, const char *o);

static void count_elem(breakdown_t *b, unsigned kind, const kc_type_t *type, const char *p)
{
    switch (kind) {
    case KC_KIND_STRING: count_string(b, *(char *const *)p); break;
    case KC_KIND_QUANTITY: count_string(b, ((const kc_quantity_t *)p)->str); break;
    case KC_KIND_INT_OR_STRING: count_string(b, ((const kc_int_or_string_t *)p)->str_val); break;
    case KC_KIND_JSON: count_string(b, ((const kc_json_t *)p)->text); break;
    case KC_KIND_STRUCT: count_struct(b, type, p); break;
    default: break;
    }
}

/* Members inside the struct count as struct bytes of their parent already. */
static void count_struct(breakdown_t *b, const kc_type_t *t, const char *o)
{
    if (t->unknown_offset >= 0) {
        b->unknown += sizeof(kc_unknown_t);
        count_string(b, ((const kc_unknown_t *)(o + t->unknown_offset))->text);
    }
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const kc_field_t *f = &t->fields[i];
        const char *p = o + f->offset;
        unsigned kind = f->shape == KC_SHAPE_MAP ? KC_KIND_STRUCT : f->kind;
        size_t es = kc_field_elem_size(f);
        if (f->shape == KC_SHAPE_VALUE) {
            if (all_zero(p, es))
                b->absent += (double)es;
            else
                count_elem(b, kind, f->type, p);
            continue;
        }
        const char *a = *(const char *const *)p;
        size_t n = f->shape == KC_SHAPE_PTR ? 1 : *(const size_t *)(o + f->count_offset);
        if (!a || !n) {
            b->absent += f->shape == KC_SHAPE_PTR ? sizeof(void *) : sizeof(void *) + sizeof(size_t);
            continue;
        }
        b->structs += (double)(n * es);
        for (size_t k = 0; k < n; k++)
            count_elem(b, kind, f->type, a + k * es);
    }
}

/* The list's items: its "items" member. */
static const kc_field_t *items_field(const kc_type_t *list)
{
    for (uint32_t i = 0; i < list->n_fields; i++)
        if (strcmp(list->fields[i].json_name, "items") == 0)
            return &list->fields[i];
    fail("finding items", NULL);
    return NULL;
}

/* Each item cloned on its own, as an informer cache holds them. */
static breakdown_t measure_items(const kc_type_t *list_type, const void *list, const spans_t *sp)
{
    breakdown_t b = {0};
    const kc_field_t *f = items_field(list_type);
    const char *items = *(char *const *)((const char *)list + f->offset);
    size_t n = *(const size_t *)((const char *)list + f->count_offset), es = f->type->size;
    kc_allocator_t counting = {count_malloc, count_realloc, count_free, NULL};
    for (size_t i = 0; i < n; i++) {
        const void *s = NULL;
        kc_set_allocator(&counting);
        live_bytes = 0;
        if (kc_shared_clone(f->type, items + i * es, &s) != 0)
            fail("kc_shared_clone", NULL);
        b.usable += (double)live_bytes;
        kc_set_allocator(NULL);
        b.json += (double)(sp->end[i] - sp->start[i]);
        b.shared += (double)kc_shared_bytes(s);
        b.structs += f->type->size;
        count_struct(&b, f->type, items + i * es);
        kc_set_allocator(&counting);
        kc_shared_unref(s);
        kc_set_allocator(NULL);
    }
    double k = 1.0 / (double)n;
    b.json *= k, b.shared *= k, b.usable *= k, b.structs *= k, b.absent *= k, b.unknown *= k;
    b.strings *= k;
    return b;
}

static result_t run(const char *name, const kc_type_t *type, const char *json, size_t len,
                    const spans_t *sp)
{
    result_t r;
    kc_error_t err = KC_ERROR_INIT;
    void *obj = calloc(1, type->size), *copy = calloc(1, type->size);
    char *out = NULL;
    size_t out_len = 0;
    const kc_field_t *items = items_field(type);

    cJSON *parsed = NULL;
    BEST(r.parse, { parsed = cJSON_ParseWithLength(json, len); }, { cJSON_Delete(parsed); });
    BEST(r.decode, {
        if (kc_json_decode(type, obj, json, len, &err) != 0)
            fail("decode", &err);
    }, {
        if (r_ < REPEAT - 1)
            kc_object_free(type, obj);
    });
    cJSON *tree = cJSON_ParseWithLength(json, len);
    char *printed = NULL;
    BEST(r.print, { printed = cJSON_PrintUnformatted(tree); }, { free(printed); });
    cJSON_Delete(tree);
    BEST(r.encode, {
        if (kc_json_encode(type, obj, &out, &out_len, &err) != 0)
            fail("encode", &err);
    }, { kc_free(out); });
    BEST(r.copy, {
        if (kc_object_deepcopy(type, copy, obj) != 0)
            fail("deepcopy", NULL);
    }, { kc_object_free(type, copy); });
    const void *shared = NULL;
    BEST(r.clone, {
        if (kc_shared_clone(type, obj, &shared) != 0)
            fail("kc_shared_clone", NULL);
    }, { kc_shared_unref(shared); });
    size_t n_items = *(const size_t *)((const char *)obj + items->count_offset);
    const char *item = *(char *const *)((const char *)obj + items->offset);
    const void **clones = calloc(n_items, sizeof(*clones));
    BEST(r.clone_items, {
        for (size_t i = 0; i < n_items; i++)
            if (kc_shared_clone(items->type, item + i * items->type->size, &clones[i]) != 0)
                fail("kc_shared_clone", NULL);
    }, {
        for (size_t i = 0; i < n_items; i++)
            kc_shared_unref(clones[i]);
    });
    free(clones);
    BEST(r.shared_decode, {
        if (kc_shared_decode(type, json, len, &shared, &err) != 0)
            fail("kc_shared_decode", &err);
    }, { kc_shared_unref(shared); });
    breakdown_t b = measure_items(type, obj, sp);
    kc_object_free(type, obj);

    kc_allocator_t counting = {count_malloc, count_realloc, count_free, NULL};
    kc_set_allocator(&counting);
    live_bytes = 0;
    if (kc_json_decode(type, obj, json, len, &err) != 0)
        fail("decode", &err);
    /* all the allocator still holds (the block, and any scratch left
     * behind), plus the root struct, which is the caller's */
    double decoded = (double)(live_bytes + type->size);
    const kc_unknown_t *u = (const kc_unknown_t *)((const char *)obj + type->unknown_offset);
    double block = (u->present & KC_UNKNOWN_BLOCK)
                       ? (double)(((const kc_block_t *)(const void *)u->text)->bytes + type->size)
                       : 0;
    kc_object_free(type, obj);
    kc_set_allocator(NULL);

    double items_json = b.json * (double)n_items, enc_dec = r.encode + r.decode;
    printf("%s: %.1f MB, %.0f JSON bytes/item\n", name, (double)len / 1e6, b.json);
    printf("  decode         %8.1f ms  %5.2fx cJSON_Parse %.1f ms (target <= 1.5)\n", r.decode * 1e3,
           r.decode / r.parse, r.parse * 1e3);
    printf("  encode         %8.1f ms  %5.2fx cJSON_PrintUnformatted %.1f ms (target <= 1.5)\n",
           r.encode * 1e3, r.encode / r.print, r.print * 1e3);
    printf("  deepcopy       %8.1f ms  (encode+decode)/deepcopy %5.1fx (target >= 10)\n",
           r.copy * 1e3, enc_dec / r.copy);
    printf("  shared clone   %8.1f ms  (encode+decode)/clone    %5.1fx (target >= 10)\n",
           r.clone * 1e3, enc_dec / r.clone);
    printf("  clone per item %8.1f ms  (encode+decode)/clones   %5.1fx\n", r.clone_items * 1e3,
           enc_dec / r.clone_items);
    printf("  shared decode  %8.1f ms  %5.2fx decode\n", r.shared_decode * 1e3,
           r.shared_decode / r.decode);
    printf("  memory / item JSON: decoded %.2fx (block %.2fx), shared %.2fx (malloc usable %.2fx) "
           "(target <= 1.5)\n",
           decoded / items_json, block / items_json, b.shared / b.json, b.usable / b.json);
    printf("  shared bytes/item %.0f = header 16 + structs and arrays %.0f (absent members %.0f, "
           "kc_unknown_t %.0f) + strings %.0f (%.0f before sharing equal ones)\n",
           b.shared, b.structs, b.absent, b.unknown, b.shared - 16 - b.structs, b.strings);
    free(obj);
    free(copy);
    return r;
}

int main(int argc, char **argv)
{
    int sizes[8] = {1000, 10000}, n_sizes = 2;
    if (argc > 1) {
        n_sizes = 0;
        for (int i = 1; i < argc && n_sizes < 8; i++)
            sizes[n_sizes++] = atoi(argv[i]);
    }
    struct {
        const char *name, *api_version, *kind;
        void (*item)(text_t *, int);
        const kc_type_t *type;
    } sets[] = {
        {"AscendJobList", "mindxdl.gitee.com/v1", "AscendJob", put_ascend_job, &mindxdl_v1_ascend_job_list_desc},
        {"JobList", "batch/v1", "Job", put_job, &batch_v1_job_list_desc},
    };
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        result_t first = {0};
        for (int k = 0; k < n_sizes; k++) {
            size_t len;
            spans_t sp;
            char *json = make_list(sets[s].api_version, sets[s].kind, sets[s].item, sizes[k], &len, &sp);
            char name[64];
            snprintf(name, sizeof name, "%s x%d", sets[s].name, sizes[k]);
            result_t r = run(name, sets[s].type, json, len, &sp);
            if (k == 0)
                first = r;
            else
                printf("  scaling x%.0f items: decode %.1fx  encode %.1fx  deepcopy %.1fx  clone %.1fx\n",
                       (double)sizes[k] / sizes[0], r.decode / first.decode, r.encode / first.encode,
                       r.copy / first.copy, r.clone / first.clone);
            free(json);
            free(sp.start);
            free(sp.end);
        }
    }
    return 0;
}
