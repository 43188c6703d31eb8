/*
 * json_decode.c - JSON text straight into described structs.
 *
 * Driven by the pull tokenizer of json_token.c: no intermediate tree,
 * integers parsed exactly as int64, strings copied once.  Declared members
 * are found by binary search over the type's by_name table (then in
 * +json:inline members); the others are appended, minified, to the struct's
 * kc_unknown_t.
 *
 * kc_json_decode() runs the decoder in a scratch arena (no malloc per
 * member) and compacts the result into one block (shared.c): a block-backed
 * object.  The decoder itself allocates with kc_malloc & co. as usual, so
 * kc__json_decode_scattered() (no arena) gives one allocation per member.
 *
 * Failure handling: every member is kept consistent at all times (a list's
 * count covers each element as soon as it is zeroed, a PTR's target is
 * attached before it is filled), so on any error the decoder releases the
 * partly filled struct with kc_object_free() and nothing leaks.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "json_token.h"
#include "kc/alloc.h"
#include "kc/object.h"

typedef kc__dec_t dec_t;

/* ---- typed values -------------------------------------------------------- */

static int decode_struct(dec_t *d, const kc_type_t *t, void *base);

/* One element of `kind` at d->p (not null: callers handle null). */
static int decode_elem(dec_t *d, unsigned kind, const kc_type_t *type, void *p)
{
    int c = kc__tok_peek(d), rc;
    switch (kind) {
    case KC_KIND_STRING:
        if (c != '"')
            return kc__tok_mismatch(d, "string");
        return kc__tok_string_value(d, (char **)p);
    case KC_KIND_BOOL:
        if (c == 't') {
            *(bool *)p = true;
            return kc__tok_literal(d, "true", 4);
        }
        if (c == 'f') {
            *(bool *)p = false;
            return kc__tok_literal(d, "false", 5);
        }
        return kc__tok_mismatch(d, "boolean");
    case KC_KIND_INT32: {
        int64_t v;
        if ((rc = kc__tok_int(d, INT32_MIN, INT32_MAX, "int32", &v)))
            return rc;
        *(int32_t *)p = (int32_t)v;
        return 0;
    }
    case KC_KIND_INT64:
        return kc__tok_int(d, INT64_MIN, INT64_MAX, "int64", (int64_t *)p);
    case KC_KIND_DOUBLE:
        return kc__tok_double(d, (double *)p);
    case KC_KIND_TIME:
    case KC_KIND_MICRO_TIME: {
        if (c != '"')
            return kc__tok_mismatch(d, "RFC 3339 time string");
        const char *at = d->p;
        kc__str_span_t s;
        if ((rc = kc__tok_string(d, &s)))
            return rc;
        char tmp[64];
        size_t n = s.len;
        if (s.escaped && n < sizeof(tmp))
            n = kc__tok_unescape(&s, tmp);
        if (n >= sizeof(tmp) || kc__time_parse(s.escaped ? tmp : s.raw, n, p) != 0) {
            d->p = at;
            return kc__tok_fail(d, KC_ETYPE, "expected RFC 3339 time, got \"%.*s\"",
                                (int)(s.len > 40 ? 40 : s.len), s.raw);
        }
        return 0;
    }
    case KC_KIND_QUANTITY: {
        kc_quantity_t *q = p;
        if (c == '"') {
            q->number = false;
            return kc__tok_string_value(d, &q->str);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            kc__num_span_t n;
            if ((rc = kc__tok_number(d, &n)))
                return rc;
            if (!(q->str = kc_strndup(n.s, n.len)))
                return kc__tok_nomem(d);
            q->number = true;
            return 0;
        }
        return kc__tok_mismatch(d, "quantity (string or number)");
    }
    case KC_KIND_INT_OR_STRING: {
        kc_int_or_string_t *v = p;
        if (c == '"') {
            v->type = KC_INT_OR_STRING_STRING;
            return kc__tok_string_value(d, &v->str_val);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int64_t x;
            if ((rc = kc__tok_int(d, INT32_MIN, INT32_MAX, "int32", &x)))
                return rc;
            v->type = KC_INT_OR_STRING_INT;
            v->int_val = (int32_t)x;
            return 0;
        }
        return kc__tok_mismatch(d, "integer or string");
    }
    case KC_KIND_JSON: {
        kc_buf_t b = {0};
        if ((rc = kc__tok_minify(d, &b))) {
            kc_free(b.p);
            return rc;
        }
        if (!kc__buf_reserve(&b, 0)) {
            kc_free(b.p);
            return kc__tok_nomem(d);
        }
        b.p[b.len] = '\0';
        ((kc_json_t *)p)->text = b.p;
        return 0;
    }
    case KC_KIND_STRUCT:
        if (!type)
            return kc__tok_fail(d, KC_EINVAL, "descriptor has a struct member without a type");
        if (c != '{')
            return kc__tok_mismatch(d, "object");
        return decode_struct(d, type, p);
    default:
        return kc__tok_fail(d, KC_EINVAL, "descriptor has an invalid kind %u", kind);
    }
}

/* An element of a list or a map value: null leaves the zero value. */
static int decode_elem_or_null(dec_t *d, unsigned kind, const kc_type_t *type, void *p)
{
    if (kc__tok_is_null(d))
        return kc__tok_literal(d, "null", 4);
    return decode_elem(d, kind, type, p);
}

/* Grows a list/map array by one zeroed element that the count already
 * covers, so a failure inside it is released with the rest. */
static void *append_elem(dec_t *d, void **arr, size_t *count, size_t *cap, size_t es)
{
    if (*count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        if (ncap > SIZE_MAX / es) {
            kc__tok_nomem(d);
            return NULL;
        }
        void *a = kc_realloc(*arr, ncap * es);
        if (!a) {
            kc__tok_nomem(d);
            return NULL;
        }
        *arr = a;
        *cap = ncap;
    }
    void *e = (char *)*arr + *count * es;
    memset(e, 0, es);
    (*count)++;
    return e;
}

/* Gives back the unused tail of a list grown by doubling (decoded objects
 * are long-lived in caches); if realloc fails the larger block is kept. */
static void shrink(void **arr, size_t count, size_t cap, size_t es)
{
    if (cap - count > 1 || (cap > count && es >= 64)) {
        void *a = kc_realloc(*arr, count * es);
        if (a)
            *arr = a;
    }
}

static int decode_list(dec_t *d, const kc_field_t *f, void *base)
{
    if (kc__tok_peek(d) != '[')
        return kc__tok_mismatch(d, "array");
    void **arr = KC_AT(base, f->offset);
    size_t *count = KC_AT(base, f->count_offset), cap = 0;
    size_t es = kc__elem_size(f->kind, f->type);
    if (!es)
        return kc__tok_fail(d, KC_EINVAL, "descriptor has a list member without an element type");
    int rc = kc__tok_open(d, ']');
    if (rc)
        return rc < 0 ? rc : 0;
    for (;;) {
        void *e = append_elem(d, arr, count, &cap, es);
        if (!e)
            return KC_ENOMEM;
        kc__tok_push_index(d, *count - 1);
        rc = decode_elem_or_null(d, f->kind, f->type, e);
        kc__tok_pop(d);
        if (rc || (rc = kc__tok_next(d, ']')) < 0)
            return rc;
        if (rc == 0)
            break;
    }
    shrink(arr, *count, cap, es);
    d->depth--;
    return 0;
}

/* Map keys are unique (last wins, like Go): a small map is searched
 * linearly, a large one through an open-addressing table of entry indices. */
typedef struct key_index {
    uint32_t *slots; /* entry index + 1; 0 = empty */
    size_t mask;
} key_index_t;

static uint64_t hash_key(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

#define KEY_INDEX_MIN 16

static const char *entry_key(const kc_type_t *et, const char *arr, size_t es, size_t i)
{
    return *(char *const *)(arr + i * es + et->fields[0].offset);
}

static bool key_index_insert(key_index_t *ki, const kc_type_t *et, const char *arr, size_t es,
                             size_t i, size_t *dup)
{
    const char *k = entry_key(et, arr, es, i);
    for (size_t s = hash_key(k) & ki->mask;; s = (s + 1) & ki->mask) {
        if (!ki->slots[s]) {
            ki->slots[s] = (uint32_t)(i + 1);
            return false;
        }
        if (strcmp(entry_key(et, arr, es, ki->slots[s] - 1), k) == 0) {
            *dup = ki->slots[s] - 1;
            return true;
        }
    }
}

static int key_index_build(dec_t *d, key_index_t *ki, const kc_type_t *et, const char *arr,
                           size_t es, size_t n)
{
    size_t cap = 64;
    while (cap < n * 2)
        cap *= 2;
    uint32_t *slots = kc_calloc(cap, sizeof(*slots));
    if (!slots || n >= UINT32_MAX) {
        kc_free(slots);
        return kc__tok_nomem(d);
    }
    kc_free(ki->slots);
    ki->slots = slots;
    ki->mask = cap - 1;
    size_t dup;
    for (size_t i = 0; i < n; i++)
        key_index_insert(ki, et, arr, es, i, &dup);
    return 0;
}

/* Finds an earlier entry with the same key as entry n (the newest). */
static int find_dup(dec_t *d, key_index_t *ki, const kc_type_t *et, const char *arr, size_t es,
                    size_t n, size_t *dup)
{
    if (n < KEY_INDEX_MIN) {
        const char *k = entry_key(et, arr, es, n);
        for (size_t i = 0; i < n; i++)
            if (strcmp(entry_key(et, arr, es, i), k) == 0) {
                *dup = i;
                return 1;
            }
        return 0;
    }
    if (!ki->slots || (n + 1) * 2 > ki->mask + 1) {
        int rc = key_index_build(d, ki, et, arr, es, n);
        if (rc)
            return rc;
    }
    return key_index_insert(ki, et, arr, es, n, dup) ? 1 : 0;
}

static int decode_map(dec_t *d, const kc_field_t *f, void *base)
{
    const kc_type_t *et = f->type;
    if (!et || et->n_fields < 2)
        return kc__tok_fail(d, KC_EINVAL, "map member %s has no entry type",
                            f->c_name ? f->c_name : "?");
    if (kc__tok_peek(d) != '{')
        return kc__tok_mismatch(d, "object");
    const kc_field_t *kf = &et->fields[0], *vf = &et->fields[1];
    void **arr = KC_AT(base, f->offset);
    size_t *count = KC_AT(base, f->count_offset), cap = 0, es = et->size;
    key_index_t ki = {NULL, 0};
    int rc = kc__tok_open(d, '}');
    if (rc)
        return rc < 0 ? rc : 0;
    for (;;) {
        if (kc__tok_peek(d) != '"') {
            rc = kc__tok_syntax(d, "expected member name");
            break;
        }
        const char *name = d->p + 1;
        char *e = append_elem(d, arr, count, &cap, es);
        if (!e) {
            rc = KC_ENOMEM;
            break;
        }
        if ((rc = kc__tok_string_value(d, (char **)(e + kf->offset))))
            break;
        size_t name_len = (size_t)(d->p - 1 - name);
        kc__tok_ws(d);
        if (kc__tok_peek(d) != ':') {
            rc = kc__tok_syntax(d, "expected ':'");
            break;
        }
        d->p++;
        kc__tok_ws(d);
        kc__tok_push_name(d, name, name_len);
        void *vp = e + vf->offset;
        if (vf->shape == KC_SHAPE_PTR && !kc__tok_is_null(d)) {
            void *q = kc_calloc(1, kc__elem_size(vf->kind, vf->type));
            if (!q) {
                rc = kc__tok_nomem(d);
                kc__tok_pop(d);
                break;
            }
            *(void **)vp = q;
            vp = q;
        }
        rc = decode_elem_or_null(d, vf->kind, vf->type, vp);
        kc__tok_pop(d);
        if (rc)
            break;
        size_t dup = 0;
        rc = find_dup(d, &ki, et, (const char *)*arr, es, *count - 1, &dup);
        if (rc < 0)
            break;
        if (rc == 1) { /* last wins: the new entry replaces the old in place */
            char *old = (char *)*arr + dup * es;
            kc__elem_free(KC_KIND_STRUCT, et, old);
            memcpy(old, e, es);
            (*count)--;
        }
        if ((rc = kc__tok_next(d, '}')) <= 0)
            break;
    }
    kc_free(ki.slots);
    if (rc)
        return rc;
    shrink(arr, *count, cap, es);
    d->depth--;
    return 0;
}

/* A declared member: null sets the presence bit and leaves the member zero
 * (NULL); a repeated member replaces the earlier value. */
static int decode_member(dec_t *d, const kc_field_t *f, void *base, kc_unknown_t *u, uint32_t idx)
{
    uint64_t bit = idx < KC_MAX_FIELDS ? (uint64_t)1 << idx : 0;
    /* members start zeroed; only a repeated one holds a value to release */
    if (!u || !bit || (u->present & bit))
        kc__field_free(f, base);
    if (u)
        u->present |= bit;
    if (kc__tok_is_null(d))
        return kc__tok_literal(d, "null", 4);
    void *p = KC_AT(base, f->offset);
    switch (f->shape) {
    case KC_SHAPE_VALUE:
        return decode_elem(d, f->kind, f->type, p);
    case KC_SHAPE_PTR: {
        void *q = kc_calloc(1, kc__elem_size(f->kind, f->type));
        if (!q)
            return kc__tok_nomem(d);
        *(void **)p = q;
        return decode_elem(d, f->kind, f->type, q);
    }
    case KC_SHAPE_LIST:
        return decode_list(d, f, base);
    case KC_SHAPE_MAP:
        return decode_map(d, f, base);
    default:
        return kc__tok_fail(d, KC_EINVAL, "descriptor has an invalid shape %u", f->shape);
    }
}

/* Appends `"name":value` (both spans exactly as read) to an unknown buffer. */
static void put_member(kc_buf_t *ub, const char *key, size_t key_len, const char *v, size_t v_len)
{
    if (ub->len)
        kc__buf_putc(ub, ',');
    kc__buf_put(ub, key, key_len);
    kc__buf_putc(ub, ':');
    kc__buf_put(ub, v, v_len);
}

/* A declared member the C form cannot tell from absent with its presence bit
 * alone is kept as an unknown member instead, exactly as spelled, and the
 * member itself is left zero and not present (the encoder writes the unknown
 * member unless the member gets a value, see json_encode.c):
 *   - null for a member that cannot be absent (value scalars and structs,
 *     lists, maps: kc__field_nullable() is false);
 *   - a time written back as the zero time ("1970-01-01T00:00:00Z", also
 *     "...00.5Z" for a seconds-precision Time), since zero + present means
 *     null: the text keeps it exactly, the member stays zero.
 * Without an unknown member (ub NULL) the member is only cleared. */
static void keep_as_unknown(const kc_field_t *f, void *base, kc_unknown_t *u, uint32_t idx,
                            kc_buf_t *ub, const char *key, size_t key_len, const char *v,
                            size_t v_len)
{
    if (u && idx < KC_MAX_FIELDS)
        u->present &= ~((uint64_t)1 << idx);
    kc__field_free(f, base);
    if (ub)
        put_member(ub, key, key_len, v, v_len);
}

/* Does a time member hold a value that is written back as the zero time
 * ("1970-01-01T00:00:00Z" at its precision: seconds, or microseconds for
 * MicroTime)?  Present + zero means null, so such a value is kept as text. */
static inline bool is_zero_time_member(const kc_field_t *f, const void *base)
{
    if (f->shape != KC_SHAPE_VALUE || (f->kind != KC_KIND_TIME && f->kind != KC_KIND_MICRO_TIME))
        return false;
    const kc_time_t *t = KC_CAT(base, f->offset);
    return t->sec == 0 && t->nsec < (f->kind == KC_KIND_TIME ? 1000000000 : 1000);
}

static inline int name_cmp(const kc_field_t *f, const char *name, size_t len)
{
    size_t n = f->json_name_len < len ? f->json_name_len : len;
    int c = memcmp(f->json_name, name, n);
    if (c)
        return c;
    return f->json_name_len < len ? -1 : f->json_name_len > len;
}

static inline bool name_is(const kc_field_t *f, const char *name, size_t len)
{
    return f->json_name_len == len && memcmp(f->json_name, name, len) == 0 &&
           !(f->flags & KC_FIELD_INLINE); /* an inline member has no name of its own */
}

int kc__field_lookup(const kc_type_t *t, const char *name, size_t len, const kc_type_t **owner_t,
                     size_t *owner_offset, uint32_t *pos)
{
    uint32_t lo = 0, hi = t->n_by_name;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        uint16_t i = t->by_name[mid];
        int c = name_cmp(&t->fields[i], name, len);
        if (c == 0) {
            *owner_t = t;
            *owner_offset = 0;
            *pos = mid;
            return i;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (t->n_by_name == t->n_fields)
        return -1;
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const kc_field_t *f = &t->fields[i];
        if (kc__field_is_inline(f)) {
            int r = kc__field_lookup(f->type, name, len, owner_t, owner_offset, pos);
            if (r >= 0) {
                *owner_offset += f->offset;
                return r;
            }
        }
    }
    return -1;
}

static int decode_struct(dec_t *d, const kc_type_t *t, void *base)
{
    kc_unknown_t *u = kc__unknown(t, base);
    kc_buf_t ub = {0};
    uint32_t next_field = 0, next_sorted = 0;
    int rc = kc__tok_open(d, '}');
    if (rc < 0)
        return rc;
    if (u)
        u->present |= KC_UNKNOWN_DECODED;
    if (rc)
        return 0;
    for (;;) {
        if (kc__tok_peek(d) != '"') {
            rc = kc__tok_syntax(d, "expected member name");
            break;
        }
        const char *key_at = d->p;
        kc__str_span_t key;
        if ((rc = kc__tok_string(d, &key)))
            break;
        const char *key_end = d->p;
        kc__tok_ws(d);
        if (kc__tok_peek(d) != ':') {
            rc = kc__tok_syntax(d, "expected ':'");
            break;
        }
        d->p++;
        kc__tok_ws(d);

        const char *name = key.raw;
        size_t name_len = key.len;
        char small[128], *heap = NULL;
        if (key.escaped) {
            char *tmp = key.len < sizeof(small) ? small : (heap = kc_malloc(key.len));
            if (!tmp) {
                rc = kc__tok_nomem(d);
                break;
            }
            name_len = kc__tok_unescape(&key, tmp);
            name = tmp;
        }
        /* Objects usually list members in declaration order (Go structs)
         * or sorted by name (CRDs, unstructured): try the member after the
         * previous match in both orders before searching. */
        const kc_type_t *ot = t;
        size_t off = 0;
        int idx = -1;
        uint32_t pos = UINT32_MAX;
        if (next_field < t->n_fields && name_is(&t->fields[next_field], name, name_len)) {
            idx = (int)next_field;
        } else if (next_sorted < t->n_by_name &&
                   name_is(&t->fields[t->by_name[next_sorted]], name, name_len)) {
            idx = t->by_name[next_sorted];
            pos = next_sorted;
        } else {
            idx = kc__field_lookup(t, name, name_len, &ot, &off, &pos);
        }
        kc_free(heap);
        if (idx >= 0 && ot == t) {
            next_field = (uint32_t)idx + 1;
            if (pos != UINT32_MAX)
                next_sorted = pos + 1;
        }

        kc__tok_push_name(d, key.raw, key.len);
        const char *v = d->p;
        if (idx >= 0) {
            const kc_field_t *f = &ot->fields[idx];
            void *ob = KC_AT(base, off);
            kc_unknown_t *ou = kc__unknown(ot, ob);
            bool null = kc__tok_is_null(d);
            if (null && !kc__field_nullable(f)) {
                if (!(rc = kc__tok_literal(d, "null", 4)))
                    keep_as_unknown(f, ob, ou, (uint32_t)idx, u ? &ub : NULL, key_at,
                                    (size_t)(key_end - key_at), v, 4);
            } else if (!(rc = decode_member(d, f, ob, ou, (uint32_t)idx)) && !null &&
                       is_zero_time_member(f, ob)) {
                keep_as_unknown(f, ob, ou, (uint32_t)idx, u ? &ub : NULL, key_at,
                                (size_t)(key_end - key_at), v, (size_t)(d->p - v));
            }
        } else if (u) {
            put_member(&ub, key_at, (size_t)(key_end - key_at), "", 0);
            rc = kc__tok_minify(d, &ub);
        } else {
            rc = kc__tok_minify(d, NULL);
        }
        if (!rc && ub.oom)
            rc = kc__tok_nomem(d);
        kc__tok_pop(d);
        if (rc || (rc = kc__tok_next(d, '}')) <= 0)
            break;
    }
    if (rc) {
        kc_free(ub.p);
        return rc;
    }
    if (ub.len) {
        ub.p[ub.len] = '\0'; /* kc__buf_reserve always leaves room for it */
        kc_free(u->text);
        u->text = ub.p;
    }
    d->depth--;
    return 0;
}

/* ---- entry points ------------------------------------------------------ */

int kc__json_decode_scattered(const kc_type_t *t, void *out, const char *json, size_t len,
                              const char *path, kc_error_t *err)
{
    if (!t || !out || (!json && len))
        return kc_error_set(err, KC_EINVAL, "kc_json_decode: NULL argument");
    memset(out, 0, t->size);
    dec_t d;
    kc__tok_init(&d, json, len, path, err);
    kc__tok_ws(&d);
    int rc;
    if (kc__tok_peek(&d) != '{') {
        rc = kc__tok_mismatch(&d, "object");
    } else if (!(rc = decode_struct(&d, t, out))) {
        kc__tok_ws(&d);
        if (d.p != d.end)
            rc = kc__tok_syntax(&d, "trailing characters after the JSON value");
    }
    if (rc)
        kc_object_free(t, out);
    return rc;
}

/* Decodes into scratch memory (an arena: no malloc per member; frees inside
 * the decoder cost nothing), then compacts the result into one block with
 * `out` as its root.  On failure the arena goes away whole. */
int kc__json_decode_prefixed(const kc_type_t *t, void *out, const char *json, size_t len,
                             const char *path, kc_error_t *err)
{
    if (!t || !out || t->unknown_offset < 0) /* no kc_unknown_t to record a block on */
        return kc__json_decode_scattered(t, out, json, len, path, err);
    _Alignas(16) char stack[KC__DECODE_STACK];
    kc__arena_t a;
    kc__arena_begin(&a, stack, sizeof(stack));
    int rc = kc__json_decode_scattered(t, out, json, len, path, err);
    kc__arena_stop(&a);
    if (!rc && (rc = kc__block_build(t, out, out))) {
        memset(out, 0, t->size);
        kc_error_set(err, rc, rc == KC_ENOMEM ? "out of memory" : "nesting too deep");
    }
    kc__arena_release(&a);
    return rc;
}

int kc_json_decode(const kc_type_t *t, void *out, const char *json, size_t len, kc_error_t *err)
{
    return kc__json_decode_prefixed(t, out, json, len, "", err);
}
