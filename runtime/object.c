/*
 * object.c - init, free, deepcopy and equal for every described type.
 *
 * Objects kc makes are block-backed (kc/types.h, docs/runtime-api.md §2):
 * free releases what lies outside the block and then the block; deepcopy of
 * a block-backed object copies the block and relocates its pointers, any
 * other source is compacted into a new block (shared.c).  Types without a
 * kc_unknown_t (map entries) cannot record a block: their deepcopy is a
 * memcpy plus a copy of each member that owns memory.
 */
#include "kc/object.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "kc/alloc.h"

/* The block of a block-backed object, as a byte range: what lies inside
 * belongs to the block, what lies outside was assigned by the caller.  A NULL
 * range (lo == hi == 0) is a built object: it owns everything. */
typedef struct range {
    uintptr_t lo, hi;
} range_t;

static inline bool outside(const range_t *r, const void *p)
{
    return (uintptr_t)p - r->lo >= r->hi - r->lo;
}

static void struct_release(const kc_type_t *t, void *obj, const range_t *r);
static int struct_fixup(const kc_type_t *t, void *out, const void *in);
static bool struct_equal(const kc_type_t *t, const void *a, const void *b);

/* ---- free -------------------------------------------------------------- */

/* Frees p unless it lies in the block. */
static inline void drop(const range_t *r, void *p)
{
    if (p && outside(r, p))
        kc_free(p);
}

/* Releases what one element owns, leaving dangling pointers behind: callers
 * zero the memory (or drop it) afterwards. */
static void elem_release(unsigned kind, const kc_type_t *type, void *p, const range_t *r)
{
    switch (kind) {
    case KC_KIND_STRING: drop(r, *(char **)p); break;
    case KC_KIND_QUANTITY: drop(r, ((kc_quantity_t *)p)->str); break;
    case KC_KIND_INT_OR_STRING: drop(r, ((kc_int_or_string_t *)p)->str_val); break;
    case KC_KIND_JSON: drop(r, ((kc_json_t *)p)->text); break;
    case KC_KIND_STRUCT: struct_release(type, p, r); break;
    default: break;
    }
}

static const range_t no_block = {0, 0};

static void field_release(const kc_field_t *f, void *base, const range_t *r)
{
    void *p = KC_AT(base, f->offset);
    switch (f->shape) {
    case KC_SHAPE_VALUE:
        elem_release(f->kind, f->type, p, r);
        break;
    case KC_SHAPE_PTR: {
        void *q = *(void **)p;
        if (q) {
            elem_release(f->kind, f->type, q, r);
            drop(r, q);
        }
        break;
    }
    case KC_SHAPE_LIST:
    case KC_SHAPE_MAP: {
        char *a = *(char **)p;
        if (!a)
            break;
        unsigned ek = kc__elem_kind(f);
        if (!kc__kind_is_plain(ek)) {
            size_t n = *(size_t *)KC_AT(base, f->count_offset);
            size_t es = kc__elem_size(ek, f->type);
            for (size_t i = 0; i < n; i++)
                elem_release(ek, f->type, a + i * es, r);
        }
        drop(r, a);
        break;
    }
    default:
        break;
    }
}

/* A block-backed struct (a root, or one the caller placed inside another
 * object) releases with its own block's range, and then its block. */
static void struct_release(const kc_type_t *t, void *obj, const range_t *r)
{
    kc_block_t *b = kc__block_of(t, obj);
    range_t own;
    if (b) {
        own = (range_t){(uintptr_t)b, (uintptr_t)b + b->bytes};
        r = &own;
    }
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const kc_field_t *f = &t->fields[i];
        if (f->shape == KC_SHAPE_VALUE && kc__kind_is_plain(f->kind))
            continue;
        if (f->shape != KC_SHAPE_VALUE && !*(void **)KC_AT(obj, f->offset))
            continue; /* the common case: nothing there */
        field_release(f, obj, r);
    }
    kc_unknown_t *u = kc__unknown(t, obj);
    if (u)
        drop(r, *kc_unknown_text(u));
    kc_free(b);
}

void kc__elem_free(unsigned kind, const kc_type_t *type, void *p)
{
    elem_release(kind, type, p, &no_block);
    memset(p, 0, kc__elem_size(kind, type));
}

void kc__field_free(const kc_field_t *f, void *base)
{
    field_release(f, base, &no_block);
    void *p = KC_AT(base, f->offset);
    if (f->shape == KC_SHAPE_VALUE) {
        memset(p, 0, kc__elem_size(f->kind, f->type));
    } else {
        *(void **)p = NULL;
        if (f->shape == KC_SHAPE_LIST || f->shape == KC_SHAPE_MAP)
            *(size_t *)KC_AT(base, f->count_offset) = 0;
    }
}

size_t kc_field_elem_size(const kc_field_t *f)
{
    return f ? kc__elem_size(kc__elem_kind(f), f->type) : 0;
}

void kc_object_init(const kc_type_t *t, void *obj)
{
    if (t && obj)
        memset(obj, 0, t->size);
}

void kc_object_free(const kc_type_t *t, void *obj)
{
    if (!t || !obj)
        return;
    struct_release(t, obj, &no_block);
    memset(obj, 0, t->size);
}

/* ---- deepcopy ---------------------------------------------------------- */

/* Deepcopy is a memcpy of the whole struct followed by a "fixup" that
 * replaces each owned pointer (still shared with the source) by a copy.
 * Every fixup leaves its target zeroed on failure, so the caller can scrub
 * what still aliases the source and release the rest. */

static int elem_fixup(unsigned kind, const kc_type_t *type, void *dst, const void *src)
{
    switch (kind) {
    case KC_KIND_STRING: {
        const char *s = *(char *const *)src;
        if (s && !(*(char **)dst = kc_strdup(s)))
            return KC_ENOMEM;
        return 0;
    }
    case KC_KIND_QUANTITY: {
        const char *s = ((const kc_quantity_t *)src)->str;
        if (s && !(((kc_quantity_t *)dst)->str = kc_strdup(s)))
            return memset(dst, 0, sizeof(kc_quantity_t)), KC_ENOMEM;
        return 0;
    }
    case KC_KIND_INT_OR_STRING: {
        const char *s = ((const kc_int_or_string_t *)src)->str_val;
        if (s && !(((kc_int_or_string_t *)dst)->str_val = kc_strdup(s)))
            return memset(dst, 0, sizeof(kc_int_or_string_t)), KC_ENOMEM;
        return 0;
    }
    case KC_KIND_JSON: {
        const char *s = ((const kc_json_t *)src)->text;
        if (s && !(((kc_json_t *)dst)->text = kc_strdup(s)))
            return KC_ENOMEM;
        return 0;
    }
    case KC_KIND_STRUCT:
        return struct_fixup(type, dst, src);
    default:
        return 0;
    }
}

static void *alloc_array(size_t n, size_t es)
{
    if (es && n > SIZE_MAX / es)
        return NULL;
    return kc_malloc(n * es);
}

static void set_empty(const kc_field_t *f, void *out)
{
    *(void **)KC_AT(out, f->offset) = NULL;
    if (f->shape == KC_SHAPE_LIST || f->shape == KC_SHAPE_MAP)
        *(size_t *)KC_AT(out, f->count_offset) = 0;
}

static int field_fixup(const kc_field_t *f, void *out, const void *in)
{
    void *po = KC_AT(out, f->offset);
    const void *pi = KC_CAT(in, f->offset);
    switch (f->shape) {
    case KC_SHAPE_VALUE:
        return elem_fixup(f->kind, f->type, po, pi);
    case KC_SHAPE_PTR: {
        const void *q = *(void *const *)pi;
        size_t es = kc__elem_size(f->kind, f->type);
        void *d = kc_malloc(es);
        *(void **)po = d;
        if (!d)
            return KC_ENOMEM;
        memcpy(d, q, es);
        int rc = elem_fixup(f->kind, f->type, d, q);
        if (rc) {
            kc_free(d);
            *(void **)po = NULL;
        }
        return rc;
    }
    case KC_SHAPE_LIST:
    case KC_SHAPE_MAP: {
        size_t n = *(const size_t *)KC_CAT(in, f->count_offset);
        const char *a = *(char *const *)pi;
        unsigned ek = kc__elem_kind(f);
        size_t es = kc__elem_size(ek, f->type);
        char *d = n ? alloc_array(n, es) : NULL;
        if (!d) {
            set_empty(f, out);
            return n ? KC_ENOMEM : 0;
        }
        memcpy(d, a, n * es);
        if (!kc__kind_is_plain(ek)) {
            for (size_t i = 0; i < n; i++) {
                int rc = elem_fixup(ek, f->type, d + i * es, a + i * es);
                if (rc) {
                    while (i-- > 0)
                        elem_release(ek, f->type, d + i * es, &no_block);
                    kc_free(d);
                    set_empty(f, out);
                    return rc;
                }
            }
        }
        *(void **)po = d;
        return 0;
    }
    default:
        return 0;
    }
}

/* Zeroes a member that still aliases the source (after a failed copy). */
static void field_scrub(const kc_field_t *f, void *out)
{
    if (f->shape == KC_SHAPE_VALUE)
        memset(KC_AT(out, f->offset), 0, kc__elem_size(f->kind, f->type));
    else
        set_empty(f, out);
}

static int struct_fixup(const kc_type_t *t, void *out, const void *in)
{
    kc_unknown_t *u = kc__unknown(t, out);
    if (u && u->text && !(u->text = kc_strdup(u->text))) {
        memset(out, 0, t->size);
        return KC_ENOMEM;
    }
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const kc_field_t *f = &t->fields[i];
        if (f->shape == KC_SHAPE_VALUE) {
            if (kc__kind_is_plain(f->kind))
                continue;
        } else if (!*(void *const *)KC_CAT(in, f->offset)) {
            continue; /* NULL pointer: the memcpy already copied it */
        }
        int rc = field_fixup(f, out, in);
        if (rc) {
            for (uint32_t j = i + 1; j < t->n_fields; j++)
                field_scrub(&t->fields[j], out);
            struct_release(t, out, &no_block);
            memset(out, 0, t->size);
            return rc;
        }
    }
    return 0;
}

/* The copy of a block-backed object: a memcpy of the root and of the block,
 * then one walk that moves every pointer into the old block by the distance
 * between the blocks.  A pointer outside the block (a value the caller
 * assigned) stops the walk: the caller then builds the copy the general way. */
typedef struct reloc {
    uintptr_t lo, hi;
    ptrdiff_t delta;
} reloc_t;

static bool reloc_struct(const reloc_t *r, const kc_type_t *t, char *obj);

/* Moves the pointer at slot into the new block; false if it points outside. */
static inline bool reloc_ptr(const reloc_t *r, void *slot)
{
    char *p;
    memcpy(&p, slot, sizeof(p));
    if (!p)
        return true;
    if ((uintptr_t)p - r->lo >= r->hi - r->lo)
        return false;
    p += r->delta;
    memcpy(slot, &p, sizeof(p));
    return true;
}

static const uint8_t string_at[] = {
    [KC_KIND_STRING] = 0,
    [KC_KIND_QUANTITY] = offsetof(kc_quantity_t, str),
    [KC_KIND_INT_OR_STRING] = offsetof(kc_int_or_string_t, str_val),
    [KC_KIND_JSON] = offsetof(kc_json_t, text),
};

static inline bool reloc_elem(const reloc_t *r, unsigned kind, const kc_type_t *type, char *p)
{
    if (kind == KC_KIND_STRUCT)
        return reloc_struct(r, type, p);
    return reloc_ptr(r, p + string_at[kind]);
}

static bool reloc_struct(const reloc_t *r, const kc_type_t *t, char *obj)
{
    if (t->unknown_offset >= 0) {
        kc_unknown_t *u = kc__unknown(t, obj);
        /* a block-backed struct inside (its header lies in another block):
         * the general copy handles it */
        if ((u->present & KC_UNKNOWN_BLOCK) &&
            (uintptr_t)u->text - r->lo - (uintptr_t)r->delta >= r->hi - r->lo)
            return false;
        if (!reloc_ptr(r, kc_unknown_text(u)))
            return false;
    }
    for (const kc_field_t *f = t->fields, *end = f + t->n_fields; f < end; f++) {
        char *p = obj + f->offset;
        if (f->shape == KC_SHAPE_VALUE) {
            if (!kc__kind_is_plain(f->kind) && !reloc_elem(r, f->kind, f->type, p))
                return false;
            continue;
        }
        if (!*(char **)p)
            continue;
        if (!reloc_ptr(r, p))
            return false;
        unsigned ek = kc__elem_kind(f);
        if (kc__kind_is_plain(ek))
            continue;
        char *a = *(char **)p;
        size_t n = f->shape == KC_SHAPE_PTR ? 1 : *(const size_t *)(obj + f->count_offset);
        size_t es = kc__elem_size(ek, f->type);
        for (size_t i = 0; i < n; i++)
            if (!reloc_elem(r, ek, f->type, a + i * es))
                return false;
    }
    return true;
}

/* 1: copied; 0: the source holds a pointer outside its block; <0: error. */
static int copy_block(const kc_type_t *t, void *out, const void *in, const kc_block_t *b)
{
    char *nb = kc_malloc(b->bytes);
    if (!nb)
        return KC_ENOMEM;
    kc__advise_large(nb, b->bytes);
    memcpy(nb, b, b->bytes);
    memcpy(out, in, t->size);
    reloc_t r = {(uintptr_t)b, (uintptr_t)b + b->bytes, nb - (const char *)b};
    /* the root's unknown text slot is the header's: point the root at the
     * new header first, so the walk relocates the new header's text */
    kc__unknown(t, out)->text = nb;
    if (!reloc_struct(&r, t, out)) {
        kc_free(nb);
        return 0;
    }
    return 1;
}

int kc_object_deepcopy(const kc_type_t *t, void *out, const void *in)
{
    if (!t || !out || !in)
        return KC_EINVAL;
    if (t->unknown_offset < 0) { /* no block to record: one allocation per member */
        memcpy(out, in, t->size);
        return struct_fixup(t, out, in);
    }
    const kc_block_t *b = kc__block_of(t, in);
    int rc = b ? copy_block(t, out, in, b) : 0;
    if (rc == 1)
        return 0;
    if (rc == 0 && (rc = kc__block_build(t, out, in)) == 0)
        return 0;
    memset(out, 0, t->size);
    return rc;
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
        const char *ta = *kc_unknown_text(ua), *tb = *kc_unknown_text(ub);
        if (((ua->present ^ ub->present) & ~KC_UNKNOWN_BLOCK) ||
            strcmp(ta ? ta : "", tb ? tb : "") != 0)
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
