/*
 * json_encode.c - described structs straight to minified JSON text.
 *
 * Output order is the descriptor's field order, then the struct's unknown
 * members.  A member is written when it holds a non-zero value, or its
 * presence bit is set (the input spelled it out), or it is +required in a
 * struct the decoder did not fill.  An unknown member named like a declared
 * member that is written is left out (no key twice).
 */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "json_token.h"
#include "kc/alloc.h"
#include "kc/object.h"

typedef struct enc {
    kc_buf_t b;
    kc_error_t *err;
    int depth;
    int nseg;
    kc_seg_t segs[KC_MAX_DEPTH + 2];
} enc_t;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail(enc_t *e, int code, const char *fmt, ...)
{
    if (!e->err)
        return code;
    char path[256], msg[KC_ERROR_MESSAGE_MAX];
    int max = (int)(sizeof(e->segs) / sizeof(e->segs[0]));
    kc__path_format(path, sizeof(path), "", e->segs, e->nseg < max ? e->nseg : max);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (path[0])
        return kc_error_set(e->err, code, "%s: %s", path, msg);
    return kc_error_set(e->err, code, "%s", msg);
}

static inline void push(enc_t *e, const char *name, size_t len)
{
    if (e->nseg < (int)(sizeof(e->segs) / sizeof(e->segs[0])))
        e->segs[e->nseg] = (kc_seg_t){name, len};
    e->nseg++;
}

static int enter(enc_t *e)
{
    if (++e->depth > KC_MAX_DEPTH)
        return fail(e, KC_EDEPTH, "nesting deeper than %d (a cycle?)", KC_MAX_DEPTH);
    return 0;
}

/* ---- scalars ----------------------------------------------------------- */

#define PUT_LIT(e, s) kc__buf_put(&(e)->b, s, sizeof(s) - 1)

/* 0 = copy as is; otherwise the character after the backslash ('u' = \u00XX). */
static const char escape_of[256] = {
    ['\0'] = 'u', [1] = 'u', [2] = 'u', [3] = 'u', [4] = 'u', [5] = 'u', [6] = 'u', [7] = 'u',
    ['\b'] = 'u', ['\t'] = 't', ['\n'] = 'n', [11] = 'u', ['\f'] = 'u', ['\r'] = 'r',
    [14] = 'u', [15] = 'u', [16] = 'u', [17] = 'u', [18] = 'u', [19] = 'u', [20] = 'u',
    [21] = 'u', [22] = 'u', [23] = 'u', [24] = 'u', [25] = 'u', [26] = 'u', [27] = 'u',
    [28] = 'u', [29] = 'u', [30] = 'u', [31] = 'u', ['"'] = '"', ['\\'] = '\\',
};

static void put_string(kc_buf_t *b, const char *s, size_t n)
{
    if (!kc__buf_reserve(b, n + 2))
        return;
    char *o = b->p + b->len;
    const char *p = s, *end = s + n;
    *o++ = '"';
    for (;;) {
        const char *run = p;
        while (end - p >= 8) {
            uint64_t v;
            memcpy(&v, p, 8);
            if (kc__swar_special(v))
                break;
            p += 8;
        }
        while (p < end && !escape_of[(unsigned char)*p])
            p++;
        memcpy(o, run, (size_t)(p - run));
        o += p - run;
        if (p == end)
            break;
        b->len = (size_t)(o - b->p);
        if (!kc__buf_reserve(b, 6 + (size_t)(end - p) + 1))
            return;
        o = b->p + b->len;
        unsigned char c = (unsigned char)*p++;
        *o++ = '\\';
        char x = escape_of[c];
        *o++ = x;
        if (x == 'u') {
            static const char hex[] = "0123456789abcdef";
            *o++ = '0';
            *o++ = '0';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    *o++ = '"';
    b->len = (size_t)(o - b->p);
}

static void put_int(kc_buf_t *b, int64_t v)
{
    char tmp[24], *p = tmp + sizeof(tmp);
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    kc__buf_put(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

/* Go's encoding/json form: the shortest digits that read back as the same
 * double, in fixed notation for 1e-6 <= |v| < 1e21 and as d.ddde±x outside
 * (exponent without leading zeros when negative, two digits at least when
 * positive), so numbers the server sent come back byte for byte. */
static int put_double(enc_t *e, double v)
{
    if (!isfinite(v))
        return fail(e, KC_EINVAL, "%s cannot be written as JSON", isnan(v) ? "NaN" : "infinity");
    if (v == 0) {
        if (signbit(v))
            PUT_LIT(e, "-0");
        else
            PUT_LIT(e, "0");
        return 0;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        put_int(&e->b, (int64_t)v);
        return 0;
    }
    char tmp[48];
    /* for normal doubles %.15e is the shortest whenever 15 digits suffice;
     * subnormals have fewer significant digits, so search from 1 */
    for (int prec = fabs(v) < DBL_MIN ? 1 : 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof(tmp), "%.*e", prec - 1, v);
        if (prec == 17 || strtod(tmp, NULL) == v)
            break;
    }
    /* tmp = [-]d[<point>ddd]e±xx, the point in the C locale's spelling */
    char digits[24];
    int nd = 0, exp = 0;
    const char *p = tmp;
    bool neg = *p == '-';
    p += neg;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9' && nd < (int)sizeof(digits))
            digits[nd++] = *p;
    if (*p == 'e')
        exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    char out[64], *o = out;
    if (neg)
        *o++ = '-';
    double a = fabs(v);
    if (a >= 1e-6 && a < 1e21) {
        if (exp >= 0) {
            for (int i = 0; i <= exp || i < nd; i++) {
                if (i == exp + 1)
                    *o++ = '.';
                *o++ = i < nd ? digits[i] : '0';
            }
        } else {
            *o++ = '0';
            *o++ = '.';
            for (int i = -1; i > exp; i--)
                *o++ = '0';
            memcpy(o, digits, (size_t)nd);
            o += nd;
        }
    } else {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)nd - 1);
            o += nd - 1;
        }
        o += snprintf(o, 12, exp < 0 ? "e-%d" : "e+%02d", exp < 0 ? -exp : exp);
    }
    kc__buf_put(&e->b, out, (size_t)(o - out));
    return 0;
}

static int put_time(enc_t *e, const kc_time_t *t, bool micro)
{
    char buf[48];
    int n = kc__time_format(buf, t, micro);
    if (n < 0)
        return fail(e, KC_EINVAL, "time {%lld, %ld} cannot be written as RFC 3339",
                    (long long)t->sec, (long)t->nsec);
    kc__buf_putc(&e->b, '"');
    kc__buf_put(&e->b, buf, (size_t)n);
    kc__buf_putc(&e->b, '"');
    return 0;
}

/* A quantity that came as a JSON number goes back as one, if it still is one. */
static bool is_json_number(const char *s)
{
    const char *p = s;
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (*p >= '1' && *p <= '9')
        while (*p >= '0' && *p <= '9')
            p++;
    else
        return false;
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (*p < '0' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

/* ---- values ------------------------------------------------------------ */

static int encode_struct(enc_t *e, const kc_type_t *t, const void *base);

/* One value of `kind`, always written; absent values (NULL string, NULL
 * quantity or JSON, zero time) as null. */
static int write_elem(enc_t *e, unsigned kind, const kc_type_t *type, const void *p)
{
    switch (kind) {
    case KC_KIND_STRING: {
        const char *s = *(char *const *)p;
        if (s)
            put_string(&e->b, s, strlen(s));
        else
            PUT_LIT(e, "null");
        return 0;
    }
    case KC_KIND_BOOL:
        if (*(const bool *)p)
            PUT_LIT(e, "true");
        else
            PUT_LIT(e, "false");
        return 0;
    case KC_KIND_INT32:
        put_int(&e->b, *(const int32_t *)p);
        return 0;
    case KC_KIND_INT64:
        put_int(&e->b, *(const int64_t *)p);
        return 0;
    case KC_KIND_DOUBLE:
        return put_double(e, *(const double *)p);
    case KC_KIND_TIME:
    case KC_KIND_MICRO_TIME: {
        const kc_time_t *t = p;
        if (t->sec == 0 && t->nsec == 0) {
            PUT_LIT(e, "null");
            return 0;
        }
        return put_time(e, t, kind == KC_KIND_MICRO_TIME);
    }
    case KC_KIND_QUANTITY: {
        const kc_quantity_t *q = p;
        if (!q->str)
            PUT_LIT(e, "null");
        else if (q->number && is_json_number(q->str))
            kc__buf_put(&e->b, q->str, strlen(q->str));
        else
            put_string(&e->b, q->str, strlen(q->str));
        return 0;
    }
    case KC_KIND_INT_OR_STRING: {
        const kc_int_or_string_t *v = p;
        if (v->type == KC_INT_OR_STRING_STRING)
            put_string(&e->b, v->str_val ? v->str_val : "", v->str_val ? strlen(v->str_val) : 0);
        else
            put_int(&e->b, v->int_val);
        return 0;
    }
    case KC_KIND_JSON: {
        const char *s = ((const kc_json_t *)p)->text;
        if (s)
            kc__buf_put(&e->b, s, strlen(s));
        else
            PUT_LIT(e, "null");
        return 0;
    }
    case KC_KIND_STRUCT:
        if (!type)
            return fail(e, KC_EINVAL, "descriptor has a struct member without a type");
        return encode_struct(e, type, p);
    default:
        return fail(e, KC_EINVAL, "descriptor has an invalid kind %u", kind);
    }
}

/* What a pointer (a PTR member or map value) points to: null for NULL; a
 * time it points to is always a time, also the zero one (the pointer says it
 * was set, as Go's *metav1.Time does). */
static int write_target(enc_t *e, unsigned kind, const kc_type_t *type, const void *q)
{
    if (!q) {
        PUT_LIT(e, "null");
        return 0;
    }
    if (kind == KC_KIND_TIME || kind == KC_KIND_MICRO_TIME)
        return put_time(e, q, kind == KC_KIND_MICRO_TIME);
    return write_elem(e, kind, type, q);
}

/* Is a VALUE member of a non-struct kind empty (Go's omitempty)? */
static bool value_is_empty(unsigned kind, const void *p)
{
    switch (kind) {
    case KC_KIND_STRING: {
        const char *s = *(char *const *)p;
        return !s || !*s;
    }
    case KC_KIND_BOOL: return !*(const bool *)p;
    case KC_KIND_INT32: return *(const int32_t *)p == 0;
    case KC_KIND_INT64: return *(const int64_t *)p == 0;
    case KC_KIND_DOUBLE: return *(const double *)p == 0;
    case KC_KIND_TIME:
    case KC_KIND_MICRO_TIME: {
        const kc_time_t *t = p;
        return t->sec == 0 && t->nsec == 0;
    }
    case KC_KIND_QUANTITY: return !((const kc_quantity_t *)p)->str;
    case KC_KIND_INT_OR_STRING: {
        const kc_int_or_string_t *v = p;
        return v->type == KC_INT_OR_STRING_STRING ? !v->str_val : v->int_val == 0;
    }
    case KC_KIND_JSON: return !((const kc_json_t *)p)->text;
    default: return false;
    }
}

static int write_list(enc_t *e, const kc_field_t *f, const void *base)
{
    size_t n = *(const size_t *)KC_CAT(base, f->count_offset);
    const char *a = *(char *const *)KC_CAT(base, f->offset);
    size_t es = kc__elem_size(f->kind, f->type);
    int rc;
    if ((rc = enter(e)))
        return rc;
    kc__buf_putc(&e->b, '[');
    for (size_t i = 0; i < n && a; i++) {
        if (i)
            kc__buf_putc(&e->b, ',');
        push(e, NULL, i);
        rc = write_elem(e, f->kind, f->type, a + i * es);
        e->nseg--;
        if (rc)
            return rc;
    }
    kc__buf_putc(&e->b, ']');
    e->depth--;
    return 0;
}

static int write_map(enc_t *e, const kc_field_t *f, const void *base)
{
    const kc_type_t *et = f->type;
    if (!et || et->n_fields < 2)
        return fail(e, KC_EINVAL, "map member without an entry type");
    size_t n = *(const size_t *)KC_CAT(base, f->count_offset);
    const char *a = *(char *const *)KC_CAT(base, f->offset);
    const kc_field_t *kf = &et->fields[0], *vf = &et->fields[1];
    int rc;
    if ((rc = enter(e)))
        return rc;
    kc__buf_putc(&e->b, '{');
    for (size_t i = 0; i < n && a; i++) {
        const char *entry = a + i * et->size;
        const char *key = *(char *const *)(entry + kf->offset);
        if (!key)
            key = "";
        if (i)
            kc__buf_putc(&e->b, ',');
        size_t klen = strlen(key);
        put_string(&e->b, key, klen);
        kc__buf_putc(&e->b, ':');
        push(e, key, klen);
        const void *vp = entry + vf->offset;
        rc = vf->shape == KC_SHAPE_PTR ? write_target(e, vf->kind, vf->type, *(void *const *)vp)
                                       : write_elem(e, vf->kind, vf->type, vp);
        e->nseg--;
        if (rc)
            return rc;
    }
    kc__buf_putc(&e->b, '}');
    e->depth--;
    return 0;
}

static bool field_is_empty(const kc_field_t *f, const void *base);

/* Would a value struct be left out entirely: nothing set, nothing spelled
 * out by the input, no unknown members?  (Its +required members alone do not
 * bring it into the output.) */
static bool struct_is_empty(const kc_type_t *t, const void *base)
{
    const kc_unknown_t *u = kc__cunknown(t, base);
    const char *text = u ? *kc_unknown_text(u) : NULL;
    if (u && ((u->present & ~(KC_UNKNOWN_DECODED | KC_UNKNOWN_BLOCK)) || (text && text[0])))
        return false;
    for (uint32_t i = 0; i < t->n_fields; i++)
        if (!field_is_empty(&t->fields[i], base))
            return false;
    return true;
}

static bool field_is_empty(const kc_field_t *f, const void *base)
{
    const void *p = KC_CAT(base, f->offset);
    switch (f->shape) {
    case KC_SHAPE_VALUE:
        if (f->kind == KC_KIND_STRUCT)
            return !f->type || struct_is_empty(f->type, p);
        return value_is_empty(f->kind, p);
    case KC_SHAPE_PTR:
        return *(void *const *)p == NULL;
    default:
        return *(const size_t *)KC_CAT(base, f->count_offset) == 0;
    }
}

static void put_name(enc_t *e, const kc_field_t *f, bool *first)
{
    if (!kc__buf_reserve(&e->b, f->json_name_len + 4))
        return;
    char *o = e->b.p + e->b.len;
    if (!*first)
        *o++ = ',';
    *o++ = '"';
    memcpy(o, f->json_name, f->json_name_len); /* JSON names need no escaping */
    o += f->json_name_len;
    *o++ = '"';
    *o++ = ':';
    e->b.len = (size_t)(o - e->b.p);
    *first = false;
}

/* Is a declared member written: it holds a value, or the input spelled it
 * out, or it is +required in a struct the decoder did not fill? */
static bool member_written(const kc_field_t *f, const void *base, bool present, bool decoded)
{
    return present || ((f->flags & KC_FIELD_REQUIRED) && !decoded) || !field_is_empty(f, base);
}

/* Writes a member that member_written() keeps: its value, or null for an
 * absent pointer, string, quantity, JSON or a zero time. */
static int write_member(enc_t *e, const kc_field_t *f, const void *base, bool *first)
{
    const void *p = KC_CAT(base, f->offset);
    int rc = 0;
    push(e, f->json_name, f->json_name_len);
    put_name(e, f, first);
    switch (f->shape) {
    case KC_SHAPE_VALUE:
        rc = write_elem(e, f->kind, f->type, p);
        break;
    case KC_SHAPE_PTR:
        rc = write_target(e, f->kind, f->type, *(void *const *)p);
        break;
    case KC_SHAPE_LIST:
        rc = write_list(e, f, base);
        break;
    case KC_SHAPE_MAP:
        rc = write_map(e, f, base);
        break;
    default:
        rc = fail(e, KC_EINVAL, "descriptor has an invalid shape %u", f->shape);
    }
    e->nseg--;
    return rc;
}

static inline bool bit_set(uint64_t present, uint32_t i)
{
    return i < KC_MAX_FIELDS && (present >> i & 1);
}

static inline bool is_decoded(const kc_unknown_t *u)
{
    return u && (u->present & KC_UNKNOWN_DECODED);
}

/* Unknown text is written as is, except members that share the name of a
 * declared member written from the struct (the decoder keeps an explicit
 * null of a value member there; a caller who then sets the member must not
 * get the key twice). */
typedef struct unknown_filter {
    enc_t *e;
    const kc_type_t *t;
    const void *base;
    bool decoded;
    bool *first;
} unknown_filter_t;

static int filter_member(void *ctx, const char *name, size_t name_len, const char *value,
                         size_t value_len)
{
    unknown_filter_t *uf = ctx;
    char small[128];
    const char *n = name;
    size_t nl = name_len;
    if (memchr(name, '\\', name_len) && name_len < sizeof(small)) {
        kc__str_span_t span = {name, name_len, true, false};
        nl = kc__tok_unescape(&span, small);
        n = small;
    }
    const kc_type_t *ot;
    size_t off;
    uint32_t pos;
    int idx = kc__field_lookup(uf->t, n, nl, &ot, &off, &pos);
    if (idx >= 0) {
        const void *ob = KC_CAT(uf->base, off);
        const kc_unknown_t *ou = kc__cunknown(ot, ob);
        uint64_t present = ou ? ou->present : 0;
        if (member_written(&ot->fields[idx], ob, bit_set(present, (uint32_t)idx),
                           uf->decoded || is_decoded(ou)))
            return 0;
    }
    if (!*uf->first)
        kc__buf_putc(&uf->e->b, ',');
    kc__buf_put(&uf->e->b, name - 1, name_len + 2); /* with its quotes */
    kc__buf_putc(&uf->e->b, ':');
    kc__buf_put(&uf->e->b, value, value_len);
    *uf->first = false;
    return 0;
}

static void put_unknown(enc_t *e, const kc_type_t *t, const void *base, bool decoded, bool *first)
{
    const kc_unknown_t *u = kc__cunknown(t, base);
    const char *text = u ? *kc_unknown_text(u) : NULL;
    if (!text || !text[0])
        return;
    size_t len = strlen(text), mark = e->b.len;
    bool was_first = *first;
    unknown_filter_t uf = {e, t, base, decoded || is_decoded(u), first};
    if (kc__json_member_list(text, len, filter_member, &uf, NULL) == 0)
        return;
    /* not a member list we can read: the caller's text goes out as it is */
    e->b.len = mark < e->b.len ? mark : e->b.len;
    *first = was_first;
    if (!*first)
        kc__buf_putc(&e->b, ',');
    kc__buf_put(&e->b, text, len);
    *first = false;
}

/* The members of t (and of its +json:inline members, spliced in; they
 * count as decoded when their parent was). */
static int encode_members(enc_t *e, const kc_type_t *t, const void *base, bool decoded,
                          bool *first)
{
    const kc_unknown_t *u = kc__cunknown(t, base);
    uint64_t present = u ? u->present : 0;
    decoded = decoded || is_decoded(u);
    for (uint32_t i = 0; i < t->n_fields; i++) {
        const kc_field_t *f = &t->fields[i];
        int rc;
        if (kc__field_is_inline(f)) {
            const void *ib = KC_CAT(base, f->offset);
            if ((rc = encode_members(e, f->type, ib, decoded, first)))
                return rc;
            put_unknown(e, f->type, ib, decoded, first);
            continue;
        }
        if (member_written(f, base, bit_set(present, i), decoded) &&
            (rc = write_member(e, f, base, first)))
            return rc;
    }
    return 0;
}

static int encode_struct(enc_t *e, const kc_type_t *t, const void *base)
{
    int rc;
    if ((rc = enter(e)))
        return rc;
    bool first = true;
    kc__buf_putc(&e->b, '{');
    if ((rc = encode_members(e, t, base, false, &first)))
        return rc;
    put_unknown(e, t, base, false, &first);
    kc__buf_putc(&e->b, '}');
    e->depth--;
    return 0;
}

int kc_json_encode(const kc_type_t *t, const void *in, char **out, size_t *out_len,
                   kc_error_t *err)
{
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!t || !in || !out)
        return kc_error_set(err, KC_EINVAL, "kc_json_encode: NULL argument");
    enc_t e;
    memset(&e, 0, offsetof(enc_t, segs));
    e.err = err;
    int rc = encode_struct(&e, t, in);
    if (!rc && (e.b.oom || !kc__buf_reserve(&e.b, 0)))
        rc = kc_error_set(err, KC_ENOMEM, "out of memory");
    if (rc) {
        kc_free(e.b.p);
        return rc;
    }
    e.b.p[e.b.len] = '\0';
    *out = e.b.p;
    if (out_len)
        *out_len = e.b.len;
    return 0;
}
