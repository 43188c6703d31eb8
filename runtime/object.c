/*
 * object.c - init, free, deepcopy and equal for every described type.
 *
 * Deepcopy copies a struct with one memcpy (all scalars at once) and then
 * replaces, field by field, only the members that own memory.
 */
#include "kc/object.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "kc/alloc.h"

static void struct_free(const kc_type_t *t, void *obj);
static int struct_copy(const kc_type_t *t, void *out, const void *in);
static bool struct_equal(const kc_type_t *t, const void *a, const void *b);

/* ---- free -------------------------------------------------------------- */

void kc__elem_free(unsigned kind, const kc_type_t *type, void *p)
{
    switch (kind) {
    case KC_KIND_STRING:
        kc_free(*(char **)p);
        *(char **)p = NULL;
        break;
    case KC_KIND_QUANTITY:
        kc_free(((kc_quantity_t *)p)->str);
        ((kc_quantity_t *)p)->str = NULL;
        break;
    case KC_KIND_INT_OR_STRING:
        kc_free(((kc_int_or_string_t *)p)->str_val);
        ((kc_int_or_string_t *)p)->str_val = NULL;
        break;
    case KC_KIND_JSON:
        kc_free(((kc_json_t *)p)->text);
        ((kc_json_t *)p)->text = NULL;
        break;
    case KC_KIND_STRUCT:
        struct_free(type, p);
        break;
    default:
        break;
    }
}

void kc__field_free(const kc_field_t *f, void *base)
{
    void *p = KC_AT(base, f->offset);
    switch (f->shape) {
    case KC_SHAPE_VALUE:
        kc__elem_free(f->kind, f->type, p);
        memset(p, 0, kc__elem_size(f->kind, f->type));
        break;
    case KC_SHAPE_PTR: {
        void *q = *(void **)p;
        if (q) {
            kc__elem_free(f->kind, f->type, q);
            kc_free(q);
        }
        *(void **)p = NULL;
        break;
    }
    case KC_SHAPE_LIST:
    case KC_SHAPE_MAP: {
        size_t *count = KC_AT(base, f->count_offset);
        char *a = *(char **)p;
        unsigned ek = kc__elem_kind(f);
        if (a && !kc__kind_is_plain(ek)) {
            size_t es = kc__elem_size(ek, f->type);
            for (size_t i = 0; i < *count; i++)
                kc__elem_free(ek, f->type, a + i * es);
        }
        kc_free(a);
        *(void **)p = NULL;
        *count = 0;
        break;
    }
    default:
        break;
    }
}

static void struct_free(const kc_type_t *t, void *obj)
{
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const kc_field_t *f = &t->fields[i];
        if (f->shape == KC_SHAPE_VALUE && kc__kind_is_plain(f->kind))
            continue;
        kc__field_free(f, obj);
    }
    kc_unknown_t *u = kc__unknown(t, obj);
    if (u)
        kc_free(u->text);
    memset(obj, 0, t->size);
}

void kc_object_init(const kc_type_t *t, void *obj)
{
    if (t && obj)
        memset(obj, 0, t->size);
}

void kc_object_free(const kc_type_t *t, void *obj)
{
    if (t && obj)
        struct_free(t, obj);
}

/* ---- deepcopy ---------------------------------------------------------- */

/* *dst is garbage on entry; on failure it is left zeroed. */
static int elem_copy(unsigned kind, const kc_type_t *type, void *dst, const void *src)
{
    switch (kind) {
    case KC_KIND_STRING: {
        const char *s = *(char *const *)src;
        char *d = s ? kc_strdup(s) : NULL;
        *(char **)dst = d;
        return (s && !d) ? KC_ENOMEM : 0;
    }
    case KC_KIND_QUANTITY: {
        const kc_quantity_t *s = src;
        kc_quantity_t *d = dst;
        d->number = s->number;
        d->str = s->str ? kc_strdup(s->str) : NULL;
        return (s->str && !d->str) ? KC_ENOMEM : 0;
    }
    case KC_KIND_INT_OR_STRING: {
        const kc_int_or_string_t *s = src;
        kc_int_or_string_t *d = dst;
        *d = *s;
        d->str_val = s->str_val ? kc_strdup(s->str_val) : NULL;
        return (s->str_val && !d->str_val) ? KC_ENOMEM : 0;
    }
    case KC_KIND_JSON: {
        const kc_json_t *s = src;
        kc_json_t *d = dst;
        d->text = s->text ? kc_strdup(s->text) : NULL;
        return (s->text && !d->text) ? KC_ENOMEM : 0;
    }
    case KC_KIND_STRUCT:
        return struct_copy(type, dst, src);
    default:
        memcpy(dst, src, kc__elem_size(kind, type));
        return 0;
    }
}

static void *alloc_array(size_t n, size_t es)
{
    if (es && n > SIZE_MAX / es)
        return NULL;
    return kc_malloc(n * es);
}

/* The member of `out` aliases the one of `in` on entry; on success it owns
 * a copy, on failure it is zeroed. */
static int field_copy(const kc_field_t *f, void *out, const void *in)
{
    void *po = KC_AT(out, f->offset);
    const void *pi = KC_CAT(in, f->offset);
    switch (f->shape) {
    case KC_SHAPE_VALUE:
        return elem_copy(f->kind, f->type, po, pi);
    case KC_SHAPE_PTR: {
        const void *q = *(void *const *)pi;
        *(void **)po = NULL;
        if (!q)
            return 0;
        void *d = kc_malloc(kc__elem_size(f->kind, f->type));
        if (!d)
            return KC_ENOMEM;
        int rc = elem_copy(f->kind, f->type, d, q);
        if (rc) {
            kc_free(d);
            return rc;
        }
        *(void **)po = d;
        return 0;
    }
    case KC_SHAPE_LIST:
    case KC_SHAPE_MAP: {
        size_t n = *(const size_t *)KC_CAT(in, f->count_offset);
        const char *a = *(char *const *)pi;
        size_t *count = KC_AT(out, f->count_offset);
        *(void **)po = NULL;
        *count = 0;
        if (n == 0 || !a)
            return 0;
        unsigned ek = kc__elem_kind(f);
        size_t es = kc__elem_size(ek, f->type);
        char *d = alloc_array(n, es);
        if (!d)
            return KC_ENOMEM;
        if (kc__kind_is_plain(ek)) {
            memcpy(d, a, n * es);
        } else {
            for (size_t i = 0; i < n; i++) {
                int rc = elem_copy(ek, f->type, d + i * es, a + i * es);
                if (rc) {
                    while (i-- > 0)
                        kc__elem_free(ek, f->type, d + i * es);
                    kc_free(d);
                    return rc;
                }
            }
        }
        *(void **)po = d;
        *count = n;
        return 0;
    }
    default:
        return 0;
    }
}

/* Zeroes a member that still aliases the source (after a failed copy). */
static void field_scrub(const kc_field_t *f, void *out)
{
    void *p = KC_AT(out, f->offset);
    if (f->shape == KC_SHAPE_VALUE) {
        memset(p, 0, kc__elem_size(f->kind, f->type));
    } else {
        *(void **)p = NULL;
        if (f->shape == KC_SHAPE_LIST || f->shape == KC_SHAPE_MAP)
            *(size_t *)KC_AT(out, f->count_offset) = 0;
    }
}

static int struct_copy(const kc_type_t *t, void *out, const void *in)
{
    memcpy(out, in, t->size);
    kc_unknown_t *u = kc__unknown(t, out);
    if (u && u->text && !(u->text = kc_strdup(u->text))) {
        memset(out, 0, t->size);
        return KC_ENOMEM;
    }
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const kc_field_t *f = &t->fields[i];
        if (f->shape == KC_SHAPE_VALUE && kc__kind_is_plain(f->kind))
            continue;
        int rc = field_copy(f, out, in);
        if (rc) {
            for (uint32_t j = i + 1; j < t->n_fields; j++)
                field_scrub(&t->fields[j], out);
            struct_free(t, out);
            return rc;
        }
    }
    return 0;
}

int kc_object_deepcopy(const kc_type_t *t, void *out, const void *in)
{
    if (!t || !out || !in)
        return KC_EINVAL;
    return struct_copy(t, out, in);
}

/* ---- equal ------------------------------------------------------------- */

static bool str_eq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static bool elem_equal(unsigned kind, const kc_type_t *type, const void *a, const void *b)
{
    switch (kind) {
    case KC_KIND_STRING:
        return str_eq(*(char *const *)a, *(char *const *)b);
    case KC_KIND_BOOL:
        return *(const bool *)a == *(const bool *)b;
    case KC_KIND_INT32:
        return *(const int32_t *)a == *(const int32_t *)b;
    case KC_KIND_INT64:
        return *(const int64_t *)a == *(const int64_t *)b;
    case KC_KIND_DOUBLE: {
        double x = *(const double *)a, y = *(const double *)b;
        return x == y || (isnan(x) && isnan(y));
    }
    case KC_KIND_TIME:
    case KC_KIND_MICRO_TIME: {
        const kc_time_t *x = a, *y = b;
        return x->sec == y->sec && x->nsec == y->nsec;
    }
    case KC_KIND_QUANTITY: {
        const kc_quantity_t *x = a, *y = b;
        return x->number == y->number && str_eq(x->str, y->str);
    }
    case KC_KIND_INT_OR_STRING: {
        const kc_int_or_string_t *x = a, *y = b;
        if (x->type != y->type)
            return false;
        return x->type == KC_INT_OR_STRING_INT ? x->int_val == y->int_val
                                               : str_eq(x->str_val, y->str_val);
    }
    case KC_KIND_JSON:
        return str_eq(((const kc_json_t *)a)->text, ((const kc_json_t *)b)->text);
    case KC_KIND_STRUCT:
        return struct_equal(type, a, b);
    default:
        return true;
    }
}

static bool field_equal(const kc_field_t *f, const void *a, const void *b)
{
    const void *pa = KC_CAT(a, f->offset), *pb = KC_CAT(b, f->offset);
    switch (f->shape) {
    case KC_SHAPE_VALUE:
        return elem_equal(f->kind, f->type, pa, pb);
    case KC_SHAPE_PTR: {
        const void *qa = *(void *const *)pa, *qb = *(void *const *)pb;
        if (!qa || !qb)
            return qa == qb;
        return elem_equal(f->kind, f->type, qa, qb);
    }
    case KC_SHAPE_LIST:
    case KC_SHAPE_MAP: {
        size_t n = *(const size_t *)KC_CAT(a, f->count_offset);
        if (n != *(const size_t *)KC_CAT(b, f->count_offset))
            return false;
        const char *xa = *(char *const *)pa, *xb = *(char *const *)pb;
        if (n == 0 || xa == xb)
            return true;
        if (!xa || !xb)
            return false;
        unsigned ek = kc__elem_kind(f);
        size_t es = kc__elem_size(ek, f->type);
        for (size_t i = 0; i < n; i++)
            if (!elem_equal(ek, f->type, xa + i * es, xb + i * es))
                return false;
        return true;
    }
    default:
        return true;
    }
}

static bool struct_equal(const kc_type_t *t, const void *a, const void *b)
{
    if (a == b)
        return true;
    const kc_unknown_t *ua = kc__cunknown(t, a), *ub = kc__cunknown(t, b);
    if (ua) {
        const char *ta = ua->text ? ua->text : "", *tb = ub->text ? ub->text : "";
        if (ua->present != ub->present || ua->nulls != ub->nulls || strcmp(ta, tb) != 0)
            return false;
    }
    for (uint32_t i = 0; i < t->n_fields; i++)
        if (!field_equal(&t->fields[i], a, b))
            return false;
    return true;
}

bool kc_object_equal(const kc_type_t *t, const void *a, const void *b)
{
    if (!t || !a || !b)
        return a == b;
    return struct_equal(t, a, b);
}
