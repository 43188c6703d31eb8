/* testfill.c - a descriptor-driven random filler for the runtime tests (see
 * testutil.h): every member kc_malloc'd, deterministic under tu_srand(). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "kc/alloc.h"
#include "kc/object.h"
#include "testutil.h"

static char *rand_string(void)
{
    static const char *const words[] = {"", "a", "ascend", "huawei.com/Ascend910",
                                        "with \"quotes\" and \\ and \n", "\xc3\xa9t\xc3\xa9"};
    return kc_strdup(words[tu_rand() % (sizeof(words) / sizeof(words[0]))]);
}

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
    case KC_KIND_STRUCT: tu_fill_random(type, p, depth + 1); break;
    }
}

void tu_fill_random(const kc_type_t *t, void *obj, int depth)
{
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const kc_field_t *f = &t->fields[i];
        if (tu_rand() % 4 == 0 || depth > 5)
            continue;
        void *p = (char *)obj + f->offset;
        switch (f->shape) {
        case KC_SHAPE_VALUE: fill_elem(f->kind, f->type, p, depth); break;
        case KC_SHAPE_PTR: {
            void *q = kc_calloc(1, kc_field_elem_size(f));
            fill_elem(f->kind, f->type, q, depth);
            *(void **)p = q;
            break;
        }
        default: {
            const kc_type_t *et = f->type;
            unsigned kind = f->shape == KC_SHAPE_MAP ? KC_KIND_STRUCT : f->kind;
            size_t es = kc_field_elem_size(f);
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

