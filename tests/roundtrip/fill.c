#include "fill.h"

#include <stdio.h>
#include <string.h>

#include "kc/alloc.h"
#include "kc/object.h"

#define MAX_DEPTH 6

static uint32_t next(fill_rng_t *r)
{
    r->state = r->state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(r->state >> 33);
}

static char *random_string(fill_rng_t *r, const char *prefix)
{
    char buf[64];
    static const char *const words[] = {"ascend", "worker-0", "", "a\"quoted\"\\value", "ünïcode",
                                        "line\nbreak", "huawei.com/Ascend910"};
    snprintf(buf, sizeof buf, "%s%s%u", prefix, words[next(r) % 7], next(r) % 1000);
    return kc_strdup(buf);
}

static int fill_scalar(fill_rng_t *r, const kc_field_t *f, void *p, int depth)
{
    switch ((kc_kind_t)f->kind) {
    case KC_KIND_STRING:
        return (*(char **)p = random_string(r, "")) ? 0 : -1;
    case KC_KIND_BOOL: *(bool *)p = next(r) & 1; return 0;
    case KC_KIND_INT32: *(int32_t *)p = (int32_t)next(r) - (int32_t)(next(r) % 3); return 0;
    case KC_KIND_INT64:
        *(int64_t *)p = (int64_t)(((uint64_t)next(r) << 32) | next(r)); /* all 64 bits */
        return 0;
    case KC_KIND_DOUBLE: *(double *)p = (double)next(r) / 7.0; return 0;
    case KC_KIND_TIME:
    case KC_KIND_MICRO_TIME: {
        kc_time_t *t = p;
        t->sec = 1700000000 + next(r) % 100000000;
        t->nsec = f->kind == KC_KIND_MICRO_TIME ? (int32_t)(next(r) % 1000000) * 1000 : 0;
        return 0;
    }
    case KC_KIND_QUANTITY: {
        static const char *const q[] = {"8", "500m", "1Gi", "0", "2.5"};
        kc_quantity_t *v = p;
        v->number = false;
        return (v->str = kc_strdup(q[next(r) % 5])) ? 0 : -1;
    }
    case KC_KIND_INT_OR_STRING: {
        kc_int_or_string_t *v = p;
        if (next(r) & 1) {
            v->type = KC_INT_OR_STRING_INT;
            v->int_val = (int32_t)(next(r) % 65536);
            return 0;
        }
        v->type = KC_INT_OR_STRING_STRING;
        return (v->str_val = kc_strdup("25%")) ? 0 : -1;
    }
    case KC_KIND_JSON: {
        static const char *const j[] = {"{\"f:spec\":{\".\":{}}}", "[1,2,{\"deep\":true}]", "null",
                                        "9007199254740993", "\"s\""};
        return (((kc_json_t *)p)->text = kc_strdup(j[next(r) % 5])) ? 0 : -1;
    }
    case KC_KIND_STRUCT:
        return fill_random(r, f->type, p, depth + 1);
    }
    return 0;
}

static int fill_field(fill_rng_t *r, const kc_field_t *f, char *obj, int depth)
{
    void *member = obj + f->offset;
    bool deep = f->kind == KC_KIND_STRUCT && depth >= MAX_DEPTH;
    switch ((kc_shape_t)f->shape) {
    case KC_SHAPE_VALUE:
        return fill_scalar(r, f, member, depth);
    case KC_SHAPE_PTR: {
        if (deep)
            return 0;
        void *p = kc_calloc(1, kc_field_elem_size(f));
        if (!p)
            return -1;
        *(void **)member = p;
        return fill_scalar(r, f, p, depth);
    }
    case KC_SHAPE_LIST:
    case KC_SHAPE_MAP: {
        if (deep)
            return 0;
        size_t n = next(r) % 3;
        size_t size = kc_field_elem_size(f);
        char *items = kc_calloc(n ? n : 1, size);
        if (!items)
            return -1;
        *(void **)member = items;
        *(size_t *)(obj + f->count_offset) = n;
        for (size_t i = 0; i < n; i++) {
            if (f->shape == KC_SHAPE_LIST) {
                if (fill_scalar(r, f, items + i * size, depth) != 0)
                    return -1;
                continue;
            }
            /* map entry: a unique key, then the value field */
            char key[32];
            snprintf(key, sizeof key, "key-%zu", i);
            char *entry = items + i * size;
            if (!(*(char **)(entry + f->type->fields[0].offset) = kc_strdup(key)) ||
                fill_field(r, &f->type->fields[1], entry, depth + 1) != 0)
                return -1;
        }
        return 0;
    }
    }
    return 0;
}

int fill_random(fill_rng_t *r, const kc_type_t *t, void *obj, int depth)
{
    char *o = obj;
    for (uint32_t i = 0; i < t->n_fields; i++) {
        if (next(r) % 4 == 0 && !(t->fields[i].flags & KC_FIELD_INLINE))
            continue; /* absent */
        if (fill_field(r, &t->fields[i], o, depth) != 0)
            return -1;
    }
    if (t->unknown_offset >= 0) {
        kc_unknown_t *u = (kc_unknown_t *)(o + t->unknown_offset);
        u->present = ((uint64_t)next(r) << 32 | next(r)) &
                     (t->n_fields >= 64 ? ~0ull : ((1ull << t->n_fields) - 1));
        if (next(r) % 3 == 0 && !(u->text = kc_strdup("\"zzUnknown\":[1,{\"a\":null}],\"zz2\":\"x\"")))
            return -1;
    }
    return 0;
}
